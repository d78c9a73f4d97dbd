import { parseLocalRef, toPointer } from './pointer';
import type { JsonPath } from './types';

/** Cycles through more schemas than this are summarised rather than spelled out. */
const MAX_CHAIN = 12;

interface TrieNode {
  children: Map<string, TrieNode>;
  id: number;
}

export interface Cycle {
  /** Path of the object that holds the `$ref`. */
  refPath: Array<string | number>;
  /** Pointers from the schema holding the reference, round to it again. */
  chain: string[];
  /** True for a reference whose removal a depth-first search picks to break the cycle. */
  breaks: boolean;
}

/**
 * Finds every local `$ref` that lies on a cycle. Nodes are the targets of
 * references; a target T has an edge to X when T's subtree holds a `$ref` to X.
 * Strongly connected components (Tarjan, iterative) make this linear in the
 * number of edges, so thousands of schemas are no problem.
 */
export function findCycles(refs: ReadonlyArray<{ path: JsonPath; ref: string }>): Cycle[] {
  // Targets form a trie of paths, so finding which targets enclose a `$ref` is a walk down its path.
  const trie: TrieNode = { children: new Map(), id: -1 };
  const names: string[] = [];
  const targetOf: number[] = [];
  const byPointer = new Map<string, number>();
  // Big specs repeat the same few hundred $ref strings thousands of times: parse each once.
  const byRef = new Map<string, number>();
  for (const { ref } of refs) {
    const known = byRef.get(ref);
    if (known !== undefined) {
      targetOf.push(known);
      continue;
    }
    const path = parseLocalRef(ref);
    let id = -1;
    if (path) {
      const ptr = toPointer(path);
      id = byPointer.get(ptr) ?? -1;
      if (id < 0) {
        id = names.length;
        byPointer.set(ptr, id);
        names.push(ptr);
        let node = trie;
        for (const seg of path) {
          let next = node.children.get(seg);
          if (!next) node.children.set(seg, (next = { children: new Map(), id: -1 }));
          node = next;
        }
        node.id = id;
      }
    }
    byRef.set(ref, id);
    targetOf.push(id);
  }
  // Edges, each remembering which reference made it.
  const edges: Array<Array<{ to: number; ref: number }>> = names.map(() => []);
  refs.forEach(({ path }, r) => {
    const to = targetOf[r];
    if (to < 0) return;
    let node: TrieNode | undefined = trie;
    for (let d = 0; node; d++) {
      if (node.id >= 0) edges[node.id].push({ to, ref: r });
      if (d === path.length) break;
      node = node.children.get(String(path[d]));
    }
  });
  const component = stronglyConnected(edges);
  const inCycle = (from: number, to: number) => component[from] === component[to];
  const backEdges = dfsBackEdges(edges, component);
  const componentSize = new Map<number, number>();
  for (const c of component) componentSize.set(c, (componentSize.get(c) ?? 0) + 1);
  const out: Cycle[] = [];
  const reported = new Set<number>();
  edges.forEach((list, from) => {
    for (const { to, ref } of list) {
      if (!inCycle(from, to) || reported.has(ref)) continue;
      reported.add(ref);
      const size = componentSize.get(component[from]) ?? 1;
      // In a huge cycle a path per reference would cost O(V·E); name the ends and the size instead.
      const chain =
        size <= MAX_CHAIN
          ? [from, ...shortestPath(edges, component, to, from)].map((n) => '#' + names[n])
          : ['#' + names[from], '#' + names[to], `… (a cycle through ${size} schemas)`, '#' + names[from]];
      out.push({ refPath: [...refs[ref].path], chain, breaks: backEdges.has(ref) });
    }
  });
  return out;
}

/** Tarjan's algorithm without recursion. Returns a component id per node; a lone node without a self-edge gets its own. */
function stronglyConnected(edges: Array<Array<{ to: number }>>): Int32Array {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] >= 0) continue;
    const work: Array<[number, number]> = [[s, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const v = frame[0];
      if (frame[1] === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const list = edges[v];
      let descended = false;
      while (frame[1] < list.length) {
        const w = list[frame[1]++].to;
        if (index[w] < 0) {
          work.push([w, 0]);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v], index[w]);
      }
      if (descended) continue;
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  return component;
}

/** References that make back edges of a depth-first search inside the components: removing them leaves no cycle. */
function dfsBackEdges(edges: Array<Array<{ to: number; ref: number }>>, component: Int32Array): Set<number> {
  const state = new Uint8Array(edges.length); // 0 new, 1 on path, 2 done
  const back = new Set<number>();
  for (let s = 0; s < edges.length; s++) {
    if (state[s]) continue;
    const work: Array<[number, number]> = [[s, 0]];
    state[s] = 1;
    while (work.length) {
      const frame = work[work.length - 1];
      const v = frame[0];
      if (frame[1] < edges[v].length) {
        const { to, ref } = edges[v][frame[1]++];
        if (component[to] !== component[v]) continue;
        if (state[to] === 1) back.add(ref);
        else if (state[to] === 0) {
          state[to] = 1;
          work.push([to, 0]);
        }
      } else {
        state[v] = 2;
        work.pop();
      }
    }
  }
  return back;
}

/** Breadth-first path from `from` to `to` inside one component (inclusive of both ends). */
function shortestPath(edges: Array<Array<{ to: number }>>, component: Int32Array, from: number, to: number): number[] {
  if (from === to) return [from];
  const prev = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let q = 0; q < queue.length && !prev.has(to); q++) {
    const v = queue[q];
    for (const { to: w } of edges[v]) {
      if (component[w] !== component[from] || prev.has(w)) continue;
      prev.set(w, v);
      queue.push(w);
    }
  }
  const path: number[] = [];
  for (let v: number | undefined = to; v !== undefined && v >= 0; v = prev.get(v)) path.push(v);
  return path.reverse();
}
