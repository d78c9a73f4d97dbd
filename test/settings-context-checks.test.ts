/**
 * The settings checks that need what the caller read (the icon, the spec), each alone on its table of cases
 * (server/src/engine/settings/check/NAME.cases.ts): exactly the reports it gives, in order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SettingsReport } from '../common/settings/findings';
import type { IntegrationSettings } from '../common/settings/model';
import type { ContextCheckCase } from '../server/src/engine/settings/check/context';
import { CONTEXT_CHECKS } from '../server/src/engine/settings/check/context-checks';
import { cases as iconFile } from '../server/src/engine/settings/check/icon-file.cases';
import { cases as hostname } from '../server/src/engine/settings/check/hostname.cases';
import { cases as crossCheck } from '../server/src/engine/settings/check/cross-check.cases';
import { cases as specReadable } from '../server/src/engine/settings/check/spec-readable.cases';

const CASES: Record<string, ContextCheckCase[]> = {
  'icon-file': iconFile,
  'hostname-placeholder': hostname,
  'paginated-operations': crossCheck,
  'spec-readable': specReadable,
};

describe('settings checks against the icon and the spec: one module each, with its cases', () => {
  it('every check has a table that finds something and passes something', () => {
    assert.deepEqual(CONTEXT_CHECKS.map((c) => c.id).sort(), Object.keys(CASES).sort());
    for (const c of CONTEXT_CHECKS) assert.ok(CASES[c.id].some((k) => k.expect.length) && CASES[c.id].some((k) => !k.expect.length), c.id);
  });

  for (const check of CONTEXT_CHECKS)
    it(`${check.id}: each case reports exactly what it says`, () => {
      for (const c of CASES[check.id]) {
        const out: SettingsReport[] = [];
        check.check(c.settings as IntegrationSettings, c.context, out);
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
