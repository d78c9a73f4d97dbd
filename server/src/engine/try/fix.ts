/**
 * A finding's settings edit as the text edit that writes it: one minimal edit
 * of the settings file (the writer the forms use, so the file's other keys,
 * order and indentation stay). What the editor's "apply the fix" will send as
 * one undoable edit; the CLI only shows the edit.
 */
import { parseSettingsText, setField, settingsEdits, type IntegrationSettings } from '../settings';
import type { TextEdit } from '../types';
import type { SettingsEdit } from './types';

/** The edits that write `edit` into the settings file's `text`; [] when it holds it already, undefined when the text is not a settings object. */
export function settingsFixEdits(text: string, edit: SettingsEdit): TextEdit[] | undefined {
  const value = parseSettingsText(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return settingsEdits(text, setField(value as IntegrationSettings, edit.key, edit.value));
}
