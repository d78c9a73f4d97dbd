/**
 * Slimming: removes from an OpenAPI 3 document what Rewst does not turn into
 * actions, step by step, and says what each step saved. It never removes an
 * operation, a summary or an operationId, and never leaves a `$ref` dangling
 * that resolved before (both are checked before the result is returned).
 */
import { getAt, parseLocalRef } from '../pointer';
import { collectOperations, isObject } from '../spec-index';
import { ConvertError } from './problems';
import { componentContainers, reachFrom } from './reach';
import { byteLength, jsonIndentOf } from './serialize';
import { jsonSize } from './size';
import { walkSpec, type Json } from './spec-walk';

/**
 * Extensions kept, because a tool reads them from the file that is uploaded:
 * `x-rewst-*` (Rewst's own, and this tool's notes), `x-ms-pageable` (the pagination
 * the settings forms propose for Azure specs), `x-logo` (the icon they propose),
 * `x-nullable` (Swagger 2.0's "may be null", which a schema check reads).
 */
export const KEPT_EXTENSIONS: readonly string[] = ['x-rewst-*', 'x-ms-pageable', 'x-logo', 'x-nullable'];

export function keptExtension(key: string): boolean {
  return KEPT_EXTENSIONS.some((k) => (k.endsWith('*') ? key.startsWith(k.slice(0, -1)) : key === k));
}

/** Descriptions longer than this many characters are cut, at the end of a sentence where one is near. */
export const MAX_DESCRIPTION = 500;

export type SlimStepName = 'examples' | 'extensions' | 'media types' | 'descriptions' | 'unreached components';

export interface SlimStep {
  step: SlimStepName;
  /** How many things the step removed (or, for descriptions, cut). */
  count: number;
  /** Bytes the step saved, measured on the document written as the input is written. */
  saved: number;
  /** What it did, one line: "312 example(s) removed". */
  detail: string;
}

export interface SlimResult {
  text: string;
  before: number;
  after: number;
  steps: SlimStep[];
}

/** Slims OpenAPI 3 JSON text; the result keeps the input's indentation. */
export function slimSpec(jsonText: string): SlimResult {
  const root = JSON.parse(jsonText.replace(/^\uFEFF/, '')) as Json; // the byte order mark is not written again
  if (!isObject(root) || typeof root.openapi !== 'string' || !root.openapi.startsWith('3'))
    throw new ConvertError('Slimming works on OpenAPI 3 documents; convert the file first.');
  const indent = jsonIndentOf(jsonText);
  const newline = indent || jsonText.endsWith('\n') ? 1 : 0;
  const measure = () => jsonSize(root, indent) + newline;
  const operations = collectOperations(root).map((op) => `${op.method} ${op.pathKey} ${String(op.operation.operationId)}`);
  const resolvedBefore = new Set([...localRefs(root)].filter((ref) => resolves(root, ref)));
  const before = byteLength(jsonText);
  const steps: SlimStep[] = [];
  let size = measure();
  const run = (step: SlimStepName, work: () => number, detail: (n: number) => string) => {
    const count = work();
    const now = measure();
    steps.push({ step, count, saved: size - now, detail: detail(count) });
    size = now;
  };
  run(
    'examples',
    () => removeExamples(root),
    (n) => `${n} example(s) removed (example and examples of schemas, parameters, headers and media types)`,
  );
  run(
    'extensions',
    () => removeExtensions(root),
    (n) => `${n} x- extension(s) removed (kept: ${KEPT_EXTENSIONS.join(', ')})`,
  );
  run(
    'media types',
    () => removeNonJsonMedia(root),
    (n) => `${n} non-JSON media type(s) removed where the same body or response has a JSON one`,
  );
  run(
    'descriptions',
    () => cutDescriptions(root),
    (n) => `${n} description(s) longer than ${MAX_DESCRIPTION} characters cut at a sentence`,
  );
  run(
    'unreached components',
    () => removeUnreached(root),
    (n) => `${n} component(s) that nothing reaches removed (security schemes kept)`,
  );
  let text: string;
  try {
    text = JSON.stringify(root, null, indent) + (newline ? '\n' : '');
  } catch (e) {
    if (e instanceof RangeError) throw new ConvertError('The document nests too deeply to be written again after slimming: prepare it without slimming.');
    throw e;
  }
  const after = collectOperations(root).map((op) => `${op.method} ${op.pathKey} ${String(op.operation.operationId)}`);
  if (after.join('\n') !== operations.join('\n')) throw new Error('slimming changed the operations: this is a bug, please report it');
  const dangling = [...localRefs(root)].filter((ref) => resolvedBefore.has(ref) && !resolves(root, ref));
  if (dangling.length) throw new Error(`slimming left ${dangling.length} dangling reference(s) (${dangling[0]}): this is a bug, please report it`);
  // The first measure is of the input as parsed and written again; the steps' savings add up to before - after only when it was written so.
  return { text, before, after: byteLength(text), steps };
}

