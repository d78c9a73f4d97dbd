/**
 * Navigation over the real LSP connection (dist/server.js): definition,
 * references, hover, document symbols, `$ref` completion, prepareRename and
 * rename, on JSON and YAML fixtures copied to a scratch folder (so the relative
 * file reference and the settings file are found beside the spec). Expected
 * places are found in the fixtures' text by needles, independently of the engine.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { parse as parseYaml } from 'yaml';
import { LspClient } from './support/lsp-client';
import { applyLspEdits, offsetOf, positionAt, textAt } from './support/lsp-edits';
import { ROOT } from './support/specs';
import { EXPECTED_OUTLINE } from './fixtures/navigation/expected-outline';

const SERVER = join(ROOT, 'dist', 'server.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'navigation');
const TIMEOUT = { timeout: 20_000 };
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

interface Spec {
  name: string;
  file: string;
  languageId: string;
  key: (k: string) => string;
  fileRef: string;
  schemaFile: string;
}

const SPECS: Spec[] = [
  { name: 'YAML', file: 'tickets.yaml', languageId: 'yaml', key: (k) => `${k}:`, fileRef: './schemas/ticket.yaml#/Ticket', schemaFile: 'schemas/ticket.yaml' },
  {
    name: 'JSON',
    file: 'tickets.json',
    languageId: 'json',
    key: (k) => `${JSON.stringify(k)}:`,
    fileRef: './schemas/ticket.json#/Ticket',
    schemaFile: 'schemas/ticket.json',
  },
];

const at = offsetOf;

/** The range of a component key (`Name:` in YAML, `"Name":` in JSON) in the text, without the colon. */
function keyRange(text: string, spec: Spec, name: string, indent: number): Range {
  const start = at(text, `\n${' '.repeat(indent)}${spec.key(name)}`, 1 + indent);
  return { start: positionAt(text, start), end: positionAt(text, start + spec.key(name).length - 1) };
}

