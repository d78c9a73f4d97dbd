/**
 * The one confinement test: a file a settings file or a form names is read
 * only inside the settings file's own folder, after following symlinks. The
 * forms' host (client) and the server and CLI (engine/spec-files.ts,
 * read-within.ts) all ask it. Node only (fs, path); not for the webview.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Far above any vendor spec seen (GitHub's REST description is 13 MB), far below what would stall the server. */
export const MAX_READ_BYTES = 64 << 20;

export type Resolved = { file: string; problem?: undefined } | { file?: undefined; problem: string };

/** True when `file` is not strictly below `folder` (both absolute, as given): the one confinement test, on names. */
export function outside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

export type Followed =
  | { real: string; outside?: undefined; error?: undefined }
  | { real?: undefined; outside: true; error?: undefined }
  | { real?: undefined; outside?: undefined; error: NodeJS.ErrnoException };

/**
 * The one test of "inside the folder, after following symlinks": `file` and `folder` resolved on disk,
 * then `outside`. `real` is the path to read; `error` when either cannot be resolved (most often: no such file).
 * insideFolder (names a settings file or a form gives) and read-within.ts (files a spec refers to) both ask it.
 */
export function followedInside(folder: string, file: string): Followed {
  let real: string;
  let root: string;
  try {
    real = realpathSync(file);
    root = realpathSync(folder);
  } catch (e) {
    return { error: e as NodeJS.ErrnoException };
  }
  return outside(root, real) ? { outside: true } : { real };
}

/**
 * `named` (a path as the settings file or a form gives it, relative to `folder`) as an absolute path inside
 * `folder`, or why not: it leads out of the folder, by `..`, as an absolute path, or through a link.
 * A file that does not exist yet resolves (reading it then says it is missing).
 */
export function insideFolder(folder: string, named: string): Resolved {
  const refused = { problem: `${named} is outside the settings file's folder; only files in that folder (or below it) are read.` };
  if (named.includes('\0')) return refused;
  const file = path.resolve(folder, named);
  // A file that is not there (yet) has no link to follow: its name decides.
  if (outside(folder, file) || followedInside(folder, file).outside) return refused;
  return { file };
}
