/**
 * The settings checks that need what the caller read (the icon, the spec), each alone on its table of cases
 * (server/src/engine/settings/check/NAME.cases.ts): exactly the reports it gives, in order.
 */
import { describe, it } from 'node:test';
import { assertCheckCases, assertEveryCheckHasCases } from './support/check-cases';
import type { SettingsReport } from '../common/settings/findings';
import type { IntegrationSettings } from '../common/settings/model';
import type { ContextCheckCase } from '../server/src/engine/settings/check/context';
import { CONTEXT_CHECKS as CHECKS } from '../server/src/engine/settings/check/context-checks';
import { cases as iconFile } from '../server/src/engine/settings/check/icon-file.cases';
import { cases as hostname } from '../server/src/engine/settings/check/hostname.cases';
import { cases as crossCheck } from '../server/src/engine/settings/check/cross-check.cases';
import { cases as orgMapping } from '../server/src/engine/settings/check/org-mapping.cases';
import { cases as specReadable } from '../server/src/engine/settings/check/spec-readable.cases';

const CASES: Record<string, ContextCheckCase[]> = {
  'icon-file': iconFile,
  'hostname-placeholder': hostname,
  'paginated-operations': crossCheck,
  'org-mapping-operation': orgMapping,
  'spec-readable': specReadable,
};

describe('settings checks against the icon and the spec: one module each, with its cases', () => {
  it('every check has an id of its own and a table that finds something and passes something', () => assertEveryCheckHasCases(CHECKS, CASES));

  for (const check of CHECKS)
    it(`${check.id}: each case reports exactly what it says`, () =>
      assertCheckCases(check, CASES[check.id], (c) => {
        const out: SettingsReport[] = [];
        check.check(c.settings as IntegrationSettings, c.context, out);
        return out;
      }));
});
