/**
 * Where a spec's integration settings file is, and where a settings file's
 * spec and icon are: the one home of these look-ups. File access is injected:
 * the language server reads open documents first and disk otherwise, the CLI
 * reads disk (`diskFiles`). Nothing here throws.
 *
 * A spec or icon that a settings file (or a form page) names is read only
 * inside the settings file's own folder: neither may make us read or show a
 * file elsewhere. Reads are capped the same way in the server, the CLI and the
 * forms' host: MAX_ICON_BYTES for an icon, MAX_READ_BYTES for anything else.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatOfName, parseSpec, type Format } from './parse';
import type { IconContext, SettingsContext, SpecContext } from './settings/check/analyze';
import { insideFolder, MAX_READ_BYTES } from '../../../common/inside-folder';
import { SETTINGS_SUFFIX } from '../../../common/spec-sniff';

export { isSettingsName, SETTINGS_SUFFIX } from '../../../common/spec-sniff';
import { svgProblem } from './settings/check/svg';

/** Bigger icons are not read (their text counts as empty): an SVG logo is a few kilobytes. */
export const MAX_ICON_BYTES = 5 << 20;

export type ReadResult = { text: string } | { tooLarge: true };

export interface FileAccess {
  /** A file is there (an open document counts; a folder does not). */
  exists(file: string): boolean;
  /** Its text; `tooLarge` when it holds more than `maxBytes`; undefined when it cannot be read. */
  readText(file: string, maxBytes?: number): ReadResult | undefined;
  /** Changes whenever the text may have (size and time on disk, an open document's version); undefined when there is no file. */
  stamp(file: string): string | undefined;
}

