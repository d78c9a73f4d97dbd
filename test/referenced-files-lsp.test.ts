/**
 * A spec split over files, over the real LSP connection: what the Rewst rules
 * find in the files its `$ref`s read is published in those files (open or
 * not) and in the spec at the `$ref` that leads there; editing, saving or
 * closing a referenced file runs the spec again.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lsp-client';
import { applyLspEdits } from './support/lsp-edits';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'split');
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const lastFor = (all: PublishDiagnosticsParams[], uri: string) => all.filter((p) => p.uri === uri).at(-1)?.diagnostics;
const codes = (ds: Diagnostic[] | undefined) => (ds ?? []).map((d) => `${d.range.start.line + 1}:${d.code}`).sort();

describe('LSP: the Rewst rules over the files a spec refers to', { timeout: 60_000 }, () => {
  let folder: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const open = (name: string, version = 1) =>
    client.notify('textDocument/didOpen', {
      textDocument: { uri: uriOf(name), languageId: 'yaml', version, text: readFileSync(path.join(folder, name), 'utf8') },
    });
  /** Waits until the latest publish for each named file satisfies its check. */
  const until = (what: string, checks: Record<string, (ds: Diagnostic[] | undefined) => boolean>) =>
    client.publishedUntil((all) => Object.entries(checks).every(([name, ok]) => ok(lastFor(all, uriOf(name)))), what, 30_000);

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'rewst-referenced-'));
    cpSync(FIXTURE, folder, { recursive: true });
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(pathToFileURL(folder).toString(), { spectral: { enable: false }, debounceMs: 20 });
  });
  after(async () => {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it('opening the spec: findings in files not open are published in those files, and in the spec at the $ref that reads them', async () => {
    open('openapi.yaml');
    await until('the referenced files and the spec', {
      'schemas/user.yaml': (ds) => codes(ds).join() === '11:circular-ref,15:circular-ref',
      'schemas/ticket.yaml': (ds) => codes(ds).join() === '9:circular-ref',
      'paths/tickets.yaml': (ds) => codes(ds).join() === '15:operation-id-missing',
      'openapi.yaml': (ds) => (ds ?? []).some((d) => d.code === 'operation-id-missing'),
    });
    const user = lastFor(client.published, uriOf('schemas/user.yaml'))!;
    assert.ok(
      user.every((d) => String(d.message).endsWith('(found through openapi.yaml)') && d.source === 'rewst'),
      user.map((d) => d.message).join('\n'),
    );

    const spec = lastFor(client.published, uriOf('openapi.yaml'))!;
    // The missing operationId of paths/tickets.yaml, at `$ref: ./paths/tickets.yaml` (line 11), pointing at line 15 there.
    const viaPath = spec.find((d) => d.code === 'operation-id-missing')!;
    assert.deepEqual([viaPath.range.start.line + 1, viaPath.range.start.character + 1], [11, 11]);
    assert.match(String(viaPath.message), /^In paths\/tickets\.yaml:15:1, which this reference reads: /);
    assert.deepEqual(
      viaPath.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line + 1]),
      [[uriOf('paths/tickets.yaml'), 15]],
    );
    // The cycles of schemas/user.yaml, at `$ref: ./schemas/user.yaml` (line 28), or at the first $ref that led to their file.
    const cycles = spec.filter((d) => d.code === 'circular-ref');
    assert.ok(cycles.some((d) => d.range.start.line + 1 === 28 && d.relatedInformation?.[0].location.uri === uriOf('schemas/user.yaml')));
    assert.equal(cycles.length, 3, cycles.map((d) => d.message).join('\n'));
    // The spec's own ref-external warnings are still there, once each.
    assert.equal(spec.filter((d) => d.code === 'ref-external').length, 4);
  });

  it("a referenced file's finding has its quick fix, in that file: from the file itself and from the spec's $ref", async () => {
    open('paths/tickets.yaml');
    const tickets = uriOf('paths/tickets.yaml');
    await until('the open tickets.yaml with its missing operationId', { 'paths/tickets.yaml': (ds) => codes(ds).join() === '15:operation-id-missing' });
    const text = readFileSync(path.join(folder, 'paths', 'tickets.yaml'), 'utf8');
    const fixed = text.replace('post:\n  summary: Create a ticket\n', 'post:\n  summary: Create a ticket\n  operationId: createATicket\n');
    assert.notEqual(fixed, text);
    const fixesAt = async (uri: string, d: Diagnostic) => {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], triggerKind: 1 },
      });
      return actions.filter((a) => a.kind === 'quickfix');
    };
    const inFile = lastFor(client.published, tickets)!.find((d) => d.code === 'operation-id-missing')!;
    const atRef = lastFor(client.published, uriOf('openapi.yaml'))!.find((d) => d.code === 'operation-id-missing')!;
    for (const [uri, d] of [
      [tickets, inFile],
      [uriOf('openapi.yaml'), atRef],
    ] as const) {
      const [fix, ...more] = await fixesAt(uri, d);
      assert.equal(more.length, 0);
      assert.equal(fix?.title, 'Add operationId "createATicket" in paths/tickets.yaml');
      assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [tickets], 'the edit is in paths/tickets.yaml alone');
      assert.equal(applyLspEdits(text, fix.edit!.changes![tickets]), fixed);
    }
    client.notify('textDocument/didClose', { textDocument: { uri: tickets } });
  });

  it('the outline lists the operations of a path item written in another file, under its path, at its $ref', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('openapi.yaml') } }, 10_000);
    const paths = symbols.find((s) => s.name === 'paths')!;
    assert.equal(paths.detail, '3 operations');
    const line = (r: { start: { line: number } }) => r.start.line + 1;
    assert.deepEqual(
      paths.children!.map((p) => [p.name, line(p.selectionRange), p.children!.map((o) => [o.name, o.detail, line(o.selectionRange)])]),
      [
        [
          '/tickets',
          10,
          [
            ['GET /tickets', 'List tickets · in paths/tickets.yaml', 10],
            ['POST /tickets', 'Create a ticket · in paths/tickets.yaml', 10],
          ],
        ],
        ['/tickets/{id}', 12, [['GET /tickets/{id}', 'Get a ticket', 15]]],
      ],
    );
  });

  it('typing in an open referenced file runs the spec again: a cycle removed leaves both files', async () => {
    open('schemas/user.yaml');
    await until('the open user.yaml with the cycles the spec found in it', {
      'schemas/user.yaml': (ds) => codes(ds).join() === '11:circular-ref,15:circular-ref',
    });
    // Remove the `manager: $ref: '#'` property (lines 10-11).
    client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf('schemas/user.yaml'), version: 2 },
      contentChanges: [{ range: { start: { line: 9, character: 0 }, end: { line: 11, character: 0 } }, text: '' }],
    });
    await until('the self-reference gone from user.yaml and from the spec', {
      'schemas/user.yaml': (ds) => codes(ds).join() === '13:circular-ref',
      'openapi.yaml': (ds) => (ds ?? []).filter((d) => d.code === 'circular-ref').length === 2,
    });
  });

  it('a file saved on disk (a watched-file change) runs the spec again', async () => {
    const file = path.join(folder, 'paths', 'tickets.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('post:\n  summary: Create a ticket', 'post:\n  operationId: createTicket\n  summary: Create a ticket'),
    );
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('paths/tickets.yaml'), type: 2 }] });
    await until('the missing operationId gone', {
      'paths/tickets.yaml': (ds) => ds?.length === 0,
      'openapi.yaml': (ds) => ds !== undefined && !ds.some((d) => d.code === 'operation-id-missing'),
    });
  });

  it('a $ref to a missing file is one diagnostic at that $ref', async () => {
    const text = readFileSync(path.join(folder, 'openapi.yaml'), 'utf8').replace('$ref: ./schemas/user.yaml', '$ref: ./schemas/nobody.yaml');
    client.notify('textDocument/didChange', { textDocument: { uri: uriOf('openapi.yaml'), version: 2 }, contentChanges: [{ text }] });
    await until('ref-unresolved at the $ref', {
      'openapi.yaml': (ds) => codes(ds).includes('28:ref-unresolved'),
    });
    const spec = lastFor(client.published, uriOf('openapi.yaml'))!;
    const missing = spec.filter((d) => d.code === 'ref-unresolved');
    assert.equal(missing.length, 1);
    assert.match(String(missing[0].message), /schemas\/nobody\.yaml/);
  });

  it('closing the spec clears what it found in the other files', async () => {
    client.notify('textDocument/didClose', { textDocument: { uri: uriOf('openapi.yaml') } });
    await until('the files it reported cleared', {
      'schemas/user.yaml': (ds) => ds?.length === 0,
      'schemas/ticket.yaml': (ds) => ds?.length === 0,
    });
  });

  it('a spec past 2 MB: an edit of its own text leaves the check as it was; an edit of its file references runs it', async () => {
    // The split spec with 6,000 schemas of its own: past the size where each edit would bundle it again.
    const bulk = Array.from(
      { length: 6000 },
      (_, i) => `    Filler${i}:\n      type: object\n      description: ${'A schema that takes room. '.repeat(12)}\n`,
    ).join('');
    const text = readFileSync(path.join(FIXTURE, 'openapi.yaml'), 'utf8').replace('components:\n  schemas:\n', `components:\n  schemas:\n${bulk}`);
    assert.ok(text.length > 2_000_000);
    const uri = uriOf('big.yaml');
    const userPublishes = () => client.published.filter((p) => p.uri === uriOf('schemas/user.yaml')).length;
    const cyclesInSpec = (ds: Diagnostic[] | undefined) => (ds ?? []).filter((d) => String(d.message).startsWith('In schemas/user.yaml:')).length;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await client.publishedUntil((all) => cyclesInSpec(lastFor(all, uri)) > 0, 'the big spec checked with its referenced files', 30_000);
    const before = userPublishes();

    const published = client.waitForDiagnostics(uri, { version: 2, timeoutMs: 30_000 });
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace('Tickets and the people who work on them.', 'Tickets and their people.') }],
    });
    const v2 = await published;
    // A request answered after the version's run: a check run for it would have published before this answer.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(userPublishes(), before, 'no check of the referenced files for an edit of the text alone');
    assert.ok(cyclesInSpec(v2.diagnostics) > 0, "the spec's markers for its referenced files stay");

    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: text.replace('$ref: ./schemas/user.yaml', '$ref: ./schemas/nobody.yaml') }],
    });
    await client.publishedUntil((all) => (lastFor(all, uri) ?? []).some((d) => d.code === 'ref-unresolved'), 'the changed reference checked', 30_000);
  });

  it("the settings file's checks see the operations written in referenced files (the spec open, and on disk)", async () => {
    const settings = 'openapi.rewst-integration.json';
    const text = JSON.stringify({ name: 'Helpdesk', spec: 'openapi.yaml', paginatedActions: ['listTickets', 'getTicket', 'gone'] }, null, 2);
    writeFileSync(path.join(folder, settings), text);
    const missing = (ds: Diagnostic[] | undefined) => (ds ?? []).filter((d) => d.code === 'settings-operation-missing').map((d) => String(d.message));
    // The spec on disk (closed above), then open.
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(settings), languageId: 'json', version: 1, text } });
    await until('the settings checks against the spec on disk', { [settings]: (ds) => missing(ds).length === 1 });
    assert.match(missing(lastFor(client.published, uriOf(settings)))[0], /no operation "gone"/);
    open('openapi.yaml', 5);
    client.notify('textDocument/didChange', { textDocument: { uri: uriOf(settings), version: 2 }, contentChanges: [{ text: text + '\n' }] });
    await client.waitForDiagnostics(uriOf(settings), { version: 2, timeoutMs: 30_000 });
    await until('the settings checks against the open spec', { [settings]: (ds) => missing(ds).length === 1 && /"gone"/.test(missing(ds)[0]) });
  });
});
