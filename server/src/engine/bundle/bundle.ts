/**
 * Bundling: a spec split over several files becomes one self-contained
 * document, the way `redocly bundle` and `swagger-cli bundle` make it. Every
 * schema, parameter, response, request body, header, example, link or
 * callback that a relative `$ref` names becomes a component with a readable,
 * collision-free name, and the `$ref` becomes local; path items that are
 * `$ref`s are copied in place. Two references to one target share one
 * component, and cycles between files end at the component being built.
 *
 * The engine reads nothing itself: `read` is given (the CLI and the server
 * read only inside the spec's folder). URLs are followed only as `urls` says
 * (mapped to a folder, or read by their URL once fetched by the caller); a
 * reference that cannot be followed is left as it was and reported where it
 * is written.
 */
import { toPointer } from '../pointer';
import { isObject } from '../spec-index';
import type { JsonPath } from '../types';
import { childMode, containerOf, fromPath, placementAt, push, toPath, TOP, type Chain, type ComponentKind, type Mode } from './kinds';
import { parseReferenced } from './read-file';
import { isUrl, resolveRef, shorten, stemOf } from './refs';
import { documentUrl, type UrlRefs } from './url-refs';

/** Reads a file of the spec's folder tree by its relative POSIX name; throws with the reason when it cannot. */
export type ReadFile = (file: string) => string;

export interface BundleOptions {
  /** The spec's own file name, relative to its folder (usually its base name). */
  entry: string;
  read: ReadFile;
  /** References by URL taken in (url-refs.ts): mapped to files of the folder, or read by their URL (fetched ahead). Without it, never followed. */
  urls?: UrlRefs;
}

/** A reference that could not be followed, at the place it is written. */
export interface BundleProblem {
  /** The file that holds the `$ref`. */
  file: string;
  /** Path of the object holding the `$ref`, in that file. */
  path: JsonPath;
  ref: string;
  message: string;
}

/** A part of the bundle copied from another file: output path → file and path in it. */
export interface BundleOrigin {
  path: JsonPath;
  file: string;
  sourcePath: JsonPath;
}

export interface BundledComponent {
  container: string[];
  name: string;
  file: string;
  pointer: string;
}

export interface BundleResult {
  value: Record<string, unknown>;
  /** Files read besides the entry, in the order they were first needed. */
  files: string[];
  /** Components added for referenced targets. */
  components: BundledComponent[];
  /** Path items and other parts copied in place. */
  inlined: number;
  /** References rewritten to local ones. */
  rewritten: number;
  /** References to URLs, left as they are (Rewst will not follow them). */
  urls: number;
  /** The documents those references name (the URL without its fragment), with how many references name each. */
  urlsLeft: Map<string, number>;
  /** Each document URL taken in, and the file it was read as (a mapped file of the folder, or the URL itself when fetched). */
  byUrl: Map<string, string>;
  problems: BundleProblem[];
  origins: BundleOrigin[];
  /** For each file read, the `$ref`s that name it: the file holding each and the path of its object there. */
  neededBy: Map<string, Array<{ file: string; path: JsonPath }>>;
}

/** Nodes copied, all together: a diamond of inlined parts cannot blow up memory. */
export const MAX_BUNDLE_NODES = 5_000_000;
/** Copies in place of one target: more means parts that include each other over and over (2, 4, 8… copies). */
export const MAX_INLINE_COPIES = 100;
const MAX_FILES = 2_000;

export class BundleTooLarge extends Error {}

interface Task {
  src: unknown;
  /** The file `src` comes from, and its path there. */
  file: string;
  srcChain: Chain | undefined;
  /** Where the copy goes and its path in the output. */
  dst: Record<string, unknown> | unknown[];
  key: string | number;
  outChain: Chain | undefined;
  mode: Mode;
  /** Targets being copied in place around this node (a path item that includes itself is a cycle). */
  inlining: ReadonlySet<string> | undefined;
}

type Loaded = { value: unknown } | { error: string };

