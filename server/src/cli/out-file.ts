import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConvertError } from '../engine/convert';
import { IoError } from './args';

/** Writes a whole file or nothing: a temporary file beside it, renamed over it once complete. */
export function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new IoError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** Prints a conversion that could not be done, with every place at fault; exit code 1. */
export function reportConvertError(file: string, e: unknown): number {
  if (!(e instanceof ConvertError)) throw e;
  process.stderr.write(`rewst-openapi: ${file}: ${e.summary}\n`);
  for (const p of e.problems) process.stderr.write(`${file}:${p.line}:${p.column}: ${p.message}\n`);
  return 1;
}
