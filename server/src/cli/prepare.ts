import { basename, dirname, join, resolve } from 'node:path';
import { prepareForRewst, preparedFileName } from '../engine/convert';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { reportConvertError, writeAtomically } from './out-file';

export const prepareUsage = 'rewst-openapi prepare FILE [-o OUT]';

/**
 * Writes the file to upload to Rewst: OpenAPI 3 JSON with every safe fix, as
 * FILE's name with .rewst.json (or OUT), never over FILE. The report goes to
 * stderr. Exit 0 ready to upload, 1 problems left that need a person (the file
 * is still written) or the file could not be prepared, 2 usage or I/O error.
 */
export async function prepareCommand(rest: string[]): Promise<number> {
  const { files, flags } = parseArgs(rest, { values: { out: undefined }, short: { o: 'out' } });
  if (files.length !== 1) throw new UsageError(files.length ? 'prepare takes one file' : 'no file given');
  const file = files[0];
  const out = typeof flags.out === 'string' ? flags.out : join(dirname(file), preparedFileName(basename(file)));
  if (resolve(out) === resolve(file)) throw new UsageError('the prepared file must not replace the original: choose another -o');
  const text = readText(file);
  let result;
  try {
    result = await prepareForRewst(text, { format: formatOf(file) });
  } catch (e) {
    return reportConvertError(file, e);
  }
  writeAtomically(out, result.text);
  const log = (line: string) => process.stderr.write(line + '\n');
  log(`${file}: ${result.from} → ${result.to}, written to ${out}`);
  for (const c of result.changes) log(`  ${c.kind === 'warning' ? 'warning' : 'changed'}: ${c.message}${c.pointer ? ` (at ${c.pointer})` : ''}`);
  for (const f of result.fixed) log(`  fixed: ${f.ruleId}: ${f.message}`);
  const errors = result.remaining.filter((f) => f.severity === 'error');
  for (const f of result.remaining) log(`${out}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity === 'error' ? 'still needs a person' : f.severity}: ${f.ruleId}: ${f.message}`);
  log(errors.length ? `${errors.length} error(s) left: Rewst will reject the file until they are fixed.` : 'Ready to upload: no Rewst errors left.');
  return errors.length ? 1 : 0;
}
