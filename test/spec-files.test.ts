/**
 * The one locator of settings files, their specs and their icons
 * (engine/spec-files.ts), with a fake file access, with the disk, and with the
 * language server's open documents; and the CLI and the server reading an
 * icon the same way.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { settingsContext } from '../server/src/cli/settings-check';
import {
  diskFiles,
  followedInside,
  formatOfName,
  iconFor,
  insideFolder,
  MAX_ICON_BYTES,
  readSpecFile,
  settingsContextFor,
  settingsFileFor,
  specFileFor,
  type FileAccess,
  type SpecCache,
} from '../server/src/engine/spec-files';
import { openFiles } from '../server/src/features/open-files';
import { realPathWithin } from '../server/src/read-within';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';
const SPEC =
  'openapi: 3.0.3\ninfo: {title: Tickets, version: "1"}\npaths:\n  /tickets:\n    get:\n      operationId: listTickets\n      responses: {"200": {description: ok}}\n';

/** Files in memory; counts reads, so caching can be checked. */
class FakeFiles implements FileAccess {
  readonly reads: string[] = [];
  private readonly files = new Map<string, { text: string; version: number }>();
  constructor(entries: Record<string, string> = {}) {
    for (const [file, text] of Object.entries(entries)) this.put(file, text);
  }
  put(file: string, text: string): void {
    this.files.set(file, { text, version: (this.files.get(file)?.version ?? 0) + 1 });
  }
  exists(file: string): boolean {
    return this.files.has(file);
  }
  readText(file: string, maxBytes?: number) {
    const f = this.files.get(file);
    if (!f) return undefined;
    this.reads.push(file);
    return maxBytes !== undefined && Buffer.byteLength(f.text) > maxBytes ? { tooLarge: true as const } : { text: f.text };
  }
  stamp(file: string): string | undefined {
    const f = this.files.get(file);
    return f ? String(f.version) : undefined;
  }
}

const W = path.resolve('/w');
const at = (...parts: string[]) => path.join(W, ...parts);

