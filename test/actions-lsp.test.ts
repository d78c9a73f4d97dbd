/**
 * rewst/actions and rewst/renamePreview on the built server (dist/server.js)
 * over its real LSP connection. Expected values come from the engine, so these
 * tests check the wiring: positions, versions, the settings file, the edits.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { applyEdits, actionListOfText, previewRename } from '../server/src/engine';
import { type ActionsResult, type RenamePreviewParams, type RenamePreviewResult, ActionsRequest, RenamePreviewRequest } from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { applyLspEdits, textAt } from './support/lsp-edits';
import { directorySpec, readRoot, ROOT } from './support/specs';

const SERVER = join(ROOT, 'dist', 'server.js');
const TIMEOUT = { timeout: 20_000 };
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const OPENAQ = directorySpec('openaq.local.json');
const PHOTO = readRoot('examples/photo-records.yaml');

describe('LSP: the actions view and rename requests', () => {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rewst-actions-lsp-'));
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { debounceMs: 0 });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(name: string, languageId: string, text: string, version = 1): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    const uri = pathToFileURL(path).toString();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  const actions = (uri: string) => client.request<ActionsResult | null>(ActionsRequest, { uri }, 10_000);
  const preview = (params: RenamePreviewParams) => client.request<RenamePreviewResult>(RenamePreviewRequest, params, 10_000);

  it('a spec split over files: the operations of path items written in other files, in the order of paths, revealed in their file', TIMEOUT, async () => {
    const folder = join(dir, 'split');
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), folder, { recursive: true });
    const spec = join(folder, 'openapi.yaml');
    const uri = pathToFileURL(spec).toString();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(spec, 'utf8') } });
    const r = await actions(uri);
    assert.ok(r?.isSpec);
    const tickets = pathToFileURL(join(folder, 'paths', 'tickets.yaml')).toString();
    assert.deepEqual(
      r.actions.map((a) => [a.method, a.path, a.name, a.uri ?? 'the spec', a.range.start.line + 1, a.range.start.character + 1]),
      [
        ['GET', '/tickets', 'List tickets', tickets, 1, 1],
        ['POST', '/tickets', 'Create a ticket', tickets, 15, 1],
        ['GET', '/tickets/{id}', 'Get a ticket', 'the spec', 15, 5],
      ],
    );
    // A rename renames the actions written in paths/tickets.yaml there: each change names that file, its edit on that file's text.
    const p = await preview({ uri, field: 'name', match: 'ticket', replace: 'case' });
    assert.ok(p.ok);
    assert.deepEqual(
      p.changes.map((c) => [c.method, c.path, c.new, c.file ?? 'the spec', c.uri ?? 'the spec', c.edit.range.start.line + 1]),
      [
        ['GET', '/tickets/{id}', 'Get a case', 'the spec', 'the spec', 17],
        ['GET', '/tickets', 'List cases', 'paths/tickets.yaml', tickets, 3],
        ['POST', '/tickets', 'Create a case', 'paths/tickets.yaml', tickets, 16],
      ],
    );
    assert.deepEqual(p.skipped, []);
    // The edits for the other file, applied to its text, change the two summaries and nothing else.
    const before = readFileSync(join(folder, 'paths', 'tickets.yaml'), 'utf8');
    const after = applyLspEdits(
      before,
      p.changes.filter((c) => c.uri === tickets).map((c) => c.edit),
    );
    assert.equal(after, before.replace('summary: List tickets', 'summary: List cases').replace('summary: Create a ticket', 'summary: Create a case'));
    // The spec's own edits (p.edits) are the spec's change alone.
    assert.equal(p.edits.length, 1);
  });

  it('rewst/actions lists what the engine lists, with ranges on the method keys', TIMEOUT, async () => {
    const uri = open('openaq.json', 'json', OPENAQ);
    const result = await actions(uri);
    assert.ok(result);
    const expected = actionListOfText(OPENAQ, 'json');
    assert.equal(result.version, 1);
    assert.equal(result.isSpec, true);
    // Through JSON, as the wire carries it: members that are undefined are left out.
    assert.deepEqual(result.actions, JSON.parse(JSON.stringify(expected.actions.map(({ offset: _o, ...rest }) => rest))));
    assert.deepEqual(result.groups, expected.groups);
    for (const a of result.actions) assert.equal(textAt(OPENAQ, a.range), JSON.stringify(a.method.toLowerCase()));
    assert.equal(result.settingsUri, undefined);
  });

  it('paginated marks come from the settings file beside the spec, and from its unsaved text when it is open', TIMEOUT, async () => {
    writeFileSync(join(dir, 'photos.rewst-integration.json'), JSON.stringify({ paginatedActions: ['createPhotoRecord'] }));
    const uri = open('photos.yaml', 'yaml', PHOTO);
    const onDisk = await actions(uri);
    assert.ok(onDisk);
    assert.equal(onDisk.settingsUri, pathToFileURL(join(dir, 'photos.rewst-integration.json')).toString());
    assert.deepEqual(
      onDisk.actions.filter((a) => a.paginated).map((a) => `${a.method} ${a.path}`),
      ['POST /photo-records/', 'GET /photo-records/{id}'],
    );
    // The editor holds an edit not yet saved: it wins over the file on disk.
    client.notify('textDocument/didOpen', { textDocument: { uri: onDisk.settingsUri, languageId: 'json', version: 1, text: '{"paginatedActions": []}' } });
    const edited = await actions(uri);
    assert.deepEqual(
      edited?.actions.filter((a) => a.paginated),
      [],
    );
  });

  it("rewst/renamePreview gives the engine's changes as LSP edits that produce the same text", TIMEOUT, async () => {
    const uri = open('openaq-rename.json', 'json', OPENAQ);
    const result = await preview({ uri, field: 'name', match: '(.*?) Get', replace: 'Get $1' });
    assert.ok(result.ok, JSON.stringify(result));
    const engine = previewRename(OPENAQ, 'json', { field: 'name', match: '(.*?) Get', replace: 'Get $1' });
    assert.ok(engine.ok);
    assert.equal(result.version, 1);
    assert.equal(result.regex, '/(.*?) Get/');
    assert.deepEqual(
      result.changes.map((c) => [c.method, c.path, c.old, c.new]),
      engine.changes.map((c) => [c.method, c.path, c.old, c.new]),
    );
    assert.deepEqual(result.collisions, engine.collisions);
    assert.equal(applyLspEdits(OPENAQ, result.edits), applyEdits(OPENAQ, engine.edits));
    for (const c of result.changes) assert.equal(JSON.parse(textAt(OPENAQ, c.edit.range)), c.old);
  });

  it('reads /pattern/flags as typed in the input box, and explains an invalid regex', TIMEOUT, async () => {
    const uri = open('photos-typed.yaml', 'yaml', PHOTO);
    const typed = await preview({ uri, field: 'name', match: '/^(.*?) get$/i', literal: true, replace: 'Get $1' });
    assert.ok(typed.ok);
    assert.equal(typed.regex, '/^(.*?) get$/i');
    assert.deepEqual(
      typed.changes.map((c) => c.new),
      ['Get Photo Records'],
    );
    const invalid = await preview({ uri, field: 'name', match: '(.*? Get', literal: true, replace: 'Get $1' });
    assert.deepEqual(invalid, { ok: false, reason: 'a group opened with "(" is never closed' });
    const field = await preview({ uri, field: 'title' as 'name', match: 'a', replace: 'b' });
    assert.equal(field.ok, false);
  });

  it('follows the document as it changes: the version and the changes are the new ones', TIMEOUT, async () => {
    const uri = open('photos-edit.yaml', 'yaml', PHOTO);
    const edited = PHOTO.replace('summary: Photo Records Create', 'summary: Photo Records Get All');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const result = await preview({ uri, field: 'name', match: '(.*?) Get', replace: 'Get $1' });
    assert.ok(result.ok);
    assert.equal(result.version, 2);
    assert.deepEqual(
      result.changes.map((c) => c.new),
      ['Get Photo Records', 'Get Photo Records All'],
    );
    assert.equal(
      applyLspEdits(edited, result.edits),
      edited.replace('summary: Photo Records Get\n', 'summary: Get Photo Records\n').replace('Photo Records Get All', 'Get Photo Records All'),
    );
  });

  it('a catastrophic regex gets a reason, and the server goes on answering', TIMEOUT, async () => {
    const uri = open('hostile.yaml', 'yaml', PHOTO.replace('summary: Photo Records Get', `summary: ${'a'.repeat(60)}!`));
    const hostile = await preview({ uri, field: 'name', match: '(a+)+$', replace: 'x' });
    assert.equal(hostile.ok, false);
    assert.match((hostile as { reason: string }).reason, /backtracks catastrophically/);
    const next = await actions(uri);
    assert.equal(next?.actions.length, 3);
  });

  it('a document the server does not hold gets null, or a reason', TIMEOUT, async () => {
    const uri = pathToFileURL(join(dir, 'never-opened.yaml')).toString();
    assert.equal(await actions(uri), null);
    const result = await preview({ uri, field: 'name', match: 'a', replace: 'b' });
    assert.equal(result.ok, false);
  });
});
