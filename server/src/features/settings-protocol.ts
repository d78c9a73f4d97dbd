/**
 * The custom requests between the extension client and the language server
 * for the integration settings forms and the setup sheet. Types only (and
 * method names), so the client imports it without the server or the engine.
 */
import type { IntegrationSettings, Note, Proposal, SettingsReport } from '../engine/settings';

export const SETTINGS_LOCATE_METHOD = 'rewst/settings/locate';
export const SETTINGS_PROPOSE_METHOD = 'rewst/settings/propose';
export const SETTINGS_CHECK_METHOD = 'rewst/settings/check';
export const SETTINGS_EDIT_METHOD = 'rewst/settings/edit';
export const SETTINGS_SHEET_METHOD = 'rewst/settings/sheet';

/** `rewst/settings/locate`: from a spec or a settings file, the pair. */
export interface LocateParams {
  uri: string;
}

export interface LocateResult {
  /** The spec; undefined when none is found beside a settings file. */
  specUri?: string;
  /** The settings file: the existing one, or where a new one goes. */
  settingsUri: string;
  settingsExists: boolean;
  /** Why there is no spec, or why the given file is neither. */
  problem?: string;
}

/** `rewst/settings/propose`: what the spec suggests. */
export interface ProposeParams {
  specUri: string;
}

export type ProposeResult = { ok: true; specName: string; title: string; proposal: Proposal } | { ok: false; reason: string };

/** `rewst/settings/check`: every finding for a draft the form holds (the settings file's own text is not read). */
export interface CheckParams {
  settingsUri: string;
  settings: IntegrationSettings;
}

export interface CheckResult {
  reports: SettingsReport[];
  /** The icon as a path the client can show, when it exists and parses as SVG. */
  iconPath?: string;
}

/** `rewst/settings/edit`: the minimal edits turning `text` into a file holding `settings` (offsets into `text`). */
export interface EditParams {
  text: string;
  settings: IntegrationSettings;
}

export interface EditResult {
  edits: Array<{ start: number; end: number; newText: string }>;
}

/** `rewst/settings/sheet`: the setup sheet for a settings file (open or on disk), as Markdown. */
export interface SheetParams {
  settingsUri: string;
}

export type SheetResult = { ok: true; markdown: string } | { ok: false; reason: string };

export type { Note };