describe('LSP: navigation', () => {
  let client: LspClient;
  let dir: string;
  const texts = new Map<string, string>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rewst-nav-lsp-'));
    cpSync(FIXTURES, dir, { recursive: true });
    client = LspClient.start(SERVER, ROOT);
    const init = await client.initialize(null, { debounceMs: 0 }, { workspace: { workspaceEdit: { documentChanges: true } } });
    const caps = init.capabilities;
    assert.ok(caps.definitionProvider && caps.referencesProvider && caps.hoverProvider && caps.documentSymbolProvider && caps.completionProvider);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const uriOf = (name: string) => pathToFileURL(join(dir, name)).toString();
  async function open(name: string, languageId: string, text = readFileSync(join(dir, name), 'utf8')): Promise<string> {
    const uri = uriOf(name);
    texts.set(uri, text);
    const published = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 10_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await published;
    return uri;
  }
  const pos = (uri: string, offset: number): Position => positionAt(texts.get(uri)!, offset);
  const ask = <R>(method: string, uri: string, offset: number, extra: object = {}) =>
    client.request<R>(method, { textDocument: { uri }, position: pos(uri, offset), ...extra }, 10_000);

  for (const spec of SPECS) {
    describe(spec.name, () => {
      let uri: string;
      let text: string;
      before(async () => {
        uri = await open(spec.file, spec.languageId);
        text = texts.get(uri)!;
      });

      it('definition: refs in allOf, items, additionalProperties, escaped and percent-encoded segments, a parameter', TIMEOUT, async () => {
        const table: Array<[string, string, number]> = [
          ['#/components/schemas/Base', 'Base', spec.name === 'YAML' ? 4 : 6],
          ['#/components/schemas/Comment', 'Comment', spec.name === 'YAML' ? 4 : 6],
          ['#/components/schemas/Tag', 'Tag', spec.name === 'YAML' ? 4 : 6],
          ['#/components/schemas/a~1b~0c', 'a/b~c', spec.name === 'YAML' ? 4 : 6],
          ['#/components/schemas/Foo%20Bar', 'Foo Bar', spec.name === 'YAML' ? 4 : 6],
          ['#/components/parameters/Limit', 'Limit', spec.name === 'YAML' ? 4 : 6],
        ];
        for (const [ref, name, indent] of table) {
          const found = await ask<Location | null>('textDocument/definition', uri, at(text, ref, 4));
          assert.deepEqual(found, { uri, range: keyRange(text, spec, name, indent) }, ref);
        }
      });

      it('definition: a relative file reference opens the file at its target; a missing target gets none', TIMEOUT, async () => {
        const found = await ask<Location | null>('textDocument/definition', uri, at(text, spec.fileRef, 3));
        const schemaText = readFileSync(join(dir, spec.schemaFile), 'utf8');
        const start = schemaText.indexOf(spec.name === 'YAML' ? 'Ticket:' : '"Ticket"');
        assert.deepEqual(found, {
          uri: uriOf(spec.schemaFile),
          range: { start: positionAt(schemaText, start), end: positionAt(schemaText, start + (spec.name === 'YAML' ? 6 : 8)) },
        });
        assert.equal(await ask('textDocument/definition', uri, at(text, '#/components/schemas/Missing', 4)), null);
        assert.equal(await ask('textDocument/definition', uri, at(text, 'Tickets API', 2)), null);
      });

      it('references: a component key gives every $ref and the discriminator mapping; a $ref gives the same', TIMEOUT, async () => {
        const expected = [at(text, '#/components/schemas/Dog', 0, 0), at(text, '#/components/schemas/Dog', 0, 1)].map((o) =>
          textAt(text, { start: pos(uri, o - 1), end: pos(uri, o + 25) }),
        );
        const fromKey = await ask<Location[]>('textDocument/references', uri, at(text, spec.key('Dog'), 1), { context: { includeDeclaration: false } });
        assert.deepEqual(
          fromKey.map((l) => textAt(text, l.range)),
          expected,
        );
        const fromRef = await ask<Location[]>('textDocument/references', uri, at(text, '#/components/schemas/Dog', 3, 1), {
          context: { includeDeclaration: true },
        });
        assert.deepEqual(
          fromRef.map((l) => textAt(text, l.range)),
          [JSON.stringify('Dog').slice(spec.name === 'YAML' ? 1 : 0, spec.name === 'YAML' ? -1 : undefined), ...expected],
        );
        const cat = await ask<Location[]>('textDocument/references', uri, at(text, spec.key('Cat'), 1), { context: { includeDeclaration: false } });
        assert.deepEqual(
          cat.map((l) => textAt(text, l.range).replace(/"/g, "'")),
          ['Cat', "'#/components/schemas/Cat'"].map((s) => (spec.name === 'JSON' && s === 'Cat' ? "'Cat'" : s)),
        );
      });

      it('references on an operationId: where the settings file lists it', TIMEOUT, async () => {
        const found = await ask<Location[]>('textDocument/references', uri, at(text, 'listTickets', 2), { context: { includeDeclaration: false } });
        const settingsText = readFileSync(join(dir, 'tickets.rewst-integration.json'), 'utf8');
        const start = settingsText.indexOf('"listTickets"');
        assert.deepEqual(found, [
          { uri: uriOf('tickets.rewst-integration.json'), range: { start: positionAt(settingsText, start), end: positionAt(settingsText, start + 13) } },
        ]);
      });

      it("hover: a $ref's target with required properties marked, a cycle, an action", TIMEOUT, async () => {
        const ticket = await ask<Hover>('textDocument/hover', uri, at(text, '#/components/schemas/Ticket', 3));
        const value = (ticket.contents as MarkupContent).value;
        assert.equal((ticket.contents as MarkupContent).kind, 'markdown');
        assert.match(value, /A support ticket\./);
        assert.match(value, /- `id` \\\*: string\n- `title` \\\*: string\n- `comments`: array of → `Comment`/);
        const node = await ask<Hover>('textDocument/hover', uri, at(text, '#/components/schemas/Node', 3));
        assert.match((node.contents as MarkupContent).value, /cycle.*`#\/components\/schemas\/Node` → `#\/components\/schemas\/Node`/);
        const get = await ask<Hover>('textDocument/hover', uri, at(text, spec.key('get'), 1));
        assert.match(
          (get.contents as MarkupContent).value,
          /\*\*Rewst action:\*\* List tickets[\s\S]*Tag: `tickets`[\s\S]*Paginated: yes \(in `paginatedActions` of tickets\.rewst-integration\.json\)/,
        );
        assert.equal(textAt(text, get.range!), spec.key('get').slice(0, -1));
        const file = await ask<Hover>('textDocument/hover', uri, at(text, spec.fileRef, 3));
        assert.match((file.contents as MarkupContent).value, /A ticket, from its own file\./);
        const missing = await ask<Hover>('textDocument/hover', uri, at(text, '#/components/schemas/Missing', 3));
        assert.match((missing.contents as MarkupContent).value, /not found/);
        assert.equal(await ask('textDocument/hover', uri, at(text, 'Tickets API', 2)), null);
      });

      it('document symbols: info, paths → operations with action names, components → sections → names', TIMEOUT, async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
        const tree = (list: DocumentSymbol[] | undefined): unknown => list?.map((s) => (s.children?.length ? [s.name, tree(s.children)] : s.name));
        assert.deepEqual(tree(symbols), EXPECTED_OUTLINE);
        const post = symbols[1].children![0].children![1];
        assert.equal(post.detail, 'createTicket');
        assert.equal(textAt(text, post.selectionRange), spec.key('post').slice(0, -1));
      });

      it('completion inside a $ref: the section being typed, with descriptions; the edit replaces the value', TIMEOUT, async () => {
        const ref = '#/components/parameters/Limit';
        const list = await ask<CompletionList>('textDocument/completion', uri, at(text, ref, '#/components/parameters/'.length));
        assert.deepEqual(
          list.items.map((i) => i.label),
          ['Limit'],
        );
        const item = list.items[0];
        assert.equal(item.documentation, undefined); // sent when the list shows the item
        const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
        assert.deepEqual(resolved.documentation, { kind: 'markdown', value: 'How many to return.' });
        assert.ok(item.textEdit && 'range' in item.textEdit);
        assert.equal(textAt(text, item.textEdit.range), ref);
        const schemas = await ask<CompletionList>('textDocument/completion', uri, at(text, '#/components/schemas/Comment', '#/components/schemas/'.length));
        assert.deepEqual(
          schemas.items.map((i) => i.label),
          ['Base', 'Ticket', 'Comment', 'Tag', 'a/b~c', 'Foo Bar', 'Node', 'Pet', 'Dog', 'Cat'],
        );
        assert.equal(await ask('textDocument/completion', uri, at(text, 'Tickets API', 2)), null);
      });

      it('rename: the key, every $ref and the discriminator mapping, in one edit of this version', TIMEOUT, async () => {
        const prepared = await ask<{ range: Range; placeholder: string }>('textDocument/prepareRename', uri, at(text, '#/components/schemas/Dog', 23, 1));
        assert.equal(textAt(text, prepared.range), 'Dog');
        assert.equal(prepared.placeholder, 'Dog');
        const edit = await ask<WorkspaceEdit>('textDocument/rename', uri, at(text, '#/components/schemas/Dog', 23, 1), { newName: 'Hound' });
        assert.equal(edit.documentChanges?.length, 1);
        const change = edit.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: Array<{ range: Range; newText: string }> };
        assert.deepEqual(change.textDocument, { uri, version: 1 });
        const renamed = applyLspEdits(text, change.edits);
        assert.equal(renamed, text.replace(spec.key('Dog'), spec.key('Hound')).split('#/components/schemas/Dog').join('#/components/schemas/Hound'));
        const value = parseYaml(renamed);
        assert.equal(value.components.schemas.Pet.discriminator.mapping.dog, '#/components/schemas/Hound');
      });

      it('rename refused, with the reason: a name already taken, a reference to another file', TIMEOUT, async () => {
        await assert.rejects(ask('textDocument/rename', uri, at(text, spec.key('Comment'), 1), { newName: 'Tag' }), /already has a component named "Tag"/);
        await assert.rejects(ask('textDocument/prepareRename', uri, at(text, spec.fileRef, 3)), /another file/);
      });
    });
  }

  it('Swagger 2.0: definition and rename on #/definitions/, completion of #/definitions/', TIMEOUT, async () => {
    const uri = await open('legacy.json', 'json');
    const text = texts.get(uri)!;
    const found = await ask<Location>('textDocument/definition', uri, at(text, '"#/definitions/Line"', 3));
    assert.equal(textAt(text, found.range), '"Line"');
    const list = await ask<CompletionList>('textDocument/completion', uri, at(text, '#/definitions/Order', '#/definitions/'.length));
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['Order', 'Line'],
    );
    const resolved = await Promise.all(list.items.map((i) => client.request<CompletionItem>('completionItem/resolve', i)));
    assert.deepEqual(
      resolved.map((i) => (i.documentation as MarkupContent).value.slice(0, 9)),
      ['An order.', 'A line of'],
    );
    const edit = await ask<WorkspaceEdit>('textDocument/rename', uri, at(text, '"Line":', 1), { newName: 'OrderLine' });
    const value = JSON.parse(applyLspEdits(text, (edit.documentChanges![0] as { edits: Array<{ range: Range; newText: string }> }).edits));
    assert.equal(value.definitions.Order.properties.line.$ref, '#/definitions/OrderLine');
    assert.ok(value.definitions.OrderLine);
  });

  it('settings file: definition from paginatedActions to the operation, references back', TIMEOUT, async () => {
    const specUri = uriOf('tickets.json'); // opened above: the spec this settings file belongs to
    const settingsUri = uriOf('tickets.rewst-integration.json');
    const settingsText = readFileSync(join(dir, 'tickets.rewst-integration.json'), 'utf8');
    texts.set(settingsUri, settingsText);
    client.notify('textDocument/didOpen', { textDocument: { uri: settingsUri, languageId: 'json', version: 1, text: settingsText } });
    const found = await ask<Location>('textDocument/definition', settingsUri, at(settingsText, 'listTickets', 2));
    const specText = texts.get(specUri)!;
    assert.equal(found.uri, specUri);
    assert.equal(textAt(specText, found.range), '"get"');
    assert.deepEqual(found.range.start, positionAt(specText, at(specText, '"get"', 0)));
    const refs = await ask<Location[]>('textDocument/references', settingsUri, at(settingsText, 'listTickets', 2), { context: { includeDeclaration: true } });
    assert.deepEqual(
      refs.map((l) => l.uri),
      [specUri, settingsUri],
    );
    assert.equal(await ask('textDocument/definition', settingsUri, at(settingsText, '"Tickets"', 2)), null);
  });

  it("a relative reference that leaves the spec's folder is not followed, though the file exists", TIMEOUT, async () => {
    const outside = join(dir, '..', `${dir.split(/[\\/]/).pop()}-outside.yaml`);
    writeFileSync(outside, 'A:\n  type: string\n  description: Outside the folder.\n');
    try {
      const name = outside.split(/[\\/]/).pop()!;
      const text = `openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    B:\n      $ref: '../${name}#/A'\n`;
      const uri = await open('escape.yaml', 'yaml', text);
      assert.equal(await ask('textDocument/definition', uri, text.indexOf('../') + 3), null);
      const hover = await ask<Hover>('textDocument/hover', uri, text.indexOf('../') + 3);
      assert.match((hover.contents as MarkupContent).value, /not found/);
      assert.doesNotMatch((hover.contents as MarkupContent).value, /Outside the folder/);
    } finally {
      rmSync(outside, { force: true });
    }
  });

  it('every navigation request cancelled before it runs is answered "cancelled", and the server goes on', TIMEOUT, async () => {
    const uri = uriOf('tickets.yaml');
    const text = texts.get(uri)!;
    const onRef = { textDocument: { uri }, position: pos(uri, at(text, '#/components/schemas/Ticket', 3)) };
    const requests: Array<[string, object]> = [
      ['textDocument/definition', onRef],
      ['textDocument/references', { ...onRef, context: { includeDeclaration: true } }],
      ['textDocument/hover', onRef],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
      ['textDocument/completion', onRef],
      ['completionItem/resolve', { label: 'Ticket', data: { uri, version: 1, pointer: '#/components/schemas/Ticket' } }],
      ['textDocument/prepareRename', onRef],
      ['textDocument/rename', { ...onRef, newName: 'Case' }],
    ];
    for (const [method, params] of requests) {
      await assert.rejects(client.requestCancelledAtOnce(method, params, 10_000), /code -32800/, method);
    }
    const hover = await ask<Hover>('textDocument/hover', uri, at(text, '#/components/schemas/Ticket', 3));
    assert.match((hover.contents as MarkupContent).value, /A support ticket/);
  });

  it('a document that is not a spec, or does not parse, gets no navigation and no error', TIMEOUT, async () => {
    const uri = uriOf('package.json');
    texts.set(uri, '{"name": "x", "$ref": "#/y"}');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: texts.get(uri) } });
    assert.equal(await ask('textDocument/definition', uri, 25), null);
    assert.equal(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
    const broken = 'openapi: 3.0.0\npaths: {\n  $ref: "#/x"\n';
    const brokenUri = await open('broken.yaml', 'yaml', broken);
    assert.equal(await ask('textDocument/hover', brokenUri, broken.indexOf('#/x')), null);
    assert.equal(await ask('textDocument/rename', brokenUri, broken.indexOf('#/x'), { newName: 'y' }), null);
  });
});

describe('LSP: one outline per spec when the editor outlines JSON itself', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    // What the extension's client says when VS Code's JSON language features are present (client/src/extension.ts).
    await client.initialize(null, { debounceMs: 0, spectral: { enable: false }, jsonOutlineFromEditor: true });
  });
  after(() => client.shutdown());

  it("a JSON spec gets no symbols from us (VS Code's JSON outline is the one shown); a YAML spec gets ours", TIMEOUT, async () => {
    const outline = async (name: string, languageId: 'json' | 'yaml') => {
      const uri = pathToFileURL(join(FIXTURES, name)).toString();
      const published = client.waitForDiagnostics(uri, { version: 1 });
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: readFileSync(join(FIXTURES, name), 'utf8') } });
      await published;
      return client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }, 10_000);
    };
    assert.equal(await outline('tickets.json', 'json'), null);
    const yaml = await outline('tickets.yaml', 'yaml');
    assert.deepEqual(
      yaml?.map((s) => s.name),
      EXPECTED_OUTLINE.map((e) => (Array.isArray(e) ? e[0] : e)),
    );
  });
});
