/**
 * Reading query parameters for paging: the name a parameter pages by (also
 * prefixed or nested, as ASP.NET and JSON:API publish them), whether it is a
 * number, a date or a token, and the name sets that more than one detector
 * reads (an offset pairs with a page size; a page may be a token).
 */
import { itemsOf, typesOf, type Obj, type QueryParam } from '../../model/spec-model';

export const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

// skippages (e-conomic) and pagestart (PRX) are page numbers counted from 0.
export const PAGE_PARAMS = new Set(['page', 'pagenumber', 'pageno', 'pagenum', 'pageindex', 'currentpage', 'pg', 'skippages', 'pagestart']);
export const INDEX_PARAMS = new Set([
  'offset',
  'start',
  'skip',
  'from',
  'startindex',
  'startat',
  'startposition',
  'startrow',
  'skiprecords',
  'limitstart',
  'firstresult',
]);
/** Most likely first: the first name an operation has is its page size. */
export const SIZE_PARAMS = [
  'limit',
  'perpage',
  'pagesize',
  'size',
  'count',
  'maxresults',
  'top',
  'pagelimit',
  'rows',
  'take',
  'maxitems',
  'max',
  'resultsperpage',
  'itemsperpage',
  'numresults',
  'maxrecords',
  'maxpagesize',
  'pagesz',
  'recordsperpage',
];
const SIZE_NAMES = new Set(SIZE_PARAMS);

/** Prefixes under which a paging-like name is a filter, not paging: `filter[limit]`, `createdate.from`. */
const NOT_PAGING_PREFIX = /^(filters?|where|search|sort|order|orderby|fields|include|exclude|q)$/;
const PAGING_PREFIX = /^(page|paging|pagination|pager|paginate)$/;
/** `paginate_page`, `paging-limit`: a paging prefix joined by an underscore or a dash. */
const JOINED_PAGING_PREFIX = /^(paginate|pagination|paging|pager)[_-](.+)$/i;

/**
 * The name a query parameter pages by, normalised: `options.page` → page,
 * `searchCriteria[pageSize]` → pagesize, `page[number]` → page,
 * `page[size]` → pagesize, `$top` → top; undefined for a filter's member.
 */
export function pagingName(name: string): string | undefined {
  const joined = JOINED_PAGING_PREFIX.exec(name);
  const parts = joined ? [joined[1], joined[2]] : name.split(/[.[\]]+/).filter(Boolean);
  if (parts.length <= 1) return norm(name);
  const last = norm(parts[parts.length - 1]);
  const prefix = norm(parts.slice(0, -1).join(''));
  if (NOT_PAGING_PREFIX.test(prefix)) return undefined;
  if (PAGING_PREFIX.test(prefix)) {
    if (/^(number|num|no|index)$/.test(last)) return 'page';
    if (/^(size|limit|perpage|count)$/.test(last)) return 'pagesize';
    if (/^(cursor|after|token|key|next)$/.test(last)) return 'cursor';
    return last;
  }
  // "createdate.from", "range.start": a prefixed from/start is a filter's bound.
  return last === 'from' || last === 'start' ? undefined : last;
}

export function isNumeric(root: Obj, p: QueryParam): boolean {
  let t = typesOf(root, p.schema);
  // Some generators type a single number as an array of one (`page: {type: array, items: {type: integer}}`).
  if (t.size === 1 && t.has('array')) t = typesOf(root, itemsOf(root, p.schema));
  if (t.size === 0 || t.has('integer') || t.has('number')) return true;
  // Jira types startAt and maxResults as strings with a default of "0" and "50": numbers all the same.
  const sample = p.schema.default ?? p.schema.example;
  return t.has('string') && typeof sample === 'string' && /^\d+$/.test(sample);
}

/** A string with nothing to say it is not a number: no format, enum or pattern. */
function plainString(root: Obj, p: QueryParam): boolean {
  const t = typesOf(root, p.schema);
  return t.size === 1 && t.has('string') && p.schema.format === undefined && p.schema.enum === undefined && p.schema.pattern === undefined;
}

export function isDate(p: QueryParam): boolean {
  return /date|time/i.test(String(p.schema.format ?? ''));
}

/** An offset that is really an opaque token (Asana's `offset`, say) is a cursor. */
export function tokenLike(p: QueryParam): boolean {
  return /token|cursor|next_page|opaque|\blast ?key\b|(?:from|in) the (?:previous )?response|taken from/i.test(p.description);
}

/** The first query parameter whose paging name (and the parameter) `accept` takes. */
export function pick(params: Map<string, QueryParam>, accept: (n: string, p: QueryParam) => boolean): QueryParam | undefined {
  for (const p of params.values()) {
    const n = pagingName(p.name);
    if (n !== undefined && accept(n, p)) return p;
  }
  return undefined;
}

/**
 * A number, for an offset or a page size: typed as one, or (some generators type both halves of offset/limit as
 * plain strings) a plain string when the operation has both an offset and a page size by name: together they page.
 */
export function countLike(root: Obj, params: Map<string, QueryParam>, p: QueryParam): boolean {
  if (isNumeric(root, p)) return true;
  const named = (set: { has(n: string): boolean }) => pick(params, (n) => set.has(n)) !== undefined;
  return named(INDEX_PARAMS) && named(SIZE_NAMES) && plainString(root, p) && !tokenLike(p);
}
