/**
 * A try: the requests Rewst would send for one action, page after page, with
 * what each brought back and what the settings got wrong. Sends nothing
 * before every check that can be made offline has passed (method, hostname,
 * credentials, parameters).
 */
import type { PaginationSettings } from '../settings';
import { Authenticator } from './auth';
import { send, type HttpLimits } from './http';
import { firstQuery, nextPage, pageSizeOf } from './paging';
import { actionRequest, findOperation } from './request';
import { checkResults, repeatFinding } from './results';
import { baseUrlOf, Masker, refusedUrl } from './safety';
import { maskDeep } from './mask-report';
import { schemaFinding } from './schema-check';
import { TryUsageError, type Finding, type SentRequest, type StopReason, type TryInput, type TryReport } from './types';

export const TRY_DEFAULTS = { pages: 3, timeoutMs: 30_000, maxResponseBytes: 16 << 20, maxRetryAfterSeconds: 30 } as const;

/** The fields a pagination type cannot page without (Rewst's required ones), checked before anything is sent. */
const PAGING_NEEDS: Partial<Record<NonNullable<PaginationSettings['type']>, Array<[keyof PaginationSettings, string]>>> = {
  page: [['pageParam', 'Page Param']],
  index: [['indexParam', 'Index Param']],
  pointer: [
    ['afterParam', 'After Param'],
    ['pointerJsonPath', 'Pointer JSONPath'],
  ],
};

function checkPaging(p: PaginationSettings): void {
  const needs = [
    ...(PAGING_NEEDS[p.type ?? 'none'] ?? []),
    ...(p.type === 'link' && p.nextLinkLocation !== 'header' ? ([['nextPageKey', 'Next Page Key']] as const) : []),
  ];
  const missing = needs.filter(([key]) => typeof p[key] !== 'string' || !(p[key] as string).trim()).map(([key, label]) => `"${label}" (pagination.${key})`);
  if (missing.length) throw new TryUsageError(`${p.type} pagination needs ${missing.join(' and ')} in the settings`);
}

/** The first page number: given, else the spec's page parameter when it says 0 (minimum or default), else 1. */
function firstPageOf(input: TryInput, p: PaginationSettings, query: Map<string, { schema: Record<string, unknown> }>): { first: number; why: string } {
  if (input.firstPage !== undefined) return { first: input.firstPage, why: 'as given' };
  const schema = p.pageParam ? query.get(p.pageParam.trim())?.schema : undefined;
  if (schema && (schema.minimum === 0 || schema.default === 0))
    return { first: 0, why: `the spec's ${schema.minimum === 0 ? 'minimum' : 'default'} of "${p.pageParam}"` };
  return { first: 1, why: 'the spec gives the page parameter no minimum or default of 0' };
}

/** The parameters paging sets on each request of a paginated action (none for another): not asked, not taken from the spec. */
export function pagingParamsOf(settings: TryInput['settings'], operationId: string): Set<string> {
  const p: PaginationSettings = settings.pagination ?? {};
  if (!(settings.paginatedActions ?? []).includes(operationId) || p.type === undefined || p.type === 'none') return new Set();
  return new Set([p.pageSizeParam, p.pageParam, p.indexParam, p.afterParam].filter((x): x is string => !!x?.trim()).map((x) => x.trim()));
}

