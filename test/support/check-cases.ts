/** Runs one settings check's table of cases: exactly the reports, in order, their severities and messages, and only codes the check declares. */
import assert from 'node:assert/strict';
import type { JsonPath, SettingsCode, SettingsReport, Severity } from '../../common/settings/findings';

export interface CheckCase {
  name: string;
  expect: Array<{ code: SettingsCode; path: JsonPath; severity?: Severity; message?: RegExp }>;
}

export function assertCheckCases<C extends CheckCase>(
  check: { id: string; codes: ReadonlyArray<SettingsCode> },
  cases: C[],
  run: (c: C) => SettingsReport[],
): void {
  for (const c of cases) {
    const out = run(c);
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
}

/** Every check has a table, and each table has a case that reports something and one that reports nothing. */
export function assertEveryCheckHasCases(checks: ReadonlyArray<{ id: string }>, tables: Record<string, CheckCase[]>): void {
  assert.deepEqual(checks.map((c) => c.id).sort(), Object.keys(tables).sort());
  for (const c of checks) assert.ok(tables[c.id].some((k) => k.expect.length) && tables[c.id].some((k) => !k.expect.length), c.id);
}
