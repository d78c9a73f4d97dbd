/**
 * The credentials an API request carries, as the settings' auth says: an API
 * key header (with its preamble), Basic, or an OAuth 2.0 access token, got
 * from the token URL with client credentials (or the password grant), read at
 * the configured token and expiry keys (dotted paths), and refreshed with the
 * refresh-token key when it is about to expire (Rewst's refresh buffer) or
 * the API says 401. A token given in REWST_ACCESS_TOKEN is used as is.
 */
import { AUTH_LABELS, grantTypeOf, OAUTH_METHODS, type AuthSettings, type OAuthSettings } from '../settings';
import { CREDENTIAL_ENV, credentialsNeeded } from './credentials';
import { send, type HttpLimits } from './http';
import type { Masker } from './safety';
import { keysOf, listKeys, valueAtKey } from './values';
import { TryUsageError, type Credentials, type Finding, type SentRequest } from './types';

/** Rewst's smallest refresh buffer, used when the settings name none. */
const DEFAULT_REFRESH_BUFFER = 30;

interface Token {
  value: string;
  refresh?: string;
  /** Epoch ms after which it is refreshed (expiry less the buffer); undefined when it does not say. */
  refreshAt?: number;
}

export interface AuthContext {
  limits: HttpLimits;
  masker: Masker;
  now: () => number;
  /** Token requests are recorded here, masked, beside the API requests. */
  record(r: SentRequest): number;
  finding(f: Finding): void;
}

export class Authenticator {
  private token: Token | undefined;
  private readonly oauth: OAuthSettings;
  private readonly isOAuth: boolean;

  constructor(
    private readonly auth: AuthSettings | undefined,
    private readonly creds: Credentials,
    private readonly ctx: AuthContext,
  ) {
    this.oauth = auth?.oauth ?? {};
    this.isOAuth = OAUTH_METHODS.has(auth?.method ?? 'none');
    for (const s of [creds.apiKey, creds.password, creds.clientSecret, creds.accessToken]) ctx.masker.add(s);
    if (creds.username && creds.password) ctx.masker.add(`${creds.username}:${creds.password}`);
    if (creds.clientId && creds.clientSecret) ctx.masker.add(`${creds.clientId}:${creds.clientSecret}`);
    this.checkCredentials();
    if (auth?.method === 'api-key') ctx.masker.addHeader(auth.apiKeyHeaderName!.trim());
  }

  /** What the auth method lacks (credentials, or a setting it cannot work without): refused before anything is sent. */
  private checkCredentials(): void {
    const method = this.auth?.method ?? 'none';
    if (this.isOAuth && !this.creds.accessToken) {
      const grant = grantTypeOf(this.auth);
      if (grant === 'authorization_code' || grant === undefined)
        throw new TryUsageError(
          `${grant === undefined ? 'OAuth 2.0 without a grant type' : 'the authorization code grant'} cannot be run from here: get a token in the vendor's console (or a browser) and give it as the access token (${CREDENTIAL_ENV.accessToken})`,
        );
      if (!this.oauth.accessTokenUrl?.trim()) throw new TryUsageError('OAuth 2.0 needs "OAuth Access Token URL" (auth.oauth.accessTokenUrl) in the settings');
    }
    // A token given is used as is: nothing else is needed for OAuth then.
    const needed = this.isOAuth && this.creds.accessToken ? [] : credentialsNeeded(this.auth);
    // An empty password is a password; an empty key, ID or secret is none.
    const missing = needed.filter((n) => (n.field === 'password' ? this.creds.password === undefined : !this.creds[n.field]));
    if (missing.length)
      throw new TryUsageError(
        `the auth method ${AUTH_LABELS[method]} needs: ${missing.map((n) => n.label).join(', ')} (for the CLI: ${missing.map((n) => CREDENTIAL_ENV[n.field]).join(' and ')} in the environment)`,
      );
    if (method === 'api-key' && !this.auth?.apiKeyHeaderName?.trim())
      throw new TryUsageError('API Key auth needs "API Key Header Name" (auth.apiKeyHeaderName) in the settings');
  }

