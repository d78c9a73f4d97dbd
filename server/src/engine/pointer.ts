import type { JsonPath } from './types';

/** RFC 6901 JSON pointer for a path. */
export function toPointer(path: JsonPath): string {
  let out = '';
  for (const seg of path) out += '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/**
 * Parses a local `$ref` (`#/a/b~1c`) into path segments; undefined for anything
 * that is not a same-document reference (URLs, other files), which we never follow.
 */
export function parseLocalRef(ref: string): string[] | undefined {
  if (ref === '#') return [];
  if (!ref.startsWith('#/')) return undefined;
  const segments = ref.slice(2).split('/');
  const out: string[] = [];
  for (const raw of segments) {
    let seg = raw;
    if (seg.includes('%')) {
      try {
        seg = decodeURIComponent(seg);
      } catch {
        return undefined;
      }
    }
    out.push(seg.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return out;
}

/** Follows a path through plain values; undefined when it leads nowhere. */
export function getAt(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      const i = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : NaN;
      node = node[i];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
      node = (node as Record<string, unknown>)[String(seg)];
    }
  }
  return node;
}

const MAX_REF_HOPS = 32;

/**
 * Follows local `$ref`s from `node` (which sits at `at`), a bounded number of
 * hops: the object reached and where it is. Undefined for a reference that
 * leads nowhere, out of the document, or round in circles.
 */
export function followRefs(root: unknown, node: unknown, at: JsonPath = []): { value: Record<string, unknown>; path: JsonPath } | undefined {
  let n = node;
  let path = at;
  for (let hops = 0; isPlainObject(n) && typeof n.$ref === 'string'; hops++) {
    if (hops >= MAX_REF_HOPS) return undefined;
    const next = parseLocalRef(n.$ref);
    if (!next) return undefined;
    n = getAt(root, next);
    path = next;
  }
  return isPlainObject(n) ? { value: n, path } : undefined;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** A pointer short enough for a message: long ones keep their head and tail. */
export function displayPointer(path: JsonPath): string {
  const p = toPointer(path) || '/';
  return p.length <= 160 ? p : `${p.slice(0, 80)}…${p.slice(-60)}`;
}
