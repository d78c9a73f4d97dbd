/**
 * The engine's navigation on offsets (no LSP): the index of `$ref`s and
 * component keys, what is under the cursor, definitions, references, hover,
 * outline, completion and rename edits, on JSON and YAML fixtures. Expected
 * places are found in the fixtures' text by hand-written needles.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyze, applyEdits } from '../server/src/engine';
import * as nav from '../server/src/engine/navigation';
import { encodeSegment } from '../server/src/engine/navigation/sections';
import { offsetOf } from './support/lsp-edits';
import { readRoot } from './support/specs';
import { EXPECTED_OUTLINE } from './fixtures/navigation/expected-outline';

const YAML_TEXT = readRoot('test/fixtures/navigation/tickets.yaml');
const JSON_TEXT = readRoot('test/fixtures/navigation/tickets.json');
const SWAGGER = readRoot('test/fixtures/navigation/legacy.json');

function indexOf(text: string, format: 'json' | 'yaml') {
  const index = nav.navIndexOf(analyze(text, { format }));
  assert.ok(index);
  return index;
}

const at = offsetOf;

const FIXTURES = [
  { name: 'YAML', text: YAML_TEXT, format: 'yaml' as const, key: (k: string) => `${k}:`, fileRef: './schemas/ticket.yaml' },
  { name: 'JSON', text: JSON_TEXT, format: 'json' as const, key: (k: string) => JSON.stringify(k) + ':', fileRef: './schemas/ticket.json' },
];

describe('navigation index', () => {
  it('finds the same references in the JSON and the YAML form, each at its value', () => {
    const [y, j] = [indexOf(YAML_TEXT, 'yaml'), indexOf(JSON_TEXT, 'json')];
    // The JSON form names its schema file ticket.json.
    const summary = (index: nav.NavIndex) =>
      index.refs.map((r) => `${r.kind} ${r.raw} → ${r.meaning.target ?? r.meaning.file?.file ?? '?'}`.replace(/ticket\.json/g, 'ticket.yaml')).sort();
    assert.deepEqual(summary(y), summary(j));
    assert.equal(y.refs.length, 15);
    for (const [index, text] of [
      [y, YAML_TEXT],
      [j, JSON_TEXT],
    ] as const) {
      for (const r of index.refs) assert.equal(parseYaml(text.slice(r.start, r.end)), r.raw); // a quoted or plain scalar reads back as the reference
    }
  });

  it("the outline's structure is built alone (no $ref search), and the whole index reuses it", () => {
    for (const [text, format] of [
      [YAML_TEXT, 'yaml'],
      [JSON_TEXT, 'json'],
    ] as const) {
      const analysis = analyze(text, { format });
      const structure = nav.navStructureOf(analysis)!;
      assert.equal('refs' in structure, false, `${format}: the structure holds no references`);
      assert.deepEqual(nav.documentSymbols(structure), nav.documentSymbols(nav.navIndexOf(analysis)!));
      assert.equal(nav.navIndexOf(analysis)!.paths, structure.paths, `${format}: the index reuses the structure built for the outline`);
    }
  });

  it('reads "$ref" in a string as text, not as a reference (JSON scan)', () => {
    const index = indexOf(SWAGGER, 'json');
    assert.deepEqual(
      index.refs.map((r) => r.raw),
      ['#/parameters/Page', '#/definitions/Order', '#/definitions/Line'],
    );
    assert.deepEqual(
      index.components.map((c) => c.pointer),
      ['#/parameters/Page', '#/definitions/Order', '#/definitions/Line'],
    );
  });

  it('canonicalises escaped and percent-encoded pointers, so they meet their component', () => {
    const index = indexOf(YAML_TEXT, 'yaml');
    const meaning = (raw: string) => index.refs.find((r) => r.raw === raw)!.meaning;
    assert.equal(meaning('#/components/schemas/a~1b~0c').component, '#/components/schemas/a~1b~0c');
    assert.ok(index.byPointer.has('#/components/schemas/a~1b~0c'));
    assert.equal(meaning('#/components/schemas/Foo%20Bar').component, '#/components/schemas/Foo Bar');
    assert.deepEqual(meaning('./schemas/ticket.yaml#/Ticket').file, { file: './schemas/ticket.yaml', fragment: '#/Ticket' });
    assert.equal(index.refs.find((r) => r.raw === 'Cat')!.meaning.component, '#/components/schemas/Cat'); // a mapping by bare name
  });
});

describe('definition', () => {
  for (const f of FIXTURES) {
    const index = indexOf(f.text, f.format);
    const table: Array<[string, string, string | undefined]> = [
      ['in allOf', '#/components/schemas/Base', 'Base'],
      ['in items', '#/components/schemas/Comment', 'Comment'],
      ['in additionalProperties', '#/components/schemas/Tag', 'Tag'],
      ['~1 and ~0', '#/components/schemas/a~1b~0c', 'a/b~c'],
      ['percent-encoded', '#/components/schemas/Foo%20Bar', 'Foo Bar'],
      ['a parameter', '#/components/parameters/Limit', 'Limit'],
      ['a missing target', '#/components/schemas/Missing', undefined],
    ];
    for (const [what, ref, name] of table) {
      it(`${f.name}: ${what}`, () => {
        const target = nav.definitionAt(index, at(f.text, ref, 3));
        if (name === undefined) return assert.equal(target, undefined);
        assert.equal(target?.kind, 'local');
        const span = (target as { span: nav.Span }).span;
        assert.equal(span.start, at(f.text, `\n${' '.repeat(f.format === 'yaml' ? 4 : 6)}${f.key(name)}`, 1 + (f.format === 'yaml' ? 4 : 6)));
      });
    }
    it(`${f.name}: a relative file reference names the file and the pointer, and the file's target is found`, () => {
      const target = nav.definitionAt(index, at(f.text, f.fileRef, 2));
      assert.deepEqual(target, { kind: 'file', file: f.fileRef, fragment: '#/Ticket' });
      const fileText = readRoot(`test/fixtures/navigation/${f.fileRef.slice(2)}`);
      const resolved = nav.resolveInFile(fileText, f.fileRef, '#/Ticket');
      assert.equal(resolved?.span.start, fileText.indexOf(f.format === 'yaml' ? 'Ticket:' : '"Ticket"'));
      assert.equal(nav.resolveInFile(fileText, f.fileRef, '#/Nothing'), undefined);
    });
  }
});

describe('references, hover, symbols', () => {
  const index = indexOf(YAML_TEXT, 'yaml');
  it('a component key: every $ref and mapping value naming it', () => {
    const found = nav.referencesAt(index, at(YAML_TEXT, '\n    Dog:', 6));
    assert.equal(found?.kind, 'target');
    const sites = (found as { sites: nav.RefSite[] }).sites;
    assert.deepEqual(
      sites.map((s) => `${s.kind} ${YAML_TEXT.slice(s.start, s.end)}`),
      ["mapping '#/components/schemas/Dog'", "ref '#/components/schemas/Dog'"],
    );
  });
  it('an operationId: handed to the caller, which reads the settings file', () => {
    const found = nav.referencesAt(index, at(YAML_TEXT, 'operationId: listTickets', 16));
    assert.deepEqual(found, {
      kind: 'operationId',
      operationId: 'listTickets',
      declaration: { start: at(YAML_TEXT, 'listTickets', 0), end: at(YAML_TEXT, 'listTickets', 11) },
    });
  });
  it('hover on a $ref: type, description, properties with required marked, through allOf', () => {
    const hover = nav.hoverAt(index, at(YAML_TEXT, '"#/components/schemas/Ticket"', 2));
    assert.ok(hover && 'markdown' in hover);
    assert.match(hover.markdown, /A support ticket\./);
    assert.match(hover.markdown, /allOf of `Base`, an inline schema/);
    assert.match(hover.markdown, /- `id` \\\*: string/);
    assert.match(hover.markdown, /- `title` \\\*: string/);
    assert.match(hover.markdown, /- `comments`: array of → `Comment`/);
    assert.doesNotMatch(hover.markdown, /cycle/);
  });
  it('hover on a $ref on a cycle names the cycle', () => {
    const hover = nav.hoverAt(index, at(YAML_TEXT, "'#/components/schemas/Node'", 2));
    assert.ok(hover && 'markdown' in hover);
    assert.match(hover.markdown, /On a `\$ref` cycle.*`#\/components\/schemas\/Node` → `#\/components\/schemas\/Node`/);
  });
  it('hover on a method key: the Rewst action', () => {
    const hover = nav.hoverAt(index, at(YAML_TEXT, '    get:', 4), { paginated: new Set(['listTickets']), settingsName: 'tickets.rewst-integration.json' });
    assert.ok(hover && 'markdown' in hover);
    assert.match(hover.markdown, /\*\*Rewst action:\*\* List tickets/);
    assert.match(hover.markdown, /Tag: `tickets`/);
    assert.match(hover.markdown, /Paginated: yes/);
    const post = nav.hoverAt(index, at(YAML_TEXT, '    post:', 4));
    assert.ok(post && 'markdown' in post);
    assert.match(post.markdown, /\*\*Rewst action:\*\* createTicket/);
    assert.match(post.markdown, /Paginated: no/);
  });
  it('outline: info, paths → operations, components → sections → names', () => {
    const names = (list: nav.NavSymbol[] | undefined): unknown => list?.map((s) => (s.children ? [s.name, names(s.children)] : s.name));
    assert.deepEqual(names(nav.documentSymbols(index)), EXPECTED_OUTLINE);
    const get = nav.documentSymbols(index)[1].children![0].children![0];
    assert.equal(get.detail, 'List tickets');
    assert.equal(YAML_TEXT.slice(get.selection.start, get.selection.end), 'get');
  });
});

describe('completion inside a $ref', () => {
  const cases: Array<[string, 'json' | 'yaml', string, { start: number; end: number; quote: string } | undefined]> = [
    ['JSON, in the string', 'json', '{"$ref": "#/components/sch|emas/X"}', { start: 10, end: 32, quote: '"' }],
    ['YAML, single-quoted', 'yaml', "  $ref: '#/definitions/|'", { start: 9, end: 23, quote: "'" }],
    ['YAML, plain', 'yaml', '  $ref: #/defs|', { start: 8, end: 14, quote: '' }],
    ['YAML, quoted key in a flow map', 'yaml', '{ "$ref": "#/|" }', { start: 11, end: 13, quote: '"' }],
    ['not in a $ref', 'yaml', '  description: #/|', undefined],
    ['JSON, after the string', 'json', '{"$ref": "#/x", |', undefined],
  ];
  for (const [what, format, typed, expected] of cases) {
    it(what, () => {
      const offset = typed.indexOf('|');
      assert.deepEqual(nav.refValueAt(typed.replace('|', ''), format, offset), expected);
    });
  }
  it('offers the section typed, each with its description, written for the string it goes into', () => {
    const root = analyze(YAML_TEXT, { format: 'yaml' }).root!;
    const text = "x:\n  $ref: '#/components/schemas/'\n";
    const found = nav.refCompletion(text, 'yaml', text.indexOf("/'") + 1, root, 'openapi-3.0');
    assert.ok(found);
    assert.deepEqual(
      found.items.map((i) => i.label),
      ['Base', 'Ticket', 'Comment', 'Tag', 'a/b~c', 'Foo Bar', 'Node', 'Pet', 'Dog', 'Cat'],
    );
    assert.equal(found.items.find((i) => i.label === 'a/b~c')?.newText, '#/components/schemas/a~1b~0c');
    assert.equal(found.items.find((i) => i.label === 'Foo Bar')?.newText, '#/components/schemas/Foo%20Bar');
    assert.equal(nav.componentDescription(root, found.items.find((i) => i.label === 'Comment')!.pointer), 'A comment on a ticket.');
    assert.equal(nav.componentDescription(root, '#/components/schemas/Nothing'), undefined);
    const all = nav.refCompletion("$ref: '#/", 'yaml', 9, root, 'openapi-3.0');
    // No section typed yet: every component, schemas first.
    assert.deepEqual(all?.items.map((i) => i.newText).slice(0, 2), ['#/components/schemas/Base', '#/components/schemas/Ticket']);
    assert.ok(all?.items.some((i) => i.newText === '#/components/parameters/Limit'));
    const plain = nav.refCompletion('$ref: #/components/parameters/', 'yaml', 30, root, 'openapi-3.0');
    assert.deepEqual(
      plain?.items.map((i) => i.newText),
      ["'#/components/parameters/Limit'"],
    );
  });
});

describe('rename', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: the key, every $ref and every mapping value, nothing else`, () => {
      const index = indexOf(f.text, f.format);
      const result = nav.renameAt(index, at(f.text, f.key('Dog'), 1), 'Hound');
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.edits.length, 3);
      const renamed = applyEdits(f.text, result.edits);
      assert.equal(renamed, f.text.replace(f.key('Dog'), f.key('Hound')).split('#/components/schemas/Dog').join('#/components/schemas/Hound'));
      const value = parseYaml(renamed);
      assert.ok(value.components.schemas.Hound && !value.components.schemas.Dog);
    });
    it(`${f.name}: a bare mapping name and an escaped pointer`, () => {
      const index = indexOf(f.text, f.format);
      const cat = nav.renameAt(index, at(f.text, f.key('Cat'), 1), 'Kitten');
      assert.ok(cat.ok);
      const value = parseYaml(applyEdits(f.text, cat.edits));
      assert.equal(value.components.schemas.Pet.discriminator.mapping.cat, 'Kitten');
      assert.equal(value.components.schemas.Pet.oneOf[1].$ref, '#/components/schemas/Kitten');
      const slash = nav.renameAt(index, at(f.text, '#/components/schemas/a~1b~0c', 3), 'x/y z');
      assert.ok(slash.ok);
      const after = parseYaml(applyEdits(f.text, slash.edits));
      assert.equal(after.components.schemas.Ticket.allOf[1].properties.owner.$ref, '#/components/schemas/x~1y%20z');
      assert.ok(after.components.schemas['x/y z']);
    });
    it(`${f.name}: refused with the reason`, () => {
      const index = indexOf(f.text, f.format);
      const taken = nav.renameAt(index, at(f.text, f.key('Comment'), 1), 'Tag');
      assert.deepEqual(taken, {
        ok: false,
        reason: 'components/schemas already has a component named "Tag": renaming would merge two components into one key.',
      });
      const file = nav.prepareRenameAt(index, at(f.text, f.fileRef, 2));
      assert.equal(file.ok, false);
      assert.match((file as nav.Refusal).reason, /another file/);
      const missing = nav.prepareRenameAt(index, at(f.text, '#/components/schemas/Missing', 3));
      assert.match((missing as nav.Refusal).reason, /does not exist/);
      const nothing = nav.prepareRenameAt(index, at(f.text, 'Tickets API', 2));
      assert.equal(nothing.ok, false);
    });
    it(`${f.name}: prepareRename selects the name inside the reference`, () => {
      const index = indexOf(f.text, f.format);
      const target = nav.prepareRenameAt(index, at(f.text, '#/components/schemas/Comment', 3));
      assert.ok(target.ok);
      assert.equal(f.text.slice(target.span.start, target.span.end), 'Comment');
      assert.equal(target.placeholder, 'Comment');
    });
  }
  it('Swagger 2.0: #/definitions/ renamed in keys and $refs', () => {
    const index = indexOf(SWAGGER, 'json');
    const result = nav.renameAt(index, at(SWAGGER, '"#/definitions/Line"', 3), 'OrderLine');
    assert.ok(result.ok);
    const value = JSON.parse(applyEdits(SWAGGER, result.edits));
    assert.deepEqual(Object.keys(value.definitions), ['Order', 'OrderLine']);
    assert.equal(value.definitions.Order.properties.line.$ref, '#/definitions/OrderLine');
  });
});

describe('settings file', () => {
  it('paginatedActions entries and the operation they name', () => {
    const settings = readRoot('test/fixtures/navigation/tickets.rewst-integration.json');
    const entry = nav.paginatedEntryAt(settings, settings.indexOf('listTickets'));
    assert.equal(entry?.operationId, 'listTickets');
    assert.equal(nav.paginatedEntryAt(settings, settings.indexOf('Tickets')), undefined);
    assert.deepEqual(nav.paginatedEntries('{"paginatedActions": [1, "a"'), []); // does not parse: nothing
  });
});

describe('hostile input', () => {
  it('JSON nested 100,000 levels deep: the $ref at the bottom is found and followed, no stack overflow', () => {
    const depth = 100_000;
    const text = `{"openapi":"3.0.0","components":{"schemas":{"A":{"type":"string"},"Deep":${'{"items":'.repeat(depth)}{"$ref":"#/components/schemas/A"}${'}'.repeat(depth)}}}}`;
    const index = indexOf(text, 'json');
    assert.equal(index.refs.length, 1);
    const target = nav.definitionAt(index, text.indexOf('#/components/schemas/A'));
    assert.deepEqual(target, { kind: 'local', span: { start: text.indexOf('"A"'), end: text.indexOf('"A"') + 3 } });
    assert.equal(nav.documentSymbols(index).length, 1);
  });
  it('YAML whose aliases would expand beyond the limit gets no index, and no error', () => {
    const bomb = [
      'openapi: 3.0.0',
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill('*' + String.fromCharCode(97 + i))
            .join(',')}]`,
      ),
    ].join('\n');
    assert.equal(nav.navIndexOf(analyze(bomb, { format: 'yaml' })), undefined);
  });
  it('a YAML alias to a schema holding a $ref is not counted twice; the anchor is where the reference sits', () => {
    const text = "openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {type: string}\n    B: &b\n      $ref: '#/components/schemas/A'\n    C: *b\n";
    const index = indexOf(text, 'yaml');
    assert.deepEqual(
      index.refs.map((r) => r.start),
      [text.indexOf("'#/components/schemas/A'")],
    );
    assert.deepEqual(
      index.components.map((c) => c.name),
      ['A', 'B', 'C'],
    );
  });
});

describe('encodeSegment', () => {
  for (const [name, written] of [
    ['Plain', 'Plain'],
    ['a/b', 'a~1b'],
    ['t~', 't~0'],
    ['Foo Bar', 'Foo%20Bar'],
    ['50%', '50%25'],
    ['é😀', '%C3%A9%F0%9F%98%80'],
  ]) {
    it(`${name} → ${written}`, () => assert.equal(encodeSegment(name), written));
  }
});