  /** Headers for the next API request; undefined when no token could be got (a finding says why). */
  async headers(): Promise<Record<string, string> | undefined> {
    const method = this.auth?.method ?? 'none';
    if (method === 'api-key') {
      const preamble = this.auth?.apiKeyPreamble?.trim();
      return { [this.auth!.apiKeyHeaderName!.trim()]: preamble ? `${preamble} ${this.creds.apiKey}` : this.creds.apiKey! };
    }
    if (method === 'basic') return { Authorization: `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')}` };
    if (!this.isOAuth) return {};
    if (!this.token && this.creds.accessToken) this.token = { value: this.creds.accessToken };
    if (!this.token) this.token = await this.request('token');
    else if (this.token.refreshAt !== undefined && this.ctx.now() >= this.token.refreshAt) this.token = await this.renew();
    return this.token && { Authorization: `${this.oauth.accessTokenScheme?.trim() || 'Bearer'} ${this.token.value}` };
  }

  /** After a 401 with a token: a new one, once. True when there is one to retry with. */
  async afterUnauthorized(): Promise<boolean> {
    if (!this.isOAuth || !this.token) return false;
    if (!this.token.refresh && this.creds.accessToken && !this.creds.clientId) return false;
    this.token = await this.renew();
    return this.token !== undefined;
  }

  private renew(): Promise<Token | undefined> {
    return this.token?.refresh ? this.request('refresh') : this.creds.clientId ? this.request('token') : Promise.resolve(undefined);
  }

