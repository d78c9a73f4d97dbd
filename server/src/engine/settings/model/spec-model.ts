/**
 * What the settings inference and cross-checks read from a spec: operations
 * with their query parameters, the JSON schema and headers of their success
 * response, and the security schemes. OpenAPI 3.x and Swagger 2.0 alike; only
 * local `$ref`s are followed, each chain a bounded number of hops.
 */
import { parseJsonPath, type PathSegment } from '../../../../../common/settings/json-path';
import { followRefs } from '../../pointer';
import { jsonTypeOf } from '../../schema-type';
import { collectOperations, isObject } from '../../spec-index';

export type Obj = Record<string, unknown>;

export interface QueryParam {
  name: string;
  /** The parameter's schema (for Swagger 2.0, the parameter itself, which holds type and limits). */
  schema: Obj;
  description: string;
  required: boolean;
}

/** An operation as the settings inference and checks see it: its query and header parameters, success response and security. */
export interface OperationModel {
  operationId?: string;
  method: string;
  pathKey: string;
  summary: string;
  query: Map<string, QueryParam>;
  /** Header parameters by name. */
  headers: Map<string, QueryParam>;
  /** The JSON schema of the success response, if the spec gives one. */
  responseSchema?: Obj;
  /** Header names the success response declares, lower-cased. */
  responseHeaders: string[];
  /** The operation's own `security`, when it has one. */
  security?: unknown[];
}

/** Follows `$ref`s from `node`; undefined for a reference that leads nowhere or round in circles. */
export function deref(root: Obj, node: unknown): Obj | undefined {
  return followRefs(root, node)?.value;
}

export function isSwagger2(root: Obj): boolean {
  return 'swagger' in root;
}

function parametersOf(root: Obj, list: unknown): Obj[] {
  return Array.isArray(list) ? list.map((p) => deref(root, p)).filter((p): p is Obj => Boolean(p)) : [];
}

function toParam(root: Obj, p: Obj): QueryParam {
  const schema = isObject(p.schema) ? (deref(root, p.schema) ?? {}) : p; // Swagger 2.0 keeps type and limits on the parameter
  return { name: String(p.name), schema, description: typeof p.description === 'string' ? p.description : '', required: p.required === true };
}

/** The success response: 200, else another 2xx, else default. */
export function successResponse(root: Obj, responses: unknown): Obj | undefined {
  if (!isObject(responses)) return undefined;
  const keys = Object.keys(responses);
  const key = keys.find((k) => k === '200') ?? keys.find((k) => /^2[0-9x]{2}$/i.test(k)) ?? keys.find((k) => k === 'default');
  return key ? deref(root, responses[key]) : undefined;
}

function jsonSchemaOf(root: Obj, response: Obj): Obj | undefined {
  if (isObject(response.schema)) return deref(root, response.schema); // Swagger 2.0
  const content = response.content;
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  const type =
    types.find((t) => t === 'application/json') ??
    types.find((t) => /[/+]json\b/i.test(t)) ??
    types.find((t) => isObject(content[t]) && isObject((content[t] as Obj).schema));
  const media = type ? content[type] : undefined;
  return isObject(media) && isObject(media.schema) ? deref(root, media.schema) : undefined;
}

/** The OperationModel of every operation (collectOperations' list), path-level parameters merged in (the operation's own win). */
export function operationModelsOf(root: Obj): OperationModel[] {
  return collectOperations(root).map(({ pathKey, method, operation: op, item }) => {
    const query = new Map<string, QueryParam>();
    const headers = new Map<string, QueryParam>();
    for (const p of [...parametersOf(root, item.parameters), ...parametersOf(root, op.parameters)]) {
      if (typeof p.name !== 'string') continue;
      if (p.in === 'query') query.set(p.name, toParam(root, p));
      else if (p.in === 'header') headers.set(p.name.toLowerCase(), toParam(root, p));
    }
    const response = successResponse(root, op.responses);
    return {
      operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
      method,
      pathKey,
      summary: typeof op.summary === 'string' ? op.summary : '',
      query,
      headers,
      responseSchema: response ? jsonSchemaOf(root, response) : undefined,
      responseHeaders: response && isObject(response.headers) ? Object.keys(response.headers).map((h) => h.toLowerCase()) : [],
      security: Array.isArray(op.security) ? op.security : undefined,
    };
  });
}

/** The operation object itself, as the spec writes it (for what the model does not carry: examples, extensions, description). */
export function operationObject(root: Obj, op: Pick<OperationModel, 'pathKey' | 'method'>): Obj | undefined {
  const item = isObject(root.paths) ? deref(root, root.paths[op.pathKey]) : undefined;
  return item && isObject(item[op.method]) ? (item[op.method] as Obj) : undefined;
}

export function securitySchemesOf(root: Obj): Map<string, Obj> {
  const raw = isSwagger2(root) ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
  const out = new Map<string, Obj>();
  if (isObject(raw))
    for (const [name, s] of Object.entries(raw)) {
      const scheme = deref(root, s);
      if (scheme) out.set(name, scheme);
    }
  return out;
}

// --- schemas ---

const MAX_DEPTH = 12;

function members(root: Obj, schema: Obj, key: 'allOf' | 'anyOf' | 'oneOf'): Obj[] {
  const list = schema[key];
  return Array.isArray(list) ? list.map((m) => deref(root, m)).filter((m): m is Obj => Boolean(m)) : [];
}

