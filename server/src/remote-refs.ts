/**
 * The one way we fetch a document a `$ref` names by URL (opt-in: the CLI's
 * `--fetch-refs`, the setting `rewstOpenapi.fetchRemoteRefs`), with Node's
 * built-in fetch:
 * - `https:` only; plain `http:` only to a loopback host (127.0.0.0/8,
 *   localhost, [::1]), for tests; a URL with a user name or password is refused;
 * - each redirect is followed by hand and checked by the same rules;
 * - no credentials, cookies or headers of ours beyond `Accept`;
 * - a size limit (read as it streams) and a time limit per document, and a
 *   limit on the documents per session;
 * - one cache per session (a CLI run, a language server's life): a URL is
 *   fetched once, its failure remembered too.
 * `confirm` is asked before the first fetch from each host (the editor lists the
 * hosts and asks the user); a host refused is not asked about again this session.
 */
import type { FetchDocuments, FetchResult } from './engine/bundle';
import { isLoopback, readCapped } from './engine/net';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Documents fetched per session, all hosts together. */
  maxDocuments: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5, maxDocuments: 200 };

/** Hosts to fetch from, with the URLs of each: resolves to the hosts the user allows. */
export type ConfirmHosts = (hosts: Map<string, string[]>) => Promise<ReadonlySet<string>>;

/** Why a URL is never fetched, or undefined when it may be. */
export function refusedUrl(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'it is not a valid URL';
  }
  if (url.username || url.password) return 'it carries a user name or password, and credentials are never sent';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') return isLoopback(url.hostname) ? undefined : 'plain http is fetched only from this machine (127.0.0.1, localhost): use https';
  return `${url.protocol} URLs are never fetched`;
}

export function hostOf(href: string): string {
  try {
    return new URL(href).host;
  } catch {
    return href;
  }
}

export class RemoteDocuments {
  private readonly cache = new Map<string, Promise<FetchResult>>();
  private readonly allowed = new Set<string>();
  private readonly refused = new Set<string>();
  private started = 0;

  constructor(
    private readonly limits: FetchLimits = DEFAULT_FETCH_LIMITS,
    private readonly confirm?: ConfirmHosts,
  ) {}

  /** The bundler's fetch (engine/bundle/remote.ts): every URL answered, from the cache or the network. */
  readonly fetch: FetchDocuments = async (urls) => {
    const out = new Map<string, FetchResult>();
    const ask = new Map<string, string[]>();
    for (const url of urls) {
      const host = hostOf(url);
      if (!this.cache.has(url) && !refusedUrl(url) && !this.allowed.has(host) && !this.refused.has(host)) ask.set(host, [...(ask.get(host) ?? []), url]);
    }
    if (ask.size) {
      const yes = this.confirm ? await this.confirm(ask) : new Set(ask.keys());
      for (const host of ask.keys()) (yes.has(host) ? this.allowed : this.refused).add(host);
    }
    // A few at a time: a spec naming hundreds of URLs does not open hundreds of connections at once.
    const queue = [...urls];
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) out.set(url, await this.one(url));
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return out;
  };

  private one(url: string): Promise<FetchResult> {
    let hit = this.cache.get(url);
    if (hit) return hit;
    const refused = refusedUrl(url);
    if (refused) hit = Promise.resolve({ error: `not fetched: ${refused}` });
    else if (this.refused.has(hostOf(url))) hit = Promise.resolve({ error: `not fetched: fetching from ${hostOf(url)} was not allowed` });
    else if (++this.started > this.limits.maxDocuments)
      hit = Promise.resolve({ error: `not fetched: more than ${this.limits.maxDocuments} documents were fetched in this session` });
    else hit = fetchDocument(url, this.limits, (next) => this.hostRefusal(next));
    this.cache.set(url, hit);
    return hit;
  }

  /** A redirect to another host needs that host allowed too (a redirect cannot ask: it is refused unless allowed). */
  private hostRefusal(url: string): string | undefined {
    if (!this.confirm) return undefined;
    const host = hostOf(url);
    return this.allowed.has(host) ? undefined : `it redirects to ${host}, a host not confirmed for fetching`;
  }
}

/** One document, redirects followed by hand and each checked; never throws. */
export async function fetchDocument(href: string, limits: FetchLimits, hostRefusal?: (url: string) => string | undefined): Promise<FetchResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = href;
  try {
    for (let hop = 0; ; hop++) {
      const refused = refusedUrl(url) ?? (hop ? hostRefusal?.(url) : undefined);
      if (refused) return { error: `not fetched: ${hop ? `redirected to ${url}, and ` : ''}${refused}` };
      const res = await fetch(url, {
        redirect: 'manual',
        credentials: 'omit',
        headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
        signal,
      });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (hop >= limits.maxRedirects) return { error: `not fetched: more than ${limits.maxRedirects} redirects` };
        url = new URL(res.headers.get('location')!, url).href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { error: `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
      }
      return await readLimited(res, limits.maxBytes);
    }
  } catch (e) {
    if (signal.aborted)
      return {
        error: `not fetched: no complete answer within ${limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} s` : `${limits.timeoutMs} ms`}`,
      };
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return { error: `not fetched: ${cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e))}` };
  }
}

async function readLimited(res: Response, maxBytes: number): Promise<FetchResult> {
  const text = await readCapped(res, maxBytes);
  if (text !== undefined) return { text };
  return { error: `not fetched: larger than ${maxBytes >= 1 << 20 ? `${Math.round(maxBytes / (1 << 20))} MB` : `${Math.round(maxBytes / 1024)} KB`}` };
}