describe('spec-files: the locator, with injected file access', () => {
  it('finds the settings file beside a spec under either name, the short one first, else names the one to create', () => {
    const files = new FakeFiles({ [at('petstore.yaml.rewst-integration.json')]: '{}' });
    assert.deepEqual(settingsFileFor(files, at('petstore.yaml')), { file: at('petstore.yaml.rewst-integration.json'), exists: true });
    files.put(at('petstore.rewst-integration.json'), '{}');
    assert.deepEqual(settingsFileFor(files, at('petstore.yaml')), { file: at('petstore.rewst-integration.json'), exists: true });
    assert.deepEqual(settingsFileFor(new FakeFiles(), at('api', 'github.json')), { file: at('api', 'github.rewst-integration.json'), exists: false });
  });

  it('finds the spec of a settings file: its "spec" member, relative to it, else one with its base name', () => {
    const files = new FakeFiles({ [at('tickets.yml')]: SPEC, [at('specs', 'v2.json')]: '{}' });
    assert.deepEqual(specFileFor(files, at('tickets.rewst-integration.json'), {}), {
      file: at('tickets.yml'),
      tried: [at('tickets.json'), at('tickets.yaml'), at('tickets.yml')],
    });
    assert.deepEqual(specFileFor(files, at('tickets.rewst-integration.json'), { spec: 'specs/v2.json' }), {
      file: at('specs', 'v2.json'),
      tried: [at('specs', 'v2.json')],
    });
    assert.deepEqual(specFileFor(files, at('tickets.rewst-integration.json'), { spec: 'gone.yaml' }), { file: undefined, tried: [at('gone.yaml')] });
    for (const odd of [undefined, null, 'text', [], { spec: 3 }])
      assert.equal(specFileFor(files, at('tickets.rewst-integration.json'), odd).file, at('tickets.yml'), JSON.stringify(odd));
  });

  it('reads an SVG icon named relative to the settings file; over MAX_ICON_BYTES it is not read, and says so', () => {
    const big = `<svg>${' '.repeat(MAX_ICON_BYTES)}</svg>`;
    const files = new FakeFiles({ [at('img', 'logo.svg')]: SVG, [at('big.svg')]: big });
    const settings = at('t.rewst-integration.json');
    assert.deepEqual(iconFor(files, settings, { icon: 'img/logo.svg' }), { exists: true, text: SVG, file: at('img', 'logo.svg') });
    assert.deepEqual(iconFor(files, settings, { icon: 'big.svg' }), {
      exists: true,
      text: '',
      problem: 'big.svg is larger than 5 MB, the most read for an icon (an SVG logo is a few kilobytes).',
      file: at('big.svg'),
    });
    assert.deepEqual(iconFor(files, settings, { icon: 'none.svg' }), { exists: false, file: at('none.svg') });
    assert.equal(iconFor(files, settings, { icon: 'logo.png' }), undefined, 'not an SVG: the validation speaks of it');
    assert.equal(iconFor(files, settings, {}), undefined);
  });

  it('reads a spec once while its stamp stays, again when it changes', () => {
    const file = at('tickets.yaml');
    const files = new FakeFiles({ [file]: SPEC });
    const cache: SpecCache = new Map();
    const first = readSpecFile(files, file, cache);
    assert.equal(first.name, 'tickets.yaml');
    assert.ok(first.root && (first.root.info as { title: string }).title === 'Tickets');
    assert.equal(readSpecFile(files, file, cache), first);
    assert.equal(files.reads.length, 1);
    files.put(file, '{"openapi": "3.0.3", "info": {"title": "Changed"');
    assert.deepEqual(readSpecFile(files, file, cache), { name: 'tickets.yaml', problem: 'The spec tickets.yaml does not parse.' });
    assert.equal(files.reads.length, 2);
    files.put(file, 'just: yaml\n');
    assert.deepEqual(readSpecFile(files, file, cache), { name: 'tickets.yaml', problem: 'tickets.yaml is not an OpenAPI or Swagger document.' });
    assert.deepEqual(readSpecFile(files, at('gone.yaml'), cache), { name: 'gone.yaml', problem: 'The spec gone.yaml cannot be read.' });
    readSpecFile(files, file);
    readSpecFile(files, file);
    assert.equal(files.reads.length, 5, 'without a cache every call reads');
  });

  it('puts the spec and the icon together for the settings checks, with the files they came from', () => {
    const files = new FakeFiles({ [at('tickets.yaml')]: SPEC, [at('logo.svg')]: SVG, [at('bad.svg')]: '<svg>' });
    const settings = at('tickets.rewst-integration.json');
    const ok = settingsContextFor(files, settings, { icon: 'logo.svg' });
    assert.equal(ok.specFile, at('tickets.yaml'));
    assert.equal(ok.iconFile, at('logo.svg'));
    assert.ok(ok.context.spec?.root);
    assert.deepEqual(ok.context.icon, { exists: true, text: SVG });
    const bad = settingsContextFor(files, settings, { icon: 'bad.svg', spec: 'other.json' });
    assert.equal(bad.iconFile, undefined, 'an icon that does not parse is not offered');
    assert.equal(bad.specFile, undefined);
    assert.deepEqual(bad.context.spec, {
      name: 'other.json',
      problem: 'No spec found for this settings file (looked for other.json); set "spec" to its path.',
    });
    const seen: string[] = [];
    const injected = settingsContextFor(files, settings, {}, (file) => (seen.push(file), { name: 'from the reader', problem: 'x' }));
    assert.deepEqual(seen, [at('tickets.yaml')]);
    assert.equal(injected.context.spec?.name, 'from the reader');
  });

  it('says the format a file name implies', () => {
    assert.deepEqual(['a.json', 'a.JSON', 'a.yaml', 'a.YML', 'a.txt', 'json'].map(formatOfName), ['json', 'json', 'yaml', 'yaml', undefined, undefined]);
  });
});

