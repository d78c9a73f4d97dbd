/**
 * The CLI's view of integration settings files: find the one beside a spec,
 * and check one against its spec and icon, read from disk, the way the
 * language server checks an open one.
 */
import path from 'node:path';
import { analyzeSettings, parseSettingsText, type SettingsContext, type SpecContext } from '../engine/settings';
import { isSettingsName } from '../engine/spec-files';
import { diskFiles, readSpecFile, settingsContextFor, settingsFileFor, specFromText } from '../engine/spec-files';
import { withReferencedFiles } from '../read-within';
import { formatOf, readText } from './io';
import type { FileResult } from './lint-output';

/** The settings file beside a spec, if there is one. */
export function settingsBeside(specFile: string): string | undefined {
  const settings = settingsFileFor(diskFiles, specFile);
  return settings.exists ? settings.file : undefined;
}

/** A spec named on the command line, with the files its `$ref`s name bundled in: one that cannot be read is an IoError. */
export function readSpec(file: string): SpecContext {
  return withReferencedFiles(specFromText(path.basename(file), readText(file), formatOf(file)), file);
}

/** What a settings value is checked with: its spec (with the files it refers to) and its icon, from disk. */
export function settingsContext(settingsFile: string, value: unknown): SettingsContext {
  return settingsContextFor(diskFiles, settingsFile, value, (file) => withReferencedFiles(readSpecFile(diskFiles, file), file)).context;
}

export function checkSettingsFile(file: string): FileResult {
  const text = readText(file);
  const value = parseSettingsText(text);
  const analysis = analyzeSettings(text, value === undefined ? {} : settingsContext(file, value));
  return { file, isSpec: false, settings: true, findings: analysis.findings };
}

export { isSettingsName };
