/**
 * What one API response says about the settings: an error status (401/403
 * with what was sent, 429), an HTML page or other text where JSON was
 * expected, and the results at the Results Key, or which keys and arrays the
 * response has instead. And what a page that repeats the one before means.
 */
import type { OperationModel, PaginationSettings } from '../settings';
import type { HttpResult } from './http';
import { arraysIn, keysOf, likelyResults, listKeys, valueAtKey } from './values';
import type { Finding, SentRequest, StopReason } from './types';

type Answer = Extract<HttpResult, { ok: true }>;

export interface Checked {
  findings: Finding[];
  stop?: StopReason;
  body?: unknown;
  items: unknown[];
}

function sentHeaders(shown: SentRequest): string {
  const list = Object.entries(shown.headers).filter(([k]) => k.toLowerCase() !== 'accept');
  return list.length ? list.map(([k, v]) => `${k}: ${v}`).join('; ') : 'no auth headers';
}

/** The vendor's short error text (JSON `message`/`error`/`detail`, else the first line of text). */
function vendorSays(text: string): string {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    for (const k of ['message', 'error_description', 'error', 'detail', 'title']) if (typeof v?.[k] === 'string') return (v[k] as string).slice(0, 160);
  } catch {
    /* not JSON */
  }
  return /</.test(text.slice(0, 200)) ? '' : text.trim().split('\n')[0].slice(0, 160);
}

export function checkResults(r: Answer, p: PaginationSettings | undefined, shown: SentRequest, request: number, retried: boolean): Checked {
  const type = r.headers.get('content-type') ?? '';
  const said = vendorSays(r.text);
  if (r.status === 401 || r.status === 403)
    return {
      items: [],
      stop: 'http-error',
      findings: [
        {
          code: r.status === 401 ? 'unauthorized' : 'forbidden',
          severity: 'error',
          request,
          message: `${r.status} ${r.status === 401 ? 'Unauthorized' : 'Forbidden'}${said ? ` ("${said}")` : ''}. Sent: ${sentHeaders(shown)}.`,
          fix:
            r.status === 401
              ? 'Check the auth settings (header name, preamble, token scheme) and the credentials in the environment.'
              : "The credentials were taken but lack access: check the scope or the account's permissions.",
        },
      ],
    };
  if (r.status === 429)
    return {
      items: [],
      stop: 'http-error',
      findings: retried
        ? []
        : [
            {
              code: 'rate-limited',
              severity: 'error',
              request,
              message: `429 Too Many Requests, ${r.headers.get('retry-after') ? `with a Retry-After of ${r.headers.get('retry-after')} (longer than a try waits)` : 'without a Retry-After to wait for'}.`,
            },
          ],
    };
  if (/html/i.test(type) || /^\s*<(!doctype|html)/i.test(r.text))
    return {
      items: [],
      stop: r.status >= 400 ? 'http-error' : 'not-json',
      findings: [
        {
          code: 'html-response',
          severity: 'error',
          request,
          message: `${r.status}: an HTML page came back instead of JSON${/<title>([^<]{1,100})<\/title>/i.exec(r.text)?.[1] ? ` ("${/<title>([^<]{1,100})<\/title>/i.exec(r.text)![1].trim()}")` : ''}: often a login page, a proxy's error page or a path the API does not serve (the hostname takes no base path).`,
          fix: "Check the hostname and that the spec's paths start where the API's do.",
        },
      ],
    };
  if (r.status < 200 || r.status >= 300)
    return {
      items: [],
      stop: 'http-error',
      findings: [{ code: 'http-error', severity: 'error', request, message: `${r.status}${said ? ` ("${said}")` : ''}.` }],
    };
  let body: unknown;
  try {
    body = r.text.trim() === '' ? null : JSON.parse(r.text);
  } catch {
    return {
      items: [],
      stop: 'not-json',
      findings: [{ code: 'not-json', severity: 'error', request, message: `The response is not JSON (${type || 'no content type'}).` }],
    };
  }
  if (!p) return { findings: [], body, items: Array.isArray(body) ? body : body === null ? [] : [body] };
  const key = p.resultsKey?.trim() ?? '';
  const at = valueAtKey(body, key);
  if (at.found && Array.isArray(at.value)) return { findings: [], body, items: at.value };
  const guess = likelyResults(body);
  const arrays = arraysIn(body).map((a) => `${a.key === '' ? 'the response itself' : `"${a.key}"`} (${a.length} item${a.length === 1 ? '' : 's'})`);
  const where = key === '' ? 'The response itself' : `The Results Key "${key}"`;
  return {
    body,
    items: [],
    stop: 'no-results',
    findings: [
      {
        code: at.found ? 'results-not-array' : 'results-key-missing',
        severity: 'error',
        request,
        message: `${where} ${at.found ? `is ${at.value === null ? 'null' : typeof at.value}, not an array` : 'is not in the response'}; the response has ${Array.isArray(body) ? 'an array at the top' : `the keys ${listKeys(keysOf(body))}`}; ${arrays.length ? `its arrays: ${arrays.slice(0, 5).join(', ')}` : 'it holds no array'}.`,
        fix:
          guess !== undefined
            ? guess === ''
              ? 'Leave "Results Key" empty: the response itself is the array.'
              : `Set "Results Key" to "${guess}".`
            : undefined,
        edit: guess !== undefined ? { key: 'pagination.resultsKey', value: guess } : undefined,
      },
    ],
  };
}

