/**
 * rewst/uploadSize and rewst/uploadSizeChanged on the built server (dist/server.js) over its real LSP
 * connection: the action count at once, the size once measured, equal to the bytes the CLI's prepare
 * writes (dist/cli.js, the same engine with its structural check), each version's size replacing the
 * last, nothing for a file that is not a spec.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { actionListOfText } from '../server/src/engine';
import { type UploadSizeResult, UploadSizeChangedNotification, UploadSizeRequest } from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { readRoot, ROOT } from './support/specs';

const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const TIMEOUT = { timeout: 60_000 };
assert.ok(existsSync(SERVER) && existsSync(CLI), 'dist/ is missing: run "npm run build" first');

const PHOTO = readRoot('examples/photo-records.yaml');
const LEGACY = readRoot('examples/legacy-swagger.json');
const CHANGED = UploadSizeChangedNotification;

describe('LSP: the upload size for the status bar', () => {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rewst-upload-size-lsp-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), join(dir, 'split'), { recursive: true });
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { debounceMs: 0 });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(name: string, languageId: string, text?: string): string {
    const path = join(dir, name);
    if (text !== undefined) writeFileSync(path, text);
    const uri = pathToFileURL(path).toString();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(path, 'utf8') } });
    return uri;
  }

  const uploadSize = (uri: string) => client.request<UploadSizeResult | null>(UploadSizeRequest, { uri }, 20_000);
  /** The measured answer for this version, pushed by the server (now or later). */
  const measured = (uri: string, version: number, since = 0) =>
    client.waitForNotification<UploadSizeResult>(CHANGED, (p) => p.uri === uri && p.version === version && !p.pending, { since, timeoutMs: 30_000 });

  /** The bytes of the file the CLI's prepare writes for `name` (in the test folder). */
  function cliPreparedBytes(name: string): number {
    const out = join(dir, `${name}.cli-out.json`);
    const r = spawnSync(process.execPath, [CLI, 'prepare', join(dir, name), '-o', out], { encoding: 'utf8', timeout: 120_000 });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return readFileSync(out).length;
  }

  it('a Swagger 2.0 spec: the action count at once, then the size of what the CLI prepares', TIMEOUT, async () => {
    const uri = open('legacy.json', 'json', LEGACY);
    const first = await uploadSize(uri);
    assert.ok(first);
    assert.equal(first.version, 1);
    assert.equal(first.actions, actionListOfText(LEGACY, 'json').actions.length);
    assert.ok(first.actions > 0);
    const done = first.pending ? await measured(uri, 1) : first;
    assert.equal(done.bytes, cliPreparedBytes('legacy.json'));
    assert.equal(done.preparedActions, first.actions);
    assert.equal(done.problem, undefined);
    // Measured once per version: asked again, the answer is there at once.
    assert.deepEqual(await uploadSize(uri), done);
  });

  it('a spec split over files: bundled as prepare bundles it, so all its actions are counted', TIMEOUT, async () => {
    const uri = open('split/openapi.yaml', 'yaml');
    const first = await uploadSize(uri);
    assert.ok(first);
    assert.equal(first.actions, 3, 'counted at once, before the size is measured: the path item in paths/tickets.yaml read alone');
    const done = first.pending ? await measured(uri, 1) : first;
    assert.equal(done.bytes, cliPreparedBytes('split/openapi.yaml'));
    assert.equal(done.preparedActions, 3, 'GET /tickets/{id} here, GET and POST /tickets from paths/tickets.yaml');
  });

  it('a referenced file open in an editor: its unsaved text is bundled, not the file on disk', TIMEOUT, async () => {
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), join(dir, 'split-open'), { recursive: true });
    const paths = join(dir, 'split-open', 'paths', 'tickets.yaml');
    const onDisk = readFileSync(paths, 'utf8');
    const unsaved = onDisk.slice(0, onDisk.indexOf('\npost:') + 1); // the editor has cut POST /tickets
    assert.ok(unsaved.length < onDisk.length && unsaved.startsWith('get:'));
    client.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(paths).toString(), languageId: 'yaml', version: 1, text: unsaved } });
    const uri = open('split-open/openapi.yaml', 'yaml');
    const first = await uploadSize(uri);
    assert.ok(first);
    const done = first.pending ? await measured(uri, 1) : first;
    assert.equal(done.preparedActions, 2, 'GET /tickets/{id} and GET /tickets: the POST the editor cut is gone');
    writeFileSync(paths, unsaved);
    assert.equal(done.bytes, cliPreparedBytes('split-open/openapi.yaml'));

    // The referenced file is edited back (POST /tickets again): the spec's version is the same, its upload is not.
    const since = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri: pathToFileURL(paths).toString(), version: 2 }, contentChanges: [{ text: onDisk }] });
    const again = await client.waitForNotification<UploadSizeResult>(CHANGED, (p) => p.uri === uri && !p.pending && p.preparedActions === 3, {
      since,
      timeoutMs: 30_000,
    });
    writeFileSync(paths, onDisk);
    assert.equal(again.version, 1);
    assert.equal(again.bytes, cliPreparedBytes('split-open/openapi.yaml'));
  });

  it("a newer version's size replaces the older one's; the older one's is never given for it", TIMEOUT, async () => {
    const uri = open('photos.yaml', 'yaml', PHOTO);
    const first = await uploadSize(uri);
    assert.ok(first);
    const v1 = first.pending ? await measured(uri, 1) : first;
    assert.equal(v1.bytes, cliPreparedBytes('photos.yaml'));

    // Version 2 drops the spec's last operation (its last path item): fewer actions, a smaller file.
    const cut = PHOTO.lastIndexOf('\n  /');
    assert.ok(cut > 0 && cut < PHOTO.indexOf('\ncomponents:'), 'the example ends its paths before components');
    const edited = PHOTO.slice(0, cut + 1) + PHOTO.slice(PHOTO.indexOf('components:', cut));
    const since = client.notifications.length;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const now = await uploadSize(uri);
    assert.ok(now);
    assert.equal(now.version, 2);
    assert.equal(now.actions, actionListOfText(edited, 'yaml').actions.length);
    assert.ok(now.actions < v1.actions);
    const v2 = now.pending ? await measured(uri, 2, since) : now;
    writeFileSync(join(dir, 'photos-v2.yaml'), edited);
    assert.equal(v2.bytes, cliPreparedBytes('photos-v2.yaml'));
    assert.ok(v2.bytes! < v1.bytes!);
    // Every answer pushed since the edit is about version 2.
    assert.deepEqual(
      [
        ...new Set(
          client.notifications
            .slice(since)
            .flatMap((n) => (n.method === CHANGED.method && (n.params as UploadSizeResult).uri === uri ? [(n.params as UploadSizeResult).version] : [])),
        ),
      ],
      [2],
    );
    assert.deepEqual(await uploadSize(uri), v2);
  });

  it('a spec prepare refuses (OpenAPI 1.0): the count, and the reason instead of a size', TIMEOUT, async () => {
    const uri = open('old.yaml', 'yaml', 'swagger: "1.2"\ninfo:\n  title: Old\npaths: {}\n');
    const first = await uploadSize(uri);
    assert.ok(first);
    const done = first.pending ? await measured(uri, 1) : first;
    assert.equal(done.bytes, undefined);
    assert.match(done.problem ?? '', /Cannot prepare this file for Rewst/);
  });

  it('a JSON file that is not a spec, or a file not open: no answer, and nothing pushed for it', TIMEOUT, async () => {
    const since = client.notifications.length;
    const uri = open('package.json', 'json', '{ "name": "not-a-spec", "version": "1.0.0" }\n');
    assert.equal(await uploadSize(uri), null);
    assert.equal(await uploadSize(pathToFileURL(join(dir, 'never-opened.yaml')).toString()), null);
    // An edit of it, then a spec opened after it and measured: by then nothing came for the JSON file.
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '{ "name": "still-not" }\n' }] });
    const spec = open('after.yaml', 'yaml', PHOTO);
    const answer = await uploadSize(spec);
    if (answer?.pending) await measured(spec, 1, since);
    assert.deepEqual(
      client.notifications.slice(since).filter((n) => (n.params as { uri?: string }).uri === uri),
      [],
    );
  });
});

