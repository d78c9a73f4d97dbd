/**
 * The files a settings file names (its spec, its icon), as the language
 * server and the forms' host read them: only inside the settings file's own
 * folder (a form page or a hand-edited file may name any path, and neither
 * may make us read or show a file elsewhere), and never more than
 * MAX_READ_BYTES, the one cap for every file read on a settings file's behalf.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Far above any vendor spec seen (GitHub's REST description is 13 MB), far below what would stall the server. */
export const MAX_READ_BYTES = 64 << 20;

export type Resolved = { file: string; problem?: undefined } | { file?: undefined; problem: string };

function outside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
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
  if (outside(folder, file)) return refused;
  try {
    if (outside(realpathSync(folder), realpathSync(file))) return refused;
  } catch {
    // Not there (yet): nothing to follow.
  }
  return { file };
}

/** A file's text if it is a file of at most MAX_READ_BYTES; else why it was not read (missing, a folder, too big). */
export function readCapped(file: string): { text: string; problem?: undefined } | { text?: undefined; problem: string; missing?: boolean } {
  const name = path.basename(file);
  try {
    const st = statSync(file);
    if (!st.isFile()) return { problem: `${name} is not a file.`, missing: true };
    if (st.size > MAX_READ_BYTES) return { problem: `${name} is larger than ${MAX_READ_BYTES >> 20} MB, the most read for a settings file.` };
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { problem: `${name} does not exist.`, missing: true } : { problem: `${name} cannot be read (${code ?? String(e)}).` };
  }
}
