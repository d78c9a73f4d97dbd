/**
 * Where a try may send a request, and how a request is shown. Rewst takes the
 * hostname bare (no scheme, no path; a port allowed) and calls it over
 * https; the one exception is a loopback host, called over plain http, which
 * is how the tests (and a local mock of the vendor) run.
 */
import { isLoopback } from '../net';
import { TryUsageError } from './types';

const HOSTNAME = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::(\d{1,5}))?$/;

export { isLoopback };

/** `api.vendor.com` → `https://api.vendor.com`; `127.0.0.1:8080` → `http://127.0.0.1:8080`. A scheme or a path is refused, as Rewst refuses it. */
export function baseUrlOf(hostname: string | undefined): string {
  const h = (hostname ?? '').trim();
  if (!h) throw new TryUsageError('the settings have no hostname: set "hostname" (e.g. api.vendor.com) before trying an action');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(h))
    throw new TryUsageError(`hostname "${h}" has a scheme: Rewst takes the hostname alone (e.g. ${h.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]})`);
  if (h.includes('/'))
    throw new TryUsageError(`hostname "${h}" has a path: Rewst takes the hostname alone (${h.split('/')[0]}) and calls the spec's paths on it`);
  const m = HOSTNAME.exec(h);
  if (!m || (m[2] !== undefined && Number(m[2]) > 65535)) throw new TryUsageError(`hostname "${h}" is not a host name (with an optional :port)`);
  return `${isLoopback(m[1]) ? 'http' : 'https'}://${h}`;
}

/** Why a URL may not be requested, or undefined when it may: https only, plain http to a loopback host. */
export function refusedUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a URL`;
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && isLoopback(u.hostname)) return undefined;
  return `${u.protocol}//${u.host} is refused: a try sends only https (plain http only to 127.0.0.1, localhost or [::1])`;
}

/** Query parameters whose values are masked whatever they hold. */
const SECRET_PARAMS = /^(access_?token|api_?key|apikey|key|token|client_?secret|password|secret|sig|signature|code|refresh_?token)$/i;

export const MASK = '****';

/** Hides every known secret in a text (a URL, a header value); longer secrets first, so a secret inside another is hidden too. */
export class Masker {
  private readonly secrets: string[] = [];
  /** Headers whose whole value is a secret (an API key's header), lower-cased: masked whatever their length. */
  private readonly secretHeaders = new Set(['authorization', 'proxy-authorization', 'cookie']);

  addHeader(name: string): void {
    this.secretHeaders.add(name.toLowerCase());
  }

  add(secret: string | undefined): void {
    if (!secret || secret.length < 3 || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    for (const form of [encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) if (!this.secrets.includes(form)) this.secrets.push(form);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  text(s: string): string {
    let out = s;
    for (const secret of this.secrets) out = out.split(secret).join(MASK);
    return out;
  }

  url(url: string): string {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return this.text(url);
    }
    if (u.username || u.password) {
      u.username = u.username ? MASK : '';
      u.password = u.password ? MASK : '';
    }
    for (const name of [...u.searchParams.keys()]) if (SECRET_PARAMS.test(name)) u.searchParams.set(name, MASK);
    return this.text(
      u
        .toString()
        .replace(/\*{4}/g, MASK)
        .replace(/%2A%2A%2A%2A/g, MASK),
    );
  }

  headers(h: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(h))
      out[name] = this.secretHeaders.has(name.toLowerCase()) ? maskAuthorization(this.text(value)) : this.text(value);
    return out;
  }
}

/** `Bearer abc` → `Bearer ****`: the scheme stays, for the reader to see what was sent. */
function maskAuthorization(value: string): string {
  const m = /^(\S+)\s+\S/.exec(value);
  return m ? `${m[1]} ${MASK}` : MASK;
}
