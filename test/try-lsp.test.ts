/**
 * Try Action over the built language server's LSP connection, against a real vendor server on
 * 127.0.0.1 (port 0, started and stopped here): the plan asks for what the auth needs, the try
 * sends what Rewst would send and answers a report with the credentials masked, a POST is refused
 * without the confirmation, and a finding's fix is one minimal edit of the settings file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine/edit-ops';
import { TryActionRequest, TryFixEditsRequest, TryPlanRequest, type TryActionResult, type TryFixEditsResult, type TryPlanResult } from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { items, json, listSpec, startVendor, type Vendor } from './support/vendor';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const TIMEOUT = { timeout: 20_000 };
const KEY = 'lsp-key-3c3c3c3c3c';
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

let vendor: Vendor;
let client: LspClient;
let dir: string;
let specUri: string;
let settingsFile: string;

function writeSettings(s: Record<string, unknown>): string {
  const text = `${JSON.stringify({ name: 'Vendor', hostname: vendor.host, auth: { method: 'api-key', apiKeyHeaderName: 'X-API-Key', apiKeyPreamble: 'Key' }, paginatedActions: ['listItems'], ...s }, null, 2)}\n`;
  writeFileSync(settingsFile, text);
  return text;
}

const PAGE = { type: 'page', pageParam: 'page', pageSizeParam: 'per_page', defaultPageSize: 3, defaultPageLimit: 20, resultsKey: 'results' };

describe('Try Action over LSP', () => {
  before(async () => {
    vendor = await startVendor();
    dir = mkdtempSync(path.join(tmpdir(), 'rewst-try-lsp-'));
    const spec = listSpec({ page: { type: 'integer' }, per_page: { type: 'integer' } });
    (spec.paths as Record<string, unknown>)['/things/{id}'] = {
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', example: 'abc' } },
          { name: 'view', in: 'query', required: true, schema: { type: 'string', default: 'full' } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    };
    writeFileSync(path.join(dir, 'vendor.json'), JSON.stringify(spec));
    specUri = pathToFileURL(path.join(dir, 'vendor.json')).href;
    settingsFile = path.join(dir, 'vendor.rewst-integration.json');
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
  });

  after(async () => {
    await client?.shutdown();
    await vendor?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'rewst/try/plan names the parameters to fill (with the spec example or default) and the credentials the auth needs; it sends nothing',
    TIMEOUT,
    async () => {
      writeSettings({ pagination: PAGE });
      const before = vendor.requests.length;
      const plan = await client.request<TryPlanResult>(TryPlanRequest, { specUri, operationId: 'getThing' });
      assert.ok(plan.ok, JSON.stringify(plan));
      assert.deepEqual(plan.params, [
        { name: 'id', in: 'path', value: 'abc' },
        { name: 'view', in: 'query', value: 'full' },
      ]);
      assert.deepEqual(plan.credentials, [{ field: 'apiKey', label: 'API key', secret: true }]);
      assert.equal(plan.method, 'GET');
      assert.equal(plan.settingsUri, pathToFileURL(settingsFile).href);
      const list = await client.request<TryPlanResult>(TryPlanRequest, { specUri, operationId: 'listItems' });
      assert.ok(list.ok);
      assert.deepEqual(list.params, [], 'the paging parameters are not asked');
      writeSettings({ auth: { method: 'basic' } });
      const basic = await client.request<TryPlanResult>(TryPlanRequest, { specUri, operationId: 'listItems' });
      assert.ok(basic.ok);
      assert.deepEqual(
        basic.credentials.map((c) => [c.field, c.secret]),
        [
          ['username', false],
          ['password', true],
        ],
      );
      assert.equal(vendor.requests.length, before, 'a plan sends no request');
    },
  );

  it('rewst/tryAction pages as the settings say and answers the report with the key masked', TIMEOUT, async () => {
    writeSettings({ pagination: PAGE });
    vendor.requests.length = 0;
    vendor.handle = (r, res) => {
      if (r.headers['x-api-key'] !== `Key ${KEY}`) return json(res, 401, { message: 'bad key' });
      const page = Number(r.url.searchParams.get('page'));
      json(res, 200, { results: items(7).slice((page - 1) * 3, page * 3) });
    };
    const r = await client.request<TryActionResult>(
      TryActionRequest,
      { specUri, operationId: 'listItems', params: {}, pages: 5, credentials: { apiKey: KEY } },
      15_000,
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(
      r.report.requests.map((q) => [new URL(q.url).search, q.status, q.items]),
      [
        ['?per_page=3&page=1', 200, 3],
        ['?per_page=3&page=2', 200, 3],
        ['?per_page=3&page=3', 200, 1],
      ],
    );
    assert.equal(r.report.totalItems, 7);
    assert.equal(r.report.stoppedBecause, 'last-page');
    assert.equal(vendor.requests.length, 3);
    assert.ok(
      vendor.requests.every((q) => q.headers['x-api-key'] === `Key ${KEY}`),
      'the key was sent',
    );
    assert.ok(!JSON.stringify(r).includes(KEY), 'the key appears nowhere in the answer');
    assert.equal(r.report.requests[0].headers['X-API-Key'], 'Key ****');
    assert.match(r.markdown, /^# Try GET listItems/);
    assert.match(r.markdown, /The settings held: no findings\./);
    assert.ok(!client.stderrText.includes(KEY), 'the server logged no key');
  });

  it('a finding with a fix: rewst/try/fixEdits writes it as one minimal edit, and the try holds after it', TIMEOUT, async () => {
    const text = writeSettings({ pagination: { ...PAGE, resultsKey: 'results' } });
    vendor.handle = (r, res) => {
      const page = Number(r.url.searchParams.get('page'));
      json(res, 200, { data: { rows: items(5).slice((page - 1) * 3, page * 3) } });
    };
    const r = await client.request<TryActionResult>(TryActionRequest, { specUri, operationId: 'listItems', params: {}, credentials: { apiKey: KEY } }, 15_000);
    assert.ok(r.ok, JSON.stringify(r));
    const finding = r.report.findings.find((f) => f.edit);
    assert.equal(finding?.code, 'results-key-missing');
    assert.match(r.markdown, /results-key-missing/);
    const fix = await client.request<TryFixEditsResult>(TryFixEditsRequest, { text, edit: finding!.edit });
    assert.ok(fix.ok);
    assert.equal(fix.edits.length, 1);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace('"resultsKey": "results"', '"resultsKey": "data.rows"'));
    writeFileSync(settingsFile, fixed);
    const again = await client.request<TryActionResult>(
      TryActionRequest,
      { specUri, operationId: 'listItems', params: {}, credentials: { apiKey: KEY } },
      15_000,
    );
    assert.ok(again.ok);
    assert.deepEqual(again.report.findings, []);
    assert.equal(again.report.totalItems, 5);
  });

  it("the Markdown report escapes what the API sent: a response's keys cannot add HTML, links or formatting", TIMEOUT, async () => {
    writeSettings({ pagination: PAGE });
    const hostile = '<img src=x onerror=alert(1)>[click](http://evil.example)**bold**`';
    vendor.handle = (_, res) => json(res, 200, { [hostile]: [{ id: 1 }], note: '</details><script>alert(2)</script>' });
    const r = await client.request<TryActionResult>(TryActionRequest, { specUri, operationId: 'listItems', params: {}, credentials: { apiKey: KEY } }, 15_000);
    assert.ok(r.ok, JSON.stringify(r));
    const finding = r.report.findings.find((f) => f.code === 'results-key-missing');
    assert.ok(finding?.message.includes(hostile), 'the finding names the key as sent');
    assert.ok(!r.markdown.includes('<img'), 'no HTML tag from the response');
    assert.ok(!r.markdown.includes('<script'), 'no script from the response');
    assert.ok(!r.markdown.includes('[click](http'), 'no link from the response');
    assert.ok(r.markdown.includes('&lt;img src=x onerror=alert\\(1\\)\\>\\[click\\]'), 'shown as text, escaped');
  });

  it('GET only: a POST is refused unless allowed, and a missing credential is named; nothing is sent', TIMEOUT, async () => {
    writeSettings({ pagination: PAGE });
    vendor.requests.length = 0;
    const post = await client.request<TryActionResult>(TryActionRequest, { specUri, operationId: 'createItem', params: {}, credentials: { apiKey: KEY } });
    assert.equal(post.ok, false);
    assert.match(!post.ok ? post.reason : '', /is a POST: a try sends GET only/);
    const noKey = await client.request<TryActionResult>(TryActionRequest, { specUri, operationId: 'listItems', params: {}, credentials: {} });
    assert.equal(noKey.ok, false);
    assert.match(!noKey.ok ? noKey.reason : '', /the auth method API Key needs: API key \(for the CLI: REWST_API_KEY in the environment\)/);
    assert.equal(vendor.requests.length, 0);
  });
});