describe('LSP: the upload size with rewstOpenapi.foldBasePath off', () => {
  it('the size is that of what prepare --keep-base-path writes', TIMEOUT, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewst-upload-size-fold-'));
    const client = LspClient.start(SERVER, ROOT);
    try {
      await client.initialize(null, { debounceMs: 0, foldBasePath: false });
      const path = join(dir, 'photos.yaml');
      writeFileSync(path, PHOTO);
      assert.match(PHOTO, /url: https:\/\/api\.example\.com\/v1\n/, 'the example has the base path /v1');
      const uri = pathToFileURL(path).toString();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: PHOTO } });
      const first = await client.request<UploadSizeResult | null>(UploadSizeRequest, { uri }, 20_000);
      assert.ok(first);
      const done = first.pending
        ? await client.waitForNotification<UploadSizeResult>(CHANGED, (p) => p.uri === uri && !p.pending, { timeoutMs: 30_000 })
        : first;
      const bytes = (...flags: string[]) => {
        const out = join(dir, `out${flags.join('')}.json`);
        const r = spawnSync(process.execPath, [CLI, 'prepare', path, '-o', out, ...flags], { encoding: 'utf8', timeout: 120_000 });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        return readFileSync(out).length;
      };
      const kept = bytes('--keep-base-path');
      assert.notEqual(kept, bytes(), 'folding (the default) changes what is written');
      assert.equal(done.bytes, kept);
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
