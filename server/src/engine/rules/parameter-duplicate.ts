/**
 * The same parameter (name and `in`) listed twice in one list of an operation or a path item. An identical
 * copy is removed; one that differs is removed too, the first standing, and the finding says which went.
 */
import { isDeepStrictEqual } from 'node:util';
import { applyEdits } from '../edit-ops';
import { displayPointer, followRefs, getAt } from '../pointer';
import type { FixContext, Rule } from '../rule';
import type { FixIntent, JsonPath, TextEdit } from '../types';
import { paramLabel, parameterLists } from './parameters';

interface Repeat {
  /** Index of the repeat, and of the first of its name and location. */
  at: number;
  first: number;
  identical: boolean;
}

/** The items after the first of their name and `in` (through local `$ref`s). */
function repeats(root: unknown, listPath: JsonPath, list: unknown[]): Repeat[] {
  const firsts = new Map<string, number>();
  const out: Repeat[] = [];
  list.forEach((item, i) => {
    const p = followRefs(root, item, [...listPath, i])?.value;
    if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') return;
    const key = `${p.in}\u0000${p.name}`;
    const first = firsts.get(key);
    if (first === undefined) firsts.set(key, i);
    else {
      const a = followRefs(root, list[first])?.value;
      out.push({ at: i, first, identical: isDeepStrictEqual(item, list[first]) || isDeepStrictEqual(a, p) });
    }
  });
  return out;
}

/**
 * The removal of some items of a list. The intent sets the whole list (a `delete` of an item would leave
 * a hole, not shorten it). In fix-all the edit spans the whole list, text kept as it is around the removed
 * items, so that no other fix of the round edits inside the list, whose indices the removal shifts.
 */
function removal(ctx: FixContext, listPath: JsonPath, list: unknown[], drop: number[]): { edits: TextEdit[]; intent: FixIntent[]; count: number } | undefined {
  const { editor, doc } = ctx;
  const edits: TextEdit[] = [];
  const dropped: number[] = [];
  // Neighbours whose removals would overlap (the last two items of a YAML list) go one per round.
  for (const i of [...drop].sort((a, b) => a - b)) {
    const e = editor.removeItem(listPath, i);
    if (!e) return undefined;
    if (edits.length && edits[edits.length - 1].end > e.start) continue;
    edits.push(e);
    dropped.push(i);
  }
  const gone = new Set(dropped);
  const intent: FixIntent[] = [{ op: 'set', path: listPath, value: list.filter((_, i) => !gone.has(i)) }];
  if (!ctx.batch) return { edits, intent, count: dropped.length };
  const span = doc.locate([{ path: listPath, target: 'value' }])[0];
  if (!span) return undefined;
  // The edits are sorted and apart: the first starts first, the last ends last.
  const start = Math.min(span.start, edits[0].start);
  const end = Math.max(span.end, edits[edits.length - 1].end);
  const slice = doc.text.slice(start, end);
  const newText = applyEdits(
    slice,
    edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
  );
  return { edits: [{ start, end, newText }], intent, count: dropped.length };
}

export const parameterDuplicate: Rule = {
  id: 'parameter-duplicate',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'A list of parameters names each parameter (name and in) once.',
  severity: 'error',
  fixAll: true,
  check({ root, report }) {
    for (const { path, list } of parameterLists(root)) {
      for (const r of repeats(root, path, list)) {
        const p = followRefs(root, list[r.at])!.value;
        const item = list[r.at] as Record<string, unknown>;
        const where = `${displayPointer([...path, r.first])}`;
        report({
          path: typeof item.$ref === 'string' ? [...path, r.at] : [...path, r.at, 'name'],
          target: 'value',
          message: r.identical
            ? `The parameter ${paramLabel(p)} is listed twice, the same both times (first at ${where}): an importer that validates the document rejects it. This copy is removed.`
            : `The parameter ${paramLabel(p)} is listed twice, differently (first at ${where}): an importer that validates the document rejects it. The first stands; this one (${JSON.stringify(item).slice(0, 120)}) is removed.`,
          data: { listPath: path, at: r.at },
        });
      }
    }
  },
  fix({ data }, ctx) {
    const listPath = data?.listPath as JsonPath | undefined;
    const list = Array.isArray(listPath) ? getAt(ctx.root, listPath) : undefined;
    if (!Array.isArray(list)) return undefined;
    // Fix-all removes every repeat of a list in one fix: two fixes each setting the whole list would disagree.
    // (Claimed first, so a list of thousands of repeats is read once, not once per repeat.)
    if (ctx.batch && !ctx.claim(`parameters:${JSON.stringify(listPath)}`)) return undefined;
    const all = repeats(ctx.root, listPath!, list);
    const one = all.find((r) => r.at === data?.at);
    if (!one) return undefined;
    const drop = ctx.batch ? all.map((r) => r.at) : [one.at];
    const done = removal(ctx, listPath!, list, drop);
    if (!done) return undefined;
    const p = followRefs(ctx.root, list[one.at])?.value ?? {};
    const title =
      done.count > 1
        ? `Remove ${done.count} repeated parameters`
        : `Remove the repeated parameter ${paramLabel(p)}${one.identical ? '' : ' (it differs from the first)'}`;
    return { title, edits: done.edits, intent: done.intent };
  },
};
