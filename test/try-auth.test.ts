/** Try an action: each auth method against a real local vendor server (engine/try). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IntegrationSettings } from '../server/src/engine/settings';
import { tryAction, type Credentials, type TryReport } from '../server/src/engine/try';
import { items, json, listSpec, startVendor, type Vendor, type VendorRequest } from './support/vendor';

const KEY = 'k3y-abcdef-123456';
const PASSWORD = 'pw-hunter2-zz';
const CLIENT_SECRET = 'cs-0a1b2c3d4e';
const TOKEN = 'tok-aaaa-1111';

let vendor: Vendor;
before(async () => (vendor = await startVendor()));
after(() => vendor.close());

function settings(auth: IntegrationSettings['auth']): IntegrationSettings {
  return { hostname: vendor.host, auth, pagination: { type: 'none' } };
}

async function run(auth: IntegrationSettings['auth'], credentials: Credentials, extra: Partial<Parameters<typeof tryAction>[0]> = {}): Promise<TryReport> {
  vendor.requests.length = 0;
  return tryAction({ settings: settings(auth), spec: listSpec(), operationId: 'listItems', credentials, ...extra });
}

/** No secret anywhere in the report, in any form it could be sent in. */
function assertNoSecrets(report: TryReport, ...secrets: string[]): void {
  const text = JSON.stringify(report);
  for (const s of secrets) {
    assert.ok(!text.includes(s), 'a secret appears in the report');
    assert.ok(!text.includes(Buffer.from(s).toString('base64')), 'a secret appears base64-encoded in the report');
  }
}

/** The API: items for a request whose header `name` is `value`, else 401. */
function apiWants(name: string, value: string, token?: (r: VendorRequest) => boolean) {
  return (r: VendorRequest, res: Parameters<Vendor['handle']>[1]) => {
    if (r.url.pathname === '/items') return r.headers[name] === value || token?.(r) ? json(res, 200, items(2)) : json(res, 401, { message: 'bad credentials' });
    json(res, 404, {});
  };
}

