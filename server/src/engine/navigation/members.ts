/**
 * The members of an object in the text, with the offsets of each key and
 * value, for JSON and YAML alike. JSON is read with the scanner (only the
 * objects asked for are looked into); YAML from its nodes.
 */
import { isAlias, isMap, isScalar, type Document } from 'yaml';
import { locateJsonPaths, readKey, readNode, skipString, skipValue, skipWhitespace } from '../json-scan';
import { yamlNodeAt, type SpecDocument } from '../parse';
import type { JsonPath } from '../types';

export interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /** YAML: the value's node, to read its own members without another lookup. */
  node?: unknown;
}

/** Members of the objects at `paths`, in one pass over JSON text; undefined where there is no object. */
export function membersAt(doc: SpecDocument, paths: ReadonlyArray<JsonPath>): Array<Member[] | undefined> {
  if (doc.format === 'yaml') return paths.map((p) => (doc.yaml ? yamlMembers(doc.yaml, yamlNodeAt(doc.yaml, p)) : undefined));
  const spans = locateJsonPaths(doc.text, paths);
  return spans.map((s) => (s.value ? jsonMembers(doc.text, s.value.start) : undefined));
}

/**
 * Members of every object whose path `wanted` accepts, in one pass over JSON
 * text: wanted objects are read member by member, everything else skipped.
 * Keys are pointers (`/paths/~1pets`). Reading level by level with readNode
 * would scan a big subtree once per level.
 */
export function jsonObjectsWanted(text: string, wanted: (path: ReadonlyArray<string>) => boolean): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  const path: string[] = [];
  const read = (start: number, pointer: string): number => {
    if (text.charCodeAt(start) !== 123) return skipValue(text, start);
    const members: Member[] = [];
    out.set(pointer, members);
    let i = skipWhitespace(text, start + 1);
    while (text.charCodeAt(i) === 34) {
      const keyStart = i;
      const keyEnd = skipString(text, i);
      i = skipWhitespace(text, keyEnd);
      if (text.charCodeAt(i) === 58) i = skipWhitespace(text, i + 1);
      const key = readKey(text, keyStart, keyEnd);
      path.push(key);
      const valueEnd = wanted(path) ? read(i, pointer + '/' + key.replace(/~/g, '~0').replace(/\//g, '~1')) : skipValue(text, i);
      path.pop();
      members.push({ key, keyStart, keyEnd, valueStart: i, valueEnd });
      i = skipWhitespace(text, valueEnd);
      if (text.charCodeAt(i) === 44) i = skipWhitespace(text, i + 1);
    }
    return i + 1;
  };
  read(skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0), '');
  return out;
}

/** Members of a member's value, when it is an object. */
export function membersOf(doc: SpecDocument, member: Member): Member[] | undefined {
  if (doc.format === 'yaml') return doc.yaml ? yamlMembers(doc.yaml, member.node) : undefined;
  return jsonMembers(doc.text, member.valueStart);
}

function jsonMembers(text: string, start: number): Member[] | undefined {
  const node = readNode(text, start);
  return node.kind === 'object' ? node.members : undefined;
}

export function yamlMembers(doc: Document.Parsed, node: unknown): Member[] | undefined {
  const map = deref(doc, node);
  if (!isMap(map)) return undefined;
  const out: Member[] = [];
  for (const pair of map.items) {
    const key = pair.key as { range?: [number, number, number] } | null;
    if (!key?.range) continue;
    const value = deref(doc, pair.value) as { range?: [number, number, number] } | null;
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const own = (pair.value as { range?: [number, number, number] } | null)?.range; // an alias sits here; its target elsewhere
    out.push({
      key: name,
      keyStart: key.range[0],
      keyEnd: key.range[1],
      valueStart: own?.[0] ?? key.range[1],
      valueEnd: own?.[1] ?? key.range[1],
      node: value ?? undefined,
    });
  }
  return out;
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  let n = node;
  for (let guard = 0; isAlias(n) && guard < 100; guard++) n = n.resolve(doc);
  return n;
}