export async function tryAction(input: TryInput): Promise<TryReport> {
  const { settings, spec } = input;
  const op = findOperation(spec, input.operationId);
  const method = op.method.toUpperCase();
  if (method !== 'GET' && !input.allowMethod)
    throw new TryUsageError(`${input.operationId} is a ${method}: a try sends GET only, unless another method is allowed explicitly (--allow-method)`);
  const base = baseUrlOf(settings.hostname);
  const p: PaginationSettings = settings.pagination ?? {};
  const marked = (settings.paginatedActions ?? []).includes(input.operationId);
  const paged = marked && p.type !== undefined && p.type !== 'none';
  if (paged) checkPaging(p);
  const pageLimit = typeof p.defaultPageLimit === 'number' && p.defaultPageLimit > 0 ? p.defaultPageLimit : undefined;
  const asked = input.pages ?? TRY_DEFAULTS.pages;
  const cap = paged ? Math.max(1, Math.min(asked, pageLimit ?? asked)) : 1;
  const notes: string[] = [];
  if (paged && pageLimit !== undefined && asked > pageLimit)
    notes.push(`at most ${pageLimit} pages: the settings' Default Page Limit caps the pages Rewst fetches`);
  const action = actionRequest(spec, op, base, input.params ?? {}, pagingParamsOf(settings, input.operationId));
  notes.push(...action.notes);
  const { first, why } = paged && p.type === 'page' ? firstPageOf(input, p, op.query) : { first: 1, why: '' };
  if (paged && p.type === 'page') notes.push(`first page ${first} (${why})`);

  const masker = new Masker();
  const requests: SentRequest[] = [];
  const findings: Finding[] = [];
  const now = input.now ?? Date.now;
  const limits: HttpLimits = {
    fetch: input.fetch ?? ((url, init) => fetch(url, init)),
    timeoutMs: input.timeoutMs ?? TRY_DEFAULTS.timeoutMs,
    maxResponseBytes: input.maxResponseBytes ?? TRY_DEFAULTS.maxResponseBytes,
    maxRetryAfterSeconds: input.maxRetryAfterSeconds ?? TRY_DEFAULTS.maxRetryAfterSeconds,
    sleep: input.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
  };
  const record = (r: SentRequest) => requests.push(r) - 1;
  const auth = new Authenticator(settings.auth, input.credentials, { limits, masker, now, record, finding: (f) => findings.push(f) });
  for (const v of Object.values(settings.extraRequestHeaders ?? {})) if (/^(bearer|basic|token)\s/i.test(v)) masker.add(v.split(/\s+/)[1]);

  let totalItems = 0;
  let firstItems: unknown[] = [];
  let previous: string | undefined;
  let url = new URL(action.url);
  const start = firstQuery(paged ? p : {}, first);
  for (const [k, v] of Object.entries(start.query)) url.searchParams.set(k, v);
  let label = start.label;
  const cursors: string[] = [];
  let stoppedBecause: StopReason = 'page-limit';

  for (let index = 0; index < cap; index++) {
    const refused = refusedUrl(url.toString());
    if (refused) {
      findings.push({ code: 'refused-url', severity: 'error', message: refused });
      stoppedBecause = 'refused';
      break;
    }
    const page = await fetchPage(url.toString(), label);
    if (page.stop) {
      stoppedBecause = page.stop;
      break;
    }
    const { body, headers, items, request } = page;
    totalItems += items.length;
    if (index === 0) {
      firstItems = items.slice(0, 3);
      const mismatch = schemaFinding(spec, op.responseSchema, body, request);
      if (mismatch) findings.push(mismatch);
    }
    const signature = JSON.stringify(items);
    if (index > 0 && items.length > 0 && signature === previous) {
      findings.push({ ...repeatFinding(p, index, first, op), request });
      stoppedBecause = 'repeated';
      break;
    }
    previous = signature;
    if (index === 0 && paged && (p.type === 'page' || p.type === 'index')) {
      const size = pageSizeOf(p);
      if (size !== undefined && items.length > size)
        findings.push({
          code: 'page-size-ignored',
          severity: 'warning',
          request,
          message: `The first page holds ${items.length} results, more than the page size ${size}: the API ignores "${p.pageSizeParam ?? '(no Page Size Param)'}", so ${p.type === 'index' ? 'offsets by the page size skip or repeat results' : 'the page ends are not where Rewst thinks'}.`,
          fix: p.pageSizeParam ? "Check the Page Size Param's name against the API's documentation." : 'Set "Page Size Param".',
        });
    }
    if (!paged) {
      stoppedBecause = 'not-paginated';
      break;
    }
    const next = nextPage(p, { index, url: page.url, body, headers, items: items.length, cursors }, first);
    if ('stop' in next) {
      stoppedBecause = next.stop;
      if (next.finding) findings.push({ ...next.finding, request });
      break;
    }
    if ('url' in next) {
      const target = new URL(next.url);
      if (target.origin !== new URL(base).origin) {
        findings.push({
          code: 'next-link-other-host',
          severity: 'error',
          request,
          message: `The next link goes to ${target.origin}, not the hostname ${settings.hostname}: not followed, it would carry the credentials there (Rewst sends its requests to the hostname).`,
        });
        stoppedBecause = 'refused';
        break;
      }
      url = target;
    } else {
      url = new URL(url);
      for (const [k, v] of Object.entries(next.query)) url.searchParams.set(k, v);
      if (p.type === 'pointer') cursors.push(Object.values(next.query)[0]);
    }
    label = next.label;
  }
  if (!paged && !marked && p.type && p.type !== 'none')
    findings.push({
      code: 'not-paginated-action',
      severity: 'info',
      message: `${input.operationId} is not in paginatedActions, so Rewst sends one request for it and does not page it.`,
      fix: `Add "${input.operationId}" to paginatedActions if it lists results page by page.`,
      edit: { key: 'paginatedActions', value: [...(settings.paginatedActions ?? []), input.operationId] },
    });

  const report: TryReport = { operationId: input.operationId, method, requests, totalItems, stoppedBecause, pageCap: cap, firstItems, findings, notes };
  return maskDeep(report, masker);

  /** One API request and its checks; a `stop` when paging cannot go on. */
  async function fetchPage(
    target: string,
    page: string | undefined,
  ): Promise<{ stop: StopReason; body?: undefined } | { stop?: undefined; body: unknown; headers: Headers; items: unknown[]; request: number; url: string }> {
    let authHeaders = await auth.headers();
    if (!authHeaders) return { stop: 'auth-failed' };
    let retried = false;
    for (;;) {
      const headers: Record<string, string> = { Accept: 'application/json', ...(settings.extraRequestHeaders ?? {}), ...authHeaders };
      const shown: SentRequest = { kind: 'api', method, url: masker.url(target), headers: masker.headers(headers), ...(page ? { page } : {}) };
      const request = record(shown);
      const r = await send({ method, url: target, headers }, limits);
      shown.ms = r.ms;
      shown.status = r.status;
      if (r.retriedAfter !== undefined)
        findings.push({
          code: 'rate-limited',
          severity: r.ok && r.status !== 429 ? 'info' : 'error',
          request,
          message:
            r.ok && r.status !== 429
              ? `The API answered 429 (too many requests); after its Retry-After of ${r.retriedAfter} s the request went through.`
              : `The API answered 429 (too many requests) again after its Retry-After of ${r.retriedAfter} s.`,
        });
      if (!r.ok) {
        shown.error = r.error;
        findings.push(
          r.tooLarge
            ? {
                code: 'response-too-large',
                severity: 'error',
                request,
                message: `${r.error[0].toUpperCase()}${r.error.slice(1)}.`,
                fix: 'Try with a smaller page size.',
              }
            : { code: r.status ? 'redirect-refused' : 'no-response', severity: 'error', request, message: `${shown.method} ${shown.url}: ${r.error}.` },
        );
        return { stop: r.status ? 'refused' : 'no-response' };
      }
      if (r.status === 401 && !retried && (await auth.afterUnauthorized())) {
        retried = true;
        authHeaders = (await auth.headers()) ?? authHeaders;
        continue;
      }
      const check = checkResults(r, paged ? p : undefined, shown, request, r.retriedAfter !== undefined);
      findings.push(...check.findings);
      if (check.stop) return { stop: check.stop };
      shown.items = check.items.length;
      return { body: check.body, headers: r.headers, items: check.items, request, url: r.url };
    }
  }
}
