/**
 * Walks a resolved document once for many compiled `given` predicates, the
 * way nimma does, but without walking the same subtree twice.
 *
 * After $refs are inlined, one schema object sits at every place that
 * references it: GitHub's description is 258k nodes as written and 2M as
 * resolved. nimma walks all 2M. A node's matches below it depend only on the
 * node itself and on a few facts about the path above it (the keys at the
 * fixed positions the predicates test, whether an `..ancestor..` key was
 * seen, the last few keys); when the walker reaches an object again with the
 * same facts, everything below has already been reported for an equivalent
 * path, and Spectral would map those findings to the same place in the file,
 * so it skips it.
 *
 * Iterative, so a deeply nested document cannot overflow the stack.
 */
import type { Key, Predicate } from './given';

export interface WalkOptions {
  /** Skip subtrees already walked in an equivalent position. Off when the source itself shares objects (YAML aliases). */
  memo: boolean;
  /**
   * Path prefixes (`*` matches any key) whose presence rule functions depend
   * on; the walker reports which hold for each match, as bits in order.
   */
  prefixes?: ReadonlyArray<ReadonlyArray<string>>;
}

/** `parent` is the object holding the value (the same object wherever it is reached from). */
export type Emit = (predicate: number, path: Key[], value: unknown, prefixBits: number, parent: object) => void;

interface State {
  id: number;
  ancestors: number;
  last: number[];
  next: Map<string, State>;
}

function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function prefixHolds(path: ReadonlyArray<Key>, prefix: ReadonlyArray<string>): boolean {
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== '*' && prefix[i] !== path[i]) return false;
  return true;
}

