import { readFile } from 'node:fs/promises';
import { realPathWithin } from '../read-within';

/**
 * The reader Spectral's resolver uses for `$ref`s to files. It reads a file
 * only when it lies inside the spec's own folder (after symlinks are
 * followed): a spec opened from anywhere can never make us read
 * `../../etc/passwd` or `/home/x/.ssh/id_rsa`. Refused reads become
 * resolver errors, which Spectral reports on the `$ref`.
 */
export function fileReaderWithin(folder: string | undefined): (ref: { href(): string }) => Promise<string> {
  return async (ref) => {
    const file = ref.href();
    if (!folder) throw new Error(`not read: ${file} (the document is not saved in a folder)`);
    let real: string;
    try {
      real = realPathWithin(folder, file);
    } catch (e) {
      throw new Error(`not read: ${file}: ${(e as Error).message}`, { cause: e });
    }
    return readFile(real, 'utf8');
  };
}
