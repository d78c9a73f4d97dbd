import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { locateJsonPaths, skipWhitespace, type Span } from './json-scan';
import { LineIndex } from './line-index';
import type { JsonPath, Target } from './types';

export type Format = 'json' | 'yaml';
export type SpecVersion = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'unknown';

export interface ParseProblem {
  message: string;
  start: number;
  end: number;
}

export interface LocateRequest {
  path: JsonPath;
  target: Target;
}

export interface SpecDocument {
  format: Format;
  text: string;
  /** The plain value; undefined when the text does not parse. */
  value: unknown;
  problems: ParseProblem[];
  /** Undefined when the document is not an OpenAPI or Swagger description. */
  version: SpecVersion | undefined;
  lines: LineIndex;
  /** Offsets of many nodes at once; a path that leads nowhere gets its nearest ancestor. */
  locate(requests: ReadonlyArray<LocateRequest>): Span[];
  /** The YAML document, for edits; undefined for JSON. */
  yaml?: Document.Parsed;
  /**
   * JSON only: spans of every node `locate` has found so far, and of their
   * ancestors, by JSON pointer. Edits start from these instead of scanning the
   * text again from the top (a quick fix on a 13 MB file costs what its node costs).
   */
  located?: Map<string, { key?: Span; value?: Span }>;
}

/** Bigger alias expansions than this are refused, so a "billion laughs" file cannot exhaust memory. */
const MAX_ALIAS_COUNT = 1000;

/** The format a file name (or URI) says, if it says one. */
export function formatOfName(file: string): Format | undefined {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return undefined;
}

export function detectFormat(text: string, hint?: Format): Format {
  if (hint) return hint;
  const i = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const c = text.charCodeAt(i);
  return c === 123 || c === 91 ? 'json' : 'yaml';
}

export function specVersionOf(value: unknown): SpecVersion | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if ('openapi' in v) {
    const s = String(v.openapi);
    if (s.startsWith('3.0')) return 'openapi-3.0';
    if (s.startsWith('3.1')) return 'openapi-3.1';
    return 'unknown';
  }
  if ('swagger' in v) return String(v.swagger).startsWith('2') ? 'swagger-2.0' : 'unknown';
  return undefined;
}

export function parseSpec(text: string, hint?: Format): SpecDocument {
  return detectFormat(text, hint) === 'json' ? parseJson(text) : parseYaml(text);
}

/** What every spec document holds, JSON or YAML: the text, its value (or the problems instead) and its version. */
function documentParts(format: Format, text: string, value: unknown, problems: ParseProblem[]) {
  return { format, text, value, problems, version: problems.length ? undefined : specVersionOf(value), lines: new LineIndex(text) };
}

function parseJson(text: string): SpecDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let value: unknown;
  const problems: ParseProblem[] = [];
  const located = new Map<string, { key?: Span; value?: Span }>();
  try {
    value = JSON.parse(bom ? text.slice(1) : text);
  } catch (e) {
    value = undefined;
    problems.push(jsonSyntaxProblem(text, e));
  }
  return {
    ...documentParts('json', text, value, problems),
    located,
    locate(requests) {
      const spans = locateJsonPaths(
        text,
        requests.map((r) => r.path),
        located,
      );
      return spans.map((s, i) => (requests[i].target === 'key' ? s.key : s.value) ?? s.value ?? nearestJson(text, requests[i].path));
    },
  };
}

/** A path that leads nowhere (a missing member) falls back to its nearest existing ancestor. */
function nearestJson(text: string, path: JsonPath): Span {
  for (let n = path.length - 1; n >= 0; n--) {
    const [span] = locateJsonPaths(text, [path.slice(0, n)]);
    const found = n === 0 ? span.value : (span.key ?? span.value);
    if (found) return found;
  }
  return { start: 0, end: 0 };
}

function jsonSyntaxProblem(text: string, error: unknown): ParseProblem {
  // JSON.parse does not always say where; jsonc-parser does, so ask it on this (rare) path.
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const what = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return {
      message: `JSON syntax error: ${what}. Rewst cannot import a file that does not parse.`,
      start: first.offset,
      end: first.offset + Math.max(1, first.length),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `JSON syntax error: ${detail}`, start: 0, end: Math.min(1, text.length) };
}

function parseYaml(text: string): SpecDocument {
  const problems: ParseProblem[] = [];
  let value: unknown;
  let doc: Document.Parsed | undefined;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    for (const err of doc.errors)
      problems.push({
        message: /call stack/i.test(err.message) ? 'YAML is nested too deeply to read.' : `YAML syntax error: ${firstLine(err.message)}`,
        start: err.pos[0],
        end: Math.max(err.pos[1], err.pos[0] + 1),
      });
    if (!problems.length) value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    value = undefined;
    problems.push({ message: yamlFailure(e), start: 0, end: Math.min(1, text.length) });
  }
  const parsed = doc;
  return {
    ...documentParts('yaml', text, value, problems),
    yaml: parsed,
    locate(requests) {
      return requests.map((r) => (parsed ? locateYaml(parsed, r.path, r.target) : { start: 0, end: 0 }));
    },
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function yamlFailure(e: unknown): string {
  if (e instanceof RangeError) return 'YAML is nested too deeply to read.';
  const msg = e instanceof Error ? e.message : String(e);
  if (/alias/i.test(msg))
    return `YAML aliases expand beyond a safe size (more than ${MAX_ALIAS_COUNT} alias expansions): the file is refused, as a "billion laughs" file would exhaust memory.`;
  return `YAML could not be read: ${msg}`;
}

/** Resolves an alias to the node it names. */
function deref(doc: Document.Parsed, node: unknown): unknown {
  let n = node;
  for (let guard = 0; isAlias(n) && guard < 100; guard++) n = n.resolve(doc);
  return n;
}

export function yamlPairAt(doc: Document.Parsed, parent: unknown, seg: string | number): Pair | undefined {
  const node = deref(doc, parent);
  if (!isMap(node)) return undefined;
  let found: Pair | undefined;
  for (const item of node.items) {
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (String(k) === String(seg)) found = item as Pair; // last wins, as in toJS
  }
  return found;
}

export function yamlNodeAt(doc: Document.Parsed, path: JsonPath): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    node = deref(doc, node);
    if (isMap(node)) node = yamlPairAt(doc, node, seg)?.value;
    else if (isSeq(node)) node = node.items[Number(seg)];
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return deref(doc, node) as YamlNode | undefined;
}

function rangeOf(node: unknown): Span | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function locateYaml(doc: Document.Parsed, path: JsonPath, target: Target): Span {
  for (let n = path.length; n > 0; n--) {
    const parent = yamlNodeAt(doc, path.slice(0, n - 1));
    const seg = path[n - 1];
    if (isMap(parent)) {
      const pair = yamlPairAt(doc, parent, seg);
      if (pair) {
        const span = n === path.length && target === 'value' ? (rangeOf(deref(doc, pair.value)) ?? rangeOf(pair.key)) : rangeOf(pair.key);
        if (span) return span;
      }
    } else if (isSeq(parent)) {
      const span = rangeOf(parent.items[Number(seg)]);
      if (span) return span;
    }
  }
  return rangeOf(doc.contents) ?? { start: 0, end: 0 };
}
