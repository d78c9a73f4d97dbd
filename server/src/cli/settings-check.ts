/**
 * The CLI's view of integration settings files: find the one beside a spec,
 * and check one against its spec and icon, read from disk, the way the
 * language server checks an open one.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSpec } from '../engine/parse';
import { analyzeSettings, isSettingsName, settingsNamesFor, specNamesFor, type SettingsContext, type SpecContext } from '../engine/settings';
import { formatOf, readText } from './io';
import type { FileResult } from './report';

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The settings file beside a spec, if there is one. */
export function settingsBeside(specFile: string): string | undefined {
  const dir = path.dirname(specFile);
  return settingsNamesFor(path.basename(specFile)).map((n) => path.join(dir, n)).find(isFile);
}

export function readSpec(file: string): SpecContext {
  const name = path.basename(file);
  const doc = parseSpec(readText(file), formatOf(file));
  if (doc.problems.length) return { name, problem: `The spec ${name} does not parse.` };
  if (!doc.version) return { name, problem: `${name} is not an OpenAPI or Swagger document.` };
  return { name, root: doc.value as Record<string, unknown> };
}

/** What a settings value is checked with: its spec and its icon, from disk. */
export function settingsContext(settingsFile: string, value: unknown): SettingsContext {
  const dir = path.dirname(settingsFile);
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const tried = typeof v.spec === 'string' ? [path.resolve(dir, v.spec)] : specNamesFor(path.basename(settingsFile)).map((n) => path.join(dir, n));
  const specFile = tried.find(isFile);
  const spec = specFile ? readSpec(specFile) : { name: path.basename(tried[0]), problem: `No spec found for this settings file (looked for ${tried.map((t) => path.basename(t)).join(', ')}); set "spec" to its path.` };
  let icon: SettingsContext['icon'];
  if (typeof v.icon === 'string' && /\.svg$/i.test(v.icon)) {
    const file = path.resolve(dir, v.icon);
    icon = isFile(file) ? { exists: true, text: readFileSync(file, 'utf8') } : { exists: false };
  }
  return { spec, icon };
}

export function checkSettingsFile(file: string): FileResult {
  const text = readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    value = undefined;
  }
  const analysis = analyzeSettings(text, value === undefined ? {} : settingsContext(file, value));
  return { file, isSpec: false, settings: true, findings: analysis.findings };
}

export { isSettingsName };
