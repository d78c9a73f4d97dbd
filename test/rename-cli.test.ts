/**
 * `rewst-openapi rename` as built (dist/cli.js), run on copies of real files:
 * preview first, written only with --write, and what it prints and returns.
 */
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdits, previewRename } from '../server/src/engine';
import { directorySpec, ROOT } from './support/specs';
import { runCli, type CliRun } from './support/cli';

function cli(...args: string[]): CliRun {
  return runCli(args);
}

describe('CLI: rename', () => {
  let dir: string;
  let photo: string;
  let openaq: string;
  const photoText = readFileSync(join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
  const openaqText = directorySpec('openaq.local.json');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rewst-rename-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Fresh copies for each test, so a test that writes cannot affect another.
  function copies(): void {
    photo = join(dir, 'photo-records.yaml');
    openaq = join(dir, 'openaq.json');
    copyFileSync(join(ROOT, 'examples', 'photo-records.yaml'), photo);
    writeFileSync(openaq, openaqText);
  }

  it('a spec split over files: the actions written in its path-item files are renamed there, with --write only', () => {
    const folder = join(dir, 'split');
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), folder, { recursive: true });
    const spec = join(folder, 'openapi.yaml');
    const tickets = join(folder, 'paths', 'tickets.yaml');
    const [specBefore, ticketsBefore] = [readFileSync(spec, 'utf8'), readFileSync(tickets, 'utf8')];
    const preview = cli('rename', spec, '--match', 'ticket', '--replace', 'case');
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /GET \/tickets \(listTickets\) in paths\/tickets\.yaml\n {2}- "List tickets"\n {2}\+ "List cases"/);
    assert.match(preview.stdout, /POST \/tickets in paths\/tickets\.yaml\n {2}- "Create a ticket"\n {2}\+ "Create a case"/);
    assert.deepEqual([readFileSync(spec, 'utf8'), readFileSync(tickets, 'utf8')], [specBefore, ticketsBefore], 'a preview writes nothing');
    const written = cli('rename', spec, '--match', 'ticket', '--replace', 'case', '--write');
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /3 of 3 action names change; written \(and in paths\/tickets\.yaml\)/);
    assert.equal(readFileSync(spec, 'utf8'), specBefore.replace('summary: Get a ticket', 'summary: Get a case'));
    assert.equal(
      readFileSync(tickets, 'utf8'),
      ticketsBefore.replace('summary: List tickets', 'summary: List cases').replace('summary: Create a ticket', 'summary: Create a case'),
    );
  });

  it('a spec split over files: a name an action in another file would share is a collision, and nothing is written', () => {
    const folder = join(dir, 'split-collision');
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), folder, { recursive: true });
    const tickets = join(folder, 'paths', 'tickets.yaml');
    const before = readFileSync(tickets, 'utf8');
    const r = cli('rename', join(folder, 'openapi.yaml'), '--match', '^List tickets$', '--replace', 'Get a ticket', '--write');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /collision: 2 actions would be named "Get a ticket": GET \/tickets\/\{id\} \(unchanged\), GET \/tickets\n/);
    assert.equal(readFileSync(tickets, 'utf8'), before);
  });

  it('without --write it prints each change and writes nothing', () => {
    copies();
    const r = cli('rename', photo, '--field', 'name', '--match', '(.*?) Get', '--replace', 'Get $1');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'GET /photo-records/\n  - "Photo Records Get"\n  + "Get Photo Records"\n');
    assert.match(r.stderr, /1 of 3 action names change \(preview: nothing written; add --write to save\)/);
    assert.equal(readFileSync(photo, 'utf8'), photoText);
  });

  it('with --write it saves exactly the previewed edits', () => {
    copies();
    const r = cli('rename', photo, '--match', '(.*?) Get', '--replace', 'Get $1', '--write');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /written/);
    assert.equal(readFileSync(photo, 'utf8'), photoText.replace('summary: Photo Records Get', 'summary: Get Photo Records'));
  });

  it('--flags i, on the name field by default, and an operation without a summary gets one', () => {
    copies();
    const r = cli('rename', photo, '--match', '^CREATE(.*)$', '--flags', 'i', '--replace', 'New$1', '--write');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /- "createPhotoRecord"\n {2}\+ "NewPhotoRecord" {2}\(adds a summary: the name was its operationId\)/);
    const preview = previewRename(photoText, 'yaml', { field: 'name', match: '^CREATE(.*)$', flags: 'i', replace: 'New$1' });
    assert.ok(preview.ok);
    assert.equal(readFileSync(photo, 'utf8'), applyEdits(photoText, preview.edits));
  });

  it('collisions are listed, and stop --write unless --allow-collisions', () => {
    copies();
    const refused = cli('rename', openaq, '--match', '(.*?) Get', '--replace', 'Get $1', '--write');
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /collision: 3 actions would be named "Get Countries": GET \/v1\/countries\/\{country_id\}, GET \/v2\/countries, GET \/v2\/countries\/\{country_id\}/,
    );
    assert.match(refused.stderr, /nothing written/);
    assert.equal(readFileSync(openaq, 'utf8'), openaqText);
    const forced = cli('rename', openaq, '--match', '(.*?) Get', '--replace', 'Get $1', '--write', '--allow-collisions');
    assert.equal(forced.code, 0, forced.stderr);
    assert.notEqual(readFileSync(openaq, 'utf8'), openaqText);
  });

  it('descriptions with --field description', () => {
    copies();
    const r = cli('rename', openaq, '--field', 'description', '--match', 'Sanity check', '--replace', 'Health check');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^GET \/ping \(pong_ping_get\)\n {2}- "Sanity check\.\\nThis/);
    assert.match(r.stderr, /1 of \d+ action descriptions change/);
  });

  it('no match: a clear message, exit 1, nothing written', () => {
    copies();
    const r = cli('rename', photo, '--match', '^Zebra', '--replace', 'x', '--write');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /\/\^Zebra\/ matches none of the 3 action names; nothing to rename/);
    assert.equal(readFileSync(photo, 'utf8'), photoText);
  });

  it('an invalid regex, a missing flag or a file that is not a spec: exit 2 with the reason', () => {
    copies();
    const invalid = cli('rename', photo, '--match', '(.*? Get', '--replace', 'x');
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /a group opened with "\(" is never closed/);
    const noMatch = cli('rename', photo, '--replace', 'x');
    assert.equal(noMatch.code, 2);
    assert.match(noMatch.stderr, /--match REGEX is required/);
    const field = cli('rename', photo, '--field', 'title', '--match', 'a', '--replace', 'b');
    assert.equal(field.code, 2);
    assert.match(field.stderr, /--field must be name or description/);
    const notSpec = cli('rename', join(ROOT, 'package.json'), '--match', 'a', '--replace', 'b');
    assert.equal(notSpec.code, 2);
    assert.match(notSpec.stderr, /not an OpenAPI or Swagger description/);
  });
});
