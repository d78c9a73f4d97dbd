import { basename, dirname, join } from 'node:path';
import { fixAll, parseSpec } from '../engine';
import { fixReferencedFiles } from '../engine/bundle';
import { bundleReaderWithin } from '../read-within';
import { parseArgs, UsageError } from './args';
import { formatOf, readText, writeText } from './io';

export const fixUsage = 'rewst-openapi fix FILE... [--write]';

/**
 * Applies every safe fix; prints the fixed document, or saves it with --write. A spec whose `$ref`s name
 * other files of its folder has those fixed too (saved with --write, else only reported). Exit 1 when
 * errors remain.
 */
export function fixCommand(rest: string[]): number {
  const { files, flags } = parseArgs(rest, { booleans: ['write'] });
  if (!files.length) throw new UsageError('no files given');
  let failing = false;
  for (const file of files) {
    const text = readText(file);
    const result = fixAll(text, { format: formatOf(file) });
    for (const f of result.applied) process.stderr.write(`${file}: ${f.title} (${f.ruleId})\n`);
    const left = result.remaining.filter((f) => f.severity === 'error');
    for (const f of left)
      process.stderr.write(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: still needs a person: ${f.ruleId}: ${f.message}\n`);
    failing ||= left.length > 0;
    // Most specs refer to no other file (no ref-external left): no second parse for them.
    if (result.remaining.some((f) => f.ruleId === 'ref-external')) failing = fixReferenced(file, result.text, Boolean(flags.write)) || failing;
    if (flags.write) {
      if (result.text !== text) writeText(file, result.text);
      process.stderr.write(`${file}: ${result.applied.length} fix(es) ${result.text !== text ? 'written' : 'needed; file unchanged'}\n`);
    } else {
      if (files.length > 1) process.stdout.write(`==> ${file} <==\n`);
      process.stdout.write(result.text);
    }
  }
  return failing ? 1 : 0;
}

/** Fixes the files the (fixed) spec refers to; true when errors are left in them. */
function fixReferenced(file: string, fixedSpec: string, write: boolean): boolean {
  const doc = parseSpec(fixedSpec, formatOf(file));
  if (doc.problems.length || !doc.version) return false;
  const folder = dirname(file);
  const entry = basename(file);
  const disk = bundleReaderWithin(folder);
  const read = (name: string) => (name === entry ? fixedSpec : disk(name));
  const { texts, applied, remaining } = fixReferencedFiles(doc.value as Record<string, unknown>, { entry, read });
  const pathOf = (name: string) => join(folder, ...name.split('/'));
  for (const f of applied) process.stderr.write(`${pathOf(f.file)}: ${f.title} (${f.ruleId}; found through ${entry})\n`);
  const left = remaining.filter((f) => f.severity === 'error');
  for (const f of left)
    process.stderr.write(`${pathOf(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: still needs a person: ${f.ruleId}: ${f.message}\n`);
  for (const [name, text] of texts) {
    if (write) writeText(pathOf(name), text);
    process.stderr.write(`${pathOf(name)}: ${applied.filter((f) => f.file === name).length} fix(es) ${write ? 'written' : 'not saved (use --write)'}\n`);
  }
  return left.length > 0;
}