export function walk(root: unknown, predicates: ReadonlyArray<Predicate>, emit: Emit, options: WalkOptions): void {
  const walkers = predicates.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === 'walk');
  const prefixes = options.prefixes ?? [];
  if (!walkers.length || !isObjectLike(root)) return;

  // What a path can tell the predicates below it.
  const ancestorKeys = [...new Set(walkers.map(({ p }) => p.ancestor).filter((k): k is string => k !== undefined))];
  const ancestorBit = new Map(ancestorKeys.map((k, i) => [k as Key, 1 << i]));
  const tail = Math.max(0, ...walkers.flatMap(({ p }) => p.fromEnd.map((t) => t.index)));
  const literalId = new Map<Key, number>();
  for (const { p } of walkers) for (const t of p.fromEnd) for (const v of t.values) if (!literalId.has(v)) literalId.set(v, literalId.size + 1);
  // Below this depth every fixed-position test, exact depth and minimum depth is settled.
  const cap = Math.max(
    0,
    ...walkers.flatMap(({ p }) => [...p.fromRoot.map((t) => t.index), p.depthEq ?? 0, p.depthMin ?? 0]),
    ...prefixes.map((x) => x.length),
  );
  const ancestorCount = new Map<Key, number>(ancestorKeys.map((k) => [k, 0]));
  const deepWalkers = walkers.map(({ p }) => p).filter((p) => p.depthEq === undefined && p.fromRoot.length > 0);

  const states = new Map<string, State>();
  const intern = (ancestors: number, last: number[], fixed: string): State => {
    const key = `${fixed}|${ancestors}|${last.join(',')}`;
    let s = states.get(key);
    if (!s) states.set(key, (s = { id: states.size, ancestors, last, next: new Map() }));
    return s;
  };
  const fixedOf = new Map<State, string>();
  const step = (s: State, key: Key): State => {
    const id = literalId.get(key) ?? 0;
    const bit = ancestorBit.get(key) ?? 0;
    // Both parts: two ancestor keys can share literal id 0.
    const cacheKey = `${id}:${bit}`;
    let n = s.next.get(cacheKey);
    if (!n) {
      n = intern(s.ancestors | bit, tail ? [...s.last.slice(1), id] : [], fixedOf.get(s)!);
      fixedOf.set(n, fixedOf.get(s)!);
      s.next.set(cacheKey, n);
    }
    return n;
  };
  const visited = new Map<unknown, number | Set<number>>();
  const seen = (value: unknown, state: number): boolean => {
    const v = visited.get(value);
    if (v === undefined) {
      visited.set(value, state);
      return false;
    }
    if (typeof v === 'number') {
      if (v === state) return true;
      visited.set(value, new Set([v, state]));
      return false;
    }
    if (v.has(state)) return true;
    v.add(state);
    return false;
  };

  // Which predicates can match a node: by exact depth, by the node's own key, or any node.
  const byDepth = new Map<number, Array<{ p: Predicate; i: number }>>();
  const byKey = new Map<Key, Array<{ p: Predicate; i: number }>>();
  const anywhere: Array<{ p: Predicate; i: number }> = [];
  for (const w of walkers) {
    const own = w.p.fromEnd.find((t) => t.index === 0);
    if (w.p.depthEq !== undefined) byDepth.set(w.p.depthEq, [...(byDepth.get(w.p.depthEq) ?? []), w]);
    else if (own) for (const v of own.values) byKey.set(v, [...(byKey.get(v) ?? []), w]);
    else anywhere.push(w);
  }

  const path: Key[] = [];
  let prefixBits = 0;
  const matches = (p: Predicate, depth: number, key: Key, value: unknown): boolean => {
    if (p.depthEq !== undefined && depth !== p.depthEq) return false;
    if (p.depthMin !== undefined && depth < p.depthMin) return false;
    for (const t of p.fromRoot) if (!t.values.has(path[t.index])) return false;
    for (const t of p.fromEnd) if (!t.values.has(path[depth - t.index])) return false;
    if (p.ancestor !== undefined && !(ancestorCount.get(p.ancestor)! > 0)) return false;
    return p.filter === undefined || p.filter(value, key);
  };

  interface Frame {
    obj: Record<string, unknown> | unknown[];
    keys: Key[] | null;
    i: number;
    state: State | undefined;
  }
  const keysOf = (o: Record<string, unknown> | unknown[]): Key[] | null => (Array.isArray(o) ? null : Object.keys(o));
  const stack: Frame[] = [{ obj: root as Record<string, unknown>, keys: keysOf(root as Record<string, unknown>), i: 0, state: undefined }];

  while (stack.length) {
    const frame = stack[stack.length - 1];
    const size = frame.keys ? frame.keys.length : (frame.obj as unknown[]).length;
    if (frame.i === size) {
      stack.pop();
      // Leaving the object at depth stack.length - 1: its key leaves the path.
      if (stack.length) {
        const key = path.pop()!;
        if (ancestorBit.has(key)) ancestorCount.set(key, ancestorCount.get(key)! - 1);
      }
      continue;
    }
    const key: Key = frame.keys ? frame.keys[frame.i] : frame.i;
    frame.i++;
    const value = (frame.obj as Record<string, unknown>)[key as string];
    const depth = path.length;
    path.push(key);
    if (depth < cap) prefixBits = prefixes.reduce((bits, x, i) => (prefixHolds(path, x) ? bits | (1 << i) : bits), 0);
    // (The order of emissions does not matter: results are de-duplicated and sorted at the end.)
    const atDepth = byDepth.get(depth);
    if (atDepth) for (const { p, i } of atDepth) if (matches(p, depth, key, value)) emit(i, path.slice(), value, prefixBits, frame.obj);
    const forKey = byKey.get(key);
    if (forKey) for (const { p, i } of forKey) if (matches(p, depth, key, value)) emit(i, path.slice(), value, prefixBits, frame.obj);
    for (const { p, i } of anywhere) if (matches(p, depth, key, value)) emit(i, path.slice(), value, prefixBits, frame.obj);

    if (!isObjectLike(value)) {
      path.pop();
      continue;
    }
    let state: State | undefined;
    if (options.memo && depth >= cap) {
      if (frame.state) {
        state = step(frame.state, key);
      } else {
        // The first node at this depth: the facts from the whole path so far.
        // Tests from the root matter below `cap` only for predicates that match at any depth.
        const fixed = `${deepWalkers.map((p) => (p.fromRoot.every((t) => t.values.has(path[t.index])) ? 1 : 0)).join('')}/${prefixBits}`;
        let ancestors = 0;
        for (const k of path) ancestors |= ancestorBit.get(k) ?? 0;
        const last = [];
        for (let j = tail; j >= 1; j--) last.push(literalId.get(path[depth + 1 - j]) ?? 0);
        state = intern(ancestors, last, fixed);
        fixedOf.set(state, fixed);
      }
      if (seen(value, state.id)) {
        path.pop();
        continue;
      }
    }
    if (ancestorBit.has(key)) ancestorCount.set(key, ancestorCount.get(key)! + 1);
    stack.push({ obj: value as Record<string, unknown>, keys: keysOf(value as Record<string, unknown>), i: 0, state });
  }
}
