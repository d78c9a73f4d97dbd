/**
 * Where the next page is, for each of Rewst's five pagination types, read
 * from the page just fetched. Page counts up from the first page; Index
 * offsets by the page size; Link follows the body key, the Link header's rel
 * or a named header; Pointer sends the value at the JSONPath as the after
 * parameter; None fetches one page.
 */
import type { PaginationSettings } from '../settings';
import { cursorPaths, firstAtJsonPath, keysOf, listKeys, valueAtKey } from './values';
import type { Finding, StopReason } from './types';

export interface PageState {
  /** 0 for the first request. */
  index: number;
  url: string;
  body: unknown;
  headers: Headers;
  items: number;
  /** Cursors sent so far (Pointer). */
  cursors: string[];
}

export type Next = { stop: StopReason; finding?: Omit<Finding, 'request'> } | { query: Record<string, string>; label: string } | { url: string; label: string };

export function pageSizeOf(p: PaginationSettings): number | undefined {
  return typeof p.defaultPageSize === 'number' && p.defaultPageSize > 0 ? p.defaultPageSize : undefined;
}

/** Query parameters of the first request: the page size, the first page or offset. */
export function firstQuery(p: PaginationSettings, firstPage: number): { query: Record<string, string>; label?: string } {
  const query: Record<string, string> = {};
  const size = pageSizeOf(p);
  if (p.pageSizeParam?.trim() && size !== undefined) query[p.pageSizeParam.trim()] = String(size);
  if (p.type === 'page' && p.pageParam?.trim()) {
    query[p.pageParam.trim()] = String(firstPage);
    return { query, label: `page ${firstPage}` };
  }
  if (p.type === 'index' && p.indexParam?.trim()) {
    query[p.indexParam.trim()] = '0';
    return { query, label: 'offset 0' };
  }
  return { query };
}

/** A short page (fewer results than the page size) or an empty one ends Page and Index paging. */
function shortPage(p: PaginationSettings, items: number): StopReason | undefined {
  if (items === 0) return 'empty-page';
  const size = pageSizeOf(p);
  return size !== undefined && items < size ? 'last-page' : undefined;
}

export function nextPage(p: PaginationSettings, s: PageState, firstPage: number): Next {
  switch (p.type) {
    case 'page': {
      const stop = shortPage(p, s.items);
      if (stop) return { stop };
      const n = firstPage + s.index + 1;
      return { query: { [p.pageParam!.trim()]: String(n) }, label: `page ${n}` };
    }
    case 'index': {
      const stop = shortPage(p, s.items);
      if (stop) return { stop };
      const offset = (s.index + 1) * (pageSizeOf(p) ?? s.items);
      return { query: { [p.indexParam!.trim()]: String(offset) }, label: `offset ${offset}` };
    }
    case 'link':
      return p.nextLinkLocation === 'header' ? linkFromHeader(p, s) : linkFromBody(p, s);
    case 'pointer':
      return pointer(p, s);
    default:
      return { stop: 'not-paginated' };
  }
}

function linkFromBody(p: PaginationSettings, s: PageState): Next {
  const key = p.nextPageKey?.trim() ?? '';
  const at = key ? valueAtKey(s.body, key) : { found: false as const };
  if (at.found && typeof at.value === 'string' && at.value.trim()) return { url: new URL(at.value.trim(), s.url).toString(), label: 'next link' };
  if (at.found || s.index > 0 || s.items === 0) return { stop: 'no-next-link' };
  const near = linkKeys(s.body);
  return {
    stop: 'no-next-link',
    finding: {
      code: 'next-link-key-missing',
      severity: 'warning',
      message: `The first page has no value at the Next Page Key "${key}", so Rewst stops after one page; the response has ${listKeys(keysOf(s.body))}.`,
      fix: near ? `Set "Next Page Key" to "${near}".` : 'Set "Next Page Key" to the key that holds the next page\'s link (a dotted path for a nested key).',
      edit: near ? { key: 'pagination.nextPageKey', value: near } : undefined,
    },
  };
}

