/**
 * The CLI's view of integration settings files: find the one beside a spec,
 * and check one against its spec and icon, read from disk, the way the
 * language server checks an open one.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseSpec } from '../engine/parse';
import { analyzeSettings, isSettingsName, settingsNamesFor, specNamesFor, type SettingsContext, type SpecContext } from '../engine/settings';
import { insideFolder, readCapped } from '../settings-files';
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

/**
 * A spec parsed. `named`: the spec a settings file names, read as the language server reads it (capped,
 * a problem rather than an error); otherwise the file given on the command line (an unreadable one is an error).
 */
export function readSpec(file: string, named = false): SpecContext {
  const name = path.basename(file);
  const read = named ? readCapped(file) : { text: readText(file) };
  if (read.problem !== undefined) return { name, problem: `The spec cannot be read: ${read.problem}` };
  const doc = parseSpec(read.text, formatOf(file));
  if (doc.problems.length) return { name, problem: `The spec ${name} does not parse.` };
  if (!doc.version) return { name, problem: `${name} is not an OpenAPI or Swagger document.` };
  return { name, root: doc.value as Record<string, unknown> };
}

/** What a settings value is checked with: its spec and its icon, from disk. */
export function settingsContext(settingsFile: string, value: unknown): SettingsContext {
  const dir = path.dirname(settingsFile);
  const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  // As the language server reads them (server/src/settings-files.ts): inside the settings file's folder, capped.
  const named = typeof v.spec === 'string' ? insideFolder(dir, v.spec) : undefined;
  const tried = named?.file ? [named.file] : typeof v.spec === 'string' ? [path.resolve(dir, v.spec)] : specNamesFor(path.basename(settingsFile)).map((n) => path.join(dir, n));
  const specFile = named?.problem ? undefined : tried.find(isFile);
  const spec = specFile ? readSpec(specFile, true) : { name: path.basename(tried[0]), problem: named?.problem ?? `No spec found for this settings file (looked for ${tried.map((t) => path.basename(t)).join(', ')}); set "spec" to its path.` };
  let icon: SettingsContext['icon'];
  if (typeof v.icon === 'string' && /\.svg$/i.test(v.icon)) {
    const inside = insideFolder(dir, v.icon);
    const read = inside.file === undefined ? undefined : readCapped(inside.file);
    if (inside.problem !== undefined) icon = { exists: false, problem: inside.problem };
    else if (read?.problem === undefined) icon = { exists: true, text: read?.text };
    else icon = read.missing ? { exists: false } : { exists: true, problem: read.problem };
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
