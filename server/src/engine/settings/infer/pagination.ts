/**
 * Proposes Rewst's pagination settings: the type most list operations use,
 * the parameter names most of them share, the results key, a page size within
 * both the API's limit and Rewst's, and the operations that fit the settings
 * (Rewst has one pagination setup per integration, so only operations that
 * page the same way are marked).
 */
import { FALLBACK_PAGE_SIZE, LIMITS, PAGINATION_LABELS, type PaginationSettings, type PaginationType } from '../../../../../common/settings/model';
import { checkOperation, describeOperation } from '../check/operation';
import { pagingOf, type OperationPaging } from './paging';
import { dottedKeyNote, operationModelsOf, type Obj, type QueryParam, type OperationModel } from '../model/spec-model';

export interface PaginationProposal {
  pagination: PaginationSettings;
  paginatedActions: string[];
  notes: string[];
  /** Every GET operation that returns a list (or pages a response the spec does not describe), with how it pages. */
  lists: OperationPaging[];
  /** Why each list operation not marked paginated is not: every list operation is marked or has a reason here. */
  reasons: Map<OperationPaging, string>;
}

/** Rewst's maximum; more pages per run than this it refuses. */
const PAGE_LIMIT = LIMITS.defaultPageLimit.max;
const STYLE_ORDER: PaginationType[] = ['link', 'pointer', 'page', 'index'];
const MAX_SETUPS_TRIED = 60;
const NAMED = 5;

/** "GET /a, GET /b, … (12 in all)": operations named by method and path. */
export function nameOps(ps: ReadonlyArray<OperationPaging>, max = NAMED): string {
  const names = ps.slice(0, max).map((p) => `${p.op.method.toUpperCase()} ${p.op.pathKey}`);
  return names.join(', ') + (ps.length > max ? `, … (${ps.length} in all)` : '');
}

export function inferPagination(root: Obj, ops: OperationModel[] = operationModelsOf(root)): PaginationProposal {
  const lists = ops
    .filter((op) => op.method === 'get')
    .map((op) => pagingOf(root, op))
    .filter((p) => p.isList);
  const paged = lists.filter((p) => p.style !== 'none');
  const notes: string[] = [];
  const reasons = new Map<OperationPaging, string>();
  if (!paged.length) {
    for (const p of lists) reasons.set(p, whyNotMarked(root, p, { type: 'none' }));
    if (!lists.length) notes.push('No GET operation returns a list, or takes a page, offset or cursor parameter: No pagination is proposed.');
    else {
      const says = lists.filter((p) => p.saysPaged);
      notes.push(
        `${lists.length} operation(s) return a list, but none takes a page, offset or cursor parameter or returns a next link: No pagination is proposed.${says.length ? ` ${says.length} say they page (${nameOps(says, 3)}): the vendor's documentation names the parameter.` : ''}`,
      );
    }
    return { pagination: { type: 'none' }, paginatedActions: [], notes, lists, reasons };
  }
  const counts = new Map<PaginationType, number>();
  for (const p of paged) counts.set(p.style, (counts.get(p.style) ?? 0) + 1);
  const { pagination, fitting } = bestSetup(root, lists, paged);
  const fits = fitting.filter((p) => p.op.operationId);
  const withoutId = fitting.filter((p) => !p.op.operationId);
  const type = pagination.type!;
  const same = paged.filter((p) => p.style === type);
  const label = PAGINATION_LABELS[type];
  for (const p of lists) if (!fits.includes(p)) reasons.set(p, whyNotMarked(root, p, pagination));
  if (!fitting.length) {
    const example = paged[0];
    notes.push(
      `${paged.length} operation(s) page their results, but none fits the settings it would want itself, e.g. ${describeOperation(example.op)}: ${whyNotMarked(root, example, ownSetup(example, false)).replace(/\.$/, '')}. No pagination is proposed.`,
    );
    for (const p of lists) reasons.set(p, whyNotMarked(root, p, ownSetup(p, false)));
    return { pagination: { type: 'none' }, paginatedActions: [], notes, lists, reasons };
  }

  if (type === 'pointer' && !pagination.pointerJsonPath)
    notes.push(`No response says where the next cursor for "${pagination.afterParam}" is: enter the Pointer JSONPath from the vendor's documentation.`);
  const described = fitting.find((p) => p.schema)?.schema;
  for (const [field, key] of [
    ['Next Page Key', pagination.nextLinkLocation === 'body' ? pagination.nextPageKey : undefined],
    ['Results Key', pagination.resultsKey],
  ] as const) {
    const note = dottedKeyNote(root, described, field, key);
    if (note) notes.push(note);
  }
  if (type === 'link' && pagination.nextLinkLocation === 'body' && /uri$/i.test(pagination.nextPageKey ?? ''))
    notes.push(`"${pagination.nextPageKey}" may hold a path rather than a full URL (Rewst's Link type follows a full URL): check a real response.`);
  const size = pageSize(fitting.map((p) => (pagination.pageSizeParam ? p.op.query.get(pagination.pageSizeParam) : undefined)));
  pagination.defaultPageSize = size.value;
  if (size.note && pagination.pageSizeParam) notes.push(size.note);
  pagination.defaultPageLimit = PAGE_LIMIT;

  notes.push(
    `${same.length} of ${lists.length} list operation(s) page by ${label.toLowerCase()}${describeParams(pagination)}; ${fits.length} fit these settings and are marked paginated.`,
  );
  if (withoutId.length)
    notes.push(
      `${withoutId.length} more fit these settings but have no operationId, which Rewst needs to make an action: ${nameOps(withoutId)}. \`rewst-openapi prepare\` (or Fix all in the editor) adds them; the proposal made after it marks them.`,
    );
  const left = same.filter((p) => !fitting.includes(p));
  if (left.length)
    notes.push(
      `${left.length} other ${label.toLowerCase()}-style operation(s) do not fit (Rewst has one pagination setup per integration), e.g. ${describeOperation(left[0].op)}: ${reasons.get(left[0])}`,
    );
  const otherStyles = [...counts].filter(([t]) => t !== type);
  if (otherStyles.length)
    notes.push(`Operations paging another way are left unmarked: ${otherStyles.map(([t, n]) => `${n} by ${PAGINATION_LABELS[t].toLowerCase()}`).join(', ')}.`);
  notes.push(...resultsKeyNotes(pagination, fitting, same));
  const flagged = fitting.filter((p) => p.flagParam);
  if (flagged.length)
    notes.push(
      `${flagged.length} of them also take "${flagged[0].flagParam!.name}", a switch that turns paging on; Rewst sends only the page and page size parameters, so check whether the API pages without it (or set it to true in each action).`,
    );
  const pageParam = pagination.pageParam ? fitting.map((p) => p.op.query.get(pagination.pageParam!)).find(Boolean) : undefined;
  const skips = pageParam && /^skip/i.test(pageParam.name);
  if (pageParam && (pageParam.schema.minimum === 0 || pageParam.schema.default === 0 || skips))
    notes.push(
      `"${pageParam.name}" counts pages from 0 (${skips ? 'it names the pages to skip' : `its ${pageParam.schema.minimum === 0 ? 'minimum' : 'default'} is 0`}): check which page Rewst asks for first.`,
    );
  const xms = fitting.filter((p) => p.evidence.includes('x-ms-pageable'));
  if (xms.length) notes.push(`${xms.length} of them declare x-ms-pageable (Azure's paging extension): the next link and results key are read from it.`);
  const unmarked = lists.length - fits.length - withoutId.length;
  if (unmarked > 0) notes.push(`${unmarked} other list operation(s) are not marked; the Pagination form lists each one with the reason.`);
  return { pagination, paginatedActions: fits.map((p) => p.op.operationId!), notes, lists, reasons };
}

