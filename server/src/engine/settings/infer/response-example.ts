/**
 * What a response's examples say about its shape, for the many vendor specs
 * that give an example and no schema (or a schema without a shape): the
 * example as a value, and a schema read off that value, so that the schema
 * walks in paging.ts (results array, next link, cursor) work on it too.
 *
 * Where an example is looked for, in order: the media type's `example`, the
 * first of its `examples`, the schema's own `example`, one built from its
 * properties' examples; Swagger 2.0's `examples` by MIME type. A string that
 * holds JSON (some vendors quote their examples) is parsed.
 */
import { isObject } from '../../spec-index';
import { deref, itemsOf, propertiesOf, type Obj } from '../model/spec-model';

const MAX_JSON_TEXT = 1_000_000;
const MAX_DEPTH = 10;
const MAX_KEYS = 200;

function parsed(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!/^[[{]/.test(t) || t.length > MAX_JSON_TEXT) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

function mediaOrder(keys: string[]): string[] {
  const rank = (t: string) => (t === 'application/json' ? 0 : /[/+]json\b/i.test(t) ? 1 : 2);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

/** An example of the success response's body, or undefined when the spec gives none. */
export function responseExample(root: Obj, response: Obj): unknown {
  if (isObject(response.examples) && !isObject(response.content)) {
    // Swagger 2.0: examples by MIME type.
    for (const t of mediaOrder(Object.keys(response.examples))) if (response.examples[t] !== undefined) return parsed(response.examples[t]);
  }
  if (isObject(response.schema)) return exampleFromSchema(root, deref(root, response.schema));
  const content = response.content;
  if (!isObject(content)) return undefined;
  for (const t of mediaOrder(Object.keys(content))) {
    const media = deref(root, content[t]);
    if (!media) continue;
    if (media.example !== undefined) return parsed(media.example);
    if (isObject(media.examples)) {
      for (const e of Object.values(media.examples)) {
        const ex = deref(root, e);
        if (ex && ex.value !== undefined) return parsed(ex.value);
      }
    }
    const fromSchema = isObject(media.schema) ? exampleFromSchema(root, deref(root, media.schema)) : undefined;
    if (fromSchema !== undefined) return fromSchema;
  }
  return undefined;
}

/** The schema's own example, else an object or array built from its members' examples. */
export function exampleFromSchema(root: Obj, schema: Obj | undefined, depth = 0, seen = new Set<Obj>()): unknown {
  if (!schema || depth > MAX_DEPTH || seen.has(schema)) return undefined;
  seen.add(schema);
  if (schema.example !== undefined) return parsed(schema.example);
  if (Array.isArray(schema.examples) && schema.examples.length) return parsed(schema.examples[0]);
  const props = propertiesOf(root, schema);
  if (props.size) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of [...props].slice(0, MAX_KEYS)) {
      const x = exampleFromSchema(root, v, depth + 1, seen);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  const items = schema.items !== undefined ? itemsOf(root, schema) : undefined;
  const x = items ? exampleFromSchema(root, items, depth + 1, seen) : undefined;
  return x === undefined ? undefined : [x];
}

/** A schema with the shape of the value: objects' keys, arrays' first item; null says nothing (an open schema). */
export function schemaFromValue(v: unknown, depth = 0): Obj {
  if (depth > MAX_DEPTH || v === null || v === undefined) return {};
  if (Array.isArray(v)) return { type: 'array', items: v.length ? schemaFromValue(v[0], depth + 1) : {} };
  if (typeof v === 'object') {
    const properties: Record<string, Obj> = {};
    for (const [k, x] of Object.entries(v as Obj).slice(0, MAX_KEYS)) properties[k] = schemaFromValue(x, depth + 1);
    return { type: 'object', properties };
  }
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number' };
  return { type: typeof v };
}

/** The value at a dotted path of an example; undefined when it is not there. */
export function valueAt(v: unknown, dotted: string): unknown {
  let node = v;
  for (const key of dotted === '' ? [] : dotted.split('.')) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}
