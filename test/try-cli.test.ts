/** `rewst-openapi try` as a user runs it (the built dist/cli.js), against a real vendor server on 127.0.0.1. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IntegrationSettings } from '../server/src/engine/settings';
import { runCliAsync, type CliRun } from './support/cli';
import { items, json, listSpec, startVendor, type Vendor } from './support/vendor';

const KEY = 'cli-key-5f5f5f5f';
const SECRET = 'cli-secret-9e9e9e';
const TOKEN = 'cli-token-7a7a7a';
let vendor: Vendor;
let dir: string;

before(async () => {
  vendor = await startVendor();
  dir = mkdtempSync(join(tmpdir(), 'rewst-try-'));
  writeFileSync(join(dir, 'vendor.json'), JSON.stringify(listSpec({ page: { type: 'integer' }, per_page: { type: 'integer' } })));
});
after(async () => {
  await vendor.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeSettings(s: Partial<IntegrationSettings>, name = 'vendor.rewst-integration.json'): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ name: 'Vendor', hostname: vendor.host, paginatedActions: ['listItems'], ...s }));
  return file;
}

const PAGE = { type: 'page', pageParam: 'page', pageSizeParam: 'per_page', defaultPageSize: 3, defaultPageLimit: 20, resultsKey: 'results' } as const;

function assertNoSecrets(r: CliRun): void {
  for (const s of [KEY, SECRET, TOKEN]) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), 'a secret appears in the CLI output');
}

describe('rewst-openapi try', () => {
  it('pages as the settings say, API key from the environment; JSON report; exit 0', async () => {
    writeSettings({ auth: { method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, pagination: PAGE });
    vendor.handle = (r, res) => {
      if (r.headers['x-api-key'] !== KEY) return json(res, 401, {});
      const page = Number(r.url.searchParams.get('page'));
      json(res, 200, { results: items(8).slice((page - 1) * 3, page * 3) });
    };
    const r = await runCliAsync(['try', join(dir, 'vendor.json'), '--action', 'listItems', '--format', 'json', '--pages', '5'], {
      env: { REWST_API_KEY: KEY },
    });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as {
      requests: Array<{ url: string; status: number; items: number }>;
      totalItems: number;
      stoppedBecause: string;
      findings: unknown[];
    };
    assert.deepEqual(
      report.requests.map((q) => [new URL(q.url).search, q.status, q.items]),
      [
        ['?per_page=3&page=1', 200, 3],
        ['?per_page=3&page=2', 200, 3],
        ['?per_page=3&page=3', 200, 2],
      ],
    );
    assert.equal(report.totalItems, 8);
    assert.equal(report.stoppedBecause, 'last-page');
    assert.deepEqual(report.findings, []);
    assertNoSecrets(r);
  });

  it('a finding: exit 1, the text report names the fix and the settings edit', async () => {
    writeSettings({ auth: { method: 'none' }, pagination: PAGE });
    vendor.handle = (_, res) => json(res, 200, { data: items(3) });
    const r = await runCliAsync(['try', join(dir, 'vendor.json'), '--action', 'listItems']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /error results-key-missing/);
    assert.match(r.stdout, /fix: Set "Results Key" to "data"/);
    assert.match(r.stdout, /pagination\.resultsKey = "data"/);
    assert.match(r.stdout, /stopped because the response had no results at the Results Key/);
  });

  it('OAuth client credentials from the environment, --settings FILE, --param; secrets never printed', async () => {
    const file = writeSettings(
      {
        auth: { method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/oauth/token`, tokenExchangeBasicAuth: true } },
        pagination: { type: 'none' },
      },
      'other.json',
    );
    vendor.handle = (r, res) => {
      if (r.url.pathname === '/oauth/token')
        return r.headers.authorization === `Basic ${Buffer.from(`app:${SECRET}`).toString('base64')}`
          ? json(res, 200, { access_token: TOKEN })
          : json(res, 401, {});
      if (r.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 401, { message: 'no' });
      json(res, 200, { id: r.url.pathname });
    };
    for (const format of ['text', 'json']) {
      const r = await runCliAsync(['try', join(dir, 'vendor.json'), '--action', 'getThing', '--param', 'id=42', '--settings', file, '--format', format], {
        env: { REWST_CLIENT_ID: 'app', REWST_CLIENT_SECRET: SECRET },
      });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /\/things\/42/);
      assert.match(r.stdout, /Bearer \*\*\*\*/);
      assertNoSecrets(r);
    }
  });

  it('a 401: exit 1, what was sent shown masked', async () => {
    writeSettings({ auth: { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' }, pagination: { type: 'none' } });
    vendor.handle = (_, res) => json(res, 401, { message: 'invalid key' });
    const r = await runCliAsync(['try', join(dir, 'vendor.json'), '--action', 'listItems'], { env: { REWST_API_KEY: KEY } });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /unauthorized.*Sent: Authorization: Bearer \*\*\*\*/);
    assertNoSecrets(r);
  });

  it('usage errors and no answer: exit 2', async () => {
    writeSettings({ auth: { method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, pagination: { type: 'none' } });
    const spec = join(dir, 'vendor.json');
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['try', spec], {}, /--action OPERATION_ID is required/],
      [['try', spec, '--action', 'listItems'], {}, /REWST_API_KEY/],
      [['try', spec, '--action', 'nope'], { REWST_API_KEY: KEY }, /no operation has operationId "nope"/],
      [['try', spec, '--action', 'createItem'], { REWST_API_KEY: KEY }, /--allow-method/],
      [['try', spec, '--action', 'listItems', '--pages', '0'], {}, /--pages must be/],
      [['try', spec, '--action', 'listItems', '--param', 'x'], {}, /NAME=VALUE/],
      [['try', join(dir, 'missing.json'), '--action', 'listItems'], {}, /cannot read/],
      [['try', spec, '--action', 'listItems'], { REWST_API_KEY: KEY, NODE_TLS_REJECT_UNAUTHORIZED: '0' }, /turns off TLS verification/],
    ];
    for (const [args, env, message] of cases) {
      const r = await runCliAsync(args, { env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assertNoSecrets(r);
    }
    // Nothing listens on the port any more: no answer at all.
    const closed = await startVendor();
    const host = closed.host;
    await closed.close();
    writeSettings({ hostname: host, auth: { method: 'none' }, pagination: { type: 'none' } });
    const r = await runCliAsync(['try', spec, '--action', 'listItems', '--format', 'json']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { findings: Array<{ code: string }> }).findings[0].code, 'no-response');
  });

  it('no settings beside the spec: exit 2, init proposed', async () => {
    writeFileSync(join(dir, 'lonely.json'), JSON.stringify(listSpec()));
    const r = await runCliAsync(['try', join(dir, 'lonely.json'), '--action', 'listItems']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /rewst-openapi init/);
  });
});