/** What the builder must know about the results key: read from examples, unknown, or different between operations. */
function resultsKeyNotes(pagination: PaginationSettings, fitting: OperationPaging[], same: OperationPaging[]): string[] {
  const out: string[] = [];
  const key = pagination.resultsKey;
  const show = (k: string) => (k === '' ? 'the response itself' : `"${k}"`);
  const keys = new Map<string, number>();
  for (const p of same) if (p.resultsKey !== undefined) keys.set(p.resultsKey, (keys.get(p.resultsKey) ?? 0) + 1);
  if (keys.size > 1) {
    const ranked = [...keys].sort((a, b) => b[1] - a[1]);
    out.push(
      `The list operations disagree on the results key: ${ranked
        .slice(0, 6)
        .map(([k, n]) => `${show(k)} (${n})`)
        .join(
          ', ',
        )}${ranked.length > 6 ? ', …' : ''}. Rewst takes one per integration, so ${key === undefined ? 'none' : show(key)} is proposed, the one the most operations fit; the Pagination form shows each operation's own.`,
    );
  }
  const fromExample = fitting.filter((p) => p.resultsFrom === 'example');
  if (fromExample.length && key !== undefined)
    out.push(
      `The results key ${show(key)} is read from the response examples of ${fromExample.length} operation(s), which give no response schema: check it against a real response.`,
    );
  const unknown = fitting.filter((p) => p.resultsFrom === 'unknown');
  if (unknown.length) {
    out.push(
      `${unknown.length} of the operations that fit do not describe their response (${nameOps(unknown, 3)}): their results key is unknown${key === undefined ? '. Results Key is left empty: enter the key of the array of results from a real response (empty when the response is the array itself).' : `; ${show(key)} is taken from the others. Check it against a real response.`}`,
    );
  } else if (key === '') out.push('The paginated responses are arrays themselves: Results Key is left empty.');
  return out;
}

