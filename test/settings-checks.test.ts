/**
 * Each settings check alone on its table of cases (common/settings/checks/NAME.cases.ts), as the spec rules are
 * on theirs: exactly the reports it gives, in order; and every check in SETTINGS_CHECKS has a table.
 */
import { describe, it } from 'node:test';
import { assertCheckCases, assertEveryCheckHasCases } from './support/check-cases';
import type { SettingsCheckCase } from '../common/settings/check';
import type { SettingsReport } from '../common/settings/findings';
import type { IntegrationSettings } from '../common/settings/model';
import { SETTINGS_CHECKS as CHECKS } from '../common/settings/validate';
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
import { cases as orgMapping } from '../common/settings/checks/org-mapping.cases';
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
  'org-mapping': orgMapping,
  'secret-values': secretValues,
};

describe('settings checks: one module per check, each with its cases', () => {
  it('every check has an id of its own and a table that finds something and passes something', () => assertEveryCheckHasCases(CHECKS, CASES));

  for (const check of CHECKS)
    it(`${check.id}: each case reports exactly what it says`, () =>
      assertCheckCases(check, CASES[check.id], (c) => {
        const out: SettingsReport[] = [];
        check.check(c.settings as IntegrationSettings, out);
        return out;
      }));
});
