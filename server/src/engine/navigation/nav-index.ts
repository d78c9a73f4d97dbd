/**
 * What navigation needs to know about a document, built once per analysis
 * (so once per version) and only when a navigation request asks: where every
 * `$ref` value, discriminator mapping value, component key, path and operation
 * sits in the text. JSON is not turned into a position tree (a 13 MB spec's
 * tree would cost hundreds of MB): `$ref` and `discriminator` members are found
 * by a search of the text, objects read member by member with the scanner.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Analysis } from '../engine';
import { readKey, readNode, skipString, skipWhitespace } from '../json-scan';
import type { SpecDocument, SpecVersion } from '../parse';
import { toPointer } from '../pointer';
import { HTTP_METHODS, isObject, type OperationRef } from '../spec-index';
import { jsonObjectsWanted, membersAt, membersOf, type Member } from './members';
import { canonicalRef, componentOfPath, componentPointer, sectionsOf, splitFileRef, type Section } from './sections';

export interface Span {
  start: number;
  end: number;
}

/** What a `$ref` (or mapping) string means; shared by every site with the same text. */
export interface RefMeaning {
  /** Canonical pointer of a local target. */
  target?: string;
  path?: string[];
  /** The component the target is or lies inside (its canonical pointer), and the name's segment index in `path`. */
  component?: string;
  nameDepth?: number;
  /** A relative file reference. */
  file?: { file: string; fragment: string };
}

export interface RefSite extends Span {
  /** A `$ref` value, or a value of a discriminator's `mapping`. */
  kind: 'ref' | 'mapping';
  /** The string as the document holds it (escapes undone). */
  raw: string;
  meaning: RefMeaning;
}

export interface ComponentSite {
  section: Section;
  name: string;
  pointer: string;
  key: Span;
  value: Span;
}

export interface SectionSite {
  section: Section;
  key: Span;
  value: Span;
  components: ComponentSite[];
}

export interface OperationSite {
  op: OperationRef;
  key: Span;
  value: Span;
  /** YAML: the operation's node. */
  node?: unknown;
}

export interface PathSite {
  key: string;
  keySpan: Span;
  value: Span;
  operations: OperationSite[];
}

/** Where the document's paths, operations and components are: all the outline needs (one pass over JSON text, no `$ref` search). */
export interface NavStructure {
  doc: SpecDocument;
  version: SpecVersion | undefined;
  root: Record<string, unknown>;
  sections: Section[];
  /** Sorted by key offset. */
  components: ComponentSite[];
  sectionSites: SectionSite[];
  byPointer: Map<string, ComponentSite>;
  paths: PathSite[];
  /** Sorted by method key offset. */
  operations: OperationSite[];
  /** Members of the root (info, paths, components, ...). */
  top: Member[];
  /** Members of `components` (OpenAPI 3). */
  componentsMember?: Member;
}

export interface NavIndex extends NavStructure {
  /** Sorted by offset. */
  refs: RefSite[];
  /** Component pointer → every site whose target is that component or lies inside it. */
  usages: Map<string, RefSite[]>;
  /** Canonical pointer of a schema on a cycle → the cycle, as the circular-ref rule reported it. */
  cycles: Map<string, string[]>;
}

const cache = new WeakMap<Analysis, NavIndex>();
const structures = new WeakMap<Analysis, NavStructure>();

/** The index of an analysed spec, built on first use; undefined when the document is not a spec that parses. */
export function navIndexOf(analysis: Analysis): NavIndex | undefined {
  const structure = navStructureOf(analysis);
  if (!structure) return undefined;
  let index = cache.get(analysis);
  if (!index) {
    index = { ...structure, ...referencesOf(analysis, structure) };
    cache.set(analysis, index);
  }
  return index;
}

/**
 * The structure alone, built on first use: VS Code asks for the outline (breadcrumbs, sticky scroll) as soon
 * as a file shows, and a code-action request at the first cursor move must not wait behind the `$ref`
 * search of a 13 MB file, which only definition, references, hover and rename need.
 */
export function navStructureOf(analysis: Analysis): NavStructure | undefined {
  if (!analysis.isSpec || !analysis.root) return undefined;
  let structure = structures.get(analysis);
  if (!structure) {
    structure = buildStructure(analysis);
    structures.set(analysis, structure);
  }
  return structure;
}