/** Why a list operation is not marked with these settings, in a few words. */
export function whyNotMarked(root: Obj, p: OperationPaging, s: PaginationSettings): string {
  if (p.style === 'none')
    return p.saysPaged
      ? 'it says it pages, but the spec names no page, offset or cursor parameter and no next link'
      : 'it takes no page, offset or cursor parameter and returns no next link';
  if (!s.type || s.type === 'none') return 'no pagination is set up';
  if (p.style !== s.type)
    return `it pages by ${PAGINATION_LABELS[p.style].toLowerCase()}, not ${PAGINATION_LABELS[s.type].toLowerCase()} (Rewst has one pagination setup per integration)`;
  const problem = checkOperation(root, checkedOp(p), s)[0];
  if (problem) return problem.message;
  if (!pagesThisWay(p, s)) return 'it pages with other parameters or another next link';
  if (!p.op.operationId) return 'it has no operationId: `rewst-openapi prepare` (or Fix all in the editor) adds one';
  return 'it is not ticked';
}

/** The operation as the checks see it: with the schema read off its example, or none when its response is unknown. */
function checkedOp(p: OperationPaging): OperationModel {
  return p.schema === p.op.responseSchema ? p.op : { ...p.op, responseSchema: p.schema };
}

/** The settings one operation would want on its own. */
function ownSetup(p: OperationPaging, withSize: boolean): PaginationSettings {
  const out: PaginationSettings = { type: p.style, ...(p.resultsKey !== undefined ? { resultsKey: p.resultsKey } : {}) };
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
 * operations would each want, the one the most operations fit wins (those
 * without an operationId count too: prepare gives them one, and the
 * proposal made after it should be the same). A page size
 * parameter counts half as much again, since without it every page is the
 * API's default size (and Rewst fetches at most 20 pages); a pointer whose
 * cursor path the spec does not show counts half. An operation whose
 * response the spec does not describe fits any results key.
 */
function bestSetup(root: Obj, lists: OperationPaging[], paged: OperationPaging[]): { pagination: PaginationSettings; fitting: OperationPaging[] } {
  const candidates = new Map<string, { setup: PaginationSettings; wanted: number }>();
  for (const p of paged)
    for (const withSize of [true, false]) {
      const setup = ownSetup(p, withSize);
      const key = JSON.stringify(setup);
      const c = candidates.get(key);
      if (c) c.wanted++;
      else candidates.set(key, { setup, wanted: 1 });
    }
  let best: { pagination: PaginationSettings; fitting: OperationPaging[]; score: number; ties: number[] } | undefined;
  // Trying every setup on every list is quadratic: the setups most operations want are tried, the rest cannot win by much.
  const tried = [...candidates.values()].sort((a, b) => b.wanted - a.wanted).slice(0, MAX_SETUPS_TRIED);
  for (const { setup, wanted } of tried) {
    const fitting = lists.filter((p) => pagesThisWay(p, setup) && checkOperation(root, checkedOp(p), setup).length === 0);
    // A pointer without a known cursor path is a setup the builder cannot enter as it is.
    const score = fitting.length * (setup.pageSizeParam ? 1.5 : 1) * (setup.type === 'pointer' && !setup.pointerJsonPath ? 0.5 : 1);
    // Ties: more that can be marked now, a known results key, more operations wanting it, then the style order.
    const ties = [fitting.filter((p) => p.op.operationId).length, setup.resultsKey !== undefined ? 1 : 0, wanted, -STYLE_ORDER.indexOf(setup.type!)];
    const better = !best || score > best.score || (score === best.score && compare(ties, best.ties) > 0);
    if (better) best = { pagination: { ...setup }, fitting, score, ties };
  }
  return best!;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function describeParams(p: PaginationSettings): string {
  const names = [p.indexParam, p.pageParam, p.afterParam, p.pageSizeParam].filter(Boolean);
  if (p.type === 'link') return p.nextLinkLocation === 'body' ? ` (next link at "${p.nextPageKey}")` : ' (Link header)';
  return names.length ? ` (${names.join(', ')})` : '';
}

const MAX_IN_TEXT =
  /(?:max(?:imum)?(?:\s+(?:value|number|page size|limit))?(?:\s+(?:is|of|allowed))?\s*:?|up to|at most|no more than|less than or equal to|between\s+\d+\s+and|ranges?\s+(?:from\s+)?\d+\s+(?:to|-)|cannot exceed|must not exceed|limit of)\s*(\d{1,6})/i;

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
  if (defaults.length)
    return {
      value: Math.min(cap, ...defaults),
      note: `The spec states no maximum page size, so the API's default (${Math.min(...defaults)}) is proposed; a larger size, if the vendor allows it, needs fewer requests.`,
    };
  return {
    value: FALLBACK_PAGE_SIZE,
    note: `The spec states no page size limit: ${FALLBACK_PAGE_SIZE} is proposed. Check the vendor's documentation: if the API returns fewer items than asked, Index and Page paging skip items.`,
  };
}
