/**
 * "Reduce spec": keep the operations a user picks (by tag, path pattern and
 * method) and exactly the components they reach; drop everything else,
 * unused tags included. YAML keeps its comments where it can.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, type Document } from 'yaml';
import { parseSpec, type Format } from '../parse';
import { collectOperations, HTTP_METHODS, isObject } from '../spec-index';
import { matchAny } from './path-match';
import { ConvertError, problemsAt } from './problems';
import { componentContainers, reachFrom } from './reach';
import { byteLength, serializeLike, toYaml } from './serialize';

export interface ReduceSelection {
  /** Keep operations with any of these tags (exact names). */
  tags?: string[];
  /** Keep operations whose path matches any of these regular expressions (unanchored). */
  paths?: string[];
  /** Keep operations with any of these HTTP methods (any case). */
  methods?: string[];
}

export interface ReduceResult {
  text: string;
  format: Format;
  operations: { before: number; after: number };
  components: { before: number; after: number };
  bytes: { before: number; after: number };
  /** Pointers of the components dropped, and names of the tags dropped. */
  droppedComponents: string[];
  droppedTags: string[];
  /** Things the user should know: paths kept because a kept operation refers into them, comments lost, dangling references. */
  notes: string[];
}

type Json = Record<string, unknown>;

/** Incoming events, not operations: Rewst makes actions from paths only, so a reduced spec drops them. */
const WEBHOOK_KEYS = new Set(['webhooks', 'x-webhooks']);