function buildStructure(analysis: Analysis): NavStructure {
  const doc = analysis.doc;
  const root = analysis.root!;
  const sections = sectionsOf(doc.version);
  const { top, componentsMembers, pathsMembers, sectionMembers, pathItem } = readMembers(doc, sections);

  // Components, by section.
  const sectionSites: SectionSite[] = [];
  const components: ComponentSite[] = [];
  const byPointer = new Map<string, ComponentSite>();
  sections.forEach((section, i) => {
    const members = sectionMembers[i];
    if (!members) return;
    const holder = section.path.length === 1 ? top : (componentsMembers ?? []);
    const own = lastNamed(holder, section.path[section.path.length - 1]);
    if (!own) return;
    const list: ComponentSite[] = [];
    for (const m of members) {
      const site: ComponentSite = {
        section,
        name: m.key,
        pointer: componentPointer(section, m.key),
        key: { start: m.keyStart, end: m.keyEnd },
        value: { start: m.valueStart, end: m.valueEnd },
      };
      list.push(site);
      byPointer.set(site.pointer, site); // duplicates: the last wins, as in the parsed value
    }
    components.push(...list);
    sectionSites.push({ section, key: { start: own.keyStart, end: own.keyEnd }, value: { start: own.valueStart, end: own.valueEnd }, components: list });
  });
  components.sort((a, b) => a.key.start - b.key.start);

  // Paths and operations.
  const paths: PathSite[] = [];
  const operations: OperationSite[] = [];
  const pathsValue = root.paths;
  for (const m of pathsMembers ?? []) {
    const item = isObject(pathsValue) ? pathsValue[m.key] : undefined;
    const site: PathSite = { key: m.key, keySpan: { start: m.keyStart, end: m.keyEnd }, value: { start: m.valueStart, end: m.valueEnd }, operations: [] };
    if (isObject(item)) {
      for (const op of pathItem(m) ?? []) {
        const operation = item[op.key];
        if (!(HTTP_METHODS as readonly string[]).includes(op.key) || !isObject(operation)) continue;
        const opSite: OperationSite = {
          op: { path: ['paths', m.key, op.key], pathKey: m.key, method: op.key, operation, item },
          key: { start: op.keyStart, end: op.keyEnd },
          value: { start: op.valueStart, end: op.valueEnd },
          node: op.node,
        };
        site.operations.push(opSite);
        operations.push(opSite);
      }
    }
    paths.push(site);
  }
  operations.sort((a, b) => a.key.start - b.key.start);
  return {
    doc,
    version: doc.version,
    root,
    sections,
    components,
    sectionSites,
    byPointer,
    paths,
    operations,
    top,
    componentsMember: sections[0]?.path.length === 2 ? lastNamed(top, 'components') : undefined,
  };
}

/** References and discriminator mappings (a search of the whole text), and the cycles the rules found. */
function referencesOf(analysis: Analysis, { doc, sections }: NavStructure): Pick<NavIndex, 'refs' | 'usages' | 'cycles'> {
  const found = doc.format === 'json' ? scanJson(doc.text) : scanYaml(doc.yaml);
  const meanings = new Map<string, RefMeaning>();
  const mean = (raw: string, kind: RefSite['kind']): RefMeaning => {
    const key = kind === 'mapping' ? '\u0000' + raw : raw;
    let m = meanings.get(key);
    if (!m) {
      m = meaningOf(raw, kind, sections);
      meanings.set(key, m);
    }
    return m;
  };
  const refs: RefSite[] = found.map((f) => ({ kind: f.kind, start: f.start, end: f.end, raw: f.raw, meaning: mean(f.raw, f.kind) }));
  refs.sort((a, b) => a.start - b.start);
  const usages = new Map<string, RefSite[]>();
  for (const site of refs) {
    const c = site.meaning.component;
    if (!c) continue;
    const list = usages.get(c);
    if (list) list.push(site);
    else usages.set(c, [site]);
  }

  const cycles = new Map<string, string[]>();
  for (const f of analysis.findings) {
    const chain = f.ruleId === 'circular-ref' ? (f.data?.chain as string[] | undefined) : undefined;
    if (Array.isArray(chain) && chain.length && !cycles.has(chain[0])) cycles.set(chain[0], chain);
  }

  return { refs, usages, cycles };
}

/** The members the index reads: in JSON from one pass over the text, in YAML from its nodes. */
function readMembers(doc: SpecDocument, sections: Section[]) {
  if (doc.format === 'json') {
    const isPrefix = (path: ReadonlyArray<string>, of: ReadonlyArray<string>) => path.length <= of.length && path.every((seg, i) => seg === of[i]);
    const objects = jsonObjectsWanted(doc.text, (path) => (path[0] === 'paths' && path.length <= 2) || sections.some((s) => isPrefix(path, s.path)));
    return {
      top: objects.get('') ?? [],
      componentsMembers: objects.get('/components'),
      pathsMembers: objects.get('/paths'),
      sectionMembers: sections.map((s) => objects.get(toPointer(s.path))),
      pathItem: (m: Member) => objects.get(toPointer(['paths', m.key])),
    };
  }
  const [top = [], componentsMembers, pathsMembers, ...sectionMembers] = membersAt(doc, [[], ['components'], ['paths'], ...sections.map((s) => s.path)]);
  return { top, componentsMembers, pathsMembers, sectionMembers, pathItem: (m: Member) => membersOf(doc, m) };
}

