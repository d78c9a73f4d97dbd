/**
 * Navigation through VS Code's own commands (the ones its editor features
 * call): definition, references, hover, document symbols, `$ref` completion,
 * prepareRename and rename, on a JSON and a YAML copy of
 * test/fixtures/navigation/tickets.* (each with its schema file and settings
 * file beside it). Every expected place was read off the fixtures by hand:
 * lines and characters are 0-based, as VS Code's API counts them (the fixture's
 * line N is N-1 here).
 *
 * VS Code's built-in JSON service answers two of these requests on .json
 * files too (the outline of every object; values seen elsewhere in the file as
 * completions), and VS Code merges the answers: there only ours are kept (by
 * their symbol kinds, and completion kind Reference), and what was left out is logged.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, log, open, readText, waitFor, waitForRewst, workspaceUri } from './helpers';
import { EXPECTED_OUTLINE, SCHEMA_NAMES } from '../../fixtures/navigation/expected-outline';

type Format = 'yaml' | 'json';

/** A value read off each copy of the fixture. */
type Both<T> = Record<Format, T>;

/**
 * Every place the tests name, read off both copies side by side. Positions are "line:char", ranges
 * "line:char-line:char", in the spec itself unless the note says otherwise. The rename copy
 * (navigation/rename/) is the same fixture, so its places are these too.
 */
const AT = {
  /** A `$ref` to #/components/schemas/Missing: no definition. */
  missingRef: { yaml: '81:25', json: '133:28' },
  /** info.title: no definition, not a component. */
  nothing: { yaml: '2:12', json: '3:16' },
  /** Dog's key, then every place that names it: the mapping value, the oneOf `$ref`, the key. */
  dogKey: { yaml: '117:5', json: '196:8' },
  dogReferences: { yaml: ['112:15-112:41', '115:16-115:42', '117:4-117:7'], json: ['183:19-183:45', '189:20-189:46', '196:6-196:11'] },
  /** Cat's: the mapping names it bare. */
  catKey: { yaml: '123:5', json: '205:8' },
  catReferences: { yaml: ['113:15-113:18', '116:16-116:42', '123:4-123:7'], json: ['184:19-184:24', '192:20-192:46', '205:6-205:11'] },
  /** listTickets: a position in the operationId, and its range (the settings file lists it at 3:4-3:17). */
  listTicketsId: { yaml: ['8:21', '8:19-8:30'], json: ['10:26', '10:23-10:36'] },
  /** The relative file reference, and its target's key in the schema file. */
  fileRef: { yaml: ['29:22', '1:0-1:6'], json: ['45:27', '1:2-1:10'] },
  /** A `$ref` to Node, which refers to itself. */
  nodeRef: { yaml: '102:22', json: '165:26' },
  /** The `get` of /tickets: a position on the key, and the key's range. */
  getKey: { yaml: ['7:5', '7:4-7:7'], json: ['9:8', '9:6-9:11'] },
  /** The outline's createTicket symbol: the `post` key's range. */
  postSelection: { yaml: '22:4-22:8', json: '36:6-36:12' },
  /** Inside the Limit parameter's `$ref`, and the value's range completion replaces. */
  limitCompletion: { yaml: ['12:41', '12:17-12:46'], json: ['17:45', '17:21-17:50'] },
  /** Inside the Comment `$ref` of items. */
  commentCompletion: { yaml: '71:44', json: '117:48' },
  /** Inside "Dog" of the oneOf `$ref`, and Dog's exact span there. */
  dogInRef: { yaml: ['115:39', '115:38-115:41'], json: ['189:43', '189:42-189:45'] },
  /** Comment's key. */
  commentKey: { yaml: '82:6', json: '139:8' },
  /** Dog's references once renamed to Hound. */
  houndReferences: { yaml: ['112:15-112:43', '115:16-115:44', '117:4-117:9'], json: ['183:19-183:47', '189:20-189:48', '196:6-196:13'] },
} satisfies Record<string, Both<unknown>>;

