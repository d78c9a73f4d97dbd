/**
 * The action's URL as Rewst calls it: the settings' hostname, then the spec's
 * path (no base path: Rewst's hostname takes none), path parameters filled,
 * required query parameters from `--param` or the spec's default or example.
 */
import { followRefs } from '../pointer';
import { operationModelsOf, type OperationModel } from '../settings';
import { isObj } from './values';
import { TryUsageError } from './types';

export interface ActionRequest {
  op: OperationModel;
  /** Without the paging parameters. */
  url: URL;
  notes: string[];
}

function exampleOf(schema: Record<string, unknown> | undefined): string | undefined {
  if (!schema) return undefined;
  for (const k of ['default', 'example'] as const) {
    const v = schema[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  if (Array.isArray(schema.enum) && ['string', 'number'].includes(typeof schema.enum[0])) return String(schema.enum[0]);
  return undefined;
}

/** Path parameters as the operation and its path item declare them (the operation's own win). */
function pathParams(spec: Record<string, unknown>, op: OperationModel): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const item = isObj(spec.paths) ? followRefs(spec, spec.paths[op.pathKey])?.value : undefined;
  const operation = item && isObj(item[op.method]) ? (item[op.method] as Record<string, unknown>) : undefined;
  for (const list of [item?.parameters, operation?.parameters])
    if (Array.isArray(list))
      for (const raw of list) {
        const p = followRefs(spec, raw)?.value;
        if (p && p.in === 'path' && typeof p.name === 'string') {
          const schema = isObj(p.schema) ? (followRefs(spec, p.schema)?.value ?? p) : p;
          out.set(p.name, { ...schema, ...(p.example !== undefined ? { example: p.example } : {}) });
        }
      }
  return out;
}

export function findOperation(spec: Record<string, unknown>, operationId: string): OperationModel {
  const ops = operationModelsOf(spec);
  const op = ops.find((o) => o.operationId === operationId);
  if (op) return op;
  const near = ops
    .filter((o) => o.operationId && o.operationId.toLowerCase().includes(operationId.toLowerCase()))
    .map((o) => o.operationId)
    .slice(0, 5);
  const lists = ops
    .filter((o) => o.method === 'get' && o.operationId)
    .map((o) => o.operationId)
    .slice(0, 5);
  throw new TryUsageError(
    `no operation has operationId "${operationId}"${near.length ? `; did you mean ${near.join(', ')}?` : lists.length ? `; GET operations include ${lists.join(', ')}` : ''}`,
  );
}

/** The URL for the action, or a usage error naming what must be given. `skip` are the paging parameters, set per page. */
export function actionRequest(
  spec: Record<string, unknown>,
  op: OperationModel,
  base: string,
  given: Record<string, string>,
  skip: ReadonlySet<string>,
): ActionRequest {
  const notes: string[] = [];
  const missing: string[] = [];
  const declared = pathParams(spec, op);
  const used = new Set<string>();
  const path = op.pathKey.replace(/\{([^}]+)\}/g, (_, name: string) => {
    used.add(name);
    const value = given[name] ?? exampleOf(declared.get(name));
    if (value === undefined) {
      missing.push(`${name} (path)`);
      return `{${name}}`;
    }
    if (given[name] === undefined) notes.push(`path parameter ${name} = "${value}" (the spec's default or example)`);
    return encodeURIComponent(value);
  });
  const url = new URL(path.startsWith('/') ? path : `/${path}`, base);
  for (const [name, p] of op.query) {
    if (skip.has(name)) continue;
    const value = given[name] ?? (p.required ? exampleOf(p.schema) : undefined);
    if (value !== undefined) {
      url.searchParams.set(name, value);
      used.add(name);
      if (given[name] === undefined) notes.push(`query parameter ${name} = "${value}" (required; the spec's default or example)`);
    } else if (p.required) missing.push(`${name} (query)`);
  }
  for (const [name, value] of Object.entries(given))
    if (!used.has(name) && !skip.has(name)) {
      url.searchParams.set(name, value);
      notes.push(`query parameter ${name} is not in the spec; sent as given`);
    }
  if (missing.length) throw new TryUsageError(`give a value for ${missing.join(', ')} with --param NAME=VALUE (the spec has no default or example)`);
  return { op, url, notes };
}

/** The parameters a try fills (path ones, required query ones but the paging ones `skip`), each with the spec's default or example when it has one: what the editor asks before a try. */
export function paramsToFill(
  spec: Record<string, unknown>,
  op: OperationModel,
  skip: ReadonlySet<string>,
): Array<{ name: string; in: 'path' | 'query'; value?: string }> {
  const declared = pathParams(spec, op);
  const out: Array<{ name: string; in: 'path' | 'query'; value?: string }> = [];
  for (const [, name] of op.pathKey.matchAll(/\{([^}]+)\}/g)) out.push({ name, in: 'path', value: exampleOf(declared.get(name)) });
  for (const [name, p] of op.query) if (p.required && !skip.has(name)) out.push({ name, in: 'query', value: exampleOf(p.schema) });
  return out;
}
