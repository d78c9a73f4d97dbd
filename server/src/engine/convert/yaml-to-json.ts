/**
 * YAML to JSON that says so when it cannot be faithful. Written from the YAML
 * syntax tree rather than from `toJS()`, so that key order, number spelling
 * (`1.10`, `9223372036854775807`) and the places of problems survive.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import { ConvertError, problemsAt } from './problems';

/** Nodes written through aliases, all together; a "billion laughs" file stops here. */
export const MAX_ALIAS_EXPANSION = 100_000;
const MAX_DEPTH = 2_000;
const CORE = 'tag:yaml.org,2002:';
const PLAIN_TAGS = new Set(['!', `${CORE}str`, `${CORE}int`, `${CORE}float`, `${CORE}bool`, `${CORE}null`, `${CORE}map`, `${CORE}seq`]);
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export interface YamlToJsonResult {
  /** JSON with 2-space indentation and a final newline. */
  text: string;
  /** What `JSON.parse(text)` gives, built in the same walk: the YAML is parsed once and its JSON never again. */
  value: unknown;
}

/** A node written: its JSON text and its value. */
type Written = [text: string, value: unknown];

interface Problem {
  message: string;
  offset: number;
}

/** Converts YAML text to JSON text, or throws a ConvertError listing every place with no faithful JSON form. */
export function yamlToJson(text: string): YamlToJsonResult {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, merge: true, prettyErrors: false });
  } catch (e) {
    throw new ConvertError(`The YAML could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems: Problem[] = [];
  for (const err of doc.errors) problems.push({ message: describeYamlError(err.message), offset: err.pos[0] });
  // Syntax errors (duplicate keys among them) stop here; unknown tags are found by the walk below.
  if (problems.length) throw failure(text, problems);
  const writer = new JsonWriter(doc, text, problems);
  let out: Written;
  try {
    out = writer.write(doc.contents, 0);
  } catch (e) {
    if (e instanceof TooBig) throw failure(text, [...problems, e.problem]);
    if (e instanceof RangeError) throw new ConvertError('The YAML is nested too deeply to convert.');
    throw e;
  }
  if (problems.length) throw failure(text, problems);
  return { text: out[0] + '\n', value: out[1] };
}

function failure(text: string, problems: Problem[]): ConvertError {
  const unique = new Map<string, Problem>();
  for (const p of problems) unique.set(`${p.offset}\u0000${p.message}`, p);
  const sorted = [...unique.values()].sort((a, b) => a.offset - b.offset);
  return new ConvertError(
    `This YAML has no faithful JSON form (${sorted.length} place${sorted.length === 1 ? '' : 's'}); no JSON was written.`,
    problemsAt(text, sorted),
  );
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function describeYamlError(message: string): string {
  const first = firstLine(message);
  if (/unique/i.test(first)) return `duplicate key: ${first}`;
  return first;
}

/** Thrown to stop at once when aliases expand too far: going on could exhaust memory. */
class TooBig extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

class JsonWriter {
  private expanded = 0;
  /** Anchored nodes being written through an alias right now: meeting one again is a cycle. */
  private readonly active = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly problems: Problem[],
  ) {}

  private report(node: unknown, message: string): void {
    this.problems.push({ message, offset: offsetOf(node) });
  }

  write(node: unknown, depth: number, viaAlias = false): Written {
    if (depth > MAX_DEPTH) throw new RangeError('too deep');
    if (viaAlias && ++this.expanded > MAX_ALIAS_EXPANSION) {
      throw new TooBig({
        message: `aliases expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes; a file that grows this much is refused`,
        offset: offsetOf(node),
      });
    }
    if (node === null || node === undefined) return NULL; // an empty document or value
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      if (!target) {
        this.report(node, `alias *${node.source} names no anchor`);
        return NULL;
      }
      if (this.active.has(target)) {
        this.report(node, `alias *${node.source} refers to a node that contains it: it would expand forever`);
        return NULL;
      }
      this.active.add(target);
      try {
        return this.write(target, depth, true);
      } finally {
        this.active.delete(target);
      }
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && !PLAIN_TAGS.has(tag)) {
      const written = tag.replace(CORE, '!!');
      // The node's range starts at its value; point at the tag itself when it is written just before.
      const at = offsetOf(node);
      const tagAt = this.text.lastIndexOf(written, at);
      this.problems.push({ message: `the tag ${written} has no JSON form`, offset: tagAt >= 0 && !this.text.slice(tagAt, at).includes('\n') ? tagAt : at });
    }
    if (isScalar(node)) return this.scalar(node);
    const pad = '  '.repeat(depth + 1);
    const end = '  '.repeat(depth);
    if (isSeq(node)) {
      if (!node.items.length) return ['[]', []];
      const values: unknown[] = [];
      const parts = node.items.map((item) => {
        const [t, v] = this.write(item, depth + 1, viaAlias);
        values.push(v);
        return pad + t;
      });
      return [`[\n${parts.join(',\n')}\n${end}]`, values];
    }
    if (isMap(node)) {
      const entries = this.entries(node.items as unknown[], viaAlias);
      const object: Record<string, unknown> = {};
      if (!entries.length) return ['{}', object];
      const parts = entries.map(([key, value, merged]) => {
        const [t, v] = this.write(value, depth + 1, merged);
        // As JSON.parse does: a "__proto__" key is an own property, not the object's prototype.
        Object.defineProperty(object, key, { value: v, writable: true, enumerable: true, configurable: true });
        return `${pad}${JSON.stringify(key)}: ${t}`;
      });
      return [`{\n${parts.join(',\n')}\n${end}}`, object];
    }
    this.report(node, 'this node has no JSON form');
    return NULL;
  }

  /** The members of a mapping in order, with `<<` merges applied the way YAML 1.1 defines them. */
  private entries(items: unknown[], viaAlias: boolean): Array<[key: string, value: unknown, viaAlias: boolean]> {
    const out: Array<[string, unknown, boolean]> = [];
    const seen = new Set<string>();
    const explicit = new Set<string>();
    for (const pair of items) if (isPair(pair) && !isMergeKey(pair.key)) explicit.add(this.keyText(pair.key, false) ?? '');
    for (const pair of items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        for (const source of this.mergeSources(pair.value)) {
          this.active.add(source as unknown as YamlNode);
          const inner = this.entries(source.items as unknown[], true);
          this.active.delete(source as unknown as YamlNode);
          for (const entry of inner) {
            if (explicit.has(entry[0]) || seen.has(entry[0])) continue;
            seen.add(entry[0]);
            out.push(entry);
          }
        }
        continue;
      }
      const key = this.keyText(pair.key, true);
      if (key === undefined) continue;
      if (seen.has(key)) {
        this.report(pair.key, `duplicate key "${key}" once written as JSON`);
        continue;
      }
      seen.add(key);
      out.push([key, pair.value, viaAlias]);
    }
    return out;
  }

  private mergeSources(value: unknown): Array<{ items: unknown[] }> {
    const list = isSeq(value) ? value.items : [value];
    const out: Array<{ items: unknown[] }> = [];
    for (const item of list) {
      const target = isAlias(item) ? item.resolve(this.doc) : item;
      if (isMap(target) && this.active.has(target as unknown as YamlNode))
        this.report(item, 'a << merge names a mapping that contains it: it would expand forever');
      else if (isMap(target)) out.push(target as { items: unknown[] });
      else this.report(item, 'a << merge must name a mapping');
    }
    return out;
  }

  /** A key as JSON spells it: strings as they are, other scalars as written in the YAML (`200`, `1.10`). */
  private keyText(key: unknown, report: boolean): string | undefined {
    const node = isAlias(key) ? key.resolve(this.doc) : key;
    if (isScalar(node)) {
      if (typeof node.value === 'string') return node.value;
      if (node.value === null && !node.source) {
        if (report) this.report(key, 'an empty key has no JSON form');
        return undefined;
      }
      if (typeof node.value === 'number' || typeof node.value === 'boolean' || node.value === null) return node.source ?? String(node.value);
    }
    if (report)
      this.report(key, `a key that is a ${isMap(node) ? 'mapping' : isSeq(node) ? 'sequence' : 'non-string value'} has no JSON form: JSON keys are strings`);
    return undefined;
  }

  private scalar(node: Scalar): Written {
    const v = node.value;
    if (typeof v === 'string') return [JSON.stringify(v), v];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        this.report(node, `${node.source ?? String(v)} (not a finite number) has no JSON form`);
        return NULL;
      }
      // Keep the digits as written when they are JSON already: 1.10 stays 1.10, big integers stay exact.
      // The value is what JSON.parse makes of the digits written.
      if (node.source && JSON_NUMBER.test(node.source)) return [node.source, Number(node.source)];
      return [JSON.stringify(v), v];
    }
    if (typeof v === 'boolean' || v === null) return [JSON.stringify(v), v];
    if (typeof v === 'bigint') return [v.toString(), Number(v)];
    this.report(node, 'this value has no JSON form');
    return NULL;
  }
}

const NULL: Written = ['null', null];

function isMergeKey(key: unknown): boolean {
  // With `merge: true` the parser gives a plain `<<` key a symbol as its value.
  return isScalar(key) && typeof key.value === 'symbol' && key.source === '<<';
}

function offsetOf(node: unknown): number {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? r[0] : 0;
}
