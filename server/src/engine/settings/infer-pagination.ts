/**
 * Proposes Rewst's pagination settings: the type most list operations use,
 * the parameter names most of them share, the results key, a page size within
 * both the API's limit and Rewst's, and the operations that fit the settings
 * (Rewst has one pagination setup per integration, so only operations that
 * page the same way are marked).
 */
import { LIMITS, PAGINATION_LABELS, type PaginationSettings, type PaginationType } from './model';
import { checkOperation, describeOperation } from './check-operation';
import { pagingOf, type OperationPaging } from './paging';
import { listOperations, type Obj, type QueryParam, type SpecOperation } from './spec-model';

export interface PaginationProposal {
  pagination: PaginationSettings;
  paginatedActions: string[];
  notes: string[];
  /** Every GET operation that returns a list, with how it pages. */
  lists: OperationPaging[];
}

/** Rewst's maximum; more pages per run than this it refuses. */
const PAGE_LIMIT = LIMITS.defaultPageLimit.max;
const STYLE_ORDER: PaginationType[] = ['link', 'pointer', 'page', 'index'];
const MAX_SETUPS_TRIED = 60;

export function inferPagination(root: Obj, ops: SpecOperation[] = listOperations(root)): PaginationProposal {
  const lists = ops.filter((op) => op.method === 'get').map((op) => pagingOf(root, op)).filter((p) => p.resultsKey !== undefined);
  const paged = lists.filter((p) => p.style !== 'none');
  const notes: string[] = [];
  if (!paged.length) {
    notes.push(lists.length ? `${lists.length} operation(s) return a list, but none takes a page, offset or cursor parameter or returns a next link: No pagination is proposed.` : 'No operation returns a list: No pagination is proposed.');
    return { pagination: { type: 'none' }, paginatedActions: [], notes, lists };
  }
  const counts = new Map<PaginationType, number>();
  for (const p of paged) counts.set(p.style, (counts.get(p.style) ?? 0) + 1);
  const best = bestSetup(root, lists, paged);
  const { pagination, fits } = best;
  const type = pagination.type!;
  const same = paged.filter((p) => p.style === type);
  if (!fits.length) {
    const withoutId = paged.filter((p) => !p.op.operationId).length;
    notes.push(`${paged.length} operation(s) page their results, but none can be marked paginated${withoutId ? ` (${withoutId} have no operationId: add them, then propose again)` : ''}: No pagination is proposed.`);
    return { pagination: { type: 'none' }, paginatedActions: [], notes, lists };
  }
  if (type === 'pointer' && !pagination.pointerJsonPath) notes.push(`No response says where the next cursor for "${pagination.afterParam}" is: enter the Pointer JSONPath from the vendor's documentation.`);
  if (type === 'link' && pagination.nextLinkLocation === 'body' && /uri$/i.test(pagination.nextPageKey ?? '')) notes.push(`"${pagination.nextPageKey}" may hold a path rather than a full URL (Rewst's Link type follows a full URL): check a real response.`);
  const size = pageSize(fits.map((p) => (pagination.pageSizeParam ? p.op.query.get(pagination.pageSizeParam) : undefined)));
  pagination.defaultPageSize = size.value;
  if (size.note && pagination.pageSizeParam) notes.push(size.note);
  pagination.defaultPageLimit = PAGE_LIMIT;

  const label = PAGINATION_LABELS[type];
  notes.push(`${same.length} of ${lists.length} list operation(s) page by ${label.toLowerCase()}${describeParams(pagination)}; ${fits.length} fit these settings and are marked paginated.`);
  const left = same.filter((p) => !fits.includes(p));
  if (left.length) {
    const example = left[0];
    const why = example.op.operationId ? checkOperation(root, example.op, pagination)[0]?.message ?? 'it pages with other parameters' : 'it has no operationId';
    notes.push(`${left.length} other ${label.toLowerCase()}-style operation(s) do not fit (Rewst has one pagination setup per integration), e.g. ${describeOperation(example.op)}: ${why}`);
  }
  const otherStyles = [...counts].filter(([t]) => t !== type);
  if (otherStyles.length) notes.push(`Operations paging another way are left unmarked: ${otherStyles.map(([t, n]) => `${n} by ${PAGINATION_LABELS[t].toLowerCase()}`).join(', ')}.`);
  if (pagination.resultsKey === '') notes.push('The paginated responses are arrays themselves: Results Key is left empty.');
  return { pagination, paginatedActions: fits.map((p) => p.op.operationId!), notes, lists };
}

/** The settings one operation would want on its own. */
function ownSetup(p: OperationPaging, withSize: boolean): PaginationSettings {
  const out: PaginationSettings = { type: p.style, resultsKey: p.resultsKey };
  if (withSize && p.sizeParam) out.pageSizeParam = p.sizeParam.name;
  if (p.style === 'index') out.indexParam = p.indexParam!.name;
  else if (p.style === 'page') out.pageParam = p.pageParam!.name;
  else if (p.style === 'pointer') Object.assign(out, { afterParam: p.pointerParam!.name }, p.cursorPath ? { pointerJsonPath: p.cursorPath } : {});
  else if (p.nextKey !== undefined) Object.assign(out, { nextLinkLocation: 'body', nextPageKey: p.nextKey });
  else Object.assign(out, { nextLinkLocation: 'header', responseHeaderName: 'Link', responseHeaderRel: 'next' });
  return out;
}

