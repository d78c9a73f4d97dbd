/**
 * "Prepare for Rewst": any spec in, the file to upload out. Swagger 2.0 is
 * converted to OpenAPI 3.0, YAML becomes JSON, every safe Rewst fix is
 * applied, and the result is linted again. The report says what changed and
 * what still needs a person.
 */
import { analyze, fixAll } from '../engine';
import type { Format } from '../parse';
import type { Finding } from '../types';
import { checkpoint, ConvertError, type IsCancelled } from './problems';
import { describeVersion, readSpecValue } from './read';
import { convertSwagger2Value } from './swagger2';

export interface PrepareChange {
  kind: 'convert' | 'warning' | 'fix';
  message: string;
  /** JSON pointer in the output, when the change has one place. */
  pointer?: string;
  ruleId?: string;
}

export interface PrepareResult {
  /** OpenAPI 3 JSON, ready to upload (or to fix the remaining problems in). */
  text: string;
  changes: PrepareChange[];
  /** The problems the fixes solved, as they were reported before (message and pointer before the fixes). */
  fixed: Array<{ ruleId: string; message: string; pointer: string }>;
  /** Findings on `text` after every safe fix, positioned in `text`. */
  remaining: Finding[];
  from: string;
  to: string;
}

export async function prepareForRewst(text: string, options: { format?: Format; isCancelled?: IsCancelled } = {}): Promise<PrepareResult> {
  const input = readSpecValue(text, options.format);
  const from = describeVersion(input.value);
  const changes: PrepareChange[] = [];
  let json: string;
  switch (input.version) {
    case 'swagger-2.0': {
      await checkpoint(options.isCancelled);
      const converted = await convertSwagger2Value(input.value);
      changes.push({ kind: 'convert', message: `Converted ${converted.from} to ${converted.to} with swagger2openapi${input.format === 'yaml' ? ', and YAML to JSON' : ''}.` });
      if (converted.patches) changes.push({ kind: 'convert', message: `swagger2openapi patched ${converted.patches} small error(s) of the source on the way.` });
      for (const w of converted.warnings) changes.push({ kind: 'warning', message: `Conversion warning: ${w.message}`, pointer: w.pointer });
      json = JSON.stringify(converted.value, null, 2) + '\n';
      break;
    }
    case 'openapi-3.0':
    case 'openapi-3.1':
      if (input.format === 'yaml') changes.push({ kind: 'convert', message: 'Converted YAML to JSON (2-space indentation, key order kept).' });
      json = input.jsonText;
      break;
    default:
      throw new ConvertError(`Cannot prepare this file for Rewst: it is ${from}. Rewst takes Swagger 2.0 or OpenAPI 3.`);
  }
  await checkpoint(options.isCancelled);
  const before = analyze(json, { format: 'json' }).findings;
  await checkpoint(options.isCancelled);
  const fixed = fixAll(json, { format: 'json' });
  const left = new Set(fixed.remaining.map((f) => `${f.ruleId}\u0000${f.message}`));
  const solved = before.filter((f) => f.fixable && !left.has(`${f.ruleId}\u0000${f.message}`)).map((f) => ({ ruleId: f.ruleId, message: f.message, pointer: f.pointer }));
  for (const fix of fixed.applied) changes.push({ kind: 'fix', message: fix.title, ruleId: fix.ruleId });
  await checkpoint(options.isCancelled);
  const version = input.version === 'swagger-2.0' ? 'OpenAPI 3.0.0' : from;
  return { text: fixed.text, changes, fixed: solved, remaining: fixed.remaining, from, to: `${version} JSON` };
}

/** `petstore.yaml` → `petstore.rewst.json`: beside the original, never over it. */
export function preparedFileName(name: string): string {
  return name.replace(/\.(json|ya?ml)$/i, '') + '.rewst.json';
}