export function lastNamed(members: ReadonlyArray<Member>, key: string): Member | undefined {
  for (let i = members.length - 1; i >= 0; i--) if (members[i].key === key) return members[i];
  return undefined;
}

function meaningOf(raw: string, kind: RefSite['kind'], sections: Section[]): RefMeaning {
  let ref = raw;
  // A mapping value is a schema's name or a reference (OpenAPI 3.x, Discriminator Object).
  if (kind === 'mapping' && !raw.startsWith('#') && !raw.includes('/') && !/\.(json|ya?ml)$/i.test(raw))
    ref = '#/components/schemas/' + raw.replace(/~/g, '~0');
  const local = canonicalRef(ref);
  if (local) {
    const c = componentOfPath(sections, local.path);
    return { target: local.pointer, path: local.path, component: c ? componentPointer(c.section, c.name) : undefined, nameDepth: c?.depth };
  }
  const file = splitFileRef(raw);
  return file ? { file } : {};
}

interface Found extends Span {
  kind: RefSite['kind'];
  raw: string;
}

/** `"$ref": "..."` and `"discriminator": {"mapping": {...}}` members, found by searching the text. */
function scanJson(text: string): Found[] {
  const out: Found[] = [];
  forEachKey(text, '"$ref"', (valueStart) => {
    if (text.charCodeAt(valueStart) !== 34) return;
    const end = skipString(text, valueStart);
    out.push({ kind: 'ref', start: valueStart, end, raw: readKey(text, valueStart, end) });
  });
  forEachKey(text, '"discriminator"', (valueStart) => {
    const node = readNode(text, valueStart);
    const mapping = node.members.filter((m) => m.key === 'mapping').pop();
    if (!mapping) return;
    for (const m of readNode(text, mapping.valueStart).members) {
      if (text.charCodeAt(m.valueStart) === 34)
        out.push({ kind: 'mapping', start: m.valueStart, end: m.valueEnd, raw: readKey(text, m.valueStart, m.valueEnd) });
    }
  });
  return out;
}

/**
 * Calls `found` with the value's offset for every member whose key is `quotedKey`.
 * A match is a key only when `{` or `,` comes before it and `:` after it: inside
 * a string its quotes would be escaped, so the text before could not be either.
 */
function forEachKey(text: string, quotedKey: string, found: (valueStart: number) => void): void {
  for (let i = text.indexOf(quotedKey); i >= 0; i = text.indexOf(quotedKey, i + quotedKey.length)) {
    let b = i - 1;
    while (b >= 0 && isSpace(text.charCodeAt(b))) b--;
    const before = text.charCodeAt(b);
    if (before !== 123 && before !== 44) continue;
    const colon = skipWhitespace(text, i + quotedKey.length);
    if (text.charCodeAt(colon) !== 58) continue;
    found(skipWhitespace(text, colon + 1));
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The same from YAML's nodes, walked without recursion; an alias is not followed (its anchor is visited where it stands). */
function scanYaml(doc: Document.Parsed | undefined): Found[] {
  const out: Found[] = [];
  if (!doc) return out;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) if (isMap(item) || isSeq(item)) stack.push(item);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const value = pair.value;
        if (key === '$ref' && isScalar(value) && typeof value.value === 'string' && value.range) {
          out.push({ kind: 'ref', start: value.range[0], end: value.range[1], raw: value.value });
        } else if (key === 'discriminator' && isMap(value)) {
          const mapping = value.items.filter((p) => isScalar(p.key) && p.key.value === 'mapping').pop()?.value;
          if (isMap(mapping)) {
            for (const p of mapping.items) {
              const v = p.value;
              if (isScalar(v) && typeof v.value === 'string' && v.range) out.push({ kind: 'mapping', start: v.range[0], end: v.range[1], raw: v.value });
            }
          }
        }
        if (isMap(value) || isSeq(value)) stack.push(value);
      }
    }
  }
  return out;
}

/** The site whose span holds `offset` (the cursor may sit just after the closing quote), by binary search. */
export function siteAt<T>(list: ReadonlyArray<T>, offset: number, span: (t: T) => Span): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = span(list[mid]);
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return list[mid];
  }
  return undefined;
}
