import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ReadFile } from './engine/bundle';
import { followedInside } from './engine/spec-files';

/**
 * The one rule for reading the files a spec refers to: only inside the spec's
 * own folder tree, after symlinks are followed (the engine's followedInside,
 * the same test the settings file's spec and icon pass), so a spec opened from
 * anywhere can never make us read `../../etc/passwd` or `~/.ssh/id_rsa`.
 * Returns the real path to read, or throws with the reason.
 */
export function realPathWithin(folder: string, file: string): string {
  const followed = followedInside(folder, file);
  if (followed.error) {
    const code = followed.error.code;
    throw new Error(code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(followed.error)})`, { cause: followed.error });
  }
  if (followed.outside) throw new Error(`it is outside the spec's folder ${folder}`);
  return followed.real;
}

/** The bundler's reader for a spec saved in `folder`: relative POSIX names in, text out. */
export function bundleReaderWithin(folder: string, opened?: (file: string) => string | undefined): ReadFile {
  return (name) => {
    const file = path.join(folder, ...name.split('/'));
    const real = realPathWithin(folder, file);
    const open = opened?.(file);
    if (open !== undefined) return open;
    try {
      return readFileSync(real, 'utf8');
    } catch (e) {
      throw new Error(`cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
    }
  };
}

/** Prepare's bundling options for a spec saved as `file`: its name, and a reader confined to its folder where `opened` gives an open editor's text. */
export function bundlingFor(file: string, opened?: (file: string) => string | undefined): { entry: string; read: ReadFile } {
  return { entry: path.basename(file), read: bundleReaderWithin(path.dirname(file), opened) };
}
