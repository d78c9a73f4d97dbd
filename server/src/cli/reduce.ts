import { basename, dirname, join, resolve } from 'node:path';
import { reduceSpec, reducedFileName } from '../engine/convert';
import { HTTP_METHODS } from '../engine/spec-index';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { reportConvertError, writeAtomically } from './out-file';

export const reduceUsage = 'rewst-openapi reduce FILE [--tag T]... [--path REGEX]... [--method M]... [-o OUT]';

/**
 * Keeps the operations that match (any given tag, and any given path regex,
 * and any given method) and the components they reach. Writes OUT (default:
 * FILE's name with .reduced before its extension), never over FILE. Exit 0
 * written, 1 nothing matches or the file cannot be reduced, 2 usage or I/O error.
 */
export function reduceCommand(rest: string[]): number {
  const { files, flags, lists } = parseArgs(rest, {
    values: { tag: undefined, path: undefined, method: undefined, out: undefined },
    lists: ['tag', 'path', 'method'],
    short: { o: 'out' },
  });
  if (files.length !== 1) throw new UsageError(files.length ? 'reduce takes one file' : 'no file given');
  const file = files[0];
  const out = typeof flags.out === 'string' ? flags.out : join(dirname(file), reducedFileName(basename(file)));
  if (resolve(out) === resolve(file)) throw new UsageError('the reduced file must not replace the original: choose another -o');
  for (const m of lists.method ?? [])
    if (!(HTTP_METHODS as readonly string[]).includes(m.toLowerCase())) throw new UsageError(`--method must be one of ${HTTP_METHODS.join(', ')}, not "${m}"`);
  const text = readText(file);
  let r;
  try {
    r = reduceSpec(text, { tags: lists.tag, paths: lists.path, methods: lists.method }, { format: formatOf(file) });
  } catch (e) {
    return reportConvertError(file, e);
  }
  writeAtomically(out, r.text);
  const log = (line: string) => process.stderr.write(line + '\n');
  log(`${file} → ${out}`);
  log(`  operations: ${r.operations.before} → ${r.operations.after}`);
  log(`  components: ${r.components.before} → ${r.components.after}`);
  log(`  bytes: ${r.bytes.before} → ${r.bytes.after} (${percent(r.bytes.after, r.bytes.before)})`);
  if (r.droppedTags.length) log(`  tags dropped: ${r.droppedTags.length}`);
  for (const n of r.notes) log(`  note: ${n}`);
  return 0;
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}
