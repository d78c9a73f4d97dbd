import { fixAll } from '../engine';
import { parseArgs, UsageError } from './args';
import { formatOf, readText, writeText } from './io';

export const fixUsage = 'rewst-openapi fix FILE... [--write]';

/** Applies every safe fix; prints the fixed document, or saves it with --write. Exit 1 when errors remain. */
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