/** Does the operation page the way the settings say (beyond accepting their parameters)? */
function pagesThisWay(p: OperationPaging, s: PaginationSettings): boolean {
  const q = p.op.query;
  switch (s.type) {
    case 'index':
      return q.has(s.indexParam!);
    case 'page':
      return q.has(s.pageParam!);
    case 'pointer':
      return q.has(s.afterParam!) && (!s.pointerJsonPath || p.cursorPath === undefined || p.cursorPath === s.pointerJsonPath);
    case 'link':
      return s.nextLinkLocation === 'body' ? p.nextKey === s.nextPageKey : p.linkHeader !== undefined;
    default:
      return false;
  }
}

/**
 * Rewst has one pagination setup per integration: of the setups the
 * operations would each want, the one the most operations fit wins. A page
 * size parameter counts half as much again, since without it every page is
 * the API's default size (and Rewst fetches at most 20 pages); a pointer
 * whose cursor path the spec does not show counts half.
 */
function bestSetup(root: Obj, lists: OperationPaging[], paged: OperationPaging[]): { pagination: PaginationSettings; fits: OperationPaging[] } {
  const candidates = new Map<string, { setup: PaginationSettings; wanted: number }>();
  for (const p of paged) for (const withSize of [true, false]) {
    const setup = ownSetup(p, withSize);
    const key = JSON.stringify(setup);
    const c = candidates.get(key);
    if (c) c.wanted++;
    else candidates.set(key, { setup, wanted: 1 });
  }
  let best: { pagination: PaginationSettings; fits: OperationPaging[]; score: number; wanted: number } | undefined;
  // Trying every setup on every list is quadratic: the setups most operations want are tried, the rest cannot win by much.
  const tried = [...candidates.values()].sort((a, b) => b.wanted - a.wanted).slice(0, MAX_SETUPS_TRIED);
  for (const { setup, wanted } of tried) {
    const fits = lists.filter((p) => p.op.operationId && pagesThisWay(p, setup) && checkOperation(root, p.op, setup).length === 0);
    // A pointer without a known cursor path is a setup the builder cannot enter as it is.
    const score = fits.length * (setup.pageSizeParam ? 1.5 : 1) * (setup.type === 'pointer' && !setup.pointerJsonPath ? 0.5 : 1);
    const better = !best || score > best.score || (score === best.score && (wanted > best.wanted || (wanted === best.wanted && STYLE_ORDER.indexOf(setup.type!) < STYLE_ORDER.indexOf(best.pagination.type!))));
    if (better) best = { pagination: { ...setup }, fits, score, wanted };
  }
  return best!;
}

function describeParams(p: PaginationSettings): string {
  const names = [p.indexParam, p.pageParam, p.afterParam, p.pageSizeParam].filter(Boolean);
  if (p.type === 'link') return p.nextLinkLocation === 'body' ? ` (next link at "${p.nextPageKey}")` : ' (Link header)';
  return names.length ? ` (${names.join(', ')})` : '';
}

const MAX_IN_TEXT = /(?:max(?:imum)?(?:\s+(?:value|number|page size|limit))?(?:\s+(?:is|of|allowed))?\s*:?|up to|at most|no more than|less than or equal to|between\s+\d+\s+and|ranges?\s+(?:from\s+)?\d+\s+(?:to|-)|cannot exceed|must not exceed|limit of)\s*(\d{1,6})/i;

function maximumOf(p: QueryParam): number | undefined {
  if (typeof p.schema.maximum === 'number') return p.schema.maximum;
  const m = MAX_IN_TEXT.exec(p.description);
  return m ? Number(m[1]) : undefined;
}

/** The largest size every paginated operation accepts, within Rewst's 1000; the APIs' default when none states a maximum. */
function pageSize(params: ReadonlyArray<QueryParam | undefined>): { value: number; note?: string } {
  const present = params.filter((p): p is QueryParam => Boolean(p));
  const maxima = present.map(maximumOf).filter((n): n is number => n !== undefined && n > 0);
  const cap = LIMITS.defaultPageSize.max;
  if (maxima.length) {
    const value = Math.min(cap, ...maxima);
    return { value, note: Math.min(...maxima) > cap ? `The API allows pages of ${Math.min(...maxima)}; Rewst's maximum is ${cap}.` : undefined };
  }
  const defaults = present.map((p) => p.schema.default).filter((n): n is number => typeof n === 'number' && n > 0);
  if (defaults.length) return { value: Math.min(cap, ...defaults), note: `The spec states no maximum page size, so the API's default (${Math.min(...defaults)}) is proposed; a larger size, if the vendor allows it, needs fewer requests.` };
  return { value: 100, note: "The spec states no page size limit: 100 is proposed. Check the vendor's documentation: if the API returns fewer items than asked, Index and Page paging skip items." };
}