function form(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

describe('try: auth', () => {
  it('API key without a preamble: the key alone in the named header', async () => {
    vendor.handle = apiWants('x-api-key', KEY);
    const r = await run({ method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, { apiKey: KEY });
    assert.equal(r.requests[0].status, 200);
    assert.equal(r.totalItems, 2);
    assert.deepEqual(r.findings, []);
    assert.equal(vendor.requests[0].headers['x-api-key'], KEY);
    assert.equal(r.requests[0].headers['X-API-Key'], '****');
    assertNoSecrets(r, KEY);
  });

  it('a key too short to be searched for in text is still masked in its header', async () => {
    vendor.handle = apiWants('x-api-key', 'k9');
    const r = await run({ method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, { apiKey: 'k9' });
    assert.equal(r.requests[0].status, 200);
    assert.ok(r.requests[0].headers['X-API-Key'] === '****', 'the short key is masked in its header');
  });

  it('API key with a preamble: "Bearer KEY"', async () => {
    vendor.handle = apiWants('authorization', `Bearer ${KEY}`);
    const r = await run({ method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' }, { apiKey: KEY });
    assert.equal(r.requests[0].status, 200);
    assert.equal(r.requests[0].headers.Authorization, 'Bearer ****');
    assertNoSecrets(r, KEY);
  });

  it('a wrong preamble: 401, with what was sent, masked', async () => {
    vendor.handle = apiWants('authorization', `Token ${KEY}`);
    const r = await run({ method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' }, { apiKey: KEY });
    const f = r.findings.find((x) => x.code === 'unauthorized');
    assert.ok(f, 'an unauthorized finding');
    assert.match(f.message, /Sent: Authorization: Bearer \*\*\*\*/);
    assert.match(f.message, /bad credentials/);
    assert.equal(r.stoppedBecause, 'http-error');
    assertNoSecrets(r, KEY);
  });

  it('Basic: username and password', async () => {
    vendor.handle = apiWants('authorization', `Basic ${Buffer.from(`ann:${PASSWORD}`).toString('base64')}`);
    const r = await run({ method: 'basic' }, { username: 'ann', password: PASSWORD });
    assert.equal(r.requests[0].status, 200);
    assert.equal(r.requests[0].headers.Authorization, 'Basic ****');
    assertNoSecrets(r, PASSWORD, `ann:${PASSWORD}`);
  });

  it('missing credentials are refused before anything is sent', async () => {
    vendor.handle = apiWants('x-api-key', KEY);
    await assert.rejects(run({ method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, {}), /REWST_API_KEY/);
    await assert.rejects(run({ method: 'basic' }, { username: 'ann' }), /REWST_PASSWORD/);
    await assert.rejects(
      run({ method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token` } }, { clientId: 'id' }),
      /REWST_CLIENT_SECRET/,
    );
    await assert.rejects(
      run({ method: 'oauth2-authorization-code', oauth: { accessTokenUrl: `${vendor.base}/oauth/token` } }, { clientId: 'id', clientSecret: CLIENT_SECRET }),
      /REWST_ACCESS_TOKEN/,
    );
    assert.equal(vendor.requests.length, 0);
  });
});

/** A token endpoint at /oauth/token (checked by `accept`), and /items taking `Bearer <token>`. */
function oauthVendor(
  accept: (r: VendorRequest) => boolean,
  tokenBody: (r: VendorRequest) => unknown = () => ({ access_token: TOKEN, expires_in: 3600 }),
  token = TOKEN,
) {
  return (r: VendorRequest, res: Parameters<Vendor['handle']>[1]) => {
    if (r.url.pathname === '/oauth/token') return accept(r) ? json(res, 200, tokenBody(r)) : json(res, 401, { error: 'invalid_client' });
    if (r.url.pathname === '/items') return r.headers.authorization === `Bearer ${token}` ? json(res, 200, items(2)) : json(res, 401, { message: 'bad token' });
    json(res, 404, {});
  };
}

const CC = { clientId: 'client-1', clientSecret: CLIENT_SECRET };

describe('try: OAuth 2.0 client credentials', () => {
  it('form body: grant type, client id and secret, scope', async () => {
    vendor.handle = oauthVendor((r) => {
      const f = form(r.body);
      return (
        r.headers['content-type'] === 'application/x-www-form-urlencoded' &&
        f.grant_type === 'client_credentials' &&
        f.client_id === 'client-1' &&
        f.client_secret === CLIENT_SECRET &&
        f.scope === 'read'
      );
    });
    const r = await run({ method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token`, scope: 'read' } }, CC);
    assert.deepEqual(
      r.requests.map((q) => [q.kind, q.status]),
      [
        ['token', 200],
        ['api', 200],
      ],
    );
    assert.equal(r.requests[1].headers.Authorization, 'Bearer ****');
    assert.deepEqual(r.findings, []);
    assertNoSecrets(r, CLIENT_SECRET, TOKEN);
  });

  it('JSON body', async () => {
    vendor.handle = oauthVendor((r) => {
      if (r.headers['content-type'] !== 'application/json') return false;
      const b = JSON.parse(r.body) as Record<string, string>;
      return b.grant_type === 'client_credentials' && b.client_secret === CLIENT_SECRET;
    });
    const r = await run(
      { method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token`, tokenRequestContentType: 'application/json' } },
      CC,
    );
    assert.equal(r.requests[1]?.status, 200, JSON.stringify(r.findings));
    assertNoSecrets(r, CLIENT_SECRET, TOKEN);
  });

  it('Basic-auth token exchange: id and secret in the Authorization header, not the body', async () => {
    const basic = `Basic ${Buffer.from(`client-1:${CLIENT_SECRET}`).toString('base64')}`;
    vendor.handle = oauthVendor((r) => r.headers.authorization === basic && !r.body.includes(CLIENT_SECRET));
    const r = await run({ method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token`, tokenExchangeBasicAuth: true } }, CC);
    assert.equal(r.requests[1]?.status, 200, JSON.stringify(r.findings));
    assert.equal(r.requests[0].headers.Authorization, 'Basic ****');
    assertNoSecrets(r, CLIENT_SECRET, `client-1:${CLIENT_SECRET}`, TOKEN);
  });

  it('the secret in the body where the vendor wants Basic: a finding proposes the Basic auth headers', async () => {
    vendor.handle = oauthVendor((r) => r.headers.authorization?.startsWith('Basic ') === true);
    const r = await run({ method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token` } }, CC);
    const f = r.findings.find((x) => x.code === 'token-request-failed');
    assert.ok(f);
    assert.deepEqual(f.edit, { key: 'auth.oauth.tokenExchangeBasicAuth', value: true });
    assert.equal(r.stoppedBecause, 'auth-failed');
    assert.equal(r.requests.length, 1, 'no API request without a token');
  });

  it('a token at a nested key, with its expiry nested too', async () => {
    vendor.handle = oauthVendor(
      () => true,
      () => ({ data: { token: TOKEN, expires: 3600 } }),
    );
    const r = await run(
      {
        method: 'oauth2-client-credentials',
        oauth: { accessTokenUrl: `${vendor.base}/oauth/token`, tokenKey: 'data.token', tokenExpirationKey: 'data.expires' },
      },
      CC,
    );
    assert.equal(r.requests[1]?.status, 200, JSON.stringify(r.findings));
    assertNoSecrets(r, TOKEN);
  });

  it('no value at the token key: a finding names the keys the response has and proposes the one holding the token', async () => {
    vendor.handle = oauthVendor(
      () => true,
      () => ({ result: { accessToken: TOKEN }, ttl: 60 }),
    );
    const r = await run({ method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token` } }, CC);
    const f = r.findings.find((x) => x.code === 'token-key-missing');
    assert.ok(f);
    assert.match(f.message, /"access_token"/);
    assert.match(f.message, /"result", "ttl"/);
    assert.deepEqual(f.edit, { key: 'auth.oauth.tokenKey', value: 'result.accessToken' });
    assertNoSecrets(r, TOKEN);
  });

  for (const includeClient of [true, false])
    it(`an expiring token is refreshed with the refresh token before the next page${includeClient ? ', with the client config' : ', the refresh token alone'}`, async () => {
      let clock = 1_000_000;
      let issued = 0;
      vendor.handle = (r, res) => {
        if (r.url.pathname === '/oauth/token') {
          const f = form(r.body);
          if (f.grant_type === 'client_credentials') return json(res, 200, { access_token: 'tok-first-1', refresh_token: 'ref-first-1', expires_in: 60 });
          if (f.grant_type === 'refresh_token' && f.refresh_token === 'ref-first-1') return json(res, 200, { access_token: 'tok-second-2', expires_in: 3600 });
          return json(res, 400, { error: 'invalid_grant' });
        }
        const page = Number(r.url.searchParams.get('page'));
        const want = page === 1 ? 'Bearer tok-first-1' : 'Bearer tok-second-2';
        if (r.headers.authorization !== want) return json(res, 401, { message: 'expired' });
        issued++;
        clock += 120_000; // the first token is past its expiry (60 s, less the refresh buffer) by the next page
        json(res, 200, { results: items(10).slice((page - 1) * 3, page * 3) });
      };
      vendor.requests.length = 0;
      const r = await tryAction({
        settings: {
          hostname: vendor.host,
          auth: {
            method: 'oauth2-client-credentials',
            oauth: { accessTokenUrl: `${vendor.base}/oauth/token`, refreshBuffer: 30, includeClientConfigOnRefresh: includeClient },
          },
          pagination: { type: 'page', pageParam: 'page', pageSizeParam: 'per_page', defaultPageSize: 3, defaultPageLimit: 5, resultsKey: 'results' },
          paginatedActions: ['listItems'],
        },
        spec: listSpec({ page: { type: 'integer' }, per_page: { type: 'integer' } }),
        operationId: 'listItems',
        credentials: CC,
        pages: 2,
        now: () => clock,
      });
      assert.deepEqual(
        r.requests.map((q) => `${q.kind} ${q.status}`),
        ['token 200', 'api 200', 'refresh 200', 'api 200'],
      );
      assert.equal(issued, 2);
      const refresh = vendor.requests.find((q) => form(q.body).grant_type === 'refresh_token');
      assert.ok(refresh);
      assert.equal(
        form(refresh.body).client_secret === CLIENT_SECRET,
        includeClient,
        'the refresh carries the client credentials only with Include Client Config on Refresh',
      );
      assertNoSecrets(r, 'tok-first-1', 'ref-first-1', 'tok-second-2', CLIENT_SECRET);
    });

  it('a 401 on a token the API has expired early: one new token, and the request again', async () => {
    let n = 0;
    vendor.handle = (r, res) => {
      if (r.url.pathname === '/oauth/token') return json(res, 200, { access_token: `tok-n${++n}-xyz`, expires_in: 3600 });
      return r.headers.authorization === 'Bearer tok-n2-xyz' ? json(res, 200, items(1)) : json(res, 401, { message: 'expired' });
    };
    const r = await run({ method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token` } }, CC);
    assert.deepEqual(
      r.requests.map((q) => `${q.kind} ${q.status}`),
      ['token 200', 'api 401', 'token 200', 'api 200'],
    );
    assertNoSecrets(r, 'tok-n1-xyz', 'tok-n2-xyz');
  });

  it('REWST_ACCESS_TOKEN: used as is, no token request', async () => {
    vendor.handle = oauthVendor(() => false);
    const r = await run({ method: 'oauth2-authorization-code', oauth: { accessTokenUrl: `${vendor.base}/oauth/token` } }, { accessToken: TOKEN });
    assert.deepEqual(
      r.requests.map((q) => `${q.kind} ${q.status}`),
      ['api 200'],
    );
    assertNoSecrets(r, TOKEN);
  });
});
