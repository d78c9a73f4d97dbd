import { isMap, isScalar, isSeq, stringify as yamlStringify, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { readNode, skipWhitespace, type JsonNodeInfo, type Span } from './json-scan';
import { yamlNodeAt, type SpecDocument } from './parse';
import { toPointer } from './pointer';
import type { JsonPath, TextEdit } from './types';

/** Where a new member goes in an object. */
export type Placement = 'start' | 'end' | { after: string };

/**
 * Minimal, format-preserving edits on a parsed document. Each method touches
 * only the bytes it must; indentation, quoting and line endings are read from
 * the surrounding text. Undefined means "cannot edit here safely".
 */
export interface StructuralEditor {
  insertMember(objectPath: JsonPath, key: string, value: unknown, placement: Placement): TextEdit | undefined;
  removeMember(objectPath: JsonPath, key: string): TextEdit | undefined;
  replaceValue(path: JsonPath, value: unknown): TextEdit | undefined;
  renameKey(objectPath: JsonPath, oldKey: string, newKey: string): TextEdit | undefined;
  /** Adds values at the end of a list, written like its last item (same line or a new line of the same indentation). */
  appendItems(arrayPath: JsonPath, values: unknown[]): TextEdit | undefined;
  /** Removes several members at once (one edit per run of neighbours, so the edits never overlap). */
  removeMembers(objectPath: JsonPath, keys: readonly string[]): TextEdit[] | undefined;
  /** Removes one item of a list, with its separator. */
  removeItem(arrayPath: JsonPath, index: number): TextEdit | undefined;
  /**
   * Writes members of one object at the end of another as their text stands (comments, quoting and layout
   * kept), when both are written alike (block or multi-line, members at the same indentation) and the
   * target has members; undefined otherwise.
   */
  copyMembers(fromPath: JsonPath, keys: readonly string[], toPath: JsonPath): TextEdit | undefined;
}

/** The runs of neighbouring members to drop, as [first, last] indices. */
function runs(drop: readonly boolean[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  drop.forEach((d, i) => {
    if (!d) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

export function editorFor(doc: SpecDocument): StructuralEditor {
  return doc.format === 'json' ? new JsonEditor(doc.text, doc.located) : new YamlEditor(doc.text, doc.yaml!);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOfLine(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text.slice(start, i);
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

class JsonEditor implements StructuralEditor {
  private readonly cache = new Map<string, JsonNodeInfo>();
  private readonly eol: string;

  constructor(
    private readonly text: string,
    /** Spans the analysis already found (see SpecDocument.located): a start that needs no scan from the top. */
    private readonly located?: Map<string, { key?: Span; value?: Span }>,
  ) {
    this.eol = eolOf(text);
  }

  private node(path: JsonPath): JsonNodeInfo | undefined {
    const key = toPointer(path);
    const hit = this.cache.get(key);
    if (hit) return hit;
    let info: JsonNodeInfo | undefined;
    const known = this.located?.get(key)?.value;
    if (known) {
      info = readNode(this.text, known.start);
    } else if (path.length === 0) {
      info = readNode(this.text, skipWhitespace(this.text, this.text.charCodeAt(0) === 0xfeff ? 1 : 0));
    } else {
      const parent = this.node(path.slice(0, -1));
      const seg = path[path.length - 1];
      if (!parent) return undefined;
      let start: number | undefined;
      if (parent.kind === 'object') {
        for (const m of parent.members) if (m.key === String(seg)) start = m.valueStart;
      } else if (parent.kind === 'array') {
        start = parent.items[Number(seg)]?.start;
      }
      if (start === undefined) return undefined;
      info = readNode(this.text, start);
    }
    this.cache.set(key, info);
    return info;
  }

  /** The indentation one level deeper than `offset`'s line, learned from the file's own first nesting. */
  private indentUnit(): string {
    // Only the root's first key is needed: reading the whole root would scan the whole file.
    const text = this.text;
    const start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    if (text[start] !== '{') return '  ';
    const firstKey = skipWhitespace(text, start + 1);
    if (text[firstKey] !== '"') return '  ';
    const indent = indentOfLine(text, firstKey);
    return indent.length > 0 && text.slice(start, firstKey).includes('\n') ? indent : '  ';
  }

  private layout(obj: JsonNodeInfo): { multiline: boolean; childIndent: string; sep: string; between: string } {
    const first = obj.members[0];
    if (first) {
      const lead = this.text.slice(obj.start + 1, first.keyStart);
      const multiline = lead.includes('\n');
      return {
        multiline,
        childIndent: multiline ? indentOfLine(this.text, first.keyStart) : '',
        sep: this.text.slice(first.keyEnd, first.valueStart).replace(/\s*\n\s*/g, ' '),
        between: multiline
          ? this.eol + indentOfLine(this.text, first.keyStart)
          : lead.length
            ? ' '
            : obj.members.length > 1
              ? this.text.slice(first.valueEnd + 1, obj.members[1].keyStart)
              : '',
      };
    }
    const multiline = this.text.slice(0, Math.min(this.text.length, 2000)).includes('\n');
    const childIndent = multiline ? indentOfLine(this.text, obj.start) + this.indentUnit() : '';
    return { multiline, childIndent, sep: multiline ? ': ' : ':', between: multiline ? this.eol + childIndent : '' };
  }

  private serialize(value: unknown, indent: string, multiline: boolean): string {
    if (!multiline) return JSON.stringify(value);
    return JSON.stringify(value, null, this.indentUnit())
      .split('\n')
      .join(this.eol + indent);
  }

  insertMember(objectPath: JsonPath, key: string, value: unknown, placement: Placement): TextEdit | undefined {
    const obj = this.node(objectPath);
    if (!obj || obj.kind !== 'object') return undefined;
    const { multiline, childIndent, sep, between } = this.layout(obj);
    const member = `${JSON.stringify(key)}${sep}${this.serialize(value, childIndent, multiline)}`;
    if (obj.members.length === 0) {
      const closeIndent = multiline ? this.eol + indentOfLine(this.text, obj.start) : '';
      return { start: obj.start, end: obj.end, newText: `{${multiline ? this.eol + childIndent : ''}${member}${closeIndent}}` };
    }
    let anchor = placement === 'end' ? obj.members[obj.members.length - 1] : undefined;
    if (typeof placement === 'object') anchor = obj.members.find((m) => m.key === placement.after) ?? obj.members[obj.members.length - 1];
    if (!anchor) {
      const first = obj.members[0];
      return { start: first.keyStart, end: first.keyStart, newText: `${member},${between}` };
    }
    return { start: anchor.valueEnd, end: anchor.valueEnd, newText: `,${between}${member}` };
  }

  removeMember(objectPath: JsonPath, key: string): TextEdit | undefined {
    const obj = this.node(objectPath);
    if (!obj || obj.kind !== 'object') return undefined;
    const i = obj.members.map((m) => m.key).lastIndexOf(key);
    if (i < 0) return undefined;
    const m = obj.members;
    if (m.length === 1) return { start: obj.start + 1, end: obj.end - 1, newText: '' };
    if (i > 0) return { start: m[i - 1].valueEnd, end: m[i].valueEnd, newText: '' };
    return { start: m[0].keyStart, end: m[1].keyStart, newText: '' };
  }

  replaceValue(path: JsonPath, value: unknown): TextEdit | undefined {
    const node = this.node(path);
    if (!node) return undefined;
    const { multiline } = this.layout(node.kind === 'object' ? node : { ...node, members: [] });
    return { start: node.start, end: node.end, newText: this.serialize(value, indentOfLine(this.text, node.start), multiline) };
  }

  renameKey(objectPath: JsonPath, oldKey: string, newKey: string): TextEdit | undefined {
    const known = this.located?.get(toPointer([...objectPath, oldKey]))?.key;
    if (known) return { start: known.start, end: known.end, newText: JSON.stringify(newKey) };
    const obj = this.node(objectPath);
    const m = obj?.members.filter((x) => x.key === oldKey).pop();
    return m ? { start: m.keyStart, end: m.keyEnd, newText: JSON.stringify(newKey) } : undefined;
  }

  appendItems(arrayPath: JsonPath, values: unknown[]): TextEdit | undefined {
    const arr = this.node(arrayPath);
    if (!arr || arr.kind !== 'array') return undefined;
    const items = arr.items;
    if (!items.length) return this.replaceValue(arrayPath, values);
    const lead = this.text.slice(arr.start + 1, items[0].start);
    // The separator between the first two items, or for one item: a new line like its own, or `,` and the space after `[`.
    const sep =
      items.length > 1
        ? this.text.slice(items[0].end, items[1].start)
        : lead.includes('\n')
          ? `,${this.eol}${indentOfLine(this.text, items[0].start)}`
          : `,${lead}`;
    const last = items[items.length - 1];
    return { start: last.end, end: last.end, newText: values.map((v) => sep + JSON.stringify(v)).join('') };
  }

  removeMembers(objectPath: JsonPath, keys: readonly string[]): TextEdit[] | undefined {
    const obj = this.node(objectPath);
    if (!obj || obj.kind !== 'object') return undefined;
    const m = obj.members;
    const drop = m.map((x) => keys.includes(x.key));
    if (!drop.some(Boolean)) return undefined;
    if (drop.every(Boolean)) return [{ start: obj.start + 1, end: obj.end - 1, newText: '' }];
    // A run after a kept member goes with the separator before it; a run at the start, with the one after it.
    return runs(drop).map(([i, j]) =>
      i > 0 ? { start: m[i - 1].valueEnd, end: m[j].valueEnd, newText: '' } : { start: m[0].keyStart, end: m[j + 1].keyStart, newText: '' },
    );
  }

  removeItem(arrayPath: JsonPath, index: number): TextEdit | undefined {
    const arr = this.node(arrayPath);
    if (!arr || arr.kind !== 'array' || !arr.items[index]) return undefined;
    const items = arr.items;
    if (items.length === 1) return { start: arr.start + 1, end: arr.end - 1, newText: '' };
    if (index > 0) return { start: items[index - 1].end, end: items[index].end, newText: '' };
    return { start: items[0].start, end: items[1].start, newText: '' };
  }

  copyMembers(fromPath: JsonPath, keys: readonly string[], toPath: JsonPath): TextEdit | undefined {
    const from = this.node(fromPath);
    const to = this.node(toPath);
    if (from?.kind !== 'object' || to?.kind !== 'object' || !from.members.length || !to.members.length) return undefined;
    const a = this.layout(from);
    const b = this.layout(to);
    if (a.multiline !== b.multiline || a.childIndent !== b.childIndent) return undefined;
    const pieces = keys.map((k) => from.members.filter((m) => m.key === k).pop());
    if (pieces.some((m) => !m)) return undefined;
    const last = to.members[to.members.length - 1];
    return { start: last.valueEnd, end: last.valueEnd, newText: pieces.map((m) => `,${b.between}${this.text.slice(m!.keyStart, m!.valueEnd)}`).join('') };
  }
}

class YamlEditor implements StructuralEditor {
  private readonly eol: string;

  private unit: number | undefined;

  constructor(
    private readonly text: string,
    private readonly doc: Document.Parsed,
  ) {
    this.eol = eolOf(text);
  }

  private map(path: JsonPath): YAMLMap | undefined {
    const node = yamlNodeAt(this.doc, path);
    return isMap(node) ? node : undefined;
  }

  private isFlow(map: YAMLMap): boolean {
    return Boolean(map.flow) || this.text[map.range![0]] === '{';
  }

  private pairIndex(map: YAMLMap, key: string): number {
    let found = -1;
    map.items.forEach((p, i) => {
      if (String(isScalar(p.key) ? p.key.value : p.key) === key) found = i;
    });
    return found;
  }

  /** Offset of the end of the last line a pair occupies (before its newline). */
  private pairLineEnd(pair: Pair): number {
    const node = (pair.value ?? pair.key) as { range?: [number, number, number] };
    let q = node.range![1];
    const keyStart = (pair.key as Scalar).range![0];
    while (q > keyStart && /[\s]/.test(this.text[q - 1])) q--;
    let end = this.text.indexOf('\n', q);
    if (end === -1) end = this.text.length;
    if (this.text[end - 1] === '\r') end--;
    return end;
  }

  private keyStart(pair: Pair): number {
    return (pair.key as Scalar).range![0];
  }

  private column(offset: number): number {
    return offset - lineStart(this.text, offset);
  }

  insertMember(objectPath: JsonPath, key: string, value: unknown, placement: Placement): TextEdit | undefined {
    const map = this.map(objectPath);
    if (!map || !map.range) return undefined;
    if (this.isFlow(map)) {
      const member = `${yamlKey(key)}: ${yamlFlow(value)}`;
      const start = map.range[0];
      if (map.items.length === 0) return { start, end: map.range[1], newText: `{ ${member} }` };
      return { start: this.keyStart(map.items[0] as Pair), end: this.keyStart(map.items[0] as Pair), newText: `${member}, ` };
    }
    if (map.items.length === 0) return undefined;
    const first = map.items[0] as Pair;
    const indent = ' '.repeat(this.column(this.keyStart(first)));
    const member = `${yamlKey(key)}:${this.blockValue(value, indent, this.flowAround(map))}`;
    let anchor: Pair | undefined = placement === 'end' ? (map.items[map.items.length - 1] as Pair) : undefined;
    if (typeof placement === 'object') {
      const i = this.pairIndex(map, placement.after);
      anchor = (map.items[i >= 0 ? i : map.items.length - 1] as Pair) ?? undefined;
    }
    if (!anchor) return { start: this.keyStart(first), end: this.keyStart(first), newText: `${member}${this.eol}${indent}` };
    const at = this.pairLineEnd(anchor);
    return { start: at, end: at, newText: `${this.eol}${indent}${member}` };
  }

  /**
   * A value for a member of a block mapping, in the style around it: a list or an object on lines of their own
   * (indented as this document indents), or, where the mapping's other collections are all written in flow
   * style (`properties: {id: {}}`), in YAML's flow style. Never JSON's `["id","url"]` inside block YAML.
   */
  private blockValue(value: unknown, indent: string, flow: boolean): string {
    const isList = Array.isArray(value) && value.length > 0;
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
    if (flow || (!isList && !isObject)) return ` ${yamlFlow(value)}`;
    const unit = ' '.repeat(this.indentUnit());
    if (isList) {
      const pad = this.sequencesIndented() ? unit : '';
      return (value as unknown[]).map((v) => `${this.eol}${indent}${pad}- ${yamlFlow(v)}`).join('');
    }
    const inner = indent + unit;
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${this.eol}${inner}${yamlKey(k)}:${this.blockValue(v, inner, false)}`)
      .join('');
  }

  /** Whether the mapping's collection values are all in flow style (and it has some). */
  private flowAround(map: YAMLMap): boolean {
    const collections = (map.items as Pair[]).map((p) => p.value).filter((v) => isMap(v) || isSeq(v)) as Array<
      YAMLMap | { flow?: boolean; range?: [number, number, number] }
    >;
    return collections.length > 0 && collections.every((c) => Boolean(c.flow) || (c.range && /[[{]/.test(this.text[c.range[0]])));
  }

  /** The document's indentation step: the smallest indentation of a line (2 when none is). */
  private indentUnit(): number {
    if (this.unit === undefined) {
      let min = 0;
      for (const m of this.text.slice(0, 200_000).matchAll(/\n( +)\S/g)) if (!min || m[1].length < min) min = m[1].length;
      this.unit = min || 2;
    }
    return this.unit;
  }

  /** Whether block lists sit indented under their key (`key:\n  - a`) rather than level with it (`key:\n- a`). */
  private sequencesIndented(): boolean {
    const m = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n( *)- /m.exec(this.text.slice(0, 200_000));
    return !m || m[2].length > m[1].length;
  }

  removeMember(objectPath: JsonPath, key: string): TextEdit | undefined {
    const map = this.map(objectPath);
    if (!map || !map.range) return undefined;
    const i = this.pairIndex(map, key);
    if (i < 0) return undefined;
    const items = map.items as Pair[];
    if (items.length === 1) return this.replaceCollection(map.range[0], this.pairLineEnd(items[0]), '{}');
    if (this.isFlow(map)) {
      if (i < items.length - 1) return { start: this.keyStart(items[i]), end: this.keyStart(items[i + 1]), newText: '' };
      const prev = items[i - 1];
      const prevEnd = ((prev.value ?? prev.key) as Scalar).range![1];
      const end = ((items[i].value ?? items[i].key) as Scalar).range![1];
      return { start: prevEnd, end, newText: '' };
    }
    if (i < items.length - 1) return { start: this.keyStart(items[i]), end: this.keyStart(items[i + 1]), newText: '' };
    return { start: this.pairLineEnd(items[i - 1]), end: this.pairLineEnd(items[i]), newText: '' };
  }

  /** Replaces a block collection by a flow value, right after the `key:` or `- ` that introduces it. */
  private replaceCollection(start: number, end: number, newText: string): TextEdit {
    let j = start - 1;
    while (j >= 0 && /\s/.test(this.text[j])) j--;
    if (this.text[j] === ':') return { start: j + 1, end, newText: ' ' + newText };
    return { start, end, newText };
  }

  replaceValue(path: JsonPath, value: unknown): TextEdit | undefined {
    const node = yamlNodeAt(this.doc, path);
    if (!node || !node.range) return undefined;
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) return this.replaceBlockScalar(node, value);
    if (isScalar(node)) return { start: node.range[0], end: node.range[1], newText: yamlScalarLike(node, value) };
    if (isMap(node) || isSeq(node)) {
      if ((node as YAMLMap).flow || this.text[node.range[0]] === '{' || this.text[node.range[0]] === '[')
        return { start: node.range[0], end: node.range[1], newText: yamlValue(value) };
      let end = node.range[1];
      while (end > node.range[0] && /\s/.test(this.text[end - 1])) end--;
      return this.replaceCollection(node.range[0], end, yamlValue(value));
    }
    return undefined;
  }

  /**
   * A block scalar (`|` or `>`) runs through its last line break, which the
   * next key needs: the edit stops before it. A string stays a block scalar
   * when one can hold it as it is; anything else becomes a one-line value.
   */
  private replaceBlockScalar(node: Scalar, value: unknown): TextEdit {
    const [start, rangeEnd] = node.range!;
    let end = rangeEnd;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    const headerLine = /^([|>])[-+0-9]*([ \t]+#[^\r\n]*)?/.exec(this.text.slice(start, end));
    const comment = headerLine?.[2] ?? '';
    const firstLine = /\r?\n([ \t]*)\S/.exec(this.text.slice(start, rangeEnd));
    const indent = firstLine?.[1] ?? ' '.repeat(this.column(start) + 2);
    if (typeof value !== 'string' || !blockable(value)) return { start, end, newText: yamlValue(value) + comment };
    const body = value.endsWith('\n') ? value.slice(0, -1) : value;
    const style = body.includes('\n') ? '|' : (headerLine?.[1] ?? '|');
    const chomp = value.endsWith('\n') ? '' : '-';
    const lines = body.split('\n').map((line) => (line === '' ? '' : indent + line));
    return { start, end, newText: `${style}${chomp}${comment}${this.eol}${lines.join(this.eol)}` };
  }

  renameKey(objectPath: JsonPath, oldKey: string, newKey: string): TextEdit | undefined {
    const map = this.map(objectPath);
    if (!map) return undefined;
    const i = this.pairIndex(map, oldKey);
    const key = i >= 0 ? (map.items[i] as Pair).key : undefined;
    if (!isScalar(key) || !key.range) return undefined;
    return { start: key.range[0], end: key.range[1], newText: yamlScalarLike(key, newKey) };
  }

  appendItems(arrayPath: JsonPath, values: unknown[]): TextEdit | undefined {
    const seq = yamlNodeAt(this.doc, arrayPath);
    if (!isSeq(seq) || !seq.range) return undefined;
    const items = seq.items as Array<{ range?: [number, number, number] }>;
    if (!items.length || !items.every((i) => i?.range)) return this.replaceValue(arrayPath, values);
    const last = items[items.length - 1].range!;
    if (seq.flow || this.text[seq.range[0]] === '[') {
      const sep = items.length > 1 ? this.text.slice(items[0].range![1], items[1].range![0]) : ', ';
      if (!/^\s*,\s*$/.test(sep)) return undefined;
      return { start: last[1], end: last[1], newText: values.map((v) => sep + yamlValue(v)).join('') };
    }
    // Block list: each new item on a line of its own, with the dash and indentation of the first.
    const first = items[0].range![0];
    const prefix = this.text.slice(lineStart(this.text, first), first);
    if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
    let q = last[1];
    while (q > last[0] && /\s/.test(this.text[q - 1])) q--;
    let end = this.text.indexOf('\n', q);
    if (end === -1) end = this.text.length;
    if (this.text[end - 1] === '\r') end--;
    return { start: end, end, newText: values.map((v) => `${this.eol}${prefix}${yamlValue(v)}`).join('') };
  }

  removeMembers(objectPath: JsonPath, keys: readonly string[]): TextEdit[] | undefined {
    const map = this.map(objectPath);
    if (!map || !map.range) return undefined;
    const items = map.items as Pair[];
    const drop = items.map((p) => keys.includes(String(isScalar(p.key) ? p.key.value : p.key)));
    if (!drop.some(Boolean)) return undefined;
    if (drop.every(Boolean)) return [this.replaceCollection(map.range[0], this.pairLineEnd(items[items.length - 1]), '{}')];
    const flow = this.isFlow(map);
    const end = (p: Pair) => ((p.value ?? p.key) as Scalar).range![1];
    // A run before a kept member goes up to that member's key; a run at the end, from the end of the member before it.
    return runs(drop).map(([i, j]) =>
      j < items.length - 1
        ? { start: this.keyStart(items[i]), end: this.keyStart(items[j + 1]), newText: '' }
        : flow
          ? { start: end(items[i - 1]), end: end(items[j]), newText: '' }
          : { start: this.pairLineEnd(items[i - 1]), end: this.pairLineEnd(items[j]), newText: '' },
    );
  }

  removeItem(arrayPath: JsonPath, index: number): TextEdit | undefined {
    const seq = yamlNodeAt(this.doc, arrayPath);
    if (!isSeq(seq) || !seq.range) return undefined;
    const items = seq.items as Array<{ range?: [number, number, number] }>;
    // Only the item and its neighbours are looked at: removing many items of a long list stays linear.
    const near = [index - 1, index, index + 1].filter((i) => i >= 0 && i < items.length);
    if (!items[index] || !near.every((i) => items[i]?.range)) return undefined;
    if (items.length === 1) return this.replaceValue(arrayPath, []);
    const at = (i: number) => items[i].range!;
    if (seq.flow || this.text[seq.range[0]] === '[') {
      if (index > 0) return { start: at(index - 1)[1], end: at(index)[1], newText: '' };
      return { start: at(0)[0], end: at(1)[0], newText: '' };
    }
    // Block list: whole lines, from the dash of the item to the dash of the next (or from the end of the one before).
    const dash = (i: number) => lineStart(this.text, at(i)[0]);
    if (near.some((i) => !/^[ \t]*-[ \t]+$/.test(this.text.slice(dash(i), at(i)[0])))) return undefined;
    if (index < items.length - 1) return { start: dash(index), end: dash(index + 1), newText: '' };
    return { start: this.lineEndOf(at(index - 1)), end: this.lineEndOf(at(index)), newText: '' };
  }

  /** The end of the last line of a node (before its newline), trailing blank lines aside. */
  private lineEndOf(range: [number, number, number]): number {
    let q = range[1];
    while (q > range[0] && /\s/.test(this.text[q - 1])) q--;
    let end = this.text.indexOf('\n', q);
    if (end === -1) end = this.text.length;
    if (this.text[end - 1] === '\r') end--;
    return end;
  }

  copyMembers(fromPath: JsonPath, keys: readonly string[], toPath: JsonPath): TextEdit | undefined {
    const from = this.map(fromPath);
    const to = this.map(toPath);
    if (!from || !to || this.isFlow(from) || this.isFlow(to) || !from.items.length || !to.items.length) return undefined;
    const column = (m: YAMLMap) => this.column(this.keyStart(m.items[0] as Pair));
    if (column(from) !== column(to)) return undefined;
    const pieces = keys.map((k) => from.items[this.pairIndex(from, k)] as Pair | undefined);
    if (pieces.some((p) => !p)) return undefined;
    const indent = ' '.repeat(column(to));
    const at = this.pairLineEnd(to.items[to.items.length - 1] as Pair);
    return { start: at, end: at, newText: pieces.map((p) => `${this.eol}${indent}${this.text.slice(this.keyStart(p!), this.pairLineEnd(p!))}`).join('') };
  }
}

/** A block scalar can hold the string unescaped: no leading space on a line, no trailing blank lines or control characters. */
function blockable(value: string): boolean {
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  // Control characters have no place in a block scalar: matching them is the point of this regex.
  // eslint-disable-next-line no-control-regex
  return body.trim() !== '' && !body.endsWith('\n') && !/(^|\n)[ \t]/.test(body) && !/[\x00-\x08\x0b-\x1f\x7f\r]/.test(body);
}

/** A scalar in the same quoting style as the one it replaces. */
function yamlScalarLike(old: Scalar, value: unknown): string {
  if (typeof value === 'string') {
    if (old.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
    if (old.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  }
  return yamlValue(value);
}

function yamlKey(key: string): string {
  return yamlValue(key);
}

/** One-line YAML in YAML's own flow style: `[id, name]`, `{a: {}}`; scalars as yamlValue writes them, quoted where flow syntax needs it. */
export function yamlFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlFlow).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${flowScalar(k)}: ${yamlFlow(v)}`)
      .join(', ')}}`;
  return flowScalar(value);
}

function flowScalar(value: unknown): string {
  const plain = yamlValue(value);
  return typeof value === 'string' && /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

/** One-line YAML for a value: plain when that reads back the same, JSON flow style otherwise (JSON is YAML). */
export function yamlValue(value: unknown): string {
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') {
    const plain = yamlStringify(value, { lineWidth: 0 }).trimEnd(); // lineWidth 0: never folded over lines
    return plain.includes('\n') ? JSON.stringify(value) : plain;
  }
  return JSON.stringify(value) ?? 'null';
}