  private async request(kind: 'token' | 'refresh'): Promise<Token | undefined> {
    const o = this.oauth;
    const url = o.accessTokenUrl!.trim();
    const fields: Record<string, string> = {};
    const headers: Record<string, string> = { Accept: 'application/json' };
    const basic = o.tokenExchangeBasicAuth === true;
    const withClient = kind === 'token' || o.includeClientConfigOnRefresh === true;
    if (kind === 'refresh') {
      fields.grant_type = 'refresh_token';
      fields.refresh_token = this.token!.refresh!;
    } else {
      const grant = grantTypeOf(this.auth) === 'password' ? 'password' : 'client_credentials';
      fields.grant_type = grant;
      if (grant === 'password') Object.assign(fields, { username: this.creds.username!, password: this.creds.password! });
    }
    if (withClient && o.scope?.trim()) fields.scope = o.scope.trim();
    if (basic) headers.Authorization = `Basic ${Buffer.from(`${this.creds.clientId}:${this.creds.clientSecret}`).toString('base64')}`;
    else if (withClient) Object.assign(fields, { client_id: this.creds.clientId!, client_secret: this.creds.clientSecret! });
    const json = o.tokenRequestContentType === 'application/json';
    const method = o.tokenRequestMethod === 'GET' ? 'GET' : 'POST';
    let target = url;
    let body: string | undefined;
    if (method === 'GET') {
      const u = new URL(url);
      for (const [k, v] of Object.entries(fields)) u.searchParams.set(k, v);
      target = u.toString();
    } else {
      headers['Content-Type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
      body = json ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
    }
    const shown: SentRequest = { kind, method, url: this.ctx.masker.url(target), headers: this.ctx.masker.headers(headers) };
    const index = this.ctx.record(shown);
    const r = await send({ method, url: target, headers, body }, this.ctx.limits);
    shown.ms = r.ms;
    if (!r.ok) {
      shown.status = r.status;
      shown.error = r.error;
      this.ctx.finding({ code: 'token-request-failed', severity: 'error', request: index, message: `The token request to ${shown.url} failed: ${r.error}.` });
      return undefined;
    }
    shown.status = r.status;
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.text);
    } catch {
      parsed = undefined;
    }
    if (r.status < 200 || r.status >= 300) {
      const why = parsed && typeof parsed === 'object' ? errorText(parsed) : '';
      this.ctx.finding({
        code: 'token-request-failed',
        severity: 'error',
        request: index,
        message: `The token URL answered ${r.status}${why ? ` (${why})` : ''}. Sent: ${method} with ${basic ? 'the client id and secret as Basic auth headers' : 'the client id and secret in the body'}, ${method === 'GET' ? 'fields in the query' : headers['Content-Type']}${fields.scope ? `, scope "${fields.scope}"` : ''}.`,
        fix: basic
          ? 'If the vendor wants the client id and secret in the body, uncheck "OAuth Token Exchange Requires Basic Auth Headers".'
          : 'If the vendor wants the client id and secret as Basic auth headers, check "OAuth Token Exchange Requires Basic Auth Headers".',
        edit: r.status === 401 ? { key: 'auth.oauth.tokenExchangeBasicAuth', value: !basic } : undefined,
      });
      return undefined;
    }
    if (parsed === undefined) {
      this.ctx.finding({
        code: 'token-not-json',
        severity: 'error',
        request: index,
        message: `The token response is not JSON (${r.headers.get('content-type') ?? 'no content type'}).`,
      });
      return undefined;
    }
    const tokenKey = o.tokenKey?.trim() || 'access_token';
    const at = valueAtKey(parsed, tokenKey);
    const value = at.found && (typeof at.value === 'string' || typeof at.value === 'number') ? String(at.value) : undefined;
    if (!value) {
      const guess = tokenKeyIn(parsed);
      this.ctx.finding({
        code: 'token-key-missing',
        severity: 'error',
        request: index,
        message: `The token response has no value at the token key "${tokenKey}"; it has ${listKeys(keysOf(parsed))}.`,
        fix: guess ? `Set "OAuth Token Key" to "${guess}".` : 'Set "OAuth Token Key" to the key the token is returned as.',
        edit: guess ? { key: 'auth.oauth.tokenKey', value: guess } : undefined,
      });
      return undefined;
    }
    this.ctx.masker.add(value);
    const refreshAt = valueAtKey(parsed, o.refreshTokenKey?.trim() || 'refresh_token');
    const refresh = refreshAt.found && typeof refreshAt.value === 'string' && refreshAt.value ? refreshAt.value : undefined;
    this.ctx.masker.add(refresh);
    return { value, refresh: refresh ?? (kind === 'refresh' ? this.token?.refresh : undefined), refreshAt: this.refreshTime(parsed) };
  }

  private refreshTime(parsed: unknown): number | undefined {
    const o = this.oauth;
    const now = this.ctx.now();
    if (o.refreshStrategy === 'custom-interval' && typeof o.customRefreshInterval === 'number') return now + o.customRefreshInterval * 1000;
    const exp = valueAtKey(parsed, o.tokenExpirationKey?.trim() || 'expires_in');
    if (!exp.found) return undefined;
    const buffer = (typeof o.refreshBuffer === 'number' ? o.refreshBuffer : DEFAULT_REFRESH_BUFFER) * 1000;
    const n = typeof exp.value === 'number' ? exp.value : typeof exp.value === 'string' && /^\d+$/.test(exp.value) ? Number(exp.value) : undefined;
    // Seconds from now, or (a large number, or a date) a moment in time.
    const expiresAt = n !== undefined ? (n > 1e9 ? (n > 1e12 ? n : n * 1000) : now + n * 1000) : typeof exp.value === 'string' ? Date.parse(exp.value) : NaN;
    return Number.isNaN(expiresAt) ? undefined : expiresAt - buffer;
  }
}

/** A key in a token response that holds a token, for the fix: the usual names, at the top or one level down. */
function tokenKeyIn(parsed: unknown): string | undefined {
  const names = /^(access_?token|accesstoken|token|id_?token|bearer_?token|jwt)$/i;
  const walk = (v: unknown, prefix: string, depth: number): string | undefined => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || depth > 2) return undefined;
    for (const [k, x] of Object.entries(v)) if (names.test(k) && typeof x === 'string' && x) return prefix + k;
    for (const [k, x] of Object.entries(v)) {
      const found = walk(x, `${prefix}${k}.`, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(parsed, '', 0);
}

/** The vendor's own words from an OAuth error body (error, error_description, message). */
function errorText(parsed: object): string {
  const o = parsed as Record<string, unknown>;
  return ['error', 'error_description', 'message']
    .map((k) => o[k])
    .filter((v): v is string => typeof v === 'string')
    .join(': ')
    .slice(0, 200);
}
