/**
 * How one operation pages, with the evidence weighed together: its query
 * parameters' names and types (the names Rewst's page lists for each type,
 * also prefixed or nested as ASP.NET and JSON:API publish them:
 * `options.page`, `page[size]`, `$top`), its success response's schema, else
 * the response's example (see response-example.ts), Azure's `x-ms-pageable`,
 * a `Link` response header, and a summary or description that says it pages.
 * offset/start/skip/from → Index; page → Page; cursor/after/starting_after/
 * next_token → Pointer; a next link in the body or a Link header → Link.
 * An operation whose parameters page but whose response the spec does not
 * describe is still a list: its results key is unknown.
 */
import type { PaginationType } from '../../../../../common/settings/model';
import { exampleFromSchema, responseExample, schemaFromValue, valueAt } from './response-example';
import {
  isArraySchema,
  itemsOf,
  operationObject,
  propertiesOf,
  successResponse,
  typesOf,
  type Obj,
  type QueryParam,
  type OperationModel,
} from '../model/spec-model';
import { DETECTORS, type EvidenceKind, type PagingDetector } from './evidence';

export { pagingName } from './evidence';

/** Where the results key was read from; 'unknown' when the spec does not describe the response. */
export type ResultsFrom = 'schema' | 'example' | 'x-ms-pageable' | 'unknown';

export interface OperationPaging {
  op: OperationModel;
  /** Does it return a list (or page, with a response the spec does not describe)? */
  isList: boolean;
  /** Dotted path of the results array; '' when the response is the array itself; undefined when there is none or it is unknown. */
  resultsKey?: string;
  resultsFrom?: ResultsFrom;
  /** The response schema the checks use: the spec's, or one read off its example; undefined when unknown. */
  schema?: Obj;
  style: PaginationType;
  pointerParam?: QueryParam;
  pageParam?: QueryParam;
  indexParam?: QueryParam;
  sizeParam?: QueryParam;
  /** A boolean that switches paging on (HaloPSA's `pageinate`). */
  flagParam?: QueryParam;
  /** Dotted path of a next link in the body. */
  nextKey?: string;
  /** The Link header, as the response declares it. */
  linkHeader?: string;
  /** JSONPath of the next cursor in the response. */
  cursorPath?: string;
  /** Its summary or description says it pages. */
  saysPaged: boolean;
  /** What says it is a list that pages, a few words each: "page param options.page", "x-ms-pageable"... */
  evidence: string[];
}

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const RESULT_NAMES = [
  'data',
  'results',
  'result',
  'items',
  'records',
  'entries',
  'value',
  'values',
  'elements',
  'list',
  'objects',
  'content',
  'rows',
  'hits',
  'nodes',
  'collection',
];
const CONTAINERS = new Set(['data', 'response', 'result', '_embedded', 'payload', 'body']);
const NOT_RESULTS = /^(errors?|warnings?|messages?|links?|_links|included|facets|aggregations)$|^(error|warning|validation)_?\w*(messages?|errors?|infos?)$/i;
const NEXT_LINKS = new Set(['next', 'nexturl', 'nextlink', 'nextpageurl', 'nextpagelink', 'nexthref', 'odatanextlink', 'nextpageuri', 'nexturi']);
const CURSORS = new Set([
  'nextcursor',
  'nextpagetoken',
  'nexttoken',
  'cursor',
  'endcursor',
  'nextmarker',
  'nextcontinuationtoken',
  'continuationtoken',
  'nextpagecursor',
  'nextpointer',
  'nextoffset',
  'lastkey',
  'lastevaluatedkey',
  'nextpage',
  'nextkey',
  'nextpagetoken',
  'paginationtoken',
]);
/** A schema with no shape to walk: none at all, `{}`, or an object or string without members. */
function shapeless(root: Obj, schema: Obj | undefined): boolean {
  return !schema || (!propertiesOf(root, schema).size && !isArraySchema(root, schema) && schema.additionalProperties === undefined);
}