/** Files on disk. */
export const diskFiles: FileAccess = {
  exists(file) {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readText(file, maxBytes) {
    try {
      const st = statSync(file);
      if (!st.isFile()) return undefined;
      if (maxBytes !== undefined && st.size > maxBytes) return { tooLarge: true };
      return { text: readFileSync(file, 'utf8') };
    } catch {
      return undefined;
    }
  },
  stamp(file) {
    try {
      const st = statSync(file);
      return st.isFile() ? `${st.size}:${st.mtimeMs}` : undefined;
    } catch {
      return undefined;
    }
  },
};

/** The whole text, or undefined when it cannot be read. */
export function textOf(files: FileAccess, file: string): string | undefined {
  const r = files.readText(file);
  return r && 'text' in r ? r.text : undefined;
}

export { formatOfName };
export { followedInside, insideFolder, MAX_READ_BYTES, outside, type Followed, type Resolved } from '../../../common/inside-folder';

// --- file-name conventions: a spec and its settings file ---

/** Settings-file name for a spec: `tickets.yaml` → `tickets.rewst-integration.json`. */
export function settingsNameFor(specName: string): string {
  return specName.replace(/\.(json|ya?ml)$/i, '') + SETTINGS_SUFFIX;
}

/** Every settings-file name a spec may have beside it, most likely first (`tickets.yaml.rewst-integration.json` too). */
export function settingsNamesFor(specName: string): string[] {
  const first = settingsNameFor(specName);
  const second = specName + SETTINGS_SUFFIX;
  return first === second ? [first] : [first, second];
}

/** The spec names to look for beside a settings file, most likely first. */
export function specNamesFor(settingsName: string): string[] {
  const base = settingsName.slice(0, settingsName.length - SETTINGS_SUFFIX.length);
  if (/\.(json|ya?ml)$/i.test(base)) return [base];
  return [`${base}.json`, `${base}.yaml`, `${base}.yml`];
}

/** The settings file beside a spec: the one there (under either name), else the name to create. */
export function settingsFileFor(files: FileAccess, specFile: string): { file: string; exists: boolean } {
  const dir = path.dirname(specFile);
  const name = path.basename(specFile);
  const existing = settingsNamesFor(name)
    .map((n) => path.join(dir, n))
    .find((f) => files.exists(f));
  return existing ? { file: existing, exists: true } : { file: path.join(dir, settingsNameFor(name)), exists: false };
}

/** The settings file beside a spec and its text, when there is one that can be read. */
export function settingsTextFor(files: FileAccess, specFile: string): { file: string; text: string } | undefined {
  const settings = settingsFileFor(files, specFile);
  const text = settings.exists ? textOf(files, settings.file) : undefined;
  return text === undefined ? undefined : { file: settings.file, text };
}

function member(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The spec of a settings file: its `spec` member (relative to the settings
 * file), else a spec with the same base name beside it. `tried` lists the
 * candidates, most likely first; `file` is the first that exists.
 */
export function specFileFor(files: FileAccess, settingsFile: string, value: unknown): { file?: string; tried: string[]; problem?: string } {
  const dir = path.dirname(settingsFile);
  const named = member(value, 'spec');
  const inside = typeof named === 'string' ? insideFolder(dir, named) : undefined;
  if (inside?.problem !== undefined) return { tried: [path.resolve(dir, named as string)], problem: inside.problem };
  const tried = inside?.file ? [inside.file] : specNamesFor(path.basename(settingsFile)).map((n) => path.join(dir, n));
  return { file: tried.find((f) => files.exists(f)), tried };
}

/** An icon file as the settings checks take it: over MAX_ICON_BYTES it is not read, and says so. */
export function readIcon(files: FileAccess, file: string): IconContext {
  if (!files.exists(file)) return { exists: false };
  const r = files.readText(file, MAX_ICON_BYTES);
  if (!r) return { exists: false };
  if ('tooLarge' in r)
    return {
      exists: true,
      text: '',
      problem: `${path.basename(file)} is larger than ${MAX_ICON_BYTES >> 20} MB, the most read for an icon (an SVG logo is a few kilobytes).`,
    };
  return { exists: true, text: r.text };
}

/** The icon a settings value names (relative to the settings file), when it names an SVG; other images are the validation's business. */
export function iconFor(files: FileAccess, settingsFile: string, value: unknown): (IconContext & { file: string }) | undefined {
  const icon = member(value, 'icon');
  if (typeof icon !== 'string' || !/\.svg$/i.test(icon)) return undefined;
  const inside = insideFolder(path.dirname(settingsFile), icon);
  if (inside.problem !== undefined) return { exists: false, problem: inside.problem, file: path.resolve(path.dirname(settingsFile), icon) };
  return { ...readIcon(files, inside.file), file: inside.file };
}

/** A spec's text parsed, as the settings checks take it. */
export function specFromText(name: string, text: string, format?: Format): SpecContext {
  try {
    const doc = parseSpec(text, format);
    if (doc.problems.length) return { name, problem: `The spec ${name} does not parse.` };
    if (!doc.version) return { name, problem: `${name} is not an OpenAPI or Swagger document.` };
    return { name, root: doc.value as Record<string, unknown> };
  } catch (e) {
    return { name, problem: `The spec ${name} cannot be read: ${e instanceof Error ? e.message : String(e)}.` };
  }
}

/** Parsed specs by file, each with the stamp it was read at. */
export type SpecCache = Map<string, { stamp: string; spec: SpecContext }>;

/** A spec file read and parsed; with a cache, parsed again only when its stamp changes. */
export function readSpecFile(files: FileAccess, file: string, cache?: SpecCache): SpecContext {
  const name = path.basename(file);
  const stamp = cache && files.stamp(file);
  const hit = stamp === undefined ? undefined : cache?.get(file);
  if (hit && hit.stamp === stamp) return hit.spec;
  const read = files.readText(file, MAX_READ_BYTES);
  const spec =
    read === undefined
      ? { name, problem: `The spec ${name} cannot be read.` }
      : 'tooLarge' in read
        ? { name, problem: `The spec cannot be read: ${name} is larger than ${MAX_READ_BYTES >> 20} MB, the most read for a settings file.` }
        : specFromText(name, read.text, formatOfName(file));
  if (stamp !== undefined) cache?.set(file, { stamp, spec });
  return spec;
}

/**
 * Everything a settings value is checked with: its spec (read with `readSpec`,
 * from `files` by default) and its icon; with the spec's file and, when the
 * icon is a readable SVG, the icon's file.
 */
export function settingsContextFor(
  files: FileAccess,
  settingsFile: string,
  value: unknown,
  readSpec: (file: string) => SpecContext = (file) => readSpecFile(files, file),
): { context: SettingsContext; specFile?: string; iconFile?: string } {
  const { file, tried, problem } = specFileFor(files, settingsFile, value);
  const spec: SpecContext = file
    ? readSpec(file)
    : {
        name: path.basename(tried[0]),
        problem: problem ?? `No spec found for this settings file (looked for ${tried.map((t) => path.basename(t)).join(', ')}); set "spec" to its path.`,
      };
  const icon = iconFor(files, settingsFile, value);
  const iconOk = icon?.exists && !icon.problem && !svgProblem(icon.text ?? '');
  const iconContext = icon && { exists: icon.exists, text: icon.text, ...(icon.problem === undefined ? {} : { problem: icon.problem }) };
  return { context: { spec, icon: iconContext }, specFile: file, iconFile: iconOk ? icon?.file : undefined };
}
