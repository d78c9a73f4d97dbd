/**
 * The CLI's view of integration settings files: find the one beside a spec,
 * and check one against its spec and icon, read from disk, the way the
 * language server checks an open one.
 */
import path from 'node:path';
import { analyzeSettings, isSettingsName, parseSettingsText, type SettingsContext, type SpecContext } from '../engine/settings';
import { diskFiles, settingsContextFor, settingsFileFor, specFromText } from '../engine/spec-files';
import { formatOf, readText } from './io';
import type { FileResult } from './lint-output';

/** The settings file beside a spec, if there is one. */
export function settingsBeside(specFile: string): string | undefined {
  const settings = settingsFileFor(diskFiles, specFile);
  return settings.exists ? settings.file : undefined;
}

/** A spec named on the command line: one that cannot be read is an IoError. */
export function readSpec(file: string): SpecContext {
  return specFromText(path.basename(file), readText(file), formatOf(file));
}

/** What a settings value is checked with: its spec and its icon, from disk. */
export function settingsContext(settingsFile: string, value: unknown): SettingsContext {
  return settingsContextFor(diskFiles, settingsFile, value).context;
}

export function checkSettingsFile(file: string): FileResult {
  const text = readText(file);
  const value = parseSettingsText(text);
  const analysis = analyzeSettings(text, value === undefined ? {} : settingsContext(file, value));
  return { file, isSpec: false, settings: true, findings: analysis.findings };
}

export { isSettingsName };