/** Go to Definition: the `$ref`, and in each copy [a position in it, its target key's range]. */
const DEFINITIONS: Array<[ref: string, at: Both<[string, string]>]> = [
  ['#/components/schemas/Ticket', { yaml: ['21:30', '59:4-59:10'], json: ['28:32', '99:6-99:14'] }],
  ['#/components/schemas/Base (allOf)', { yaml: ['62:20', '52:4-52:8'], json: ['103:24', '87:6-87:12'] }],
  ['#/components/parameters/Limit', { yaml: ['12:20', '45:4-45:9'], json: ['17:24', '77:6-77:13'] }],
  ['#/components/schemas/Comment (items)', { yaml: ['71:30', '82:4-82:11'], json: ['117:32', '139:6-139:15'] }],
  ['#/components/schemas/Tag (additionalProperties)', { yaml: ['75:30', '88:4-88:7'], json: ['123:32', '148:6-148:11'] }],
  ['#/components/schemas/a~1b~0c', { yaml: ['77:25', '91:4-91:9'], json: ['127:28', '152:6-152:13'] }],
  ['#/components/schemas/Foo%20Bar', { yaml: ['79:25', '94:4-94:11'], json: ['130:28', '156:6-156:15'] }],
];

/** Fixture line (1-based, as an editor shows it) → the line after each rename. */
const RENAMED: Record<'dog' | 'cat', Both<Record<number, string>>> = {
  dog: {
    yaml: { 113: "          dog: '#/components/schemas/Hound'", 116: "        - $ref: '#/components/schemas/Hound'", 118: '    Hound:' },
    json: { 184: '            "dog": "#/components/schemas/Hound",', 190: '            "$ref": "#/components/schemas/Hound"', 197: '      "Hound": {' },
  },
  cat: {
    yaml: { 114: '          cat: Feline', 117: "        - $ref: '#/components/schemas/Feline'", 124: '    Feline:' },
    json: { 185: '            "cat": "Feline"', 193: '            "$ref": "#/components/schemas/Feline"', 206: '      "Feline": {' },
  },
};

/** One copy of the fixture: its files, and the tables' column for it. */
function specFor(format: Format) {
  const file = `navigation/${format}/tickets.${format}`;
  const settings = `navigation/${format}/tickets.rewst-integration.json`;
  const schemaFile = `navigation/${format}/schemas/ticket.${format}`;
  const rename = `navigation/rename/tickets.${format}`;
  const at = Object.fromEntries(Object.entries(AT).map(([k, v]) => [k, v[format]])) as { [K in keyof typeof AT]: (typeof AT)[K][Format] };
  const inFile = (f: string) => (range: string) => `${f} ${range}`;
  return {
    ...at,
    name: format.toUpperCase(),
    file,
    settings,
    schemaFile,
    rename,
    definitions: DEFINITIONS.map(([ref, both]): [string, string, string] => [both[format][0], ref, inFile(file)(both[format][1])]),
    ticketRef: DEFINITIONS[0][1][format][0],
    fileRef: [at.fileRef[0], inFile(schemaFile)(at.fileRef[1])] as const,
    dogReferences: at.dogReferences.map(inFile(file)),
    catReferences: at.catReferences.map(inFile(file)),
    listTicketsId: at.listTicketsId[0],
    listTicketsReferences: [inFile(settings)('3:4-3:17'), inFile(file)(at.listTicketsId[1])].sort(byPlace),
    houndReferences: at.houndReferences.map(inFile(rename)),
    renamedDog: RENAMED.dog[format],
    renamedCat: RENAMED.cat[format],
  };
}

/** How many completion items VS Code resolves (fetching their descriptions): all (other providers' items come first on JSON). */
const RESOLVE_ALL = 1000;

function pos(at: string): vscode.Position {
  const [line, character] = at.split(':').map(Number);
  return new vscode.Position(line, character);
}

