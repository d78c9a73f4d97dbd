/** Try an action: what the API answers besides results (429, HTML, too large, redirects, silence), and what a try refuses to send (engine/try). */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { IntegrationSettings } from '../server/src/engine/settings';
import { baseUrlOf, refusedUrl, tryAction, type TryInput, type TryReport } from '../server/src/engine/try';
import { items, json, listSpec, startVendor, type Vendor, type VendorRequest } from './support/vendor';

let vendor: Vendor;
before(async () => (vendor = await startVendor()));
after(() => vendor.close());

const KEY = 'key-zyxw-98765';

async function run(
  handle: (r: VendorRequest, res: ServerResponse) => void,
  extra: Partial<TryInput> = {},
  settings: Partial<IntegrationSettings> = {},
): Promise<TryReport> {
  vendor.requests.length = 0;
  vendor.handle = handle;
  return tryAction({
    settings: { hostname: vendor.host, auth: { method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, pagination: { type: 'none' }, ...settings },
    spec: listSpec(),
    operationId: 'listItems',
    credentials: { apiKey: KEY },
    sleep: async () => {},
    ...extra,
  });
}
const codes = (r: TryReport) => r.findings.map((f) => f.code);

describe('try: what the API answers', () => {
  it('429 with Retry-After: waited for once, then the answer', async () => {
    let waited = -1;
    let n = 0;
    const r = await run((_, res) => (n++ === 0 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '2' }) : json(res, 200, items(2))), {
      sleep: async (ms) => void (waited = ms),
    });
    assert.equal(waited, 2000);
    assert.equal(vendor.requests.length, 2);
    assert.equal(r.totalItems, 2);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.severity]),
      [['rate-limited', 'info']],
    );
  });

  it('429 twice: honoured once only, then an error', async () => {
    const r = await run((_, res) => json(res, 429, {}, { 'retry-after': '1' }));
    assert.equal(vendor.requests.length, 2);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.severity]),
      [['rate-limited', 'error']],
    );
  });

  it('429 asking for longer than a try waits: not retried', async () => {
    const r = await run((_, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    assert.equal(vendor.requests.length, 1);
    assert.match(r.findings[0].message, /longer than a try waits/);
  });

  it('403: what was sent, masked', async () => {
    const r = await run((_, res) => json(res, 403, { message: 'missing scope tickets.read' }));
    assert.deepEqual(codes(r), ['forbidden']);
    assert.match(r.findings[0].message, /X-API-Key: \*\*\*\*/);
    assert.match(r.findings[0].message, /missing scope/);
    assert.ok(!JSON.stringify(r).includes(KEY), 'the key appears in the report');
  });

  it('an HTML page instead of JSON', async () => {
    const r = await run((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>Sign in</title></head><body>login</body></html>');
    });
    assert.deepEqual(codes(r), ['html-response']);
    assert.match(r.findings[0].message, /"Sign in"/);
    assert.equal(r.stoppedBecause, 'not-json');
  });

  it('text that is not JSON', async () => {
    const r = await run((_, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    assert.deepEqual(codes(r), ['not-json']);
  });

  it('a response over the size limit, declared or streamed', async () => {
    const big = JSON.stringify(items(500));
    let r = await run((_, res) => json(res, 200, items(500)), { maxResponseBytes: 1000 });
    assert.deepEqual(codes(r), ['response-too-large']);
    r = await run(
      (_, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no content-length to go by
        res.write(big.slice(0, 800));
        res.end(big.slice(800));
      },
      { maxResponseBytes: 1000 },
    );
    assert.deepEqual(codes(r), ['response-too-large']);
  });

  it('a redirect on the same host is followed; to another host it is not (the request carries credentials)', async () => {
    let r = await run((req, res) => (req.url.pathname === '/items' ? (res.writeHead(302, { location: '/v2/items' }), res.end()) : json(res, 200, items(1))));
    assert.deepEqual(
      vendor.requests.map((q) => q.url.pathname),
      ['/items', '/v2/items'],
    );
    assert.equal(r.totalItems, 1);
    const other = vendor.base.replace('127.0.0.1', 'localhost');
    r = await run((req, res) =>
      req.url.pathname === '/items' ? (res.writeHead(302, { location: `${other}/v2/items` }), res.end()) : json(res, 200, items(1)),
    );
    assert.equal(vendor.requests.length, 1);
    assert.deepEqual(codes(r), ['redirect-refused']);
  });

  it('no answer within the timeout', async () => {
    const r = await run(() => undefined, { timeoutMs: 200 });
    assert.deepEqual(codes(r), ['no-response']);
    assert.equal(r.stoppedBecause, 'no-response');
  });

  it("another error status: the vendor's message", async () => {
    const r = await run((_, res) => json(res, 404, { detail: 'no such tenant' }));
    assert.deepEqual(codes(r), ['http-error']);
    assert.match(r.findings[0].message, /404 \("no such tenant"\)/);
  });

  it('extra request headers are sent with every API request', async () => {
    await run((_, res) => json(res, 200, []), {}, { extraRequestHeaders: { 'X-Tenant': 't-1' } });
    assert.equal(vendor.requests[0].headers['x-tenant'], 't-1');
  });

  it('path parameters from --param, or refused without one', async () => {
    await run((_, res) => json(res, 200, {}), { operationId: 'getThing', params: { id: 'a/b' } });
    assert.equal(vendor.requests[0].url.pathname, '/things/a%2Fb');
    await assert.rejects(
      run((_, res) => json(res, 200, {}), { operationId: 'getThing' }),
      /--param/,
    );
  });
});

describe("try: the spec's response schema", () => {
  const withSchema = (openapi: string) => {
    const spec = listSpec() as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>>; components?: unknown };
    spec.openapi = openapi;
    spec.components = {
      schemas: {
        Item: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string', pattern: '^(a+)+$' } } },
        List: { type: 'object', properties: { results: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
      },
    };
    spec.paths['/items'].get.responses = { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/List' } } } } };
    return spec;
  };

  for (const version of ['3.0.3', '3.1.0'])
    it(`OpenAPI ${version}: the first places that do not match, through $refs; a pattern is not checked`, async () => {
      const r = await run((_, res) => json(res, 200, { results: [{ id: 1, name: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' }, { id: 'two' }, { name: 'x' }] }), {
        spec: withSchema(version),
      });
      const f = r.findings.find((x) => x.code === 'schema-mismatch');
      assert.ok(f, JSON.stringify(r.findings));
      assert.equal(f.severity, 'info');
      assert.match(f.message, /\/results\/1\/id must be integer/);
      assert.match(f.message, /\/results\/2 must have required property 'id'/);
      assert.doesNotMatch(f.message, /pattern/);
    });

  it('a response that matches: no finding', async () => {
    const r = await run((_, res) => json(res, 200, { results: [{ id: 1 }] }), { spec: withSchema('3.0.3') });
    assert.deepEqual(r.findings, []);
  });
});

describe('try: what is refused before sending', () => {
  it('a method other than GET without allowMethod', async () => {
    await assert.rejects(
      run((_, res) => json(res, 201, {}), { operationId: 'createItem' }),
      /--allow-method/,
    );
    assert.equal(vendor.requests.length, 0);
    const r = await run((_, res) => json(res, 201, { id: 1 }), { operationId: 'createItem', allowMethod: true });
    assert.equal(vendor.requests[0].method, 'POST');
    assert.equal(r.requests[0].status, 201);
  });

  it('a hostname as Rewst takes it: bare, a port allowed; no scheme, no path', () => {
    assert.equal(baseUrlOf('api.vendor.com'), 'https://api.vendor.com');
    assert.equal(baseUrlOf('api.vendor.com:8443'), 'https://api.vendor.com:8443');
    assert.equal(baseUrlOf('127.0.0.1:8080'), 'http://127.0.0.1:8080');
    assert.equal(baseUrlOf('localhost:1'), 'http://localhost:1');
    assert.equal(baseUrlOf('[::1]:9'), 'http://[::1]:9');
    assert.throws(() => baseUrlOf('https://api.vendor.com'), /has a scheme/);
    assert.throws(() => baseUrlOf('api.vendor.com/v1'), /has a path/);
    assert.throws(() => baseUrlOf(''), /no hostname/);
    assert.throws(() => baseUrlOf('api.vendor.com:99999'), /not a host name/);
  });

  it('pagination without the fields its type needs', async () => {
    const paged = (pagination: IntegrationSettings['pagination']) => run((_, res) => json(res, 200, []), {}, { pagination, paginatedActions: ['listItems'] });
    await assert.rejects(paged({ type: 'page', defaultPageSize: 10 }), /"Page Param" \(pagination\.pageParam\)/);
    await assert.rejects(paged({ type: 'index' }), /Index Param/);
    await assert.rejects(paged({ type: 'pointer', afterParam: 'after' }), /needs "Pointer JSONPath"/);
    await assert.rejects(paged({ type: 'link', nextLinkLocation: 'body' }), /Next Page Key/);
    assert.equal(vendor.requests.length, 0);
  });

  it('a secret the vendor echoes back in its error is masked', async () => {
    const r = await run((req, res) => json(res, 401, { message: `key ${String(req.headers['x-api-key'])} is revoked` }));
    assert.match(r.findings[0].message, /key \*\*\*\* is revoked/);
    assert.ok(!JSON.stringify(r).includes(KEY), 'the key appears in the report');
  });

  it('a token request by GET: the fields in the query, the secret masked in the URL shown', async () => {
    const secret = 'get-secret-4242';
    const r = await run(
      (req, res) =>
        req.url.pathname === '/token'
          ? req.method === 'GET' && req.url.searchParams.get('client_secret') === secret
            ? json(res, 200, { access_token: 'get-token-4343' })
            : json(res, 400, {})
          : json(res, 200, []),
      { credentials: { clientId: 'c1', clientSecret: secret } },
      { auth: { method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/token`, tokenRequestMethod: 'GET' } } },
    );
    assert.equal(r.requests[0].method, 'GET');
    assert.match(r.requests[0].url, /client_secret=\*\*\*\*/);
    assert.equal(r.requests[1].status, 200);
    for (const s of [secret, 'get-token-4343']) assert.ok(!JSON.stringify(r).includes(s), 'a secret appears in the report');
  });

  it('the password grant: username and password with the client credentials', async () => {
    const r = await run(
      (req, res) => {
        if (req.url.pathname !== '/token') return json(res, 200, []);
        const f = new URLSearchParams(req.body);
        json(res, f.get('grant_type') === 'password' && f.get('username') === 'u' && f.get('password') === 'pw-777' ? 200 : 400, {
          access_token: 'pw-token-1',
        });
      },
      { credentials: { clientId: 'c1', clientSecret: 'cs-1234', username: 'u', password: 'pw-777' } },
      { auth: { method: 'oauth2', oauth: { grantType: 'password', accessTokenUrl: `${vendor.base}/token` } } },
    );
    assert.equal(r.requests[1]?.status, 200, JSON.stringify(r.findings));
  });

  it('https only; plain http only to loopback', () => {
    assert.equal(refusedUrl('https://api.vendor.com/x'), undefined);
    assert.equal(refusedUrl('http://127.0.0.5:80/x'), undefined);
    assert.match(refusedUrl('http://api.vendor.com/x') ?? '', /refused/);
    assert.match(refusedUrl('http://10.0.0.1/x') ?? '', /refused/);
    assert.match(refusedUrl('file:///etc/passwd') ?? '', /refused/);
  });

  it('an http token URL to another host is refused, not sent', async () => {
    const r = await run(
      (_, res) => json(res, 200, []),
      { credentials: { clientId: 'c', clientSecret: 'secret-s3cr3t' } },
      {
        auth: { method: 'oauth2-client-credentials', oauth: { accessTokenUrl: 'http://auth.vendor.example/token' } },
      },
    );
    assert.deepEqual(codes(r), ['token-request-failed']);
    assert.match(r.findings[0].message, /refused/);
    assert.equal(vendor.requests.length, 0);
  });
});
