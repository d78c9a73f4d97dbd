/**
 * Protocol tests: the built language server (dist/server.js) in its own
 * process, spoken to over stdio. Expected results come from the engine,
 * imported directly, so these tests check the wiring (positions, data,
 * versions, code actions), not the rules themselves.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, InitializeResult, Range } from 'vscode-languageserver-protocol';
import { analyze, fixFor, type Finding, type Format } from '../server/src/engine';
import { LspClient } from './support/lsp-client';
import { applyLspEdits, editsForUri, lineStarts, positionAt, textAt } from './support/lsp-edits';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const EXAMPLES = path.join(ROOT, 'examples');
/** Per test: generous for a loaded machine, short enough that a hung server fails fast. */
const TIMEOUT = { timeout: 8000 };

assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

// --- a document as the client sees it ---

interface Doc {
  uri: string;
  languageId: string;
  format: Format;
  version: number;
  text: string;
}

let uriCounter = 0;
/** A fresh URI per document, so tests sharing a server never see each other's publishes. */
function uriFor(name: string): string {
  return `file:///lsp-test/${++uriCounter}/${name}`;
}

async function open(client: LspClient, name: string, languageId: 'json' | 'yaml', text: string): Promise<{ doc: Doc; diagnostics: Diagnostic[] }> {
  const doc: Doc = { uri: uriFor(name), languageId, format: languageId, version: 1, text };
  const published = client.waitForDiagnostics(doc.uri, { version: 1 });
  client.notify('textDocument/didOpen', { textDocument: { uri: doc.uri, languageId, version: 1, text } });
  return { doc, diagnostics: (await published).diagnostics };
}

/** Replaces the whole text (version + 1) and returns the diagnostics published for the new version. */
async function change(client: LspClient, doc: Doc, text: string): Promise<Diagnostic[]> {
  doc.version++;
  doc.text = text;
  const published = client.waitForDiagnostics(doc.uri, { version: doc.version });
  client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text }] });
  return (await published).diagnostics;
}

/**
 * Resolves once the server has done all that the notifications sent before this call can still make it
 * publish: it edits another document and waits for that edit's publish. The server pauses after every edit
 * alike, so a publish still owed to an earlier edit (a stale version, a document since closed) would have
 * gone out first; whatever has arrived by then is all there will be. An event, not a guess at how long to sleep.
 */
async function settled(client: LspClient): Promise<void> {
  const text = 'openapi: 3.0.3\ninfo:\n  title: barrier\n  version: "1"\n  description: d\npaths: {}\n';
  const { doc } = await open(client, 'barrier.yaml', 'yaml', text);
  await change(client, doc, `${text}# edited\n`);
}

function codeActions(client: LspClient, doc: Doc, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range: Range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: positionAt(doc.text, doc.text.length) };
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: doc.uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

