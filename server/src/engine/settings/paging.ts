/**
 * How one operation pages, read from its query parameters and its success
 * response: the names Rewst's page lists for each type (offset/start/skip/from
 * → Index; page → Page; cursor/after/starting_after/next_token → Pointer; a
 * `next` link in the body or a Link header → Link), the array of results, and
 * where the next cursor or link sits in the response.
 */
import type { PaginationType } from './model';
import { isArraySchema, itemsOf, propertiesOf, typesOf, type Obj, type QueryParam, type SpecOperation } from './spec-model';

export interface OperationPaging {
  op: SpecOperation;
  /** Dotted path of the results array; '' when the response is the array itself; undefined when there is none. */
  resultsKey?: string;
  style: PaginationType;
  pointerParam?: QueryParam;
  pageParam?: QueryParam;
  indexParam?: QueryParam;
  sizeParam?: QueryParam;
  /** Dotted path of a next link in the body. */
  nextKey?: string;
  /** The Link header, as the response declares it. */
  linkHeader?: string;
  /** JSONPath of the next cursor in the response. */
  cursorPath?: string;
}

const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const POINTER_PARAMS = new Set(['cursor', 'after', 'startingafter', 'startafter', 'nexttoken', 'pagetoken', 'nextpagetoken', 'continuationtoken', 'continuation', 'marker', 'startcursor', 'pagecursor', 'pageafter', 'skiptoken', 'nextcursor', 'searchafter', 'pagingtoken', 'batchtoken']);
const PAGE_PARAMS = new Set(['page', 'pagenumber', 'pageno', 'pagenum', 'pageindex', 'currentpage']);
const INDEX_PARAMS = new Set(['offset', 'start', 'skip', 'from', 'startindex', 'startat', 'startposition', 'startrow']);
const SIZE_PARAMS = ['limit', 'perpage', 'pagesize', 'size', 'count', 'maxresults', 'top', 'pagelimit', 'rows', 'take', 'maxitems', 'max', 'resultsperpage', 'itemsperpage', 'numresults', 'maxrecords', 'maxpagesize', 'pagesz'];
const RESULT_NAMES = ['data', 'results', 'items', 'records', 'entries', 'value', 'values', 'elements', 'list', 'objects', 'content', 'rows', 'hits', 'nodes', 'collection'];
const CONTAINERS = new Set(['data', 'response', 'result', '_embedded', 'payload', 'body']);
const NOT_RESULTS = /^(errors?|warnings?|messages?|links|_links|included|facets|aggregations)$/i;
const NEXT_LINKS = new Set(['next', 'nexturl', 'nextlink', 'nextpageurl', 'nextpagelink', 'nexthref', 'odatanextlink', 'nextpageuri', 'nexturi']);
const CURSORS = new Set(['nextcursor', 'nextpagetoken', 'nexttoken', 'cursor', 'endcursor', 'nextmarker', 'nextcontinuationtoken', 'continuationtoken', 'nextpagecursor', 'nextpointer', 'nextoffset']);

function isNumeric(root: Obj, p: QueryParam): boolean {
  const t = typesOf(root, p.schema);
  return t.size === 0 || t.has('integer') || t.has('number');
}

function isDate(p: QueryParam): boolean {
  return /date|time/i.test(String(p.schema.format ?? ''));
}

/** An offset that is really an opaque token (Asana's `offset`, say) is a cursor. */
function tokenLike(p: QueryParam): boolean {
  return /token|cursor|next_page|opaque/i.test(p.description);
}

function pick(params: Map<string, QueryParam>, accept: (n: string, p: QueryParam) => boolean): QueryParam | undefined {
  for (const p of params.values()) if (accept(norm(p.name), p)) return p;
  return undefined;
}

export function pagingOf(root: Obj, op: SpecOperation): OperationPaging {
  const q = op.query;
  const pointerParam = pick(q, (n, p) => POINTER_PARAMS.has(n) && !isDate(p)) ?? pick(q, (n, p) => INDEX_PARAMS.has(n) && !isNumeric(root, p) && tokenLike(p));
  const pageParam = pick(q, (n, p) => PAGE_PARAMS.has(n) && isNumeric(root, p));
  const indexParam = pick(q, (n, p) => INDEX_PARAMS.has(n) && isNumeric(root, p) && !isDate(p));
  let sizeParam: QueryParam | undefined;
  for (const name of SIZE_PARAMS) {
    sizeParam = pick(q, (n, p) => n === name && isNumeric(root, p));
    if (sizeParam) break;
  }
  const schema = op.responseSchema;
  const nextKey = schema && !isArraySchema(root, schema) ? findNextLink(root, schema) : undefined;
  const linkHeader = op.responseHeaders.includes('link') ? 'Link' : undefined;
  const signals = Boolean(pointerParam || pageParam || indexParam || sizeParam || nextKey !== undefined || linkHeader);
  const resultsKey = schema ? findResultsKey(root, schema, signals) : undefined;
  const cursorPath = schema && pointerParam ? findCursor(root, schema, resultsKey, pointerParam) : undefined;
  let style: PaginationType = 'none';
  if (resultsKey !== undefined) {
    if (nextKey !== undefined || linkHeader) style = 'link';
    else if (pointerParam) style = 'pointer';
    else if (pageParam) style = 'page';
    else if (indexParam) style = 'index';
  }
  return { op, resultsKey, style, pointerParam, pageParam, indexParam, sizeParam, nextKey, linkHeader, cursorPath };
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
        if (!seen.has(child) && !isArraySchema(root, child)) (seen.add(child), next.push(found));
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
  const conventional = (f: Found) => RESULT_NAMES.includes(f.path[f.path.length - 1].toLowerCase()) && (f.path.length === 1 || (f.path.length === 2 && CONTAINERS.has(f.path[0].toLowerCase())));
  const arrays = walkProperties(root, schema, 3).filter((f) => isArraySchema(root, f.schema) && !NOT_RESULTS.test(f.path[f.path.length - 1]) && (signals || conventional(f)));
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
