/**
 * The $ref resolver Spectral runs its rules on, without the needless work.
 *
 * Stock Spectral resolves with @stoplight/json-ref-resolver, which inlines
 * every local $ref through immer: a proxy per touched object, a structural
 * copy and a deep freeze of the 13 MB result. This module does the same
 * inlining with the same algorithm (same dependency graphs, same order, same
 * circular-reference test, same refMap and errors) on plain objects, copying
 * only the objects on the way to a $ref, as immer does. What rules see and
 * where their findings are mapped back to is therefore identical.
 *
 * Documents with anything but plain local references ("#/..."): remote or
 * file references, a reference to the whole document, a pointer that needs
 * URI normalisation, are handed to the stock resolver (files inside the spec's
 * folder only: nothing is ever fetched from the network).
 */
import { DepGraph } from 'dependency-graph';
import { pathToPointer, pointerToPath, startsWith } from '@stoplight/json';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { Document } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { extname } from '@stoplight/path';
import URI from 'urijs';
import { Graph } from './dep-graph';
import { fileReaderWithin } from './file-reader';
import { dirname } from 'node:path';

export interface ResolveError {
  code: string;
  message: string;
  path: Array<string | number>;
  uriStack: string[];
  pointerStack: string[];
  uri?: unknown;
}

export interface GraphNodeData {
  refMap: Record<string, string>;
  data?: unknown;
}

export interface Resolution {
  result: unknown;
  graph: DepGraph<GraphNodeData>;
  errors: ResolveError[];
  /** True when a fast local resolution was possible; false when the stock resolver did the work. */
  fast: boolean;
}

type Obj = Record<string, unknown>;
type Key = string;

function isObjectLike(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null;
}

function refOf(v: unknown): string | undefined {
  return isObjectLike(v) && typeof v.$ref === 'string' ? (v.$ref as string) : undefined;
}

/** A reference this module resolves itself: "#/..." needing no URI handling. */
function isPlainLocal(ref: string): boolean {
  return ref.length > 1 && ref.charCodeAt(0) === 35 /* # */ && ref.charCodeAt(1) === 47 /* / */ && ref === ref.trim();
}

/** json-ref-resolver's pointer escaping for one key (~ and / only, no URI encoding). */
function addToPointer(pointer: string, key: string): string {
  if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return `${pointer}/${key}`;
  return `${pointer}/${key.split('~').join('~0').split('/').join('~1')}`;
}

interface RefSite {
  /** Keys from the root to the object holding the $ref (the $ref object itself is at the last key). */
  path: Key[];
  ref: string;
}

/** Finds every $ref the stock crawler would visit, in its order; undefined when one is not plain and local. */
function crawl(root: unknown): RefSite[] | undefined {
  const sites: RefSite[] = [];
  const rootRef = refOf(root);
  if (rootRef !== undefined) return isPlainLocal(rootRef) ? [{ path: [], ref: rootRef }] : undefined;
  if (!isObjectLike(root)) return sites;
  // Iterative pre-order walk (deep documents must not overflow the stack), visiting keys as `for...in` does.
  const path: Key[] = [];
  const stack: Array<{ obj: Obj; keys: string[]; i: number }> = [{ obj: root, keys: ownKeys(root), i: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.i === frame.keys.length) {
      stack.pop();
      path.pop();
      continue;
    }
    const key = frame.keys[frame.i++];
    const val = frame.obj[key];
    const ref = refOf(val);
    if (ref !== undefined) {
      if (!isPlainLocal(ref)) return undefined;
      sites.push({ path: [...path, key], ref });
    } else if (isObjectLike(val)) {
      path.push(key);
      stack.push({ obj: val, keys: ownKeys(val), i: 0 });
    }
  }
  return sites;
}

function ownKeys(obj: Obj): string[] {
  const keys: string[] = [];
  for (const k in obj) if (Object.prototype.hasOwnProperty.call(obj, k)) keys.push(k);
  return keys;
}