describe('spec-files: the disk and the open documents', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spec-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const settings = path.join(dir, 'tickets.rewst-integration.json');
  writeFileSync(path.join(dir, 'tickets.yaml'), SPEC);
  writeFileSync(path.join(dir, 'logo.svg'), SVG);
  writeFileSync(path.join(dir, 'huge.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(MAX_ICON_BYTES)}</svg>`);
  mkdirSync(path.join(dir, 'folder.svg'));

  it('diskFiles: files, not folders; the size cap; a stamp that changes with the file', () => {
    assert.equal(diskFiles.exists(path.join(dir, 'tickets.yaml')), true);
    assert.equal(diskFiles.exists(path.join(dir, 'folder.svg')), false);
    assert.equal(diskFiles.exists(path.join(dir, 'none')), false);
    assert.deepEqual(diskFiles.readText(path.join(dir, 'logo.svg'), MAX_ICON_BYTES), { text: SVG });
    assert.deepEqual(diskFiles.readText(path.join(dir, 'huge.svg'), MAX_ICON_BYTES), { tooLarge: true });
    assert.equal(diskFiles.readText(path.join(dir, 'folder.svg')), undefined);
    assert.equal(diskFiles.stamp(path.join(dir, 'none')), undefined);
    const file = path.join(dir, 'stamped.txt');
    writeFileSync(file, 'a');
    const before = diskFiles.stamp(file);
    writeFileSync(file, 'ab');
    assert.notEqual(diskFiles.stamp(file), before);
  });

  it('the CLI and the language server read the same icon the same way, the size cap included', () => {
    const docs: TextDocument[] = [];
    const documents = { all: () => docs } as unknown as TextDocuments<TextDocument>;
    const server = openFiles(documents);
    for (const icon of ['logo.svg', 'huge.svg', 'folder.svg', 'none.svg']) {
      const value = { icon };
      const cli = settingsContext(settings, value);
      const lsp = settingsContextFor(server, settings, value).context;
      assert.deepEqual(lsp, cli, icon);
    }
    assert.deepEqual(settingsContext(settings, { icon: 'huge.svg' }).icon, {
      exists: true,
      text: '',
      problem: 'huge.svg is larger than 5 MB, the most read for an icon (an SVG logo is a few kilobytes).',
    });
  });

  it('the language server reads an open document first: unsaved text, its version as the stamp', () => {
    const unsaved = SVG.replace('rect', 'circle');
    const logo = path.join(dir, 'logo.svg');
    const docs = [
      TextDocument.create(pathToFileURL(logo).href, 'xml', 7, unsaved),
      TextDocument.create(pathToFileURL(path.join(dir, 'new.yaml')).href, 'yaml', 1, SPEC),
    ];
    const server = openFiles({ all: () => docs } as unknown as TextDocuments<TextDocument>);
    assert.equal(server.openDoc(logo), docs[0]);
    assert.deepEqual(server.readText(logo), { text: unsaved });
    assert.deepEqual(server.readText(logo, 10), { tooLarge: true });
    assert.equal(server.stamp(logo), 'open:7');
    assert.equal(server.exists(path.join(dir, 'new.yaml')), true, 'open but never saved');
    assert.equal(server.exists(path.join(dir, 'tickets.yaml')), true, 'on disk');
    assert.deepEqual(settingsFileFor(server, path.join(dir, 'tickets.yaml')), { file: settings, exists: false });
    const context = settingsContextFor(server, path.join(dir, 'new.rewst-integration.json'), { icon: 'logo.svg' });
    assert.equal(context.specFile, path.join(dir, 'new.yaml'));
    assert.deepEqual(context.context.icon, { exists: true, text: unsaved });
  });
});

describe('confinement: one test of "inside the folder, after links", two entry points', () => {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'spec-files-within-')));
  after(() => rmSync(base, { recursive: true, force: true }));
  const folder = path.join(base, 'specs');
  mkdirSync(path.join(folder, 'schemas'), { recursive: true });
  writeFileSync(path.join(folder, 'schemas', 'ticket.yaml'), 'type: object\n');
  writeFileSync(path.join(base, 'secret.yaml'), 'secret: true\n');
  symlinkSync(path.join(base, 'secret.yaml'), path.join(folder, 'link.yaml'));
  symlinkSync(path.join(folder, 'schemas', 'ticket.yaml'), path.join(folder, 'inner-link.yaml'));

  it("a file below the folder, a link to one, a link out of it, a missing file: the engine's answer, the settings locator's and the spec reader's agree", () => {
    const at = (name: string) => path.join(folder, name);
    assert.deepEqual(followedInside(folder, at('schemas/ticket.yaml')), { real: at('schemas/ticket.yaml') });
    assert.deepEqual(followedInside(folder, at('inner-link.yaml')), { real: at('schemas/ticket.yaml') });
    assert.deepEqual(followedInside(folder, at('link.yaml')), { outside: true });
    assert.equal(followedInside(folder, at('none.yaml')).error?.code, 'ENOENT');

    // The settings file's spec and icon (names relative to the folder; a file not there yet resolves).
    assert.deepEqual(insideFolder(folder, 'schemas/ticket.yaml'), { file: at('schemas/ticket.yaml') });
    assert.deepEqual(insideFolder(folder, 'inner-link.yaml'), { file: at('inner-link.yaml') });
    assert.match(insideFolder(folder, 'link.yaml').problem ?? '', /outside the settings file's folder/);
    assert.match(insideFolder(folder, '../secret.yaml').problem ?? '', /outside the settings file's folder/);
    assert.deepEqual(insideFolder(folder, 'none.yaml'), { file: at('none.yaml') });

    // The files a spec refers to (bundling, Spectral): the real path, or a reason thrown.
    assert.equal(realPathWithin(folder, at('inner-link.yaml')), at('schemas/ticket.yaml'));
    assert.throws(() => realPathWithin(folder, at('link.yaml')), /outside the spec's folder/);
    assert.throws(() => realPathWithin(folder, path.join(base, 'secret.yaml')), /outside the spec's folder/);
    assert.throws(() => realPathWithin(folder, at('none.yaml')), /^Error: no such file$/);
  });
});
