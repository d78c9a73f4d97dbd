/**
 * A spec's diagnostics before its document opens (server/src/features/open-ahead.ts),
 * over the real LSP connection: `rewst/opening` makes the server read the file
 * from disk and publish; the didOpen that follows with the same text publishes
 * the same diagnostics for its version, and one with other text (unsaved
 * changes) gets that text's diagnostics, not the disk's.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lsp-client';
import { OpeningNotification } from '../common/protocol';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const key = (d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character} ${d.message}`;

describe('LSP: diagnostics of a spec read from disk while its document is on its way', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'open-ahead-'));
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async () => {
    const client = LspClient.start(SERVER, ROOT);
    clients.push(client);
    await client.initialize(null, { spectral: { enable: false } });
    return client;
  };
  const text = readFileSync(path.join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');

  /** A spec saved as `name`, announced with rewst/opening: the publish from disk that follows. */
  async function openingAhead(name: string) {
    const client = await start();
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const ahead = client.waitForDiagnostics(uri, { timeoutMs: 10_000 });
    client.notify(OpeningNotification, { uri });
    return { client, uri, early: await ahead };
  }

  it('rewst/opening publishes the file on disk; the didOpen with the same text publishes the same for its version', async () => {
    const { client, uri, early } = await openingAhead('same.yaml');
    assert.equal(early.version, undefined, 'published before any version exists');
    assert.ok(
      early.diagnostics.some((d) => d.code === 'path-trailing-slash'),
      JSON.stringify(early.diagnostics.map(key)),
    );

    const opened = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 10_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    assert.deepEqual((await opened).diagnostics.map(key), early.diagnostics.map(key));
  });

  it("a didOpen whose text differs from the disk (unsaved changes) gets its own text's diagnostics", async () => {
    const { client, uri, early } = await openingAhead('edited.yaml');
    const edited = text.replace('/photo-records/:', '/photo-records:');
    assert.notEqual(edited, text, 'the example has the trailing-slash path this test removes');
    const opened = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 10_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: edited } });
    const own = (await opened).diagnostics;
    assert.ok(early.diagnostics.some((d) => d.code === 'path-trailing-slash'));
    assert.ok(!own.some((d) => d.code === 'path-trailing-slash'), JSON.stringify(own.map(key)));
  });
});