/**
 * Copy-on-write access to the resolved document: objects on the way to a
 * change are shallow-copied once, the rest is shared with the source, as
 * immer's drafts are. `draft` also copies the object it returns, so that a
 * later change inside it is seen wherever it has been placed (as with a draft).
 */
class Draft {
  readonly owned = new WeakSet<object>();
  root: unknown;

  constructor(source: unknown) {
    this.root = source;
  }

  private own(v: Obj): Obj {
    if (this.owned.has(v)) return v;
    const copy = (Array.isArray(v) ? v.slice() : { ...v }) as Obj;
    this.owned.add(copy);
    return copy;
  }

  /** The value at `path` (lodash `get` semantics), made mutable in place. */
  get(path: Key[]): unknown {
    if (!isObjectLike(this.root)) return getRest(this.root, path, 0);
    this.root = this.own(this.root);
    let cur = this.root as Obj;
    for (let i = 0; i < path.length; i++) {
      const next = cur[path[i]];
      if (!isObjectLike(next)) return getRest(next, path, i + 1);
      const mine = this.own(next);
      if (mine !== next) cur[path[i]] = mine;
      cur = mine;
    }
    return cur;
  }

  /** lodash `set` on the draft: creates missing containers like lodash does. */
  set(path: Key[], value: unknown): void {
    if (!isObjectLike(this.root)) return;
    this.root = this.own(this.root);
    let cur = this.root as Obj;
    for (let i = 0; i < path.length - 1; i++) {
      let next = cur[path[i]];
      if (!isObjectLike(next)) {
        next = /^(?:0|[1-9]\d*)$/.test(path[i + 1]) ? [] : {};
        this.owned.add(next as Obj);
        cur[path[i]] = next;
      } else {
        const mine = this.own(next);
        if (mine !== next) cur[path[i]] = mine;
        next = mine;
      }
      cur = next as Obj;
    }
    cur[path[path.length - 1]] = value;
  }
}

/** lodash `get` past a primitive: strings have indexed characters and a length. */
function getRest(value: unknown, path: Key[], from: number): unknown {
  let cur: unknown = value;
  for (let i = from; i < path.length; i++) {
    if (cur === undefined || cur === null) return undefined;
    cur = (cur as Obj)[path[i]];
  }
  return cur;
}

/**
 * Resolves `data` as Spectral's DocumentInventory would with the stock
 * resolver: `source` is the document's normalised source (a file path), or
 * null for an unnamed document.
 */
export async function resolveDocument(data: unknown, source: string | null, referenced: Record<string, unknown> = {}): Promise<Resolution> {
  const sites = crawl(data);
  if (!sites) return stockResolve(data, source, referenced);
  return resolveLocal(data, source, sites);
}

function baseUriOf(source: string | null): string {
  // The stock runner keys its graph by the base URI as urijs prints it.
  return source ? new URI(source).toString() : '';
}

