import { ConvertError, convertSwagger2Value, describeVersion, readSpecValue, serializeLike, toYaml } from '../engine/convert';
import { detectFormat, type Format } from '../engine';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { reportConvertError, writeAtomically } from './out-file';

export const convertUsage = 'rewst-openapi convert FILE [--to json|yaml] [-o OUT]';

/**
 * Swagger 2.0 becomes OpenAPI 3.0 (in the input's format unless --to says
 * otherwise); an OpenAPI 3 file can only change format. Writes OUT whole or
 * not at all, else prints to stdout. Exit 0 converted, 1 nothing to convert
 * or no faithful result, 2 usage or I/O error.
 */
export async function convertCommand(rest: string[]): Promise<number> {
  const { files, flags } = parseArgs(rest, { values: { to: ['json', 'yaml'], out: undefined }, short: { o: 'out' } });
  if (files.length !== 1) throw new UsageError(files.length ? 'convert takes one file' : 'no file given');
  const file = files[0];
  const text = readText(file);
  const from = detectFormat(text, formatOf(file));
  const to = (flags.to as Format | undefined) ?? from;
  let output: string;
  try {
    output = await convertText(text, from, to, file);
  } catch (e) {
    return reportConvertError(file, e);
  }
  if (typeof flags.out === 'string') {
    writeAtomically(flags.out, output);
    process.stderr.write(`${file}: written to ${flags.out}\n`);
  } else process.stdout.write(output);
  return 0;
}

async function convertText(text: string, from: Format, to: Format, file: string): Promise<string> {
  const input = readSpecValue(text, from);
  if (input.version === 'swagger-2.0') {
    const result = await convertSwagger2Value(input.value);
    process.stderr.write(`${file}: converted ${result.from} to ${result.to}${result.patches ? ` (${result.patches} small error(s) patched)` : ''}\n`);
    for (const w of result.warnings) process.stderr.write(`${file}: warning at ${w.pointer || '/'}: ${w.message}\n`);
    return to === from ? serializeLike(result.value, from, text) : to === 'json' ? JSON.stringify(result.value, null, 2) + '\n' : toYaml(result.value);
  }
  if (from === to) {
    const what = describeVersion(input.value);
    throw new ConvertError(
      `Nothing to convert: this is ${what}${input.version?.startsWith('openapi') ? ' already' : ''}, not Swagger 2.0, and ${from.toUpperCase()} already. Use --to ${from === 'json' ? 'yaml' : 'json'} to change its format.`,
    );
  }
  return to === 'json' ? input.jsonText : toYaml(input.value);
}
