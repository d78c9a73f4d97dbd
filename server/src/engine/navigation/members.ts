/**
 * The members of an object in the text, with the offsets of each key and
 * value, for JSON and YAML alike. JSON is read with the scanner (only the
 * objects asked for are looked into); YAML from its nodes.
 */
import { isAlias, isMap, isScalar, type Document } from 'yaml';
import { locateJsonPaths, readNode } from '../json-scan';
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
    out.push({ key: name, keyStart: key.range[0], keyEnd: key.range[1], valueStart: own?.[0] ?? key.range[1], valueEnd: own?.[1] ?? key.range[1], node: value ?? undefined });
  }
  return out;
}

function deref(doc: Document.Parsed, node: unknown): unknown {
  let n = node;
  for (let guard = 0; isAlias(n) && guard < 100; guard++) n = n.resolve(doc);
  return n;
}
