/**
 * Diagnostics as published over the real LSP connection: every rule stays
 * visible past VS Code's 1,000 problems (a summary per rule past the limit,
 * with its fix-all), and Spectral's problems stay, moved with the text, while
 * its run for the new version is under way.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { crowdedSpec as crowded } from './e2e/crowded-spec';
import { LspClient } from './support/lsp-client';
import { applyLspEdits, editsForUri } from './support/lsp-edits';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const isSummary = (d: Diagnostic) => Boolean((d.data as { summary?: unknown } | undefined)?.summary);
const codes = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code && !isSummary(d));

const crowdedSpec = () => crowded(150);

/** Awaits publishes for `uri` (events, no polling) until one satisfies `ok`. */
async function publishUntil(
  client: LspClient,
  uri: string,
  ok: (p: PublishDiagnosticsParams) => boolean,
  timeoutMs = 60_000,
): Promise<PublishDiagnosticsParams> {
  const seen = client.published.filter((p) => p.uri === uri).find(ok);
  if (seen) return seen;
  for (;;) {
    const p = await client.waitForDiagnostics(uri, { timeoutMs });
    if (ok(p)) return p;
  }
}

describe('LSP: a limit per rule keeps every rule visible', { timeout: 30_000 }, () => {
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.shutdown();
  });
  const start = async (options: unknown) => {
    const client = LspClient.start(SERVER, ROOT);
    clients.push(client);
    await client.initialize(null, options);
    return client;
  };
  const open = async (client: LspClient, uri: string, text: string) => {
    const published = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 10_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await published).diagnostics;
  };

  it('150 missing operationIds and a circular reference: 100 listed, one summary offering the fix-all, and the cycle', async () => {
    const client = await start({ spectral: { enable: false } });
    const text = crowdedSpec();
    const uri = 'file:///diagnostics-lsp/crowded.yaml';
    const diagnostics = await open(client, uri, text);
    assert.equal(codes(diagnostics, 'operation-id-missing').length, 100);
    assert.equal(codes(diagnostics, 'circular-ref').length, 1, 'the rare class is not crowded out');
    const summaries = diagnostics.filter(isSummary);
    assert.equal(summaries.length, 1);
    assert.equal(summaries[0].code, 'operation-id-missing');
    assert.match(String(summaries[0].message), /^50 more operation-id-missing problems not listed \(150 in all/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: summaries[0].range,
      context: { diagnostics: [summaries[0]] },
    });
    const fixAll = actions.find((a) => a.title === 'Fix all 150 operation-id-missing problems');
    assert.ok(fixAll?.edit, `offered with its edit: ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixed = applyLspEdits(text, editsForUri(fixAll.edit, uri));
    assert.equal((fixed.match(/operationId:/g) ?? []).length, 150);
    assert.ok(fixed.includes("$ref: '#/components/schemas/Node'"), 'only that rule was fixed');
  });

  it('the setting (initializationOptions.diagnostics.maxPerRule) sets the limit', async () => {
    const client = await start({ spectral: { enable: false }, diagnostics: { maxPerRule: 10 } });
    const diagnostics = await open(client, 'file:///diagnostics-lsp/ten.yaml', crowdedSpec());
    assert.equal(codes(diagnostics, 'operation-id-missing').length, 10);
    assert.match(String(diagnostics.find(isSummary)?.message ?? ''), /^140 more/);
  });
});

describe("LSP: Spectral's problems stay through an edit, moved with the text", { timeout: 120_000 }, () => {
  let client: LspClient | undefined;
  after(async () => client?.shutdown());

  it('a line typed at the top: the next publish still has them, one line lower, until Spectral replaces them', async () => {
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { debounceMs: 0 });
    const text = readFileSync(path.join(ROOT, 'examples/photo-records.yaml'), 'utf8');
    const uri = 'file:///diagnostics-lsp/photo-records.yaml';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const spectralOf = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.source === 'spectral');
    const v1 = spectralOf(await publishUntil(client, uri, (p) => p.version === 1 && spectralOf(p).length > 0));
    const firstV2 = client.waitForDiagnostics(uri, { version: 2, timeoutMs: 10_000 });
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }],
    });
    const kept = spectralOf(await firstV2);
    const moved = (ds: Diagnostic[], by: number) =>
      ds.map((d) => `${d.code} ${d.range.start.line + by}:${d.range.start.character}-${d.range.end.line + by}:${d.range.end.character} ${d.message}`).sort();
    assert.deepEqual(moved(kept, 0), moved(v1, 1), "Rewst's publish for version 2 keeps Spectral's, one line lower");
    const own = spectralOf(await publishUntil(client, uri, (p) => p.version === 2 && p !== client!.published.find((q) => q.uri === uri && q.version === 2)));
    assert.deepEqual(moved(own, 0), moved(v1, 1), "Spectral's own run for version 2 agrees with where they were moved");
  });
});
