/**
 * References by URL through the built server (dist/server.js) over its real
 * LSP connection: one warning per URL with the quick fix that maps its prefix
 * (a client command), Prepare with `rewstOpenapi.refMap`, and Prepare with
 * `rewstOpenapi.fetchRemoteRefs` against a real HTTP server on 127.0.0.1 that
 * the test starts and stops, the host confirmed through window/showMessageRequest.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { PrepareRequest, type PrepareResult } from '../common/protocol';
import { ADD_REF_MAP_COMMAND } from '../common/ref-map-command';
import { LspClient } from './support/lsp-client';
import { FIXTURE, startLoopback, VENDOR_PREFIX, type Loopback } from './support/loopback-server';
import { refsIn } from './support/specs';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const TIMEOUT_MS = 30_000;
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const SPEC = join(FIXTURE, 'spec.json');
const TEXT = readFileSync(SPEC, 'utf8');
const prepareParams = (text: string, uri: string) => ({ text, format: 'json', source: 'spec.json', output: 'spec.rewst.json', uri });

async function started(options: Record<string, unknown>): Promise<LspClient> {
  const client = LspClient.start(SERVER, ROOT);
  await client.initialize(null, { debounceMs: 0, spectral: { enable: false }, ...options });
  return client;
}

function assertLocalRefs(text: string): void {
  const refs = refsIn(JSON.parse(text));
  assert.ok(refs.length > 5);
  for (const { ref } of refs) assert.match(ref, /^#\//);
}

describe('LSP: references by URL', () => {
  let plain: LspClient;
  before(async () => {
    plain = await started({});
  });
  after(() => plain.shutdown());

  async function open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = plain.waitForDiagnostics(uri, { version: 1, timeoutMs: TIMEOUT_MS });
    plain.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    return (await published).diagnostics;
  }

  it('one warning per URL, its file name whole, the other places related; the quick fix maps the prefix to the folder', async () => {
    const uri = pathToFileURL(SPEC).toString();
    const diagnostics = (await open(uri, TEXT)).filter((d) => d.code === 'ref-external');
    assert.deepEqual(
      diagnostics.map((d) => [/ the URL (\S+):/.exec(String(d.message))?.[1].replace(/^.*\//, ''), d.relatedInformation?.length]),
      [
        ['common.json', 2],
        ['users.json', 1],
        ['tickets.yaml', 0],
      ],
    );
    const actions = await plain.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[1].range,
      context: { diagnostics, triggerKind: 1 },
    });
    const maps = actions.filter((a) => a.command?.command === ADD_REF_MAP_COMMAND);
    assert.equal(maps.length, 3);
    assert.deepEqual(maps[1].command?.arguments, [{ prefix: VENDOR_PREFIX, dir: './' }]);
    assert.match(maps[1].title, /\(users\.json is here\): add it to rewstOpenapi\.refMap$/);
    assert.deepEqual(maps[1].diagnostics, [diagnostics[1]]);
  });

  it('no such quick fix when the file is not in the spec folder', async () => {
    const uri = pathToFileURL(join(ROOT, 'test', 'fixtures', 'split', 'no-such-spec.json')).toString();
    const diagnostics = (await open(uri, TEXT)).filter((d) => d.code === 'ref-external');
    assert.equal(diagnostics.length, 3);
    const actions = await plain.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, triggerKind: 1 },
    });
    assert.deepEqual(
      actions.filter((a) => a.command?.command === ADD_REF_MAP_COMMAND),
      [],
    );
  });

  it('rewst/prepare without the setting leaves the URLs and says how to take them in', async () => {
    const r = await plain.request<PrepareResult>(PrepareRequest.method, prepareParams(TEXT, pathToFileURL(SPEC).toString()), TIMEOUT_MS);
    assert.ok(r.ok);
    assert.equal(r.ready, false);
    assert.equal(r.referencesLeft, 6, 'one warning per URL, counted by its references');
    assert.match(r.report, /## References by URL\n\n- left as URLs.*\n- to bundle them: map the URL prefix.*rewstOpenapi\.fetchRemoteRefs/);
  });

  it('rewst/prepare with rewstOpenapi.refMap bundles the mapped files and theirs: ready, every $ref local', async () => {
    const client = await started({ refMap: { [VENDOR_PREFIX]: './' } });
    try {
      const r = await client.request<PrepareResult>(PrepareRequest.method, prepareParams(TEXT, pathToFileURL(SPEC).toString()), TIMEOUT_MS);
      assert.ok(r.ok);
      assert.equal(r.ready, true, r.verdict);
      assertLocalRefs(r.text);
      assert.match(r.report, /mapped to local files \\\(4\\\)/);
      // the URL is mapped already: the warning stays (Rewst still cannot follow it in the spec), the offer to map it does not
      const uri = pathToFileURL(SPEC).toString();
      const published = client.waitForDiagnostics(uri, { version: 1, timeoutMs: TIMEOUT_MS });
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TEXT } });
      const diagnostics = (await published).diagnostics.filter((d) => d.code === 'ref-external');
      assert.equal(diagnostics.length, 3);
      // the mapped files are checked like relative ones: roles.yaml's `type: int`, reached through users.json by URL, at its own line
      const roles = pathToFileURL(join(FIXTURE, 'roles.yaml')).toString();
      await client.publishedUntil((all) => all.some((p) => p.uri === roles && p.diagnostics.length > 0), 'roles.yaml diagnostics', TIMEOUT_MS);
      const inRoles = client.published.filter((p) => p.uri === roles).at(-1)!.diagnostics;
      assert.deepEqual(
        inRoles.map((d) => [d.code, d.range.start.line + 1]),
        [['type-name', 13]],
      );
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      });
      assert.deepEqual(
        actions.filter((a) => a.command?.command === ADD_REF_MAP_COMMAND),
        [],
      );
    } finally {
      await client.shutdown();
    }
  });

  describe('with rewstOpenapi.fetchRemoteRefs, over a loopback server', () => {
    let server: Loopback;
    before(async () => {
      server = await startLoopback();
    });
    after(() => server.close());

    it('asks about the host before the first fetch; declined, nothing is fetched; allowed, fetched once a session', async () => {
      const client = await started({ fetchRemoteRefs: true });
      try {
        const text = server.localized('spec.json');
        const uri = pathToFileURL(SPEC).toString();
        const host = new URL(server.origin).host;
        server.requests.length = 0;
        // The test client answers null: the user closed the question.
        const declined = await client.request<PrepareResult>(PrepareRequest.method, prepareParams(text, uri), TIMEOUT_MS);
        assert.ok(declined.ok);
        assert.equal(declined.ready, false);
        assert.equal(server.requests.length, 0);
        const asked = client.serverRequests.filter((q) => q.method === 'window/showMessageRequest');
        assert.equal(asked.length, 1);
        assert.ok((asked[0].params as { message: string }).message.includes(`${host} (3 file(s)`), JSON.stringify(asked[0].params));
        // Declined this session: not asked again, not fetched.
        await client.request<PrepareResult>(PrepareRequest.method, prepareParams(text, uri), TIMEOUT_MS);
        assert.equal(client.serverRequests.filter((q) => q.method === 'window/showMessageRequest').length, 1);
        assert.equal(server.requests.length, 0);
      } finally {
        await client.shutdown();
      }
      const allowing = await started({ fetchRemoteRefs: true });
      // Allowed only when every address the question names is this test's server: nothing else is ever fetched.
      const others: string[] = [];
      allowing.answerServerRequest = (method, params) => {
        if (method !== 'window/showMessageRequest') return null;
        const named = (params as { message: string }).message.match(/\bhttps?:\/\/[^\s/),;]+/g) ?? [];
        others.push(...named.filter((o) => o !== server.origin));
        return named.length && named.every((o) => o === server.origin) ? { title: 'Fetch' } : null;
      };
      try {
        server.requests.length = 0;
        const r = await allowing.request<PrepareResult>(
          PrepareRequest.method,
          prepareParams(server.localized('spec.json'), pathToFileURL(SPEC).toString()),
          TIMEOUT_MS,
        );
        assert.ok(r.ok);
        assert.equal(r.ready, true, r.verdict);
        assertLocalRefs(r.text);
        assert.equal(server.requests.length, 4);
        const again = await allowing.request<PrepareResult>(
          PrepareRequest.method,
          prepareParams(server.localized('spec.json'), pathToFileURL(SPEC).toString()),
          TIMEOUT_MS,
        );
        assert.ok(again.ok && again.ready);
        assert.equal(server.requests.length, 4, 'the session cache answers');
        assert.equal(allowing.serverRequests.filter((q) => q.method === 'window/showMessageRequest').length, 1);
        assert.deepEqual(others, []);
      } finally {
        await allowing.shutdown();
      }
    });
  });
});
