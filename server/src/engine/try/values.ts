/**
 * Reading a response the way Rewst reads it. A Results Key, Next Page Key,
 * token key or expiration key is a dotted path (`results.foo` is "foo" inside
 * "results"); a key the response has as one name with dots in it
 * (`@odata.nextLink`) is found too, the fallback settings/spec-model.ts
 * resolveKey uses on the schema, here applied to a real value.
 */
import { JSONPath } from 'jsonpath-plus';

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export type Found = { found: true; value: unknown } | { found: false };

/** The value at a key: '' is the response itself; a dotted path first, then the same text as one literal key. */
export function valueAtKey(body: unknown, key: string): Found {
  if (key === '') return { found: true, value: body };
  let node: unknown = body;
  let ok = true;
  for (const seg of key.split('.')) {
    if (isObj(node) && Object.prototype.hasOwnProperty.call(node, seg)) node = node[seg];
    else if (Array.isArray(node) && /^\d+$/.test(seg) && Number(seg) < node.length) node = node[Number(seg)];
    else {
      ok = false;
      break;
    }
  }
  if (ok) return { found: true, value: node };
  if (key.includes('.') && isObj(body) && Object.prototype.hasOwnProperty.call(body, key)) return { found: true, value: body[key] };
  return { found: false };
}

/** Every array in a response (the response itself included, as ''), down to `depth` levels of objects; paths as Rewst's keys. */
export function arraysIn(body: unknown, depth = 3, prefix = ''): Array<{ key: string; length: number }> {
  if (Array.isArray(body)) return [{ key: prefix, length: body.length }];
  if (!isObj(body) || depth === 0) return [];
  const out: Array<{ key: string; length: number }> = [];
  for (const [k, v] of Object.entries(body)) out.push(...arraysIn(v, depth - 1, prefix ? `${prefix}.${k}` : k));
  return out;
}

/** The array most likely to be the results: the longest, objects over scalars; a `links` array is links. */
export function likelyResults(body: unknown): string | undefined {
  const arrays = arraysIn(body).filter((a) => !/(^|\.)links?$/i.test(a.key));
  arrays.sort((a, b) => b.length - a.length);
  return arrays[0]?.key;
}

export function keysOf(v: unknown): string[] {
  return isObj(v) ? Object.keys(v) : [];
}

export function listKeys(keys: string[], max = 10): string {
  if (!keys.length) return 'none';
  return (
    keys
      .slice(0, max)
      .map((k) => `"${k}"`)
      .join(', ') + (keys.length > max ? `, … (${keys.length} in all)` : '')
  );
}

/**
 * The first value a JSONPath finds (jsonpath-plus with its "safe" evaluator: filters such as
 * `[?(@.id==2)]` work, as in jsonpath-ng's ext parser, but a path from a settings file never reaches
 * JavaScript's eval). `found` false when it finds nothing; `error` when the path does not parse.
 */
export function firstAtJsonPath(body: unknown, path: string): { value?: unknown; found: boolean; error?: string } {
  if (body === null || typeof body !== 'object') return { found: false };
  try {
    const results = JSONPath({ path, json: body as object, wrap: true, eval: 'safe' }) as unknown[];
    return results.length ? { found: true, value: results[0] } : { found: false };
  } catch (e) {
    return { found: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Keys anywhere in a response (three levels) whose names say cursor: to propose a Pointer JSONPath. */
export function cursorPaths(body: unknown, depth = 3, prefix = '$'): string[] {
  if (!isObj(body) || depth === 0) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    const path = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `${prefix}.${k}` : `${prefix}['${k.replace(/'/g, "\\'")}']`;
    if (
      (typeof v === 'string' || typeof v === 'number') &&
      /cursor|after|next_?token|nexttoken|continuation|marker|next_?page_?token|pagetoken|starting_?after/i.test(k)
    )
      out.push(path);
    else out.push(...cursorPaths(v, depth - 1, path));
  }
  return out;
}
