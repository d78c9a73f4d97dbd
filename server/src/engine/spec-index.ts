import { followRefs } from './pointer';
import type { JsonPath } from './types';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationRef {
  /** Where the operation is: under its path item, or under the path item that item's `$ref` leads to. */
  path: JsonPath;
  pathKey: string;
  method: string;
  operation: Record<string, unknown>;
  /** The path item that holds the operation (its `parameters` apply to it too). */
  item: Record<string, unknown>;
}

export interface SpecIndex {
  operations: OperationRef[];
  /** Every object holding a string `$ref`: the object's path. */
  refs: Array<{ path: JsonPath; ref: string }>;
  /** Every object holding a string `pattern` (schemas and Swagger 2.0 parameters). */
  patterns: Array<{ path: JsonPath; pattern: string }>;
  /**
   * Every schema whose `required` is an array, with the schema whose properties it may
   * name (itself, or for a member of allOf/anyOf/oneOf or a not/if/then/else, the enclosing one).
   */
  requireds: Array<{ path: JsonPath; schema: Record<string, unknown>; scope: Record<string, unknown>; required: unknown[] }>;
  /** Every object whose `type` is a list, or a string other than JSON Schema's six and the security schemes' (`int`, `datetime`, `null`, `file`). */
  oddTypes: Array<{ path: JsonPath; type: string | unknown[]; schema: Record<string, unknown> }>;
}

/** The `type`s every OpenAPI version takes: JSON Schema's, and the security schemes' (`null` and `file` depend on the version). */
const KNOWN_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'apiKey', 'http', 'oauth2', 'openIdConnect', 'mutualTLS', 'basic']);

/** Maps whose keys are names chosen by the author, so a key like `example` there is not a keyword. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'schemas',
  'parameters',
  'responses',
  'securitySchemes',
  'securityDefinitions',
  'headers',
  'links',
  'callbacks',
  'requestBodies',
  'paths',
  'dependentSchemas',
  'content',
  'encoding',
  'webhooks',
  'pathItems',
]);

export const COMPOSITIONS = new Set(['allOf', 'anyOf', 'oneOf']);
const SUBSCHEMA_OF_PARENT = new Set(['not', 'if', 'then', 'else']);

/** Keywords whose values are instance data (or vendor extensions), never schemas to check. */
function isDataKeyword(key: string): boolean {
  return key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' || key.startsWith('x-');
}

/**
 * One iterative walk of the whole document that gathers what the rules look at.
 * Iterative so that deeply nested input cannot overflow the stack; it keeps the
 * current path in two arrays instead of allocating per node, since a 13 MB spec
 * has hundreds of thousands of objects.
 * `shared` says values may be shared or cyclic (YAML aliases): then each object is visited once.
 */
export function indexSpec(root: Record<string, unknown>, shared = false): SpecIndex {
  const index: SpecIndex = { operations: collectOperations(root), refs: [], patterns: [], requireds: [], oddTypes: [] };
  const seen = shared ? new Set<object>() : undefined;
  const keys: Array<string | number> = []; // keys[d] leads from vals[d] to vals[d + 1]
  const vals: unknown[] = [];
  const sVal: unknown[] = [root];
  const sKey: Array<string | number> = [''];
  const sDepth: number[] = [0];
  const sNames: boolean[] = [false];
  while (sVal.length) {
    const value = sVal.pop() as Record<string, unknown> | unknown[];
    const key = sKey.pop()!;
    const depth = sDepth.pop()!;
    const isNameMap = sNames.pop()!;
    if (seen) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    vals.length = depth;
    keys.length = depth;
    if (depth > 0) keys[depth - 1] = key;
    vals.push(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child = value[i];
        if (child !== null && typeof child === 'object') {
          sVal.push(child);
          sKey.push(i);
          sDepth.push(depth + 1);
          sNames.push(false);
        }
      }
      continue;
    }
    if (!isNameMap) {
      const ref = value.$ref;
      if (typeof ref === 'string') index.refs.push({ path: keys.slice(0, depth), ref });
      const pattern = value.pattern;
      if (typeof pattern === 'string') index.patterns.push({ path: keys.slice(0, depth), pattern });
      const required = value.required;
      if (Array.isArray(required)) index.requireds.push({ path: keys.slice(0, depth), schema: value, scope: scopeOf(vals, keys, depth), required });
      const type = value.type;
      if ((typeof type === 'string' && !KNOWN_TYPES.has(type)) || Array.isArray(type)) index.oddTypes.push({ path: keys.slice(0, depth), type, schema: value });
    }
    for (const k in value) {
      const child = value[k];
      if (child === null || typeof child !== 'object') continue;
      if (!isNameMap && isDataKeyword(k)) continue;
      sVal.push(child);
      sKey.push(k);
      sDepth.push(depth + 1);
      sNames.push(!isNameMap && NAME_MAPS.has(k));
    }
  }
  return index;
}

/** Climbs from the schema at `depth` out of composition members and not/if/then/else. */
function scopeOf(vals: unknown[], keys: Array<string | number>, depth: number): Record<string, unknown> {
  let d = depth;
  for (;;) {
    if (d >= 2 && Array.isArray(vals[d - 1]) && COMPOSITIONS.has(String(keys[d - 2]))) d -= 2;
    else if (d >= 1 && SUBSCHEMA_OF_PARENT.has(String(keys[d - 1]))) d -= 1;
    else return vals[d] as Record<string, unknown>;
  }
}

/**
 * Every operation, in the order of `paths` and then of HTTP_METHODS: the one
 * enumerator the rules, the actions view, rename, reduce and the settings
 * checks share. A path item that is a local `$ref` (to `components/pathItems`,
 * another path, anywhere in the document) is read from its target; a method
 * written beside the `$ref` wins over the target's. External references are
 * not followed.
 */
export function collectOperations(root: Record<string, unknown>): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = root.paths;
  if (!isObject(paths)) return out;
  for (const pathKey of Object.keys(paths)) {
    const item = paths[pathKey];
    if (!isObject(item)) continue;
    const target = typeof item.$ref === 'string' ? followRefs(root, item, ['paths', pathKey]) : undefined;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) out.push({ path: ['paths', pathKey, method], pathKey, method, operation, item });
      else if (target && isObject(target.value[method]))
        out.push({ path: [...target.path, method], pathKey, method, operation: target.value[method] as Record<string, unknown>, item: target.value });
    }
  }
  return out;
}

/** Each operation once, where it is written: several paths can reach one through `$ref` path items; the first of them keeps it. */
export function writtenOnce(operations: OperationRef[]): OperationRef[] {
  const seen = new Set<string>();
  return operations.filter((op) => {
    const at = op.path.join('\u0000');
    return seen.has(at) ? false : Boolean(seen.add(at));
  });
}

/** The operation a finding names by method and path key (its fix's data). */
export function operationNamed(operations: OperationRef[], method: unknown, pathKey: unknown): OperationRef | undefined {
  return operations.find((o) => o.method === method && o.pathKey === pathKey);
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** True for a path inside a security scheme, whose `type` (apiKey, http…) is not a schema's. */
export function inSecurityScheme(path: JsonPath): boolean {
  return path[0] === 'securityDefinitions' || (path[0] === 'components' && path[1] === 'securitySchemes');
}