/** Every operation's tags, for a picker: name → how many operations carry it, in the document's order. */
export function tagsOf(value: Json): Map<string, number> {
  const counts = new Map<string, number>();
  if (Array.isArray(value.tags)) for (const t of value.tags) if (isObject(t) && typeof t.name === 'string') counts.set(t.name, 0);
  for (const op of taggedOperations(value)) for (const t of op.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

interface Op {
  pathKey: string;
  method: string;
  tags: string[];
  operation: Json;
  item: Json;
}

/** collectOperations' list, each with its string tags. */
function taggedOperations(value: Json): Op[] {
  return collectOperations(value).map(({ pathKey, method, operation, item }) => ({
    pathKey,
    method,
    operation,
    item,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === 'string') : [],
  }));
}

/** Reads a spec for reducing; throws ConvertError when it does not parse or is not a spec. */
export function readForReduce(text: string, format?: Format): { value: Json; format: Format; yaml?: Document.Parsed } {
  const doc = parseSpec(text, format);
  if (doc.problems.length)
    throw new ConvertError(
      `The ${doc.format.toUpperCase()} does not parse.`,
      problemsAt(
        text,
        doc.problems.map((p) => ({ message: p.message, offset: p.start })),
      ),
    );
  if (!doc.version) throw new ConvertError('This is not an OpenAPI or Swagger document (no top-level "openapi" or "swagger").');
  return { value: doc.value as Json, format: doc.format, yaml: doc.yaml };
}

export function reduceSpec(text: string, selection: ReduceSelection, options: { format?: Format; regexTimeLimitMs?: number } = {}): ReduceResult {
  const input = readForReduce(text, options.format);
  const root = input.value;
  const ops = taggedOperations(root);
  const selected = selectOperations(root, ops, selection, options.regexTimeLimitMs);
  const keep = new Set([...selected].map((op) => op.operation));
  if (!keep.size) throw new ConvertError('No operation matches this selection: nothing would be left. Loosen the tags, paths or methods.');

  // The kept paths, each with only its kept operations (path-level parameters and the like stay).
  // A path item that is a `$ref` keeps its `$ref`, so the item it refers to is kept whole.
  const oldPaths = isObject(root.paths) ? root.paths : {};
  const keptMethods = new Map<string, Set<string>>();
  for (const op of ops) {
    // An operation written in the path item goes with every copy of it (a YAML alias); one read through a `$ref` only where picked.
    const written = op.item === oldPaths[op.pathKey];
    if (written ? keep.has(op.operation) : selected.has(op)) keptMethods.set(op.pathKey, (keptMethods.get(op.pathKey) ?? new Set()).add(op.method));
  }
  const keptPaths = new Map<string, Json>();
  for (const [pathKey, item] of Object.entries(oldPaths)) {
    const methods = keptMethods.get(pathKey);
    if (!isObject(item) || !methods) continue;
    const copy: Json = {};
    for (const [k, v] of Object.entries(item)) if (!(HTTP_METHODS as readonly string[]).includes(k) || methods.has(k)) copy[k] = v;
    keptPaths.set(pathKey, copy);
  }
  const notes: string[] = [];
  const containers = componentContainers(root);
  const containerKeys = new Set(containers.map((c) => c[0]));
  const roots: unknown[] = [...keptPaths.values()];
  for (const [k, v] of Object.entries(root)) if (k !== 'paths' && k !== 'tags' && !containerKeys.has(k) && !WEBHOOK_KEYS.has(k)) roots.push(v);
  for (const k of WEBHOOK_KEYS)
    if (isObject(root[k]))
      notes.push(
        `Dropped ${k} (${Object.keys(root[k] as Json).length}): webhooks are events sent to you, not actions, and Rewst makes actions from paths only.`,
      );
  if (isObject(root.components)) for (const [k, v] of Object.entries(root.components)) if (k.startsWith('x-')) roots.push(v);
  const security = [root.security, ...[...keep].map((op) => op.security)];
  const reach = reachFrom(root, roots, security, (key) => {
    // A kept operation refers into a path we were going to drop: keep that path whole.
    if (!keptPaths.has(key) && isObject(oldPaths[key])) {
      keptPaths.set(key, oldPaths[key] as Json);
      notes.push(`Kept ${key} whole: a kept operation refers into it.`);
    }
    return keptPaths.get(key);
  });
  for (const ref of new Set(reach.dangling)) notes.push(`The reference ${ref} points to nothing in the original either; it is left as it was.`);

  // Assemble the result in the original key order.
  const out: Json = {};
  const droppedComponents: string[] = [];
  let componentsBefore = 0;
  let componentsAfter = 0;
  const filterContainer = (c: string[], map: Json): Json => {
    const names = reach.components.get(c.join('/'))!;
    const kept: Json = {};
    for (const [name, v] of Object.entries(map)) {
      componentsBefore++;
      if (names.has(name)) {
        kept[name] = v;
        componentsAfter++;
      } else droppedComponents.push(`#/${[...c, name].map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`);
    }
    return kept;
  };
  const usedTags = new Set([...keep].flatMap((op) => (Array.isArray(op.tags) ? op.tags : [])));
  const droppedTags: string[] = [];
  for (const [k, v] of Object.entries(root)) {
    if (k === 'paths') {
      const paths: Json = {};
      for (const key of Object.keys(oldPaths)) if (keptPaths.has(key)) paths[key] = keptPaths.get(key);
      out.paths = paths;
    } else if (WEBHOOK_KEYS.has(k)) {
      continue;
    } else if (k === 'tags' && Array.isArray(v)) {
      out.tags = v.filter((t) => {
        const used = !isObject(t) || typeof t.name !== 'string' || usedTags.has(t.name);
        if (!used) droppedTags.push(String((t as Json).name));
        return used;
      });
    } else if (k === 'x-tagGroups' && Array.isArray(v)) {
      out[k] = v
        .map((g) => (isObject(g) && Array.isArray(g.tags) ? { ...g, tags: g.tags.filter((t) => usedTags.has(t as string)) } : g))
        .filter((g) => !isObject(g) || !Array.isArray(g.tags) || g.tags.length > 0);
    } else if (k === 'components' && isObject(v) && !('swagger' in root)) {
      const comps: Json = {};
      for (const [ck, cv] of Object.entries(v)) {
        if (containers.some((c) => c[1] === ck)) {
          const kept = filterContainer(['components', ck], cv as Json);
          if (Object.keys(kept).length) comps[ck] = kept;
        } else comps[ck] = cv;
      }
      if (Object.keys(comps).length) out.components = comps;
    } else if ('swagger' in root && containerKeys.has(k) && isObject(v)) {
      const kept = filterContainer([k], v);
      if (Object.keys(kept).length) out[k] = kept;
    } else out[k] = v;
  }
  if (Array.isArray(out.tags) && !out.tags.length) delete out.tags;

  const textOut = input.format === 'yaml' ? yamlKeepingComments(input.yaml!, root, out, notes) : serializeLike(out, 'json', text);
  return {
    text: textOut,
    format: input.format,
    operations: { before: ops.length, after: taggedOperations(out).length },
    components: { before: componentsBefore, after: componentsAfter },
    bytes: { before: byteLength(text), after: byteLength(textOut) },
    droppedComponents,
    droppedTags,
    notes,
  };
}

function selectOperations(root: Json, ops: Op[], selection: ReduceSelection, regexTimeLimitMs?: number): Set<Op> {
  const tags = selection.tags?.filter((t) => t !== '') ?? [];
  const methods = (selection.methods ?? []).map((m) => m.toLowerCase());
  const patterns = selection.paths?.filter((p) => p !== '') ?? [];
  for (const m of methods)
    if (!(HTTP_METHODS as readonly string[]).includes(m)) throw new ConvertError(`"${m}" is not an HTTP method: use ${HTTP_METHODS.join(', ')}.`);
  const known = tagsOf(root);
  const unknown = tags.filter((t) => !known.has(t));
  if (unknown.length) {
    const list = [...known.keys()];
    throw new ConvertError(
      `No tag named ${unknown.map((t) => JSON.stringify(t)).join(', ')} in this document. Its tags: ${list.length ? list.slice(0, 40).join(', ') + (list.length > 40 ? `, … (${list.length} in all)` : '') : '(none)'}.`,
    );
  }
  const pathKeys = [...new Set(ops.map((op) => op.pathKey))];
  const pathHit = new Map<string, boolean>();
  if (patterns.length) matchAny(patterns, pathKeys, regexTimeLimitMs).forEach((hit, i) => pathHit.set(pathKeys[i], hit));
  const keep = new Set<Op>();
  for (const op of ops) {
    if (tags.length && !op.tags.some((t) => tags.includes(t))) continue;
    if (methods.length && !methods.includes(op.method)) continue;
    if (patterns.length && !pathHit.get(op.pathKey)) continue;
    keep.add(op);
  }
  return keep;
}

/**
 * The reduced YAML made by deleting from the original syntax tree, so comments
 * and styles stay; checked against the reduced value, and when anything differs
 * (an alias into a deleted part, say) written afresh instead, with a note.
 */
function yamlKeepingComments(doc: Document.Parsed, before: Json, after: Json, notes: string[]): string {
  try {
    const copy = doc.clone();
    removeMissing(copy, before, after, []);
    const text = copy.toString({ lineWidth: 0 });
    const check = parseDocument(text, { uniqueKeys: true });
    if (!check.errors.length && isDeepStrictEqual(check.toJS({ maxAliasCount: 10_000 }), after)) return text;
  } catch {
    // fall through to a fresh rendering
  }
  notes.push('The YAML was written afresh: its comments and anchors could not be kept.');
  return toYaml(after);
}

/** Deletes from the YAML tree every member of `before` that `after` lacks, and every array item it dropped. */
function removeMissing(doc: Document, before: unknown, after: unknown, path: Array<string | number>): void {
  if (before === after) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const keptItems = new Set(after);
    for (let i = before.length - 1; i >= 0; i--) if (!keptItems.has(before[i])) doc.deleteIn([...path, i]);
    return;
  }
  if (!isObject(before) || !isObject(after)) return;
  for (const k of Object.keys(before)) {
    if (!(k in after)) doc.deleteIn([...path, yamlKey(doc, path, k)]);
    else removeMissing(doc, before[k], after[k], [...path, yamlKey(doc, path, k)]);
  }
}

/** The key as the YAML tree holds it: `200:` is the number 200 there, though "200" in the plain value. */
function yamlKey(doc: Document, path: Array<string | number>, key: string): string | number {
  if (!/^-?\d+$/.test(key)) return key;
  return doc.hasIn([...path, key]) ? key : Number(key);
}

/** `github.json` → `github.reduced.json`: a new file beside the original. */
export function reducedFileName(name: string): string {
  const m = /\.(json|ya?ml)$/i.exec(name);
  return m ? `${name.slice(0, m.index)}.reduced${m[0]}` : `${name}.reduced`;
}
