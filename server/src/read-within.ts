import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundleSpec, hasExternalRefs, type ReadFile } from './engine/bundle';
import type { SpecContext } from './engine/settings';
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

/**
 * A spec as Rewst gets it after Prepare, for the settings checks and proposals: when its `$ref`s name other
 * files of its folder, those are bundled in (an operation written in paths/tickets.yaml is one of the spec's,
 * a response schema in schemas/ is read for the pagination proposal). A spec that cannot be bundled is taken
 * as written: its own diagnostics say why.
 */
export function withReferencedFiles(spec: SpecContext, file: string, opened?: (file: string) => string | undefined): SpecContext {
  if (!spec.root || !hasExternalRefs(spec.root)) return spec;
  try {
    return { ...spec, root: bundleSpec(spec.root, bundlingFor(file, opened)).value };
  } catch {
    return spec;
  }
}
