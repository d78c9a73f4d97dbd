/**
 * Code actions as VS Code asks for them at every cursor move: no `only` kind,
 * and a client that resolves actions (`resolveSupport: ['edit']`). The
 * whole-file actions come with counts and no edits; `codeAction/resolve`
 * computes their edits, which must equal the engine's fix-all.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze, fixAll } from '../server/src/engine';
import { LspClient } from './support/lsp-client';
import { applyLspEdits, editsForUri } from './support/lsp-edits';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const TIMEOUT = { timeout: 10_000 };
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

const RESOLVING = { resolveSupport: { properties: ['edit'] } };
let n = 0;

describe('LSP: whole-file code actions are resolved when chosen', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    const init = await client.initialize(null, { spectral: { enable: false } }, { codeAction: RESOLVING });
    const provider = init.capabilities.codeActionProvider;
    assert.ok(provider && typeof provider === 'object' && provider.resolveProvider, 'codeAction/resolve is advertised');
  });
  after(() => client.shutdown());

  async function open(name: string, languageId: 'json' | 'yaml', text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///code-actions-lsp/${++n}/${name}`;
    const published = client.waitForDiagnostics(uri, { version: 1 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return { uri, diagnostics: (await published).diagnostics };
  }

  const lightbulb = (uri: string, diagnostics: Diagnostic[], line = 0) =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 2 }, end: { line, character: 2 } },
      context: { diagnostics, triggerKind: 2 },
    });

  for (const [file, languageId] of [
    ['photo-records.yaml', 'yaml'],
    ['legacy-swagger.json', 'json'],
  ] as const) {
    it(`${file}: the lightbulb offers "Fix all" with the count of fixable problems and no edit; resolve gives the engine's fix-all`, TIMEOUT, async () => {
      const text = readFileSync(path.join(ROOT, 'examples', file), 'utf8');
      const { uri } = await open(file, languageId, text);
      const fixable = analyze(text, { format: languageId }).findings.filter((f) => f.fixable).length;
      assert.ok(fixable > 1, 'the example has fixable problems');
      const actions = await lightbulb(uri, []);
      const all = actions.filter((a) => a.kind === 'source.fixAll');
      assert.deepEqual(
        all.map((a) => a.title),
        [`Fix all Rewst problems (${fixable})`],
      );
      assert.equal(all[0].edit, undefined, 'no edit computed at a cursor move');
      assert.ok(all[0].data, 'carries what resolve needs');
      const resolved = await client.request<CodeAction>('codeAction/resolve', all[0]);
      assert.equal(resolved.title, all[0].title);
      assert.equal(applyLspEdits(text, editsForUri(resolved.edit, uri)), fixAll(text, { format: languageId }).text);
    });
  }

  it('"Add operationIds to all N" is offered lazily at a missing-id diagnostic and resolves to every id added', TIMEOUT, async () => {
    const text = [
      'openapi: 3.0.0',
      'info:',
      '  title: A',
      '  description: B',
      '  version: 1.0.0',
      'paths:',
      '  /a:',
      '    get:',
      '      responses: {}',
      '    post:',
      '      responses: {}',
      '  /b:',
      '    get:',
      '      responses: {}',
      '',
    ].join('\n');
    const { uri, diagnostics } = await open('ids.yaml', 'yaml', text);
    assert.equal(diagnostics.length, 3);
    const actions = await lightbulb(uri, [diagnostics[0]], diagnostics[0].range.start.line);
    const quick = actions.filter((a) => a.kind === 'quickfix');
    assert.ok(quick.find((a) => a.isPreferred)?.edit, 'the single fix at the cursor comes with its edit');
    const all = quick.find((a) => /^Add operationIds to all 3 operations/.test(a.title));
    assert.ok(all && !all.edit, `offered without edit: ${JSON.stringify(actions.map((a) => a.title))}`);
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    const fixed = applyLspEdits(text, editsForUri(resolved.edit, uri));
    assert.equal(fixed, fixAll(text, { format: 'yaml', rules: ['operation-id-missing'] }).text);
    assert.equal((fixed.match(/operationId:/g) ?? []).length, 3);
  });

  it('a resolve after an edit computes the edits for the text as it is now', TIMEOUT, async () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
    const { uri } = await open('edited.yaml', 'yaml', text);
    const [offered] = (await lightbulb(uri, [])).filter((a) => a.kind === 'source.fixAll');
    const edited = `# edited\n${text}`;
    const published = client.waitForDiagnostics(uri, { version: 2 });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    await published;
    const resolved = await client.request<CodeAction>('codeAction/resolve', offered);
    assert.equal(applyLspEdits(edited, editsForUri(resolved.edit, uri)), fixAll(edited, { format: 'yaml' }).text);
  });

  it('a code action or resolve cancelled before it runs (the cursor moved on) is answered "cancelled", and the next is answered', TIMEOUT, async () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
    const { uri } = await open('cancelled.yaml', 'yaml', text);
    const at = { textDocument: { uri }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [] } };
    const [offered] = (await client.request<CodeAction[]>('textDocument/codeAction', at)).filter((a) => a.kind === 'source.fixAll');
    for (const [method, params] of [
      ['textDocument/codeAction', at],
      ['codeAction/resolve', offered],
    ] as const) {
      await assert.rejects(client.requestCancelledAtOnce(method, params, 10_000), /code -32800/, method);
    }
    assert.ok((await client.request<CodeAction[]>('textDocument/codeAction', at)).some((a) => a.kind === 'source.fixAll'));
  });

  it('a resolve for a closed document or foreign data comes back unchanged, without an edit', TIMEOUT, async () => {
    const stray = { title: 'x', kind: 'source.fixAll', data: { uri: 'file:///nowhere.yaml', wholeFile: 'all' } };
    assert.deepEqual(await client.request<CodeAction>('codeAction/resolve', stray), stray);
    const foreign = { title: 'y', data: { something: 'else' } };
    assert.deepEqual(await client.request<CodeAction>('codeAction/resolve', foreign), foreign);
  });
});

/**
 * Ctrl+. right after an edit, before the new version is analysed (on 13 MB that takes more than a second, and VS Code
 * drops a lightbulb that waits: a marker change re-triggers it). The scheduler's pause is long here, so the request
 * always comes before the new version's analysis, as it does in the editor.
 */