/*
 * The walks below follow allOf/anyOf/oneOf members. Each visits a schema once
 * per call (`seen`), so a schema whose members refer back to it, ten times
 * over, costs ten steps, not ten to the depth.
 */

export function typesOf(root: Obj, schema: Obj | undefined, depth = 0, seen = new Set<Obj>()): Set<string> {
  const out = new Set<string>();
  if (!schema || depth > MAX_DEPTH || seen.has(schema)) return out;
  seen.add(schema);
  // Read as the rules read it: `int` is integer, `List<int>` an array (schema-type.ts).
  const t = schema.type;
  if (typeof t === 'string') out.add(jsonTypeOf(t) ?? t);
  else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') out.add(jsonTypeOf(x) ?? x);
  if (!out.size && isObject(schema.items)) out.add('array');
  if (!out.size && isObject(schema.properties)) out.add('object');
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) for (const m of members(root, schema, k)) for (const x of typesOf(root, m, depth + 1, seen)) out.add(x);
  return out;
}

export function isArraySchema(root: Obj, schema: Obj | undefined): boolean {
  return typesOf(root, schema).has('array');
}

/** The item schema of an array schema (from allOf/anyOf/oneOf members too). */
export function itemsOf(root: Obj, schema: Obj | undefined, depth = 0, seen = new Set<Obj>()): Obj | undefined {
  if (!schema || depth > MAX_DEPTH || seen.has(schema)) return undefined;
  seen.add(schema);
  if (schema.items !== undefined) return deref(root, schema.items) ?? {};
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const)
    for (const m of members(root, schema, k)) {
      const found = itemsOf(root, m, depth + 1, seen);
      if (found) return found;
    }
  return undefined;
}

/** Properties of an object schema, gathered through allOf/anyOf/oneOf; first definition wins. */
export function propertiesOf(root: Obj, schema: Obj | undefined, depth = 0, seen = new Set<Obj>()): Map<string, Obj> {
  const out = new Map<string, Obj>();
  if (!schema || depth > MAX_DEPTH || seen.has(schema)) return out;
  seen.add(schema);
  if (isObject(schema.properties))
    for (const [k, v] of Object.entries(schema.properties)) {
      const s = deref(root, v);
      if (s && !out.has(k)) out.set(k, s);
    }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
    for (const m of members(root, schema, key)) for (const [k, v] of propertiesOf(root, m, depth + 1, seen)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** Does the schema say anything at all about its shape? (`{}` or only a description does not.) */
export function isOpenSchema(root: Obj, schema: Obj | undefined): boolean {
  return !!schema && typesOf(root, schema).size === 0 && propertiesOf(root, schema).size === 0 && schema.additionalProperties !== false;
}

export type { PathSegment };
export { parseJsonPath };

export type Resolved = { ok: true; schema: Obj } | { ok: false; at: number; reason: string };

/** Walks a schema along object keys and array steps. An open schema (no shape) cannot be checked: it counts as resolved. */
export function resolveSchemaPath(root: Obj, schema: Obj, segments: ReadonlyArray<PathSegment>): Resolved {
  let current = schema;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (isOpenSchema(root, current)) return { ok: true, schema: {} };
    if (seg.kind === 'key') {
      const next = propertiesOf(root, current).get(seg.name);
      if (!next) {
        if (isObject(current.additionalProperties) || current.additionalProperties === true) return { ok: true, schema: {} };
        const known = [...propertiesOf(root, current).keys()];
        return {
          ok: false,
          at: i,
          reason: `has no "${seg.name}"${
            known.length
              ? ` (it has ${known
                  .slice(0, 8)
                  .map((k) => `"${k}"`)
                  .join(', ')}${known.length > 8 ? ', …' : ''})`
              : ''
          }`,
        };
      }
      current = next;
    } else {
      if (!isArraySchema(root, current)) return { ok: false, at: i, reason: 'is not an array' };
      current = itemsOf(root, current) ?? {};
    }
  }
  return { ok: true, schema: current };
}

/** "results.foo" → key segments. */
export function dottedPath(key: string): PathSegment[] {
  return key === '' ? [] : key.split('.').map((name) => ({ kind: 'key', name }));
}

/**
 * A Results Key or Next Page Key in the response: a dotted path, or else one key with dots in its name
 * (OData's `@odata.nextLink`), which only a real response can tell apart; see dottedKeyNote.
 */
export function resolveKey(root: Obj, schema: Obj, key: string): Resolved {
  const r = resolveSchemaPath(root, schema, dottedPath(key));
  if (r.ok || !key.includes('.')) return r;
  const literal = propertiesOf(root, schema).get(key);
  return literal ? { ok: true, schema: literal } : r;
}

/** Said of a key the response has as one name with dots in it: Rewst's page reads keys as paths (`results.foo`). */
export function dottedKeyNote(root: Obj, schema: Obj | undefined, field: string, key: string | undefined): string | undefined {
  if (!schema || !key?.includes('.') || resolveSchemaPath(root, schema, dottedPath(key)).ok || !propertiesOf(root, schema).has(key)) return undefined;
  return `${field} "${key}" is one key with a dot in its name: Rewst's page reads a key as a path (results.foo is "foo" inside "results"), so check with a real response that Rewst finds it.`;
}
