/**
 * Where a spec's bytes are: its size, its operation count, its components by
 * serialized size, and its tags by the serialized size of their operations.
 * Text in, numbers out.
 */
import { collectOperations, isObject } from '../spec-index';
import { componentContainers } from './reach';
import { readSpecValue } from './read';
import { byteLength, jsonIndentOf } from './serialize';

export interface ComponentSize {
  /** `#/components/schemas/Ticket` */
  pointer: string;
  bytes: number;
}

export interface TagSize {
  tag: string;
  operations: number;
  /** The serialized size of the operations that carry the tag (an operation with two tags counts for both). */
  bytes: number;
}

export interface SizeBreakdown {
  bytes: number;
  operations: number;
  /** Every component, largest first. */
  components: ComponentSize[];
  /** Every tag that operations carry, largest first; operations without a tag are not in it (see `untagged`). */
  tags: TagSize[];
  untagged: { operations: number; bytes: number };
}

/** The size breakdown of a spec (JSON or YAML; sizes are of its parts written as JSON, as the text indents). */
export function sizeBreakdown(text: string, value?: Record<string, unknown>): SizeBreakdown {
  const root = value ?? readSpecValue(text).value;
  const indent = jsonIndentOf(text);
  const size = (v: unknown) => jsonSize(v, indent);
  const components: ComponentSize[] = [];
  for (const c of componentContainers(root)) {
    let map: unknown = root;
    for (const seg of c) map = isObject(map) ? map[seg] : undefined;
    if (!isObject(map)) continue;
    for (const [name, v] of Object.entries(map)) components.push({ pointer: '#/' + [...c, name].map(escape).join('/'), bytes: size(v) });
  }
  components.sort((a, b) => b.bytes - a.bytes);
  const tags = new Map<string, TagSize>();
  const untagged = { operations: 0, bytes: 0 };
  const ops = collectOperations(root);
  for (const { operation } of ops) {
    const bytes = size(operation);
    const names = Array.isArray(operation.tags) ? [...new Set(operation.tags.filter((t): t is string => typeof t === 'string'))] : [];
    if (!names.length) {
      untagged.operations++;
      untagged.bytes += bytes;
    }
    for (const tag of names) {
      const t = tags.get(tag) ?? { tag, operations: 0, bytes: 0 };
      t.operations++;
      t.bytes += bytes;
      tags.set(tag, t);
    }
  }
  return {
    bytes: byteLength(text),
    operations: ops.length,
    components,
    tags: [...tags.values()].sort((a, b) => b.bytes - a.bytes),
    untagged,
  };
}

/**
 * The bytes of `JSON.stringify(value, null, indent)` for parsed JSON, counted without writing it and without
 * recursion, so that a value nested 100,000 levels deep is measured rather than overflowing the stack.
 */
export function jsonSize(value: unknown, indent: string): number {
  const L = indent.length;
  let total = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') {
      total += byteLength(JSON.stringify(v) ?? 'null');
      continue;
    }
    const entries: Array<[string | undefined, unknown]> = Array.isArray(v) ? v.map((x) => [undefined, x]) : Object.entries(v);
    const n = entries.length;
    total += 2; // the brackets
    if (!n) continue;
    total += n - 1; // commas
    if (L) total += n * (1 + L * (depth + 1)) + 1 + L * depth; // a newline and indentation before each entry and the closing bracket
    for (const [key, x] of entries) {
      if (key !== undefined) total += byteLength(JSON.stringify(key)) + 1 + (L ? 1 : 0); // "key": (with a space when indented)
      stack.push([x, depth + 1]);
    }
  }
  return total;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
