/**
 * One request as a try sends it: Node's fetch with a timeout, the body read
 * up to a size limit, redirects followed only on the same origin (a redirect
 * elsewhere would carry the credentials there), TLS verified (fetch's
 * default, never turned off). A 429 is retried once after its Retry-After.
 */
import { refusedUrl } from './safety';
import type { FetchFn } from './types';
import { readCapped } from '../net';

export interface HttpLimits {
  fetch: FetchFn;
  timeoutMs: number;
  maxResponseBytes: number;
  maxRetryAfterSeconds: number;
  sleep: (ms: number) => Promise<void>;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type HttpResult =
  | {
      ok: true;
      status: number;
      headers: Headers;
      text: string;
      /** The URL answered (after same-origin redirects). */
      url: string;
      ms: number;
      /** Seconds waited after a 429 before the answer given here. */
      retriedAfter?: number;
    }
  | { ok: false; error: string; tooLarge?: boolean; status?: number; ms: number; retriedAfter?: number };

const MAX_REDIRECTS = 5;

export async function send(req: HttpRequest, limits: HttpLimits): Promise<HttpResult> {
  const first = await sendOnce(req, limits);
  if (!first.ok || first.status !== 429) return first;
  const wait = retryAfterSeconds(first.headers.get('retry-after'));
  if (wait === undefined || wait > limits.maxRetryAfterSeconds) return first;
  await limits.sleep(wait * 1000);
  const again = await sendOnce(req, limits);
  return { ...again, retriedAfter: wait };
}

/** Retry-After as seconds (a number, or an HTTP date from now). */
export function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function sendOnce(req: HttpRequest, limits: HttpLimits): Promise<HttpResult> {
  const started = Date.now();
  const ms = () => Date.now() - started;
  let url = req.url;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const refused = refusedUrl(url);
      if (refused) return { ok: false, error: refused, ms: ms() };
      const res = await limits.fetch(url, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual', signal });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        const next = new URL(location, url);
        if (next.origin !== new URL(url).origin)
          return {
            ok: false,
            status: res.status,
            error: `redirected to ${next.origin}, another host: not followed, the request carries credentials`,
            ms: ms(),
          };
        if (hop >= MAX_REDIRECTS) return { ok: false, status: res.status, error: `more than ${MAX_REDIRECTS} redirects`, ms: ms() };
        url = next.toString();
        continue;
      }
      const body = await readCapped(res, limits.maxResponseBytes);
      if (body === undefined)
        return {
          ok: false,
          tooLarge: true,
          status: res.status,
          error: `the response is larger than ${formatBytes(limits.maxResponseBytes)}, the most a try reads`,
          ms: ms(),
        };
      return { ok: true, status: res.status, headers: res.headers, text: body, url, ms: ms() };
    }
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why =
      err.name === 'TimeoutError' || err.name === 'AbortError'
        ? `no answer within ${limits.timeoutMs / 1000} s`
        : (err.cause?.code ?? err.cause?.message ?? err.message);
    return { ok: false, error: why, ms: ms() };
  }
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