function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** A workspace-relative path, as the expectations name files. */
function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** "file line:char-line:char" of a Location or LocationLink (its selection range: where the cursor goes). */
function place(l: vscode.Location | vscode.LocationLink): string {
  return 'targetUri' in l ? `${relative(l.targetUri)} ${rangeText(l.targetSelectionRange ?? l.targetRange)}` : `${relative(l.uri)} ${rangeText(l.range)}`;
}

function byPlace(a: string, b: string): number {
  const key = (s: string) => s.replace(/(\d+)/g, (d) => d.padStart(6, '0'));
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

async function definitions(uri: vscode.Uri, at: string): Promise<Array<vscode.Location | vscode.LocationLink>> {
  return (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, pos(at))) ?? [];
}

async function references(uri: vscode.Uri, at: string): Promise<string[]> {
  const found = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, pos(at))) ?? [];
  return found.map(place).sort(byPlace);
}

/** The Markdown (and range) of every hover at `at`. */
async function hovers(uri: vscode.Uri, at: string): Promise<Array<{ markdown: string; range?: string }>> {
  const found = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos(at))) ?? [];
  return found.map((h) => ({
    markdown: h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
    range: h.range && rangeText(h.range),
  }));
}

/** The outline as names, a parent with its children's. */
type Tree = string | [string, Tree[]];
const tree = (list: vscode.DocumentSymbol[]): Tree[] => list.map((s) => (s.children.length ? [s.name, tree(s.children)] : s.name));

/** Completion items of the extension's (kind Reference) at `at`, the first `resolve` resolved (descriptions). */
async function completions(uri: vscode.Uri, at: string, resolve = 0): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos(at), undefined, resolve);
  const all = list?.items ?? [];
  const mine = all.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
  if (mine.length < all.length) log(`completion at ${at}: ${all.length - mine.length} item(s) from other providers left out`);
  return mine;
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

/** The YAML copy first, then the JSON one. */
const SPECS = [specFor('yaml'), specFor('json')];

/** Opens a spec and waits until the language server has analysed it (its circular-ref diagnostic on Node is out). */
async function openSpec(file: string): Promise<vscode.TextDocument> {
  const { document } = await open(file);
  await waitForRewst(document.uri, 'the circular-ref diagnostic', (ds) => ds.some((d) => /Circular reference/.test(d.message)));
  return document;
}

/** The fixture's text with the given 1-based lines replaced. */
function withLines(text: string, lines: Record<number, string>): string {
  const out = text.split('\n');
  for (const [n, line] of Object.entries(lines)) out[Number(n) - 1] = line;
  return out.join('\n');
}

/** Resolves once `promise` rejects; fails if it resolves. The reason's message. */
async function refusal(promise: Thenable<unknown>): Promise<string> {
  try {
    const value = await promise;
    assert.fail(`expected a refusal, got ${JSON.stringify(value)}`);
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    return e instanceof Error ? e.message : String(e);
  }
}

