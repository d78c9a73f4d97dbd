import type { FixIntent, JsonPath } from './types';

/** A deep copy of a parsed document: plain data, so structuredClone is exact. */
function clone<T>(value: T): T {
  return structuredClone(value);
}

function parentOf(root: unknown, path: JsonPath): Record<string, unknown> | unknown[] | undefined {
  let node: unknown = root;
  for (const seg of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[String(seg)];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/**
 * Applies fixes' intents to a parsed document, giving what the edited text
 * must parse to. Undefined when an intent names a place that does not exist.
 */
export function applyIntents(value: unknown, intents: ReadonlyArray<FixIntent>): unknown {
  const root = { '': clone(value) };
  for (const intent of intents) {
    const path = ['', ...intent.path];
    const parent = parentOf(root, path);
    const last = String(path[path.length - 1]);
    if (!parent) return undefined;
    if (intent.op === 'set') (parent as Record<string, unknown>)[last] = clone(intent.value);
    else if (intent.op === 'delete') delete (parent as Record<string, unknown>)[last];
    else {
      const obj = (parent as Record<string, unknown>)[last] as Record<string, unknown>;
      if (!obj || typeof obj !== 'object' || !(intent.from in obj)) return undefined;
      // Rebuild so the renamed key keeps its place, as the text edit does.
      const renamed: Record<string, unknown> = {};
      for (const k of Object.keys(obj)) renamed[k === intent.from ? intent.to : k] = obj[k];
      (parent as Record<string, unknown>)[last] = renamed;
    }
  }
  return root[''];
}

/**
 * What fix-all's output must parse to. Within a round every intent names places
 * as they were before the round, so keys are renamed after the other changes.
 */
export function applyFixAllIntents(value: unknown, rounds: ReadonlyArray<ReadonlyArray<{ intent?: FixIntent[] }>>): unknown {
  let v = value;
  for (const round of rounds) {
    const intents = round.flatMap((f) => f.intent ?? []);
    v = applyIntents(v, [...intents.filter((i) => i.op !== 'rename'), ...intents.filter((i) => i.op === 'rename')]);
  }
  return v;
}
