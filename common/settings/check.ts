/**
 * A check of a settings object on its own (no spec, no file system), shaped
 * like a spec rule (server/src/engine/rule.ts): an id, the codes it reports,
 * what it checks, and a table of cases beside it (`checks/NAME.cases.ts`,
 * which only test/settings-checks.test.ts imports). Pure, so the webview runs
 * every check as the user types and the server and CLI run the same code.
 */
import type { JsonPath, SettingsCode, SettingsReport, Severity } from './findings';
import type { IntegrationSettings } from './model';

export interface SettingsCheck {
  id: string;
  /** Every code it may report. */
  codes: ReadonlyArray<SettingsCode>;
  description: string;
  /** `s` is the file's object (any JSON object); `out` holds what the checks before this one reported. */
  check(s: IntegrationSettings, out: SettingsReport[]): void;
}

/** One row of a check's table: a settings object and exactly what the check alone reports on it, in order. */
export interface SettingsCheckCase {
  name: string;
  settings: Record<string, unknown>;
  expect: Array<{ code: SettingsCode; path: JsonPath; severity?: Severity; message?: RegExp }>;
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