describe('navigation', () => {
  afterEach(closeAll);

  for (const spec of SPECS) {
    describe(spec.name, () => {
      it("Go to Definition on a $ref: the component's key (allOf, items, additionalProperties, escaped and percent-encoded names, a parameter); none for a missing target or plain text", async () => {
        const doc = await openSpec(spec.file);
        for (const [at, ref, expected] of spec.definitions) assert.deepEqual((await definitions(doc.uri, at)).map(place), [expected], ref);
        assert.deepEqual((await definitions(doc.uri, spec.missingRef)).map(place), [], '#/components/schemas/Missing has no definition');
        assert.deepEqual((await definitions(doc.uri, spec.nothing)).map(place), [], 'info.title has no definition');
      });

      it('Go to Definition on a relative file reference opens the other file at its target', async () => {
        const doc = await openSpec(spec.file);
        assert.deepEqual((await definitions(doc.uri, spec.fileRef[0])).map(place), [spec.fileRef[1]]);
        // As F12 does it: the editor's own command, from the cursor on the reference.
        const editor = vscode.window.activeTextEditor!;
        editor.selection = new vscode.Selection(pos(spec.fileRef[0]), pos(spec.fileRef[0]));
        await vscode.commands.executeCommand('editor.action.revealDefinition');
        const target = workspaceUri(spec.schemaFile).toString();
        const landed = await waitFor(
          `${spec.schemaFile} to open at its target`,
          () => vscode.window.activeTextEditor,
          (e) => e?.document.uri.toString() === target,
          [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection],
        );
        const [, range] = spec.fileRef[1].split(' ');
        assert.equal(`${landed!.selection.active.line}:${landed!.selection.active.character}`, range.split('-')[0], 'the cursor is on the target key');
      });

      it("Find All References: a component's key and a $ref give the key, every $ref and the discriminator mapping", async () => {
        const doc = await openSpec(spec.file);
        assert.deepEqual(await references(doc.uri, spec.dogKey), spec.dogReferences, "from Dog's key");
        const fromRef = spec.dogReferences[1].split(' ')[1].split('-')[0].split(':');
        assert.deepEqual(await references(doc.uri, `${fromRef[0]}:${Number(fromRef[1]) + 3}`), spec.dogReferences, 'from a $ref to Dog');
        assert.deepEqual(await references(doc.uri, spec.catKey), spec.catReferences, 'Cat: the mapping names it bare');
      });

      it('Find All References on an operationId: the operationId and where the settings file lists it', async () => {
        const doc = await openSpec(spec.file);
        assert.deepEqual(await references(doc.uri, spec.listTicketsId), spec.listTicketsReferences);
      });

      it('Go to Definition in the settings file: from paginatedActions to the operation', async () => {
        await openSpec(spec.file);
        const { document: settings } = await open(spec.settings);
        const found = (await definitions(settings.uri, '3:8')).map(place);
        assert.deepEqual(found, [`${spec.file} ${spec.getKey[1]}`]);
      });

      it("Hover: a $ref's target with its required properties marked, a cycle, the Rewst action of a method key", async () => {
        const doc = await openSpec(spec.file);
        const ticket = (await hovers(doc.uri, spec.ticketRef)).filter((h) => /Ticket/.test(h.markdown));
        assert.equal(ticket.length, 1, `one hover on the Ticket $ref: ${JSON.stringify(ticket)}`);
        assert.match(ticket[0].markdown, /A support ticket\./);
        assert.match(ticket[0].markdown, /- `id` \\\*: string\n- `title` \\\*: string\n- `comments`: array of → `Comment`/);
        const node = (await hovers(doc.uri, spec.nodeRef)).map((h) => h.markdown).join('\n');
        assert.match(node, /cycle.*`#\/components\/schemas\/Node` → `#\/components\/schemas\/Node`/);
        const get = (await hovers(doc.uri, spec.getKey[0])).filter((h) => /Rewst action/.test(h.markdown));
        assert.equal(get.length, 1);
        assert.match(
          get[0].markdown,
          /\*\*Rewst action:\*\* List tickets[\s\S]*Tag: `tickets`[\s\S]*Paginated: yes \(in `paginatedActions` of tickets\.rewst-integration\.json\)/,
        );
        assert.equal(get[0].range, spec.getKey[1]);
        const file = (await hovers(doc.uri, spec.fileRef[0])).map((h) => h.markdown).join('\n');
        assert.match(file, /A ticket, from its own file\./);
        const missing = (await hovers(doc.uri, spec.missingRef)).map((h) => h.markdown).join('\n');
        assert.match(missing, /not found/);
      });

      it(`Document symbols: ${spec.name === 'YAML' ? 'info, paths → operations, components → sections → names' : "VS Code's JSON outline only, each entry once"}`, async () => {
        const doc = await openSpec(spec.file);
        const all = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
        // On JSON, VS Code's JSON service outlines every member (objects as Module, with their members as
        // children); ours: `info` without children, `paths` and `components` as Namespace.
        const isOurs = (s: vscode.DocumentSymbol) =>
          (s.name === 'info' && s.kind === vscode.SymbolKind.Module && s.children.length === 0) ||
          (['paths', 'components'].includes(s.name) && s.kind === vscode.SymbolKind.Namespace);
        log(
          `${spec.name} outline: ${all.length} top-level symbol(s) from every provider: ${all.map((s) => `${s.name} (${vscode.SymbolKind[s.kind]})`).join(', ')}`,
        );
        const mine = all.filter(isOurs);
        if (spec.name === 'JSON') {
          // Two providers showed every entry twice: on JSON the editor's outline (and breadcrumb) is the one.
          assert.equal(mine.length, 0, 'none of ours on JSON');
          assert.deepEqual(
            all.map((s) => s.name),
            Object.keys(JSON.parse(doc.getText()) as object),
            "VS Code's outline: each top-level member once",
          );
          return;
        }
        assert.equal(mine.length, all.length, 'on YAML every symbol is ours');
        assert.deepEqual(tree(mine), EXPECTED_OUTLINE);
        const post = mine[1].children[0].children[1];
        assert.equal(post.detail, 'createTicket');
        assert.equal(post.kind, vscode.SymbolKind.Method);
        assert.equal(rangeText(post.selectionRange), spec.postSelection);
      });

      it("Completion inside a $ref: the section's components, with descriptions, replacing the value", async () => {
        const doc = await openSpec(spec.file);
        const [limit, ...more] = await completions(doc.uri, spec.limitCompletion[0], RESOLVE_ALL);
        assert.equal(more.length, 0, 'one parameter');
        assert.equal(labelOf(limit), 'Limit');
        const documentation = limit.documentation;
        assert.equal(typeof documentation === 'string' ? documentation : documentation?.value, 'How many to return.');
        const range = limit.range instanceof vscode.Range ? limit.range : limit.range?.replacing;
        assert.equal(range && rangeText(range), spec.limitCompletion[1]);
        assert.deepEqual((await completions(doc.uri, spec.commentCompletion)).map(labelOf), SCHEMA_NAMES);
      });
    });
  }

  describe('Rename Symbol', () => {
    for (const spec of SPECS) {
      it(`${spec.name}: Rename Symbol changes the key, every $ref and the discriminator mapping, and nothing else`, async () => {
        const doc = await openSpec(spec.rename);
        const original = doc.getText();

        const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
          'vscode.prepareRename',
          doc.uri,
          pos(spec.dogInRef[0]),
        );
        assert.equal(rangeText(prepared.range), spec.dogInRef[1]);
        assert.equal(prepared.placeholder, 'Dog');

        const dog = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, pos(spec.dogInRef[0]), 'Hound');
        assert.deepEqual(
          dog.entries().map(([uri]) => relative(uri)),
          [spec.rename],
          'one file changes',
        );
        assert.ok(await vscode.workspace.applyEdit(dog));
        assert.equal(doc.getText(), withLines(original, spec.renamedDog));

        // Cat: the mapping names it bare ("cat: Cat"); renamed from its key.
        const cat = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, pos(spec.catKey), 'Feline');
        assert.ok(await vscode.workspace.applyEdit(cat));
        const expected = withLines(original, { ...spec.renamedDog, ...spec.renamedCat });
        assert.equal(doc.getText(), expected);
        assert.ok(await doc.save());
        assert.equal(await readText(doc.uri), expected, 'the saved file');
        // The language server sees the renamed file: the new names resolve.
        assert.deepEqual(await references(doc.uri, spec.dogInRef[0]), spec.houndReferences);
      });

      it(`${spec.name}: Rename Symbol refused with the reason: a name already taken, a reference into another file, not a component`, async () => {
        const doc = await openSpec(spec.rename);
        const before = doc.getText();
        assert.match(
          await refusal(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, pos(spec.commentKey), 'Tag')),
          /already has a component named "Tag"/,
        );
        assert.match(await refusal(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, pos(spec.fileRef[0]))), /another file/);
        assert.match(
          await refusal(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, pos(spec.nothing))),
          /^Only a component's name/,
          'info.title',
        );
        assert.equal(doc.getText(), before, 'nothing changed');
      });
    }
  });
});
