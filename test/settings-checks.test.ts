/**
 * Each settings check alone on its table of cases (common/settings/checks/NAME.cases.ts), as the spec rules are
 * on theirs: exactly the reports it gives, in order; and every check in SETTINGS_CHECKS has a table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SettingsCheckCase } from '../common/settings/check';
import type { SettingsReport } from '../common/settings/findings';
import type { IntegrationSettings } from '../common/settings/model';
import { SETTINGS_CHECKS } from '../common/settings/validate';
import { cases as keys } from '../common/settings/checks/keys.cases';
import { cases as fieldValues } from '../common/settings/checks/field-values.cases';
import { cases as required } from '../common/settings/checks/required.cases';
import { cases as name } from '../common/settings/checks/name.cases';
import { cases as hostname } from '../common/settings/checks/hostname.cases';
import { cases as icon } from '../common/settings/checks/icon.cases';
import { cases as oauthUrls } from '../common/settings/checks/oauth-urls.cases';
import { cases as preamble } from '../common/settings/checks/preamble.cases';
import { cases as pairs } from '../common/settings/checks/pairs.cases';
import { cases as paginationPaths } from '../common/settings/checks/pagination-paths.cases';
import { cases as paginatedActions } from '../common/settings/checks/paginated-actions.cases';
import { cases as secretValues } from '../common/settings/checks/secret-values.cases';

const CASES: Record<string, SettingsCheckCase[]> = {
  keys,
  'field-values': fieldValues,
  required,
  name,
  hostname,
  icon,
  'oauth-urls': oauthUrls,
  preamble,
  pairs,
  'pagination-paths': paginationPaths,
  'paginated-actions': paginatedActions,
  'secret-values': secretValues,
};

describe('settings checks: one module per check, each with its cases', () => {
  it('every check has an id of its own and a table that finds something and passes something', () => {
    assert.deepEqual(SETTINGS_CHECKS.map((c) => c.id).sort(), Object.keys(CASES).sort());
    for (const c of SETTINGS_CHECKS) assert.ok(CASES[c.id].some((k) => k.expect.length) && CASES[c.id].some((k) => !k.expect.length), c.id);
  });

  for (const check of SETTINGS_CHECKS)
    it(`${check.id}: each case reports exactly what it says`, () => {
      for (const c of CASES[check.id]) {
        const out: SettingsReport[] = [];
        check.check(c.settings as IntegrationSettings, out);
        const what = `${check.id}: ${c.name}: ${JSON.stringify(out)}`;
        assert.deepEqual(
          out.map((r) => [r.code, r.path]),
          c.expect.map((e) => [e.code, e.path]),
          what,
        );
        c.expect.forEach((e, i) => {
          if (e.severity) assert.equal(out[i].severity, e.severity, what);
          if (e.message) assert.match(out[i].message, e.message, what);
          assert.ok(check.codes.includes(out[i].code), `${what}: ${out[i].code} is among the check's codes`);
        });
      }
    });
});