/** True when some string `$ref` in the value does not start with `#` (a bundle would change something). */
export function hasExternalRefs(root: unknown): boolean {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    const ref = (v as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) return true;
    for (const k in v) stack.push((v as Record<string, unknown>)[k]);
  }
  return false;
}

export function bundleSpec(root: Record<string, unknown>, options: BundleOptions): BundleResult {
  const entry = options.entry;
  const swagger = 'swagger' in root;
  const loaded = new Map<string, Loaded>([[entry, { value: root }]]);
  const result: BundleResult = {
    value: {},
    files: [],
    components: [],
    inlined: 0,
    rewritten: 0,
    urls: 0,
    urlsLeft: new Map(),
    byUrl: new Map(),
    problems: [],
    origins: [],
    neededBy: new Map(),
  };
  /** `file#pointer` → the local `$ref` of its component. */
  const named = new Map<string, string>();
  /** Container (joined by /) → names taken, by the document or by the bundle. */
  const taken = new Map<string, Set<string>>();
  /** Components made by the bundle, by container, added after the document's own. */
  const added = new Map<string, Record<string, unknown>>();
  const takenIn = (container: string[]): Set<string> => {
    const key = container.join('/');
    let set = taken.get(key);
    if (!set) {
      let node: unknown = root;
      for (const seg of container) node = isObject(node) ? node[seg] : undefined;
      set = new Set(isObject(node) ? Object.keys(node) : []);
      taken.set(key, set);
    }
    return set;
  };

  const load = (file: string, by: Task): Loaded => {
    const needers = result.neededBy.get(file) ?? [];
    if (!needers.length) result.neededBy.set(file, needers);
    needers.push({ file: by.file, path: toPath(by.srcChain) });
    let got = loaded.get(file);
    if (got) return got;
    if (loaded.size > MAX_FILES) got = { error: `more than ${MAX_FILES} files are referenced; not read` };
    else {
      try {
        got = { value: parseReferenced(options.read(file), file) };
      } catch (e) {
        got = { error: e instanceof Error ? e.message : String(e) };
      }
      result.files.push(file);
    }
    loaded.set(file, got);
    return got;
  };

  /** A readable, valid component name no other target has: `User`, else `user_User`, else `User-2`… */
  const nameFor = (container: string[], file: string, pointer: string[]): string => {
    const used = takenIn(container);
    const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'Component';
    const base = clean(pointer.length ? String(pointer[pointer.length - 1]) : stemOf(file));
    const candidates = [base];
    if (pointer.length) candidates.push(clean(`${stemOf(file)}_${base}`));
    for (const c of candidates) if (!used.has(c)) return (used.add(c), c);
    for (let n = 2; ; n++) {
      const c = `${base}-${n}`;
      if (!used.has(c)) return (used.add(c), c);
    }
  };

  // A component slot of the document that is itself a reference (`components/schemas/User: {$ref: ./user.yaml}`)
  // gives its name to the target, so the bundle keeps the author's names. A slot with other keys beside
  // its `$ref` (a description, say) stays a reference, so those keys keep their meaning.
  for (const container of swagger
    ? [['definitions'], ['parameters'], ['responses']]
    : (['schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'examples', 'links', 'callbacks', 'securitySchemes'] as const).map((k) => [
        'components',
        k,
      ])) {
    let map: unknown = root;
    for (const seg of container) map = isObject(map) ? map[seg] : undefined;
    if (!isObject(map)) continue;
    for (const [name, slot] of Object.entries(map)) {
      if (!isObject(slot) || typeof slot.$ref !== 'string' || slot.$ref.startsWith('#') || Object.keys(slot).length !== 1) continue;
      const target = resolveRef(slot.$ref, entry, options.urls);
      if (target.kind !== 'local' || target.file === entry) continue;
      const key = `${target.file}#${toPointer(target.pointer)}`;
      if (!named.has(key)) named.set(key, '#' + toPointer([...container, name]));
    }
  }

  let nodes = 0;
  const inlineCount = new Map<string, number>();
  const reorderLater: Array<{ copy: Record<string, unknown>; keys: string[] }> = [];
  const holder: Record<string, unknown> = {};
  const stack: Task[] = [{ src: root, file: entry, srcChain: undefined, dst: holder, key: '', outChain: undefined, mode: TOP, inlining: undefined }];
  const problem = (t: Task, ref: string, message: string) => result.problems.push({ file: t.file, path: toPath(t.srcChain), ref, message });

  while (stack.length) {
    const t = stack.pop()!;
    if (++nodes > MAX_BUNDLE_NODES)
      throw new BundleTooLarge(
        `The bundle would have more than ${MAX_BUNDLE_NODES.toLocaleString('en-US')} nodes (parts copied in place many times over); not bundled.`,
      );
    const src = t.src;
    if (src === null || typeof src !== 'object') {
      set(t.dst, t.key, src);
      continue;
    }
    if (Array.isArray(src)) {
      const copy: unknown[] = new Array(src.length);
      set(t.dst, t.key, copy);
      for (let i = src.length - 1; i >= 0; i--) stack.push(child(t, copy, i, src[i]));
      continue;
    }
    const obj = src as Record<string, unknown>;
    const ref = obj.$ref;
    if (!t.mode.data && typeof ref === 'string' && !(t.file === entry && ref.startsWith('#'))) {
      const replaced = follow(t, obj, ref);
      if (replaced) continue;
    }
    const copy: Record<string, unknown> = {};
    set(t.dst, t.key, copy);
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) stack.push(child(t, copy, keys[i], obj[keys[i]]));
  }

  /** Handles an object with a `$ref` that is not local to the entry; false when it is copied as it is. */
  function follow(t: Task, obj: Record<string, unknown>, ref: string): boolean {
    const target = resolveRef(ref, t.file, options.urls);
    if (target.kind === 'local' && target.url && !result.byUrl.has(target.url)) result.byUrl.set(target.url, target.file);
    if (target.kind === 'url') {
      result.urls++;
      const url = documentUrl(ref.replace(/#.*$/s, ''), isUrl(t.file) ? t.file : undefined) ?? ref;
      result.urlsLeft.set(url, (result.urlsLeft.get(url) ?? 0) + 1);
      return false;
    }
    if (target.kind === 'refused') {
      problem(t, ref, `Not bundled: ${target.message}.`);
      return false;
    }
    const pointer = toPointer(target.pointer);
    if (target.file === entry) {
      // A reference back into the spec itself: the same place in the bundle.
      writeRef(t, obj, '#' + pointer);
      return true;
    }
    const file = load(target.file, t);
    if ('error' in file) {
      problem(t, ref, `Not bundled: cannot read ${target.file}: ${file.error}.`);
      return false;
    }
    const value = valueAt(file.value, target.pointer);
    if (value === undefined) {
      problem(t, ref, `Not bundled: ${target.file} has nothing at ${pointer ? `#${pointer}` : 'its top'} ("${shorten(ref)}").`);
      return false;
    }
    const key = `${target.file}#${pointer}`;
    const placement = placementAt(t.outChain, t.mode);
    const container = 'component' in placement ? containerOf(placement.component, swagger) : undefined;
    if (container) {
      let local = named.get(key);
      const here = '#' + toPointer(toPath(t.outChain));
      if (local === here) {
        // The document's own slot for this target: the target's content goes here.
        result.origins.push({ path: toPath(t.outChain), file: target.file, sourcePath: target.pointer });
        stack.push({ ...t, src: value, file: target.file, srcChain: fromPath(target.pointer), mode: t.mode });
        return true;
      }
      if (!local) {
        const name = nameFor(container, target.file, target.pointer);
        local = '#' + toPointer([...container, name]);
        named.set(key, local);
        const map = added.get(container.join('/')) ?? {};
        added.set(container.join('/'), map);
        const outChain = fromPath([...container, name]);
        result.components.push({ container, name, file: target.file, pointer: pointer ? `#${pointer}` : '' });
        result.origins.push({ path: [...container, name], file: target.file, sourcePath: target.pointer });
        const mode: Mode = { schema: (placement as { component: ComponentKind }).component === 'schemas', data: false, nameMap: false };
        stack.push({ src: value, file: target.file, srcChain: fromPath(target.pointer), dst: map, key: name, outChain, mode, inlining: undefined });
      }
      writeRef(t, obj, local);
      return true;
    }
    // A path item (or a part with no component kind): copied in place, with the $ref's own other keys on top.
    if (t.inlining?.has(key)) {
      problem(t, ref, `Not bundled: ${target.file} includes itself through this reference, so it cannot be copied in place.`);
      return false;
    }
    const copies = (inlineCount.get(key) ?? 0) + 1;
    if (copies > MAX_INLINE_COPIES)
      throw new BundleTooLarge(
        `${target.file}${pointer ? `#${pointer}` : ''} would be copied in place more than ${MAX_INLINE_COPIES} times (parts that include each other over and over); not bundled.`,
      );
    inlineCount.set(key, copies);
    const inlining = new Set(t.inlining ?? []).add(key);
    result.inlined++;
    result.origins.push({ path: toPath(t.outChain), file: target.file, sourcePath: target.pointer });
    const siblings = Object.keys(obj).filter((k) => k !== '$ref');
    if (siblings.length && isObject(value)) {
      const copy: Record<string, unknown> = {};
      set(t.dst, t.key, copy);
      for (const k of Object.keys(value))
        if (!siblings.includes(k)) stack.push({ ...child(t, copy, k, value[k]), file: target.file, srcChain: fromPath([...target.pointer, k]), inlining });
      for (const k of siblings) stack.push({ ...child(t, copy, k, obj[k]), inlining });
    } else {
      stack.push({ ...t, src: value, file: target.file, srcChain: fromPath(target.pointer), inlining });
    }
    return true;
  }

  /** The `$ref` object rewritten to a local reference; its other keys (a description, say) are kept. */
  function writeRef(t: Task, obj: Record<string, unknown>, local: string): void {
    result.rewritten++;
    const copy: Record<string, unknown> = {};
    set(t.dst, t.key, copy);
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      if (keys[i] === '$ref') continue;
      stack.push(child(t, copy, keys[i], obj[keys[i]]));
    }
    copy.$ref = local;
    // Keep $ref where it was among the keys: rebuild the order once the others are in (they are set later, by the stack).
    if (keys[0] !== '$ref') reorderLater.push({ copy, keys });
  }

  // The stack is empty: every copy is complete.
  for (const { copy, keys } of reorderLater) {
    const entries = keys.map((k) => [k, copy[k]] as const);
    for (const k of keys) delete copy[k];
    for (const [k, v] of entries) copy[k] = v;
  }

  const value = holder[''] as Record<string, unknown>;
  for (const [containerKey, map] of added) {
    const container = containerKey.split('/');
    let node: Record<string, unknown> = value;
    for (const seg of container) {
      if (!isObject(node[seg])) node[seg] = {};
      node = node[seg] as Record<string, unknown>;
    }
    Object.assign(node, map);
  }
  result.value = value;
  return result;
}

function child(t: Task, dst: Record<string, unknown> | unknown[], key: string | number, src: unknown): Task {
  return {
    src,
    file: t.file,
    srcChain: push(t.srcChain, key),
    dst,
    key,
    outChain: push(t.outChain, key),
    mode: childMode(t.mode, t.outChain, key),
    inlining: t.inlining,
  };
}

function set(dst: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  (dst as Record<string | number, unknown>)[key] = value;
}

function valueAt(root: unknown, path: ReadonlyArray<string>): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) node = /^\d+$/.test(seg) ? node[Number(seg)] : undefined;
    else node = Object.prototype.hasOwnProperty.call(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}