function resolveLocal(data: unknown, source: string | null, sites: RefSite[]): Resolution {
  const baseUri = baseUriOf(source);
  const root = baseUri || 'root';
  const graph = new DepGraph<GraphNodeData>({ circular: true });
  graph.addNode(root, { refMap: {}, data });
  const rootTargets = new Set<string>();
  const pointerGraph = new Graph();
  const stemGraph = new Graph();
  const errors: ResolveError[] = [];

  // 1. The crawler's graphs (ResolveCrawler._resolveRef, local branch).
  for (const site of sites) {
    const parentPath = site.path;
    const parentPointer = parentPath.reduce(addToPointer, '#');
    const targetPointer = site.ref;
    let targetPath: string[];
    try {
      targetPath = pointerToPath(targetPointer) as string[];
    } catch {
      errors.push({ code: 'PARSE_POINTER', message: `'${site.ref}' JSON pointer is invalid`, path: [], uriStack: [], pointerStack: [] });
      continue;
    }
    let referencesParent = targetPath.length > 0;
    for (let i = 0; i < targetPath.length; i++) {
      if (parentPath[i] !== targetPath[i]) {
        referencesParent = false;
        break;
      }
    }
    if (referencesParent) continue;
    stemGraph.addNode(targetPointer);
    let stem = '#';
    let tail = '';
    for (let i = 0; i < parentPath.length; i++) {
      const part = parentPath[i];
      if (part === targetPath[i]) {
        stem += `/${part}`;
      } else {
        tail += `/${part}`;
        const dep = `${stem}${tail}`;
        if (dep !== parentPointer && dep !== targetPointer) {
          stemGraph.addNode(dep);
          stemGraph.addDependency(dep, targetPointer);
        }
      }
    }
    pointerGraph.addNode(parentPointer);
    pointerGraph.addNode(targetPointer);
    const targetRef = `${baseUri}${targetPointer}`;
    if (!graph.hasNode(targetRef)) graph.addNode(targetRef, { refMap: {} });
    // DepGraph finds a repeated edge with a linear scan: add each edge once instead.
    if (root !== targetRef && !rootTargets.has(targetRef)) {
      rootTargets.add(targetRef);
      graph.addDependency(root, targetRef);
    }
    pointerGraph.addDependency(parentPointer, targetPointer);
  }

  // 2. Inline dereferencing (ResolveRunner.resolve, dereferenceInline), in the same order.
  const draft = new Draft(data);
  const refMap = graph.getNodeData(root).refMap;
  const paths = new Map<string, string[]>();
  const pathOf = (pointer: string): string[] => {
    let p = paths.get(pointer);
    if (!p) paths.set(pointer, (p = pointerToPath(pointer) as string[]));
    return p;
  };
  // refMap keys and values are the pointers re-encoded (URI-style) from the decoded paths.
  const encoded = new Map<string, string>();
  const encodedOf = (pointer: string): string => {
    let e = encoded.get(pointer);
    if (e === undefined) encoded.set(pointer, (e = pathToPointer(pathOf(pointer))));
    return e;
  };
  try {
    for (const pointer of pointerGraph.overallOrder()) {
      const dependants = pointerGraph.dependantsOf(pointer);
      if (!dependants.length) continue;
      const pointerPath = pathOf(pointer);
      const target = encodedOf(pointer);
      const val = draft.get(pointerPath);
      // The same for every dependant: computed once (the stock loop recomputes it each time).
      const stems = stemGraph.dependenciesOf(pointer).map(pathOf);
      for (const dependant of dependants) {
        const dependantPath = pathOf(dependant);
        if (stems.some((stem) => startsWith(dependantPath, stem))) continue; // circular
        refMap[encodedOf(dependant)] = target;
        if (val !== undefined) {
          draft.set(dependantPath, val);
        } else {
          errors.push({ code: 'POINTER_MISSING', message: `'${pointer}' does not exist`, path: dependantPath, uriStack: [], pointerStack: [] });
        }
      }
    }
  } catch {
    // The stock resolver swallows any failure here and keeps what it had done; so do we.
  }
  graph.setNodeData(root, { refMap, data: draft.root });
  return { result: draft.root, graph, errors, fast: true };
}

/**
 * The stock resolver, for documents with references this module does not
 * handle. Files are read and parsed as spectral-core's DocumentInventory
 * parses them (and kept in `referenced`, by source); URLs are not fetched.
 */
async function stockResolve(data: unknown, source: string | null, referenced: Record<string, unknown>): Promise<Resolution> {
  // Files only inside the spec's own folder; URLs have no resolver at all, so they are never fetched.
  const resolver = new Resolver({ resolvers: { file: { resolve: fileReaderWithin(source ? dirname(source) : undefined) } } });
  const parseResolveResult = (opts: { targetAuthority: { href(): string }; result: unknown }) => {
    const from = opts.targetAuthority.href().replace(/\/$/, '');
    const document = new Document(String(opts.result), (extname(from) === '.json' ? Parsers.Json : Parsers.Yaml) as never, from);
    opts.result = document.data;
    referenced[from] = document;
    return Promise.resolve(opts);
  };
  const r = await resolver.resolve(data, { ...(source ? { baseUri: source } : {}), parseResolveResult } as never);
  return { result: r.result, graph: r.graph as unknown as DepGraph<GraphNodeData>, errors: r.errors as unknown as ResolveError[], fast: false };
}