export function pagingOf(root: Obj, op: OperationModel): OperationPaging {
  const raw = operationObject(root, op) ?? {};
  const evidenceOf = new Map(DETECTORS.map((d) => [d.kind, d.detect(op, root)] as const));
  const param = (kind: EvidenceKind) => evidenceOf.get(kind)?.param;
  const pointerParam = param('cursor-param');
  const pageParam = param('page-param');
  const indexParam = param('index-param');
  const sizeParam = param('size-param');
  const flagParam = param('flag-param');
  const xms = evidenceOf.get('x-ms-pageable')?.value;
  const saysPaged = evidenceOf.get('says-paged') !== undefined;
  const linkHeader = evidenceOf.get('link-header') ? 'Link' : undefined;
  const pagesByParams = Boolean(pointerParam || pageParam || indexParam);
  // Any evidence at all: then an array member of the response is taken for the results, not only a conventional name.
  const paramSignals = [...evidenceOf.values()].some((e) => e !== undefined);
  /** The results key and next link a schema shows; from an example, a bare `next: null` may be a page number as well as a link. */
  const read = (s: Obj, example?: unknown) => {
    let nextKey = isArraySchema(root, s) ? undefined : findNextLink(root, s);
    if (nextKey !== undefined && example !== undefined && !plausibleNextLink(example, nextKey)) nextKey = undefined;
    return { nextKey, resultsKey: findResultsKey(root, s, paramSignals || nextKey !== undefined) };
  };
  let schema = op.responseSchema;
  let resultsFrom: ResultsFrom | undefined;
  let found: { nextKey?: string; resultsKey?: string } = {};
  if (schema && !shapeless(root, schema)) {
    resultsFrom = 'schema';
    found = read(schema);
  }
  // No schema, or one without a shape: the examples (response's, schema's, properties') may show the list.
  // A schema with a shape that shows no list: only its own members' examples may (untyped properties with an example).
  if (found.resultsKey === undefined) {
    const response = resultsFrom ? undefined : successResponse(root, raw.responses);
    let example = response ? responseExample(root, response) : undefined;
    if (example === undefined && schema) example = resultsFrom ? memberExamples(root, schema) : exampleFromSchema(root, schema);
    if (example !== null && typeof example === 'object') {
      const fromExample = schemaFromValue(example);
      const seen = read(fromExample, example);
      if (!resultsFrom || seen.resultsKey !== undefined) {
        schema = fromExample;
        resultsFrom = 'example';
        found = seen;
      }
    }
  }
  const described = resultsFrom !== undefined;
  let nextKey = found.nextKey;
  let resultsKey = found.resultsKey;
  if (xms) {
    resultsKey = typeof xms.itemName === 'string' ? xms.itemName : 'value';
    if (typeof xms.nextLinkName === 'string' && xms.nextLinkName) nextKey = xms.nextLinkName;
    if (!described) resultsFrom = 'x-ms-pageable';
  }
  if (resultsKey === undefined && !described && (pagesByParams || linkHeader || saysPaged)) resultsFrom = 'unknown';
  // `GET /things/{id}?limit=5` returns one thing (a limit caps a member, not pages): an object at a path that ends in a
  // parameter is one resource unless something else says it pages.
  const oneResource = /\/\{[^}/]+\}\/?$/.test(op.pathKey) && resultsKey !== '' && !pagesByParams && !linkHeader && !xms && !saysPaged && nextKey === undefined;
  const isList = !oneResource && (resultsKey !== undefined || resultsFrom === 'unknown');
  const checked = resultsFrom === 'unknown' || resultsFrom === 'x-ms-pageable' ? undefined : schema;
  const cursorPath = checked && pointerParam ? findCursor(root, checked, resultsKey, pointerParam) : undefined;
  let style: PaginationType = 'none';
  if (isList) {
    if (nextKey !== undefined || linkHeader) style = 'link';
    else if (pointerParam) style = 'pointer';
    else if (pageParam) style = 'page';
    else if (indexParam) style = 'index';
  }
  // The request's evidence, the response's (with the next link the reading found), then hints.
  const says = (reads: PagingDetector['reads']) =>
    DETECTORS.flatMap((d) => (d.reads === reads && evidenceOf.get(d.kind) ? [evidenceOf.get(d.kind)!.says] : []));
  const evidence = [...says('request'), ...says('response')];
  if (nextKey !== undefined && !xms) evidence.push(`next link ${nextKey} in the response ${resultsFrom === 'example' ? 'example' : 'schema'}`);
  evidence.push(...says('hint'));
  return {
    op,
    isList,
    resultsKey: isList ? resultsKey : undefined,
    resultsFrom: isList ? resultsFrom : undefined,
    schema: checked,
    style,
    pointerParam,
    pageParam,
    indexParam,
    sizeParam,
    flagParam,
    nextKey,
    linkHeader,
    cursorPath,
    saysPaged,
    evidence,
  };
}

/** The examples of a schema's untyped properties (`devices: { example: [...] }`), the one thing a shaped schema may leave to them; cheap, one level. */
function memberExamples(root: Obj, schema: Obj): Obj | undefined {
  let out: Obj | undefined;
  for (const [k, v] of propertiesOf(root, schema)) {
    if (v.example === undefined || typesOf(root, v).size) continue;
    (out ??= {})[k] = exampleFromSchema(root, v);
  }
  return out;
}