/** Page 2 repeats page 1: the API ignores the page or offset parameter, or counts pages from 1 when the try started at 0. */
export function repeatFinding(p: PaginationSettings, index: number, first: number, op: OperationModel): Omit<Finding, 'request'> {
  const pageWords = p.type === 'index' ? `offset ${index * (p.defaultPageSize ?? 0)}` : p.type === 'page' ? `page ${first + index}` : `request ${index + 1}`;
  const before = p.type === 'index' ? `offset ${(index - 1) * (p.defaultPageSize ?? 0)}` : p.type === 'page' ? `page ${first + index - 1}` : `request ${index}`;
  if (p.type === 'page' && first === 0 && index === 1)
    return {
      code: 'page-counts-from-1',
      severity: 'error',
      message: `Page 1 returned the same results as page 0: the API counts pages from 1 (it reads 0 as 1), so counting from 0 fetches the first page twice.`,
      fix: "Count pages from 1: the spec's minimum or default of 0 for the page parameter is wrong for this API (try again with first page 1).",
    };
  const param = p.type === 'index' ? p.indexParam : p.type === 'page' ? p.pageParam : undefined;
  const alternative =
    param &&
    [...op.query.keys()].find(
      (q) =>
        q !== param &&
        q !== p.pageSizeParam &&
        (p.type === 'page' ? /page(?!_?size|_?limit)/i.test(q) && !/size|limit/i.test(q) : /^(offset|start|skip|from|start_?index)$/i.test(q)),
    );
  const key = p.type === 'index' ? 'pagination.indexParam' : 'pagination.pageParam';
  return {
    code: p.type === 'index' ? 'index-param-ignored' : p.type === 'page' ? 'page-param-ignored' : 'page-repeated',
    severity: 'error',
    message: `${pageWords[0].toUpperCase()}${pageWords.slice(1)} returned the same results as ${before}: ${param ? `the API ignores "${param}"` : 'the API does not move on to the next page'}, so Rewst would fetch the same page again and again.`,
    fix: alternative
      ? `Set "${p.type === 'index' ? 'Index Param' : 'Page Param'}" to "${alternative}" (a parameter of this operation).`
      : param
        ? `Check "${param}" against the API's documentation.`
        : undefined,
    edit: alternative ? { key, value: alternative } : undefined,
  };
}
