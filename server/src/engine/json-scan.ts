/**
 * A scanner over JSON text that JSON.parse has already accepted. It never
 * builds a tree: it finds the offsets of the few nodes that findings and fixes
 * name, skipping everything else at the speed of a character loop. That is what
 * keeps a lint of a 13 MB spec within a small multiple of JSON.parse.
 */

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

export function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** `i` is at the opening quote; returns the offset just past the closing quote. */
export function skipString(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const j = text.indexOf('"', from);
    if (j === -1) return text.length;
    let b = j - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if (((j - 1 - b) & 1) === 0) return j + 1;
    from = j + 1;
  }
}

/** `i` is at the first character of a value; returns the offset just past it. */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    const n = text.length;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) {
        i = skipString(text, i);
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return n;
  }
  const n = text.length;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === 32 || d === 10 || d === 13 || d === 9) break;
    i++;
  }
  return i;
}

export function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface JsonNodeInfo {
  kind: 'object' | 'array' | 'scalar';
  start: number;
  end: number;
  /** Members of an object, in text order (duplicates included). */
  members: JsonMember[];
  /** Items of an array: value ranges. */
  items: Array<{ start: number; end: number }>;
}

/**
 * The one walk over an object's members: `visit` gets each key's span (quotes included) and where its
 * value starts, and returns where that value ends. Returns the offset just past the object, whose `{` is at `start`.
 * `context` goes to `visit` as it is, so the locate walk over a 13 MB spec makes no closure per node.
 */
function walkMembers<C>(text: string, start: number, context: C, visit: (context: C, keyStart: number, keyEnd: number, valueStart: number) => number): number {
  let i = skipWhitespace(text, start + 1);
  while (text.charCodeAt(i) === QUOTE) {
    const keyStart = i;
    const keyEnd = skipString(text, i);
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) === COLON) i = skipWhitespace(text, i + 1);
    i = skipWhitespace(text, visit(context, keyStart, keyEnd, i));
    if (text.charCodeAt(i) === COMMA) i = skipWhitespace(text, i + 1);
  }
  return i + 1;
}

/** The same over an array's items: `visit` gets where each starts and its index, and returns where it ends. */
function walkItems<C>(text: string, start: number, context: C, visit: (context: C, valueStart: number, index: number) => number): number {
  let i = skipWhitespace(text, start + 1);
  for (let index = 0; i < text.length && text.charCodeAt(i) !== CLOSE_BRACKET; index++) {
    i = skipWhitespace(text, visit(context, i, index));
    if (text.charCodeAt(i) === COMMA) i = skipWhitespace(text, i + 1);
  }
  return i + 1;
}

/** Lists the direct children of the value that starts at `start`. */
export function readNode(text: string, start: number): JsonNodeInfo {
  const c = text.charCodeAt(start);
  const members: JsonMember[] = [];
  const items: Array<{ start: number; end: number }> = [];
  if (c === OPEN_BRACE) {
    const end = walkMembers(text, start, undefined, (_, keyStart, keyEnd, valueStart) => {
      const valueEnd = skipValue(text, valueStart);
      members.push({ key: readKey(text, keyStart, keyEnd), keyStart, keyEnd, valueStart, valueEnd });
      return valueEnd;
    });
    return { kind: 'object', start, end, members, items };
  }
  if (c === OPEN_BRACKET) {
    const end = walkItems(text, start, undefined, (_, valueStart) => {
      const valueEnd = skipValue(text, valueStart);
      items.push({ start: valueStart, end: valueEnd });
      return valueEnd;
    });
    return { kind: 'array', start, end, members, items };
  }
  return { kind: 'scalar', start, end: skipValue(text, start), members, items };
}

export interface Span {
  start: number;
  end: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  key?: Span;
  value?: Span;
}

/**
 * Finds key and value spans for many paths in one pass over the text: the scan
 * descends only into members that some path names and skips the rest.
 * With duplicate keys the last one wins, as in JSON.parse.
 */
export function locateJsonPaths(
  text: string,
  paths: ReadonlyArray<ReadonlyArray<string | number>>,
  found?: Map<string, { key?: Span; value?: Span }>,
): Array<{ key?: Span; value?: Span }> {
  const root: TrieNode = { children: new Map() };
  const leaves: TrieNode[] = [];
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      const k = String(seg);
      let next = node.children.get(k);
      if (!next) {
        next = { children: new Map() };
        node.children.set(k, next);
      }
      node = next;
    }
    leaves.push(node);
  }
  const start = skipWhitespace(text, 0);
  root.value = { start, end: scanInto(text, start, root) };
  if (found) remember(root, '', found);
  return leaves.map((leaf) => ({ key: leaf.key, value: leaf.value }));
}

/** Records every node the scan passed through (the requested ones and their ancestors) by JSON pointer. */
function remember(node: TrieNode, pointer: string, found: Map<string, { key?: Span; value?: Span }>): void {
  const stack: Array<[TrieNode, string]> = [[node, pointer]];
  while (stack.length) {
    const [n, p] = stack.pop()!;
    if (!n.value) continue;
    found.set(p, { key: n.key, value: n.value });
    for (const [seg, child] of n.children) stack.push([child, `${p}/${seg.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
  }
}

/** scanInto's visitors: a member or item whose child the trie wants is scanned into, any other skipped. */
type Scan = { text: string; node: TrieNode };

function scanMember({ text, node }: Scan, keyStart: number, keyEnd: number, valueStart: number): number {
  const child = node.children.get(readKey(text, keyStart, keyEnd));
  if (!child) return skipValue(text, valueStart);
  const end = scanInto(text, valueStart, child);
  child.key = { start: keyStart, end: keyEnd };
  child.value = { start: valueStart, end };
  return end;
}

function scanItem({ text, node }: Scan, valueStart: number, index: number): number {
  const child = node.children.get(String(index));
  if (!child) return skipValue(text, valueStart);
  const end = scanInto(text, valueStart, child);
  child.key = child.value = { start: valueStart, end };
  return end;
}

function scanInto(text: string, start: number, node: TrieNode): number {
  if (node.children.size === 0) return skipValue(text, start);
  const c = text.charCodeAt(start);
  if (c === OPEN_BRACE) return walkMembers(text, start, { text, node }, scanMember);
  if (c === OPEN_BRACKET) return walkItems(text, start, { text, node }, scanItem);
  return skipValue(text, start);
}