describe('LSP: the lightbulb right after an edit answers from the last analysis', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { spectral: { enable: false }, debounceMs: 60_000 }, { codeAction: RESOLVING });
  });
  after(() => client.shutdown());

  async function openExample(): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
    const text = readFileSync(path.join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
    const uri = `file:///code-actions-lsp/after-edit/${++n}/photo-records.yaml`;
    const published = client.waitForDiagnostics(uri, { version: 1 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return { uri, text, diagnostics: (await published).diagnostics };
  }

  it('an edit elsewhere that leaves the file unparsable for a moment: the squiggle still gets its fix, moved through the edit', TIMEOUT, async () => {
    const { uri, text, diagnostics } = await openExample();
    const old = diagnostics.find((d) => d.code === 'path-trailing-slash' && d.range.start.line === 8);
    assert.ok(old, 'path-trailing-slash on line 9 (/photo-records/)');
    // A line added at the top, and a quote opened in the title (not closed yet): version 2 does not parse.
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# reviewed\n' },
        { range: { start: { line: 4, character: 9 }, end: { line: 4, character: 9 } }, text: '"' },
      ],
    });
    const edited = '# reviewed\n' + text.replace('title: Photo Records', 'title: "Photo Records');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 9, character: 4 }, end: { line: 9, character: 4 } },
      context: { diagnostics: [old], only: ['quickfix'], triggerKind: 1 },
    });
    const fix = actions.find((a) => a.title === 'Rename path to /photo-records');
    assert.ok(fix?.edit, `offered ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(applyLspEdits(edited, editsForUri(fix.edit, uri)), edited.replace('\n  /photo-records/:\n', '\n  /photo-records:\n'));
  });

  it(
    'typing into the path key itself, with the old diagnostic in the request: offered for the rule, resolved for the key as it now reads',
    TIMEOUT,
    async () => {
      const { uri, text, diagnostics } = await openExample();
      const old = diagnostics.find((d) => d.code === 'path-trailing-slash' && d.range.start.line === 8);
      assert.ok(old, 'path-trailing-slash on line 9 (/photo-records/)');
      // "x" typed after the key's leading '/', and Ctrl+. at once: the request carries the diagnostic of version 1.
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 8, character: 3 }, end: { line: 8, character: 3 } }, text: 'x' }],
      });
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 8, character: 4 }, end: { line: 8, character: 4 } },
        context: { diagnostics: [old], only: ['quickfix'], triggerKind: 1 },
      });
      const offered = actions.find((a) => a.title === 'Fix path-trailing-slash here (as the text now reads)');
      assert.ok(offered && !offered.edit, `offered ${JSON.stringify(actions.map((a) => a.title))}`);
      const fix = await client.request<CodeAction>('codeAction/resolve', offered);
      const edited = text.replace('\n  /photo-records/:\n', '\n  /xphoto-records/:\n');
      assert.equal(applyLspEdits(edited, editsForUri(fix.edit!, uri)), text.replace('\n  /photo-records/:\n', '\n  /xphoto-records:\n'));
    },
  );
});
