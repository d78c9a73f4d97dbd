/**
 * What the settings checks that look beyond the file are given: the spec (as
 * the caller read and parsed it) and the icon (as read from disk), and the
 * shape of those checks, like the spec rules' (engine/rule.ts), with a table
 * of cases each (NAME.cases.ts, read by test/settings-context-checks.test.ts only).
 */
import type { JsonPath, SettingsCode, SettingsReport, Severity } from '../../../../../common/settings/findings';
import type { IntegrationSettings } from '../../../../../common/settings/model';
import type { Obj } from '../model/spec-model';

export interface SpecContext {
  /** The spec's file name, for messages. */
  name: string;
  /** The parsed spec; undefined with `problem` when it could not be read or parsed. */
  root?: Obj;
  problem?: string;
}

export interface IconContext {
  exists: boolean;
  /** The file's text, when it exists. */
  text?: string;
  /** Why the file was not read (outside the settings file's folder, too big): said instead of the rest. */
  problem?: string;
}

export interface SettingsContext {
  spec?: SpecContext;
  icon?: IconContext;
}

export interface ContextCheck {
  id: string;
  codes: ReadonlyArray<SettingsCode>;
  description: string;
  check(s: IntegrationSettings, context: SettingsContext, out: SettingsReport[]): void;
}

/** One row of a context check's table: settings, what the caller read, and exactly what the check reports. */
export interface ContextCheckCase {
  name: string;
  settings: Record<string, unknown>;
  context: SettingsContext;
  expect: Array<{ code: SettingsCode; path: JsonPath; severity?: Severity; message?: RegExp }>;
}
