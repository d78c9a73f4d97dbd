import type { JsonPath } from './types';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationRef {
  path: JsonPath;
  pathKey: string;
  method: string;
  operation: Record<string, unknown>;
}

/** A place in the walked tree; the path is built only when someone asks for it. */
export class Place {
  constructor(
    readonly value: Record<string, unknown> | unknown[],
    readonly key: string | number | undefined,
    readonly parent: Place | undefined,
    readonly depth: number,
    /** True when this object's keys are names (properties, schemas, ...), not keywords. */
    readonly isNameMap: boolean,
  ) {}

  get path(): Array<string | number> {
    const out: Array<string | number> = new Array(this.depth);
    let p: Place | undefined = this;
    for (let i = this.depth - 1; i >= 0 && p; i--, p = p.parent) out[i] = p.key!;
    return out;
  }
}

export interface SpecIndex {
  operations: OperationRef[];
  /** Every object holding a string `$ref`. */
  refs: Array<{ place: Place; ref: string }>;
  /** Every object holding a string `pattern` (schemas and Swagger 2.0 parameters). */
  patterns: Array<{ place: Place; pattern: string }>;
  /** Every object whose `required` is an array (schemas). */
  requireds: Array<{ place: Place; required: unknown[] }>;
}

/** Maps whose keys are names chosen by the author, so a key like `example` there is not a keyword. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'schemas', 'parameters', 'responses', 'securitySchemes',
  'securityDefinitions', 'headers', 'links', 'callbacks', 'requestBodies', 'paths', 'dependentSchemas', 'content', 'encoding', 'webhooks', 'pathItems',
]);

/** Keywords whose values are instance data (or vendor extensions), never schemas to check. */
function isDataKeyword(key: string): boolean {
  return key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' || key.startsWith('x-');
}

/**
 * One iterative walk of the whole document that gathers what the rules look at.
 * Iterative so that deeply nested input cannot overflow the stack.
 */
export function indexSpec(root: Record<string, unknown>): SpecIndex {
  const index: SpecIndex = { operations: collectOperations(root), refs: [], patterns: [], requireds: [] };
  const seen = new Set<object>();
  const stack: Place[] = [new Place(root, undefined, undefined, 0, false)];
  while (stack.length) {
    const place = stack.pop()!;
    const value = place.value;
    if (seen.has(value)) continue; // YAML aliases can share one object; visit it once
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child = value[i];
        if (child !== null && typeof child === 'object') stack.push(new Place(child as object as Record<string, unknown>, i, place, place.depth + 1, false));
      }
      continue;
    }
    if (!place.isNameMap) {
      const ref = value.$ref;
      if (typeof ref === 'string') index.refs.push({ place, ref });
      const pattern = value.pattern;
      if (typeof pattern === 'string') index.patterns.push({ place, pattern });
      const required = value.required;
      if (Array.isArray(required)) index.requireds.push({ place, required });
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = value[key];
      if (child === null || typeof child !== 'object') continue;
      if (!place.isNameMap && isDataKeyword(key)) continue;
      stack.push(new Place(child as Record<string, unknown>, key, place, place.depth + 1, !place.isNameMap && NAME_MAPS.has(key)));
    }
  }
  return index;
}

function collectOperations(root: Record<string, unknown>): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = root.paths;
  if (!isObject(paths)) return out;
  for (const pathKey of Object.keys(paths)) {
    const item = paths[pathKey];
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) out.push({ path: ['paths', pathKey, method], pathKey, method, operation });
    }
  }
  return out;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}