function plausibleNextLink(example: unknown, key: string): boolean {
  const v = valueAt(example, key);
  if (typeof v === 'string') return /^(https?:\/\/|\/)/i.test(v);
  const parts = key.split('.');
  return v === null && (norm(parts[parts.length - 1]) !== 'next' || /^_?(links|paging|pagination|meta)$/i.test(parts[parts.length - 2] ?? ''));
}

interface Found {
  path: string[];
  schema: Obj;
}

/** Object properties down to `maxDepth`, breadth first, never into arrays. */
function walkProperties(root: Obj, schema: Obj, maxDepth: number): Found[] {
  const out: Found[] = [];
  let level: Found[] = [{ path: [], schema }];
  const seen = new Set<Obj>([schema]);
  for (let depth = 0; depth < maxDepth && level.length; depth++) {
    const next: Found[] = [];
    for (const { path, schema: s } of level) {
      for (const [name, child] of propertiesOf(root, s)) {
        const found = { path: [...path, name], schema: child };
        out.push(found);
        if (!seen.has(child) && !isArraySchema(root, child)) {
          seen.add(child);
          next.push(found);
        }
      }
    }
    level = next;
  }
  return out;
}

/**
 * The array of results in a response. Without any paging signal only a
 * conventional name (data, results, items...) counts, so that an object that
 * merely has an array member is not taken for a list.
 */
export function findResultsKey(root: Obj, schema: Obj, signals = true): string | undefined {
  if (isArraySchema(root, schema) && !propertiesOf(root, schema).size) return '';
  const conventional = (f: Found) =>
    RESULT_NAMES.includes(f.path[f.path.length - 1].toLowerCase()) && (f.path.length === 1 || (f.path.length === 2 && CONTAINERS.has(f.path[0].toLowerCase())));
  const arrays = walkProperties(root, schema, 3).filter(
    (f) => isArraySchema(root, f.schema) && !NOT_RESULTS.test(f.path[f.path.length - 1]) && (signals || conventional(f)),
  );
  if (!arrays.length) return undefined;
  const depth = Math.min(...arrays.map((a) => a.path.length));
  const shallow = arrays.filter((a) => a.path.length === depth);
  const rank = (a: Found) => {
    const i = RESULT_NAMES.indexOf(a.path[a.path.length - 1].toLowerCase());
    const objects = typesOf(root, itemsOf(root, a.schema)).has('object') ? 0 : 1;
    return (i < 0 ? RESULT_NAMES.length : i) * 2 + objects;
  };
  return shallow.sort((a, b) => rank(a) - rank(b))[0].path.join('.');
}

function findNextLink(root: Obj, schema: Obj): string | undefined {
  for (const f of walkProperties(root, schema, 3)) {
    const name = f.path[f.path.length - 1];
    if (!NEXT_LINKS.has(norm(name))) continue;
    const types = typesOf(root, f.schema);
    const description = String(f.schema.description ?? '');
    if (types.has('string') || types.size === 0) {
      // A bare "next" that the spec calls a token or cursor is a pointer, not a link.
      if (norm(name) === 'next' && /token|cursor/i.test(description) && !/url|link|uri|href/i.test(description)) continue;
      return f.path.join('.');
    }
    if (types.has('object') && propertiesOf(root, f.schema).has('href')) return [...f.path, 'href'].join('.');
  }
  return undefined;
}

function findCursor(root: Obj, schema: Obj, resultsKey: string | undefined, param: QueryParam): string | undefined {
  for (const f of walkProperties(root, schema, 3)) {
    const name = norm(f.path[f.path.length - 1]);
    const parent = norm(f.path[f.path.length - 2] ?? '');
    const cursorish = CURSORS.has(name) || (name === 'after' && parent === 'cursors') || (name === norm(param.name) && name !== 'after');
    if (cursorish && (typesOf(root, f.schema).has('string') || typesOf(root, f.schema).size === 0)) return jsonPath(f.path);
  }
  // starting_after / after that take an object id: the id of the last item (Stripe's style).
  if (resultsKey !== undefined && /^(startingafter|after|startafter)$/.test(norm(param.name))) {
    const array = resultsKey === '' ? schema : walkProperties(root, schema, 3).find((f) => f.path.join('.') === resultsKey)?.schema;
    if (array && propertiesOf(root, itemsOf(root, array)).has('id')) return `${jsonPath(resultsKey === '' ? [] : resultsKey.split('.'))}[-1].id`;
  }
  return undefined;
}

export function jsonPath(path: ReadonlyArray<string>): string {
  return '$' + path.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `['${p.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`)).join('');
}
