/**
 * The document Spectral's rules see. JSON is parsed once with JSON.parse
 * (through the engine's parser) and positions are found only for the
 * findings that need them, in one pass; spectral-core would build a full
 * AST with positions for every node first. YAML, and JSON with duplicate
 * keys (which JSON.parse silently merges), go through Spectral's own YAML
 * parser, which is what `spectral lint` uses for every file, so values and
 * parser diagnostics are exactly its own.
 */
import { Document } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { normalize } from '@stoplight/path';
import { startsWithProtocol } from '@stoplight/spectral-runtime';
import type { IRange } from '@stoplight/types';
import { LineIndex } from '../engine/line-index';
import { parseSpec, type SpecDocument } from '../engine/parse';
import type { RawResult } from './results';

type Path = Array<string | number>;

export interface SpectralDocument {
  source: string | null;
  data: unknown;
  /** Parser problems, already in Spectral's result shape (code 'parser'). */
  diagnostics: RawResult[];
  formats?: Set<unknown> | null;
  /** True when one object sits at several places of the source (YAML aliases): the walker must not skip repeats. */
  sharesObjects?: boolean;
  getRangeForJsonPath(path: Path, closest?: boolean): IRange | undefined;
  /** Many ranges in one pass, where the document can do that faster. */
  getRangesForJsonPaths?(paths: Path[]): IRange[];
  trapAccess<T extends object>(obj: T): T;
}

/** spectral-core's normalizeSource. */
export function normalizeSource(source: string | undefined | null): string | null {
  if (source === undefined || source === null) return null;
  return source.length > 0 && !startsWithProtocol(source) ? normalize(source) : source;
}

class JsonDocument implements SpectralDocument {
  readonly diagnostics: RawResult[] = [];
  formats?: Set<unknown> | null;
  readonly data: unknown;

  constructor(
    private readonly doc: SpecDocument,
    readonly source: string | null,
  ) {
    this.data = doc.value;
  }

  getRangeForJsonPath(path: Path): IRange {
    return this.getRangesForJsonPaths([path])[0];
  }

  getRangesForJsonPaths(paths: Path[]): IRange[] {
    // A member is pointed at by its key; the root by its first character rather than the whole file.
    const spans = this.doc.locate(paths.map((path) => ({ path, target: 'key' as const })));
    return spans.map((span, i) => {
      const s = paths[i].length === 0 ? { start: span.start, end: Math.min(span.end, span.start + 1) } : span;
      return { start: this.doc.lines.positionAt(s.start), end: this.doc.lines.positionAt(s.end) };
    });
  }

  trapAccess<T extends object>(obj: T): T {
    return obj;
  }
}

/** JSON.parse keeps the last of duplicate keys without a word; the YAML parser reports them, as `spectral lint` does. */
function hasDuplicateKeys(text: string, value: unknown): boolean {
  // Members in the text (colons outside strings) against members in the parsed value.
  let colons = 0;
  for (let i = 0; i < text.length;) {
    const q = text.indexOf('"', i);
    const end = q < 0 ? text.length : q;
    for (let c = text.indexOf(':', i); c >= 0 && c < end; c = text.indexOf(':', c + 1)) colons++;
    if (q < 0) break;
    let j = q + 1;
    for (;;) {
      const k = text.indexOf('"', j);
      if (k < 0) return false;
      let b = k - 1;
      while (text.charCodeAt(b) === 92) b--;
      if (((k - 1 - b) & 1) === 0) {
        i = k + 1;
        break;
      }
      j = k + 1;
    }
  }
  let members = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else {
      for (const k in v) {
        members++;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return members !== colons;
}

/** Whether any object is reachable twice (YAML aliases). */
function sharesObjects(value: unknown): boolean {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (seen.has(v)) return true;
    seen.add(v);
    for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}

// @stoplight/yaml's AST, the parts read here.
interface YamlKey {
  value: unknown;
  startPosition: number;
  endPosition: number;
}
interface YamlNode {
  kind: number;
  startPosition: number;
  endPosition: number;
  key?: YamlKey;
  value?: YamlNode | null;
  mappings?: YamlNode[];
  items?: Array<YamlNode | null>;
}
const MAP = 2;
const SEQ = 3;

/** A member's mappings with merge keys (`<<`) expanded, as @stoplight/yaml finds them. */
function mappingsOf(node: YamlNode): YamlNode[] {
  const out: YamlNode[] = [];
  for (const m of node.mappings ?? []) {
    if (!m || !m.key) continue;
    if (m.key.value === '<<' && m.value) {
      const merged = m.value.kind === SEQ ? [...(m.value.items ?? [])].reverse() : [m.value];
      for (const x of merged) if (x && x.kind === MAP) out.push(...mappingsOf(x));
    } else out.push(m);
  }
  return out;
}

/** spectral-core's Document, the parts used here (some are not in its typings). */
interface StockDocument {
  source: string | null;
  data: unknown;
  diagnostics: unknown[];
  input: string;
  parserResult: { ast?: YamlNode };
  trapAccess<T extends object>(obj: T): T;
}

/**
 * Spectral's YAML document, pointing at a member's key rather than at its
 * whole value (Spectral's own range for a mapping spans every line of it).
 */
class YamlDocument implements SpectralDocument {
  private lines: LineIndex | undefined;

  constructor(private readonly stock: StockDocument) {}

  get source() {
    return this.stock.source;
  }
  get data() {
    return this.stock.data;
  }
  get diagnostics() {
    return this.stock.diagnostics as unknown as RawResult[];
  }
  formats?: Set<unknown> | null;
  sharesObjects?: boolean;

  getRangeForJsonPath(path: Path): IRange {
    return this.getRangesForJsonPaths([path])[0];
  }

  getRangesForJsonPaths(paths: Path[]): IRange[] {
    const lines = (this.lines ??= new LineIndex(this.stock.input));
    const root = this.stock.parserResult.ast;
    return paths.map((path) => {
      const [start, end] = root ? this.spanOf(root, path) : [0, 0];
      return { start: lines.positionAt(start), end: lines.positionAt(end) };
    });
  }

  private spanOf(root: YamlNode, path: Path): [number, number] {
    let node: YamlNode = root;
    let span: [number, number] = [root.startPosition, Math.min(root.endPosition, root.startPosition + 1)];
    for (const segment of path) {
      let next: YamlNode | null | undefined;
      if (node.kind === MAP) {
        const m = mappingsOf(node)
          .reverse()
          .find((x) => x.key!.value === segment);
        if (m) {
          span = [m.key!.startPosition, m.key!.endPosition];
          next = m.value;
        }
      } else if (node.kind === SEQ) {
        next = node.items?.[Number(segment)];
        if (next) span = [next.startPosition, next.endPosition];
      }
      if (!next) break; // closest existing node
      node = next;
    }
    return span;
  }

  trapAccess<T extends object>(obj: T): T {
    return this.stock.trapAccess(obj);
  }
}

/** The document for `text`; `source` is its file path (or null). */
export function createDocument(text: string, format: 'json' | 'yaml', source: string | null): SpectralDocument {
  const normalized = normalizeSource(source);
  if (format === 'json') {
    const doc = parseSpec(text, 'json');
    if (!doc.problems.length && !hasDuplicateKeys(text, doc.value)) return new JsonDocument(doc, normalized);
  }
  const yaml = new YamlDocument(new Document(text, Parsers.Yaml as never, source ?? undefined) as unknown as StockDocument);
  yaml.sharesObjects = sharesObjects(yaml.data);
  return yaml;
}