/** A key (two levels) holding a URL-ish string under a name that says next. */
function linkKeys(body: unknown, prefix = '', depth = 2): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body) || depth === 0) return undefined;
  for (const [k, v] of Object.entries(body)) if (/next/i.test(k) && typeof v === 'string' && /^(https?:\/\/|\/|\?)/.test(v)) return prefix + k;
  for (const [k, v] of Object.entries(body)) {
    const found = linkKeys(v, `${prefix}${k}.`, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/** RFC 8288: `<https://…?page=2>; rel="next", <…>; rel="last"` → the target with the rel. */
export function linkWithRel(header: string, rel: string): string | undefined {
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(m[2]);
    const names = (rels?.[1] ?? rels?.[2] ?? '').toLowerCase().split(/\s+/);
    if (names.includes(rel.toLowerCase())) return m[1];
  }
  return undefined;
}

function linkFromHeader(p: PaginationSettings, s: PageState): Next {
  const name = p.responseHeaderName?.trim() || 'link';
  const rel = p.responseHeaderRel?.trim() || 'next';
  const value = s.headers.get(name);
  const target = value === null ? undefined : value.includes('<') ? linkWithRel(value, rel) : value.trim() || undefined;
  if (target) return { url: new URL(target, s.url).toString(), label: 'next link' };
  if (s.index > 0 || s.items === 0) return { stop: 'no-next-link' };
  const names: string[] = [];
  s.headers.forEach((_, h) => names.push(h));
  const other = value === null ? names.find((h) => /^link$|next/i.test(h)) : undefined;
  if (value === null && !other) return { stop: 'no-next-link' };
  return {
    stop: 'no-next-link',
    finding: {
      code: 'next-link-header-missing',
      severity: 'warning',
      message:
        value === null
          ? `The first page has no "${name}" header, so Rewst stops after one page; it has "${other}".`
          : `The "${name}" header has no link with rel="${rel}", so Rewst stops after one page: ${value.slice(0, 200)}`,
      fix: value === null ? `Set "Response Header Name" to "${other}".` : 'Set "Response Header Rel" to the rel of the next link.',
      edit: value === null ? { key: 'pagination.responseHeaderName', value: other } : undefined,
    },
  };
}

function pointer(p: PaginationSettings, s: PageState): Next {
  const path = p.pointerJsonPath?.trim() ?? '';
  const r = firstAtJsonPath(s.body, path);
  if (r.error)
    return {
      stop: 'no-cursor',
      finding: { code: 'pointer-jsonpath-invalid', severity: 'error', message: `The Pointer JSONPath "${path}" does not parse: ${r.error}.` },
    };
  if (!r.found) {
    if (s.index > 0 || s.items === 0) return { stop: 'no-cursor' };
    const near = cursorPaths(s.body)[0];
    return {
      stop: 'no-cursor',
      finding: {
        code: 'pointer-not-found',
        severity: 'warning',
        message: `The Pointer JSONPath "${path}" finds nothing in the first page, so Rewst stops after one page; the response has ${listKeys(keysOf(s.body))}.`,
        fix: near ? `Set "Pointer JSONPath" to "${near}".` : 'Set "Pointer JSONPath" to where the response gives the next cursor.',
        edit: near ? { key: 'pagination.pointerJsonPath', value: near } : undefined,
      },
    };
  }
  const v = r.value;
  if (v === null || v === undefined || v === '' || v === false) return { stop: 'no-cursor' };
  if (typeof v === 'object')
    return {
      stop: 'no-cursor',
      finding: {
        code: 'pointer-not-a-value',
        severity: 'error',
        message: `The Pointer JSONPath "${path}" finds ${Array.isArray(v) ? 'an array' : 'an object'}, not a cursor to send as "${p.afterParam}".`,
        fix: 'Point the JSONPath at the cursor value itself.',
      },
    };
  const cursor = String(v);
  if (s.cursors.includes(cursor))
    return {
      stop: 'repeated',
      finding: {
        code: 'pointer-repeated',
        severity: 'error',
        message: `The Pointer JSONPath "${path}" found the same cursor twice: the API does not move on with "${p.afterParam}" (it may take the cursor in another parameter), or the path finds a value that does not change.`,
        fix: "Check the After Param against the API's documentation, and that the JSONPath points at the next-page cursor.",
      },
    };
  return { query: { [p.afterParam!.trim()]: cursor }, label: `after ${cursor}` };
}