function removeExamples(root: Json): number {
  let n = 0;
  walkSpec(root, (o, kind) => {
    if (kind !== 'schema' && kind !== 'parameter' && kind !== 'header' && kind !== 'mediaType') return;
    for (const k of ['example', 'examples'])
      if (k in o) {
        // A 3.1 schema's `examples` is a list of values; elsewhere a map of Example objects (or $refs to them).
        n += Array.isArray(o[k]) ? (o[k] as unknown[]).length : isObject(o[k]) ? Object.keys(o[k] as Json).length : 1;
        delete o[k];
      }
  });
  return n;
}

function removeExtensions(root: Json): number {
  let n = 0;
  walkSpec(root, (o) => {
    for (const k of Object.keys(o))
      if (k.startsWith('x-') && !keptExtension(k)) {
        delete o[k];
        n++;
      }
  });
  return n;
}

/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`, `text/json`. */
export function isJsonMediaType(type: string): boolean {
  const essence = type.split(';')[0].trim().toLowerCase();
  return /^[\w.+-]+\/([\w.-]+\+)?json$/.test(essence);
}

function removeNonJsonMedia(root: Json): number {
  let n = 0;
  walkSpec(root, (o, kind) => {
    if (kind !== 'requestBody' && kind !== 'response' && kind !== 'parameter' && kind !== 'header') return;
    const content = o.content;
    if (!isObject(content) || !Object.keys(content).some(isJsonMediaType)) return;
    for (const type of Object.keys(content))
      if (!isJsonMediaType(type)) {
        delete content[type];
        n++;
      }
  });
  return n;
}

function cutDescriptions(root: Json): number {
  let n = 0;
  walkSpec(root, (o) => {
    if (typeof o.description !== 'string' || o.description.length <= MAX_DESCRIPTION) return;
    o.description = cutText(o.description, MAX_DESCRIPTION);
    n++;
  });
  return n;
}

/**
 * The text cut to at most `max` characters: after the last sentence (or paragraph) that ends within them,
 * when that keeps at least a quarter; else at a word, with "…". A code fence left open is cut away.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  let end = -1;
  for (const m of head.matchAll(/[.!?](?=\s)|\n\s*\n/g)) if (m.index + (m[0].startsWith('\n') ? 0 : 1) <= max) end = m.index + (m[0].startsWith('\n') ? 0 : 1);
  let out: string;
  if (end >= max / 4) out = text.slice(0, end);
  else {
    const space = head.lastIndexOf(' ', max - 1);
    out = text.slice(0, space > max / 4 ? space : max - 1).trimEnd() + '…';
  }
  const fences = out.split('```').length - 1;
  if (fences % 2 === 1) out = out.slice(0, out.lastIndexOf('```')).trimEnd();
  return out.trimEnd() || text.slice(0, max - 1) + '…';
}

function removeUnreached(root: Json): number {
  const components = isObject(root.components) ? root.components : undefined;
  if (!components) return 0;
  const paths = isObject(root.paths) ? root.paths : {};
  const roots = Object.entries(root)
    .filter(([k]) => k !== 'components')
    .map(([, v]) => v);
  for (const [k, v] of Object.entries(components)) if (k.startsWith('x-')) roots.push(v);
  const reach = reachFrom(root, roots, [root.security], (key) => paths[key]);
  let n = 0;
  for (const c of componentContainers(root)) {
    const section = c[1];
    // The settings forms propose authentication from every security scheme, required by an operation or not.
    if (section === 'securitySchemes') continue;
    const names = reach.components.get(c.join('/'))!;
    const map = components[section] as Json;
    for (const name of Object.keys(map))
      if (!names.has(name)) {
        delete map[name];
        n++;
      }
    if (!Object.keys(map).length) delete components[section];
  }
  if (!Object.keys(components).length) delete root.components;
  return n;
}

/** Every `$ref` string of a document, once each. */
function localRefs(root: Json): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    const ref = (v as Json).$ref;
    if (typeof ref === 'string') out.add(ref);
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x !== null && typeof x === 'object') stack.push(x);
  }
  return out;
}

function resolves(root: Json, ref: string): boolean {
  const path = parseLocalRef(ref);
  return path !== undefined && getAt(root, path) !== undefined;
}