/** The quick fix the editor would put first: the single preferred quickfix for this diagnostic. */
function preferredQuickFix(actions: CodeAction[]): CodeAction {
  const preferred = actions.filter((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.equal(preferred.length, 1, `one preferred quick fix, got: ${JSON.stringify(actions.map((a) => a.title))}`);
  return preferred[0];
}

// --- comparing the server's diagnostics with the engine's findings ---

interface Seen {
  code: unknown;
  message: string;
  severity: unknown;
  range: Range;
}

/** LSP 3.18 allows markup in messages; the server sends plain strings. */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function fromDiagnostic(d: Diagnostic): Seen {
  return { code: d.code, message: messageOf(d), severity: d.severity, range: d.range };
}

function fromFinding(f: Finding): Seen {
  return { code: f.ruleId, message: f.message, severity: SEVERITY[f.severity], range: f.range };
}

function expectedFor(text: string, format: Format): Seen[] {
  const analysis = analyze(text, { format });
  return analysis.isSpec ? analysis.findings.map(fromFinding) : [];
}

function sameFinding(d: Diagnostic, f: Finding): boolean {
  return d.code === f.ruleId && messageOf(d) === f.message && JSON.stringify(d.range) === JSON.stringify(f.range);
}

function exampleText(name: string): string {
  return readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/**
 * The edits touch only their own few lines: each replaces at most two lines of
 * the original, and the lines that differ between the texts (found by trimming
 * common leading and trailing lines) lie between the first and last edit.
 */
function assertLocalEdits(before: string, after: string, edits: ReadonlyArray<{ range: Range }>): void {
  assert.ok(edits.length > 0, 'the action edits the document');
  for (const e of edits)
    assert.ok(e.range.end.line - e.range.start.line <= 1, `edit spans lines ${e.range.start.line}-${e.range.end.line}: too wide for a local fix`);
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const firstEditLine = Math.min(...edits.map((e) => e.range.start.line));
  const lastEditLine = Math.max(...edits.map((e) => e.range.end.line));
  assert.ok(prefix >= firstEditLine, `line ${prefix} changed, before the first edit (line ${firstEditLine})`);
  assert.ok(a.length - 1 - suffix <= lastEditLine, `line ${a.length - 1 - suffix} changed, after the last edit (line ${lastEditLine})`);
}

function commentLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /(^|\s)#/.test(l))
    .map((l) => l.slice(l.search(/(^|\s)#/)).trim());
}

// --- the server ---

/**
 * A server for these tests of Rewst's own wiring. Spectral is off: its results, which the server keeps
 * through edits until its next run, would mix into every publish (tested in spectral and diagnostics-lsp).
 */
function startServer(initializationOptions: unknown = { spectral: { enable: false } }): { client: () => LspClient; init: () => InitializeResult } {
  let client: LspClient | undefined;
  let init: InitializeResult | undefined;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    init = await client.initialize(null, initializationOptions);
  });
  after(async () => {
    await client?.shutdown();
  });
  return { client: () => client!, init: () => init! };
}

describe('LSP: initialize and shutdown', () => {
  it('advertises quick fixes and source.fixAll code actions, and exits cleanly', TIMEOUT, async () => {
    const client = LspClient.start(SERVER, ROOT);
    try {
      const init = await client.initialize();
      const provider = init.capabilities.codeActionProvider;
      assert.ok(provider && typeof provider === 'object', 'codeActionProvider is an options object');
      assert.ok(provider.codeActionKinds?.includes('quickfix'), 'quickfix kind');
      assert.ok(provider.codeActionKinds?.includes('source.fixAll'), 'source.fixAll kind');
      assert.ok(init.capabilities.textDocumentSync !== undefined, 'text document sync');
    } finally {
      assert.equal(await client.shutdown(), 0, 'exit code after shutdown + exit');
    }
  });
});

const EXAMPLE_SPECS = [
  {
    file: 'photo-records.yaml',
    languageId: 'yaml' as const,
    spot: { code: 'path-trailing-slash', text: '/photo-records/' },
    afterFixAll: ['pattern-invalid'], // [12-0] has no automatic fix
  },
  {
    file: 'legacy-swagger.json',
    languageId: 'json' as const,
    spot: { code: 'path-trailing-slash', text: '"/tickets/"' },
    afterFixAll: ['swagger-2'], // converting to OpenAPI 3 is not a quick fix
  },
];

for (const example of EXAMPLE_SPECS) {
  const text = exampleText(example.file);
  const analysis = analyze(text, { format: example.languageId });
  const withFix = analysis.findings.filter((f) => fixFor(analysis, f.ruleId, { path: f.path, data: f.data }));
  const withoutFix = analysis.findings.filter((f) => !withFix.includes(f));

  describe(`LSP: ${example.file}`, () => {
    const server = startServer();

    it('publishes exactly the findings analyze() reports, with source "rewst"', TIMEOUT, async () => {
      const { diagnostics } = await open(server.client(), example.file, example.languageId, text);
      assert.ok(diagnostics.length >= 7, 'the example has one of every error class');
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        analysis.findings.map((f) => f.ruleId),
      );
      assert.deepEqual(diagnostics.map(fromDiagnostic), analysis.findings.map(fromFinding));
      for (const d of diagnostics) assert.equal(d.source, 'rewst');
    });

    it('places every range on the text of its node', TIMEOUT, async () => {
      const { diagnostics } = await open(server.client(), example.file, example.languageId, text);
      const spot = diagnostics.find((d) => d.code === example.spot.code);
      assert.ok(spot, `a ${example.spot.code} diagnostic`);
      assert.equal(textAt(text, spot.range), example.spot.text);
      // and each range covers the same text as the finding's offsets
      analysis.findings.forEach((f, i) => {
        assert.equal(textAt(text, diagnostics[i].range), text.slice(f.offset.start, f.offset.end), `${f.ruleId} at ${f.pointer}`);
      });
    });

    it('links duplicate operationIds to each other with relatedInformation', TIMEOUT, async () => {
      const { doc, diagnostics } = await open(server.client(), example.file, example.languageId, text);
      const dups = diagnostics.filter((d) => d.code === 'operation-id-duplicate');
      assert.equal(dups.length, analysis.findings.filter((f) => f.ruleId === 'operation-id-duplicate').length);
      for (const d of dups) {
        assert.equal(d.relatedInformation?.length, dups.length - 1, 'one related location per other use');
        for (const rel of d.relatedInformation!) {
          assert.equal(rel.location.uri, doc.uri);
          assert.notDeepEqual(rel.location.range, d.range, 'points at another operation');
          assert.ok(
            dups.some((other) => other !== d && JSON.stringify(other.range) === JSON.stringify(rel.location.range)),
            'at the other duplicate',
          );
          assert.equal(textAt(text, rel.location.range), textAt(text, d.range), 'the same id');
          assert.match(rel.message, /is also used by/);
        }
      }
      for (const d of diagnostics.filter((x) => x.code !== 'operation-id-duplicate'))
        assert.ok(!d.relatedInformation?.length, `${d.code} has no related information`);
    });

    for (const finding of withFix) {
      it(`quick fix for ${finding.ruleId} at ${finding.pointer} removes it and changes only its lines`, TIMEOUT, async () => {
        const client = server.client();
        const { doc, diagnostics } = await open(client, example.file, example.languageId, text);
        const diagnostic = diagnostics.find((d) => sameFinding(d, finding));
        assert.ok(diagnostic, 'the finding is published');
        const fix = preferredQuickFix(await codeActions(client, doc, [diagnostic]));
        assert.deepEqual(fix.diagnostics, [diagnostic], 'the fix names the diagnostic it fixes');
        const edits = editsForUri(fix.edit, doc.uri);
        const fixed = applyLspEdits(text, edits);
        assertLocalEdits(text, fixed, edits);
        if (example.languageId === 'yaml') assert.deepEqual(commentLines(fixed), commentLines(text), 'comments kept');

        const after = await change(client, doc, fixed);
        assert.ok(!after.some((d) => d.code === 'parse-error'), `fixed text parses: ${JSON.stringify(after.filter((d) => d.code === 'parse-error'))}`);
        assert.ok(!after.some((d) => d.code === diagnostic.code && messageOf(d) === messageOf(diagnostic)), 'the diagnostic is gone');
        // Rewst's only: Spectral's results for the first version may be kept (moved with the text) when they came before the change.
        const rewst = (ds: Diagnostic[]) => ds.filter((d) => d.source === 'rewst');
        assert.ok(rewst(after).length < rewst(diagnostics).length, 'fewer problems than before');
        assert.deepEqual(after.map(fromDiagnostic), expectedFor(fixed, doc.format), 'diagnostics are those of the fixed text');
      });
    }

    for (const finding of withoutFix) {
      it(`offers no quick fix for ${finding.ruleId} at ${finding.pointer}, which has none`, TIMEOUT, async () => {
        const client = server.client();
        const { doc, diagnostics } = await open(client, example.file, example.languageId, text);
        const diagnostic = diagnostics.find((d) => sameFinding(d, finding));
        assert.ok(diagnostic, 'the finding is published');
        const actions = await codeActions(client, doc, [diagnostic], ['quickfix']);
        assert.deepEqual(actions, []);
      });
    }

    it('source.fixAll returns one action that leaves no fixable problem', TIMEOUT, async () => {
      const client = server.client();
      const { doc, diagnostics } = await open(client, example.file, example.languageId, text);
      const actions = await codeActions(client, doc, diagnostics, ['source.fixAll']);
      assert.equal(actions.length, 1, `one action, got ${JSON.stringify(actions.map((a) => a.title))}`);
      const [action] = actions;
      assert.equal(action.kind, 'source.fixAll');
      const edits = editsForUri(action.edit, doc.uri);
      const fixed = applyLspEdits(text, edits);
      assertLocalEdits(text, fixed, edits);
      if (example.languageId === 'yaml') assert.deepEqual(commentLines(fixed), commentLines(text), 'comments kept');

      const after = await change(client, doc, fixed);
      assert.deepEqual(
        after.map((d) => d.code),
        example.afterFixAll,
      );
      assert.deepEqual(after.map(fromDiagnostic), expectedFor(fixed, doc.format));
      // nothing left that the server would offer to fix
      for (const d of after) assert.deepEqual(await codeActions(client, doc, [d], ['quickfix']), [], `${d.code} still has a fix`);
      assert.deepEqual(await codeActions(client, doc, after, ['source.fixAll']), [], 'nothing left to fix all');
    });
  });
}

describe('LSP: positions', () => {
  const server = startServer();

  it('counts characters in UTF-16 code units', TIMEOUT, async () => {
    const text =
      '{"openapi": "3.0.0", "info": {"title": "📷 Phötos", "description": "d", "version": "1"}, "paths": {"/a/": {"get": {"operationId": "a", "responses": {}}}}}';
    const { diagnostics } = await open(server.client(), 'emoji.json', 'json', text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['path-trailing-slash'],
    );
    assert.equal(diagnostics[0].range.start.character, text.indexOf('"/a/"'), 'a UTF-16 index');
    assert.equal(textAt(text, diagnostics[0].range), '"/a/"');
  });

  it('places ranges right in a CRLF file, and fixes it with CRLF line breaks', TIMEOUT, async () => {
    const client = server.client();
    const text = exampleText('photo-records.yaml').replace(/\n/g, '\r\n');
    const { doc, diagnostics } = await open(client, 'crlf.yaml', 'yaml', text);
    assert.deepEqual(diagnostics.map(fromDiagnostic), expectedFor(text, 'yaml'));
    const slash = diagnostics.find((d) => d.code === 'path-trailing-slash');
    assert.ok(slash);
    assert.equal(textAt(text, slash.range), '/photo-records/');
    const [fixAll] = await codeActions(client, doc, diagnostics, ['source.fixAll']);
    const fixed = applyLspEdits(text, editsForUri(fixAll?.edit, doc.uri));
    assert.ok(fixed.length > text.length, 'the fixes add text');
    assert.doesNotMatch(fixed, /[^\r]\n/, 'no bare \\n line break');
  });

  it('operation-id-duplicate in JSON carries relatedInformation at the other id', TIMEOUT, async () => {
    const text =
      '{\n  "openapi": "3.0.0",\n  "info": {"title": "t", "description": "d", "version": "1"},\n  "paths": {\n    "/a": {"get": {"operationId": "same", "responses": {}}},\n    "/b": {"get": {"operationId": "same", "responses": {}}}\n  }\n}\n';
    const { doc, diagnostics } = await open(server.client(), 'dup.json', 'json', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['operation-id-duplicate', 4],
        ['operation-id-duplicate', 5],
      ],
    );
    const [first, second] = diagnostics;
    assert.deepEqual(
      first.relatedInformation?.map((r) => [r.location.uri, r.location.range]),
      [[doc.uri, second.range]],
    );
    assert.deepEqual(
      second.relatedInformation?.map((r) => [r.location.uri, r.location.range]),
      [[doc.uri, first.range]],
    );
    assert.equal(textAt(text, first.relatedInformation![0].location.range), '"same"');
  });
});

describe('LSP: operationIds for every operation at once', () => {
  const server = startServer();
  const text = [
    'openapi: 3.0.0',
    'info:',
    '  title: Albums',
    '  description: Albums and their photos',
    '  version: 1.0.0',
    'paths:',
    '  /albums:',
    '    get:',
    '      responses: {}',
    '    post:',
    '      summary: Create an album',
    '      responses: {}',
    '  /albums/{id}:',
    '    get:',
    '      responses: {}',
    '',
  ].join('\n');

  it('"Add operationIds to all 3 operations" adds them all in one action', TIMEOUT, async () => {
    const client = server.client();
    const { doc, diagnostics } = await open(client, 'albums.yaml', 'yaml', text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['operation-id-missing', 'operation-id-missing', 'operation-id-missing'],
    );
    const actions = await codeActions(client, doc, [diagnostics[1]]);
    const all = actions.filter((a) => /^Add operationIds to all 3 operations/.test(a.title));
    assert.equal(all.length, 1, `one "all" action, got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(all[0].kind, 'quickfix');
    assert.deepEqual(all[0].diagnostics, [diagnostics[1]]);
    const edits = editsForUri(all[0].edit, doc.uri);
    const fixed = applyLspEdits(text, edits);
    assertLocalEdits(text, fixed, edits);
    const ids = [...fixed.matchAll(/operationId: (\S+)/g)].map((m) => m[1]);
    assert.equal(ids.length, 3, fixed);
    assert.equal(new Set(ids).size, 3, `distinct ids: ${ids}`);
    assert.deepEqual(await change(client, doc, fixed), [], 'nothing left to report');
  });

  it('offers the "all" action once when the context holds several missing-id diagnostics', TIMEOUT, async () => {
    const client = server.client();
    const { doc, diagnostics } = await open(client, 'albums.yaml', 'yaml', text);
    const actions = await codeActions(client, doc, diagnostics, ['quickfix']);
    const titles = actions.map((a) => a.title);
    assert.equal(titles.filter((t) => /^Add operationIds to all/.test(t)).length, 1, JSON.stringify(titles));
    assert.equal(titles.length, new Set(titles).size, `no duplicate actions: ${JSON.stringify(titles)}`);
    assert.equal(actions.filter((a) => a.isPreferred).length, 3, 'one single fix per diagnostic');
    assert.deepEqual(actions.find((a) => /^Add operationIds to all/.test(a.title))?.diagnostics, diagnostics, 'the "all" action fixes every one of them');
  });
});

describe('LSP: versions', () => {
  const server = startServer();

  it('lints an opened document at once, without the debounce of edits', TIMEOUT, async () => {
    // A server whose edit debounce is a minute: diagnostics for an open can only arrive if the open skips it.
    const client = LspClient.start(SERVER, ROOT);
    try {
      await client.initialize(null, { debounceMs: 60_000 });
      const { diagnostics } = await open(client, 'quick.yaml', 'yaml', exampleText('photo-records.yaml'));
      assert.ok(diagnostics.length > 0, 'diagnostics arrived for the opened document');
    } finally {
      await client.shutdown();
    }
  });

  it('after 20 rapid changes, the last publish carries the last version and its diagnostics', TIMEOUT, async () => {
    const client = server.client();
    const base = exampleText('photo-records.yaml');
    const { doc } = await open(client, 'burst.yaml', 'yaml', base);
    const publishedBefore = client.published.length;
    // each version renames the first path, so each has its own messages
    const textOf = (n: number) => base.replace('  /photo-records/:', `  /photo-records-${n}/:`);
    const lastVersion = doc.version + 20;
    const final = client.waitForDiagnostics(doc.uri, { version: lastVersion });
    for (let n = 1; n <= 20; n++) {
      doc.version++;
      doc.text = n === 20 ? textOf(n).replace('  /photo-records/{id}:', '  /photo-records/{id}/:') : textOf(n);
      client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [{ text: doc.text }] });
    }
    assert.equal(doc.version, lastVersion);
    const published = await final;
    assert.deepEqual(published.diagnostics.map(fromDiagnostic), expectedFor(doc.text, 'yaml'));
    assert.ok(
      published.diagnostics.some((d) => messageOf(d).includes('/photo-records/{id}/')),
      'the final text was linted',
    );

    await settled(client);
    const burst = client.published.slice(publishedBefore).filter((p) => p.uri === doc.uri);
    assert.equal(burst[burst.length - 1].version, lastVersion, 'nothing older published after the final version');
    const versions = burst.map((p) => p.version ?? -1);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `versions only go up: ${versions}`,
    );
  });
});

describe('LSP: documents that are not clean specs', () => {
  const server = startServer();

  it('a JSON file that is not a spec gets no diagnostics', TIMEOUT, async () => {
    const text = '{\n  "name": "photo-app",\n  "version": "1.0.0",\n  "scripts": { "test": "node --test" },\n  "paths": { "/a/": {} }\n}\n';
    const { diagnostics } = await open(server.client(), 'package.json', 'json', text);
    assert.deepEqual(diagnostics, []);
  });

  it('broken JSON that looks like a spec gets one parse error at the end, and the server keeps answering', TIMEOUT, async () => {
    const client = server.client();
    const text = '{"openapi": "3.0.0", "info": {';
    const { doc, diagnostics } = await open(client, 'broken.json', 'json', text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d.code, 'parse-error');
    assert.equal(d.source, 'rewst');
    assert.equal(d.severity, SEVERITY.error);
    const end = positionAt(text, text.length);
    assert.deepEqual(d.range.start, end, 'at the end of the text, where the object is left open');
    assert.ok(d.range.end.line >= d.range.start.line && d.range.end.character >= d.range.start.character);
    assert.ok(lineStarts(text).length === 1);

    const actions = await codeActions(client, doc, [d]);
    assert.deepEqual(actions, [], 'no fix for a syntax error');
    // and it still lints the next version
    const fixed = text + '"title": "t", "description": "d", "version": "1"}, "paths": {"/a/": {}}}';
    assert.deepEqual(
      (await change(client, doc, fixed)).map((x) => x.code),
      ['path-trailing-slash'],
    );
  });

  it('closing a document clears its diagnostics', TIMEOUT, async () => {
    const client = server.client();
    const { doc, diagnostics } = await open(client, 'closed.yaml', 'yaml', exampleText('photo-records.yaml'));
    assert.ok(diagnostics.length > 0);
    const before = client.published.length;
    client.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
    // The clearing publish carries no version; another source's publish for version 1 may come before it.
    await client.publishedUntil((all) => all.slice(before).some((p) => p.uri === doc.uri && p.version === undefined), 'the clearing publish');
    const last = client.published.filter((p) => p.uri === doc.uri).pop()!;
    assert.deepEqual([last.version, last.diagnostics], [undefined, []]);
  });

  it('closing a document right after a change leaves it cleared (the pending lint does not come back)', TIMEOUT, async () => {
    const client = server.client();
    const { doc } = await open(client, 'closed-early.yaml', 'yaml', exampleText('photo-records.yaml'));
    await settled(client); // every publish owed to the open (the settings checks', Spectral's) is out
    const before = client.published.length;
    client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: 2 }, contentChanges: [{ text: doc.text + '\n' }] });
    const cleared = client.waitForDiagnostics(doc.uri);
    client.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
    assert.deepEqual((await cleared).diagnostics, []);
    await settled(client);
    const later = client.published.slice(before).filter((p) => p.uri === doc.uri);
    assert.deepEqual(
      later.map((p) => p.diagnostics.length),
      [0],
      'only the clearing publish',
    );
  });
});
