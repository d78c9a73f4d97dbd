import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyze, applyEdits } from '../server/src/engine';
import {
  bundleSpec,
  BundleTooLarge,
  checkReferencedFiles,
  findingsInReferencedFiles,
  operationsInReferencedFiles,
  type ReadFile,
} from '../server/src/engine/bundle';
import { bundleReaderWithin } from '../server/src/read-within';
import { aliasBombLines, refsIn } from './support/specs';

/**
 * The bundler on a spec split over five YAML files (test/fixtures/split) and on
 * small in-memory trees: every reference local, targets shared, names readable
 * and unique, cycles between files closed at a component, and references that
 * cannot be followed reported where they are written.
 */

const ROOT = resolve(__dirname, '..', '..');
const SPLIT = join(ROOT, 'test', 'fixtures', 'split');
type Json = Record<string, any>;

/** Every string `$ref` in a value, with where it is; independent of the engine's walkers. */

function at(doc: unknown, ref: string): unknown {
  let node: any = doc;
  if (ref === '#') return node;
  for (const raw of ref.slice(2).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = node[seg];
  }
  return node;
}

function assertSelfContained(doc: Json): void {
  const refs = refsIn(doc);
  assert.deepEqual(
    refs.filter((r) => !r.ref.startsWith('#')),
    [],
    'no external reference left',
  );
  assert.deepEqual(
    refs.filter((r) => at(doc, r.ref) === undefined),
    [],
    'every local reference resolves',
  );
}

/** A reader over an in-memory tree that records what was asked. */
function memory(files: Record<string, string>): ReadFile & { asked: string[] } {
  const asked: string[] = [];
  const read = ((name: string) => {
    asked.push(name);
    if (!(name in files)) throw new Error('no such file');
    return files[name];
  }) as ReadFile & { asked: string[] };
  read.asked = asked;
  return read;
}

const ops = (doc: Json) =>
  Object.entries<Json>(doc.paths).flatMap(([p, item]) =>
    ['get', 'post', 'put', 'delete', 'patch'].filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${p}`),
  );

describe('bundle: the split helpdesk spec (five YAML files)', () => {
  const entry = parseYaml(readFileSync(join(SPLIT, 'openapi.yaml'), 'utf8')) as Json;
  const r = bundleSpec(entry, { entry: 'openapi.yaml', read: bundleReaderWithin(SPLIT) });
  const doc = r.value as Json;

  it('is self-contained, with all three operations', () => {
    assertSelfContained(doc);
    assert.deepEqual(ops(doc), ['GET /tickets', 'POST /tickets', 'GET /tickets/{id}']);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.files, ['paths/tickets.yaml', 'parameters.yaml', 'schemas/ticket.yaml', 'schemas/user.yaml']);
  });

  it('path items are copied in place; each target becomes one named component, shared', () => {
    assert.equal(doc.paths['/tickets'].get.operationId, 'listTickets');
    assert.equal(r.inlined, 1);
    assert.deepEqual(Object.keys(doc.components.schemas), ['User', 'ticket']);
    assert.deepEqual(Object.keys(doc.components.parameters), ['PageSize', 'TicketId']);
    // ticket.yaml is referenced three times (two from paths/tickets.yaml, one from the main file): one component
    const ticketRefs = refsIn(doc).filter((x) => x.ref === '#/components/schemas/ticket');
    assert.equal(ticketRefs.length, 4, JSON.stringify(ticketRefs)); // and once more from user.yaml's tickets
    assert.deepEqual(doc.paths['/tickets/{id}'].parameters, [{ $ref: '#/components/parameters/TicketId' }]);
    assert.equal(doc.components.parameters.PageSize.schema.maximum, 100);
  });

  it("the main file's own slot keeps its name; cycles (a self-reference, ticket ↔ user) end at the components", () => {
    assert.equal(doc.components.schemas.User.properties.manager.$ref, '#/components/schemas/User');
    assert.equal(doc.components.schemas.User.properties.tickets.items.$ref, '#/components/schemas/ticket');
    assert.equal(doc.components.schemas.ticket.properties.assignee.$ref, '#/components/schemas/User');
    assert.deepEqual(
      r.components.map((c) => `${c.container.join('/')}/${c.name} ← ${c.file}${c.pointer}`),
      // in the order the document first names them: /tickets (copied in place) before /tickets/{id}
      [
        'components/parameters/PageSize ← parameters.yaml#/PageSize',
        'components/schemas/ticket ← schemas/ticket.yaml',
        'components/parameters/TicketId ← parameters.yaml#/TicketId',
      ],
    );
  });

  it('records where each copied part came from', () => {
    const origin = (p: string) => r.origins.find((o) => o.path.join('/') === p);
    assert.deepEqual(origin('components/schemas/User'), { path: ['components', 'schemas', 'User'], file: 'schemas/user.yaml', sourcePath: [] });
    assert.deepEqual(origin('paths//tickets'), { path: ['paths', '/tickets'], file: 'paths/tickets.yaml', sourcePath: [] });
  });

  it('the Rewst rules see what the files hid: the circular references', () => {
    const findings = analyze(JSON.stringify(doc, null, 2), { format: 'json' }).findings;
    const circular = findings.filter((f) => f.ruleId === 'circular-ref').map((f) => f.pointer);
    assert.ok(circular.includes('/components/schemas/User/properties/manager/$ref'), JSON.stringify(circular));
    assert.ok(!findings.some((f) => f.ruleId === 'ref-external'));
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'operation-id-missing').map((f) => f.pointer),
      ['/paths/~1tickets/post'],
    );
  });

  it('is the same every time (stable names and order)', () => {
    const again = bundleSpec(parseYaml(readFileSync(join(SPLIT, 'openapi.yaml'), 'utf8')), { entry: 'openapi.yaml', read: bundleReaderWithin(SPLIT) });
    assert.equal(JSON.stringify(again.value), JSON.stringify(doc));
  });
});

describe('bundle: references that cannot be followed', () => {
  it('a missing file: one problem at the $ref, the reference left as it was', () => {
    const read = memory({});
    const r = bundleSpec(
      {
        openapi: '3.0.0',
        paths: { '/a': { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema: { $ref: './gone.yaml' } } } } } } } },
      },
      { entry: 'api.yaml', read },
    );
    assert.equal(r.problems.length, 1);
    assert.deepEqual(r.problems[0].path, ['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema']);
    assert.equal(r.problems[0].file, 'api.yaml');
    assert.match(r.problems[0].message, /cannot read gone\.yaml: no such file/);
    assert.equal((r.value as Json).paths['/a'].get.responses['200'].content['application/json'].schema.$ref, './gone.yaml');
  });

  it('outside the folder, absolute paths and URLs are never read', () => {
    const read = memory({ 'x.yaml': 'type: string' });
    const r = bundleSpec(
      {
        openapi: '3.0.0',
        components: {
          schemas: {
            A: { $ref: '../../etc/passwd' },
            B: { $ref: '/etc/passwd' },
            C: { $ref: 'https://example.com/x.yaml#/X' },
            D: { properties: { d: { $ref: 'sub/../../x.yaml' } } },
          },
        },
      },
      { entry: 'api.yaml', read },
    );
    assert.deepEqual(read.asked, []);
    assert.equal(r.urls, 1);
    assert.deepEqual(
      r.problems.map((p) => [p.path.join('/'), /outside the spec's folder|absolute path/.test(p.message)]),
      [
        ['components/schemas/A', true],
        ['components/schemas/B', true],
        ['components/schemas/D/properties/d', true],
      ],
    );
  });

  it('a file that does not parse, and a pointer to nothing, are said so at their $ref in the file that holds it', () => {
    const read = memory({ 'a.yaml': 'b:\n  $ref: ./b.json#/Missing\nc:\n  $ref: ./bad.yaml\n', 'b.json': '{"X": {}}', 'bad.yaml': 'a: [\n' });
    const r = bundleSpec(
      { openapi: '3.0.0', components: { schemas: { A: { properties: { b: { $ref: './a.yaml#/b' }, c: { $ref: './a.yaml#/c' } } } } } },
      { entry: 'api.yaml', read },
    );
    assert.deepEqual(
      r.problems.map((p) => [p.file, p.path.join('/'), p.ref]),
      [
        ['a.yaml', 'b', './b.json#/Missing'],
        ['a.yaml', 'c', './bad.yaml'],
      ],
    );
    assert.match(r.problems[0].message, /b\.json has nothing at #\/Missing/);
    assert.match(r.problems[1].message, /cannot read bad\.yaml: it is not valid YAML \(line \d+/);
  });

  it('a path item that includes itself is reported, not copied forever', () => {
    const read = memory({ 'p.yaml': 'get:\n  callbacks:\n    cb:\n      "{$url}":\n        $ref: ./p.yaml\n  responses: {}\n' });
    const r = bundleSpec({ openapi: '3.0.0', paths: { '/p': { $ref: './p.yaml' } } }, { entry: 'api.yaml', read });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /includes itself/);
    assert.equal(r.problems[0].file, 'p.yaml');
  });
});

describe('bundle: names, formats, depth and Swagger 2.0', () => {
  it("names never collide: the file's stem, then a number; the document's own names are kept", () => {
    const read = memory({ 'a.yaml': 'Error: {type: string}\n', 'b.json': '{"Error": {"type": "integer"}}', 'c/b.json': '{"Error": {"type": "boolean"}}' });
    const r = bundleSpec(
      {
        openapi: '3.0.0',
        components: {
          schemas: {
            Error: { type: 'object' },
            X: {
              properties: {
                a: { $ref: 'a.yaml#/Error' },
                b: { $ref: './b.json#/Error' },
                c: { $ref: './c/b.json#/Error' },
                again: { $ref: './a.yaml#/Error' },
              },
            },
          },
        },
      },
      { entry: 'api.yaml', read },
    );
    const doc = r.value as Json;
    assert.deepEqual(Object.keys(doc.components.schemas), ['Error', 'X', 'a_Error', 'b_Error', 'Error-2']);
    assert.deepEqual(
      Object.values<Json>(doc.components.schemas.X.properties).map((p) => p.$ref),
      ['#/components/schemas/a_Error', '#/components/schemas/b_Error', '#/components/schemas/Error-2', '#/components/schemas/a_Error'],
    );
    assert.equal(doc.components.schemas['Error-2'].type, 'boolean');
    assertSelfContained(doc);
  });

  it('a chain of 200 files, each referring to the next; the last refers back to the first', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`s/n${i}.json`] = JSON.stringify({ type: 'object', properties: { next: { $ref: `./n${(i + 1) % 200}.json` } } });
    const r = bundleSpec({ openapi: '3.0.0', components: { schemas: { Head: { $ref: './s/n0.json' } } } }, { entry: 'api.yaml', read: memory(files) });
    const doc = r.value as Json;
    assert.equal(Object.keys(doc.components.schemas).length, 200);
    assert.equal(doc.components.schemas.n199.properties.next.$ref, '#/components/schemas/Head');
    assertSelfContained(doc);
  });

  it('a local reference inside a referenced file means that file; $ref in example data is left alone; other keys beside a $ref are kept in their order', () => {
    const read = memory({
      'lib.yaml': 'Pet:\n  type: object\n  properties:\n    owner:\n      $ref: "#/Owner"\n  example:\n    $ref: not-a-reference\nOwner:\n  type: string\n',
    });
    const r = bundleSpec(
      { openapi: '3.1.0', components: { schemas: { A: { description: 'first', $ref: './lib.yaml#/Pet' } } }, paths: {} },
      { entry: 'api.yaml', read },
    );
    const doc = r.value as Json;
    assert.deepEqual(Object.keys(doc.components.schemas.A), ['description', '$ref']);
    assert.equal(doc.components.schemas.A.$ref, '#/components/schemas/Pet');
    assert.equal(doc.components.schemas.Pet.properties.owner.$ref, '#/components/schemas/Owner');
    assert.deepEqual(doc.components.schemas.Pet.example, { $ref: 'not-a-reference' });
  });

  it('a reference from a referenced file back into the main file becomes local', () => {
    const read = memory({ 'x.yaml': 'type: object\nproperties:\n  e:\n    $ref: "../spec/api.yaml#/components/schemas/E"\n' });
    const r = bundleSpec(
      { openapi: '3.0.0', components: { schemas: { E: { type: 'string' }, X: { $ref: '../spec/x.yaml' } } } },
      { entry: '../spec/api.yaml'.replace('../spec/', ''), read },
    );
    // from api.yaml, ../spec/x.yaml is outside the folder: refused
    assert.equal(r.problems.length, 1);
    const ok = bundleSpec(
      { openapi: '3.0.0', components: { schemas: { E: { type: 'string' }, X: { $ref: './x.yaml' } } } },
      { entry: 'api.yaml', read: memory({ 'x.yaml': 'properties:\n  e:\n    $ref: "./api.yaml#/components/schemas/E"\n' }) },
    );
    assert.equal((ok.value as Json).components.schemas.X.properties.e.$ref, '#/components/schemas/E');
  });

  it('Swagger 2.0: definitions, parameters and responses', () => {
    const read = memory({
      'defs.yaml': 'Pet:\n  type: object\n',
      'params.yaml': 'Limit:\n  name: limit\n  in: query\n  type: integer\n',
      'resp.yaml': 'NotFound:\n  description: Not found\n  schema:\n    $ref: ./defs.yaml#/Pet\n',
    });
    const r = bundleSpec(
      {
        swagger: '2.0',
        info: { title: 'x', version: '1' },
        paths: {
          '/pets': {
            get: {
              parameters: [{ $ref: 'params.yaml#/Limit' }],
              responses: { 404: { $ref: 'resp.yaml#/NotFound' }, 200: { description: 'ok', schema: { $ref: 'defs.yaml#/Pet' } } },
            },
          },
        },
      },
      { entry: 'api.json', read },
    );
    const doc = r.value as Json;
    assert.deepEqual(Object.keys(doc.definitions), ['Pet']);
    assert.deepEqual(Object.keys(doc.parameters), ['Limit']);
    assert.deepEqual(Object.keys(doc.responses), ['NotFound']);
    assert.equal(doc.responses.NotFound.schema.$ref, '#/definitions/Pet');
    assert.equal(doc.paths['/pets'].get.responses['404'].$ref, '#/responses/NotFound');
    assertSelfContained(doc);
  });

  it('OpenAPI 3: request bodies, headers, examples, responses', () => {
    const read = memory({
      'parts.yaml':
        'Body:\n  content:\n    application/json:\n      schema: {type: object}\nRate:\n  schema: {type: integer}\nSample:\n  value: {a: 1}\nOk:\n  description: ok\n  headers:\n    X-Rate:\n      $ref: "#/Rate"\n',
    });
    const r = bundleSpec(
      {
        openapi: '3.0.0',
        paths: {
          '/a': {
            post: { requestBody: { $ref: 'parts.yaml#/Body' }, responses: { 200: { $ref: 'parts.yaml#/Ok' } } },
            put: { requestBody: { content: { 'application/json': { examples: { s: { $ref: 'parts.yaml#/Sample' } } } } }, responses: {} },
          },
        },
      },
      { entry: 'api.yaml', read },
    );
    const c = (r.value as Json).components;
    assert.deepEqual(Object.fromEntries(Object.entries<Json>(c).map(([k, v]) => [k, Object.keys(v)])), {
      requestBodies: ['Body'],
      responses: ['Ok'],
      headers: ['Rate'],
      examples: ['Sample'],
    });
    assertSelfContained(r.value as Json);
  });
});

describe('bundle: hostile trees', () => {
  it('path items that copy each other in place twice per level (2^40 copies) stop quickly, with a reason', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++)
      files[`l${i}.yaml`] =
        `get:\n  callbacks:\n    a:\n      "{$x}":\n        $ref: ./l${i + 1}.yaml\n    b:\n      "{$y}":\n        $ref: ./l${i + 1}.yaml\n  responses: {}\n`;
    files['l40.yaml'] = 'get: {responses: {}}\n';
    assert.throws(
      () => bundleSpec({ openapi: '3.0.0', paths: { '/a': { $ref: './l0.yaml' } } }, { entry: 'api.yaml', read: memory(files) }),
      (e: Error) => e instanceof BundleTooLarge && /l\d+\.yaml would be copied in place more than 100 times/.test(e.message),
    );
  });

  it('a YAML alias bomb in a referenced file is refused at its $ref', () => {
    const lines = aliasBombLines();
    const r = bundleSpec(
      { openapi: '3.0.0', components: { schemas: { A: { $ref: './bomb.yaml#/a8' } } } },
      { entry: 'api.yaml', read: memory({ 'bomb.yaml': lines.join('\n') }) },
    );
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /cannot read bomb\.yaml: it is not valid YAML .*aliases expand/);
  });
});

describe('bundle: the reader on disk', () => {
  it("a symlink that leads out of the spec's folder is not followed", () => {
    const root = mkdtempSync(join(tmpdir(), 'rewst-bundle-'));
    try {
      mkdirSync(join(root, 'spec'));
      writeFileSync(join(root, 'secret.yaml'), 'type: string\n');
      symlinkSync(join(root, 'secret.yaml'), join(root, 'spec', 'link.yaml'));
      const r = bundleSpec(
        { openapi: '3.0.0', components: { schemas: { A: { $ref: './link.yaml' } } } },
        { entry: 'api.yaml', read: bundleReaderWithin(join(root, 'spec')) },
      );
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0].message, /cannot read link\.yaml: it is outside the spec's folder/);
      assert.deepEqual((r.value as Json).components.schemas.A, { $ref: './link.yaml' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the Rewst rules in referenced files', () => {
  it("each finding in the file it is in, at its line; the spec's own are left to its own analysis", () => {
    const entry = parseYaml(readFileSync(join(SPLIT, 'openapi.yaml'), 'utf8'));
    const found = findingsInReferencedFiles(entry, { entry: 'openapi.yaml', read: bundleReaderWithin(SPLIT) });
    const where = found.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.pointer}`);
    assert.deepEqual(where, [
      'paths/tickets.yaml:15:1 operation-id-missing /post',
      'schemas/user.yaml:11:11 circular-ref /properties/manager/$ref',
      'schemas/user.yaml:15:13 circular-ref /properties/tickets/items/$ref',
      'schemas/ticket.yaml:9:11 circular-ref /properties/assignee/$ref',
    ]);
    // the line is where the text says it is
    const user = readFileSync(join(SPLIT, 'schemas', 'user.yaml'), 'utf8').split('\n');
    assert.match(user[10], /^\s+\$ref: '#'$/);
  });

  it('a missing file is one error at its $ref, in the file that holds it (the spec itself here)', () => {
    const text = 'openapi: 3.0.0\ninfo: {title: A, description: A., version: "1"}\npaths:\n  /a:\n    $ref: ./paths/a.yaml\n';
    const found = findingsInReferencedFiles(parseYaml(text), { entry: 'api.yaml', read: memory({ 'api.yaml': text }) });
    assert.deepEqual(
      found.map((f) => [f.file, f.range.start.line + 1, f.ruleId, f.severity]),
      [['api.yaml', 5, 'ref-unresolved', 'error']],
    );
    assert.match(found[0].message, /cannot read paths\/a\.yaml: no such file/);
  });

  it('a spec with no reference to another file reads nothing', () => {
    const read = memory({});
    assert.deepEqual(findingsInReferencedFiles({ openapi: '3.0.0', paths: {} }, { entry: 'api.yaml', read }), []);
    assert.deepEqual(read.asked, []);
  });
});

describe('operations in referenced files (the actions view)', () => {
  const spec = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });

  it('a path item $ref to a file, and on to another file: its operations, each at its place in the file that holds it', () => {
    const read = memory({
      'paths/a.yaml': 'get:\n  summary: A\nput:\n  summary: Put A\n',
      'paths/b.json': '{"$ref": "./more.yaml#/B"}',
      'paths/more.yaml': 'B:\n  post:\n    operationId: postB\n',
    });
    const found = operationsInReferencedFiles(spec({ '/a': { $ref: './paths/a.yaml' }, '/b': { $ref: './paths/b.json' }, '/c': { get: {} } }), {
      entry: 'api.yaml',
      read,
    });
    assert.deepEqual(
      found.map((o) => [o.pathKey, o.method, o.file, o.path.join('/'), o.doc.lines.positionAt(o.doc.locate([{ path: o.path, target: 'key' }])[0].start).line]),
      [
        ['/a', 'get', 'paths/a.yaml', 'get', 0],
        ['/a', 'put', 'paths/a.yaml', 'put', 2],
        ['/b', 'post', 'paths/more.yaml', 'B/post', 1],
      ],
    );
  });

  it('a cycle of files, a missing file, a file that does not parse, a URL and a path out of the folder: no operations and no throw', () => {
    const read = memory({ 'x.yaml': '$ref: ./y.yaml', 'y.yaml': '$ref: ./x.yaml', 'bad.yaml': 'get: [unclosed\n' });
    const found = operationsInReferencedFiles(
      spec({
        '/cycle': { $ref: './x.yaml' },
        '/missing': { $ref: './nowhere.yaml' },
        '/bad': { $ref: './bad.yaml' },
        '/url': { $ref: 'https://example.com/p.yaml' },
        '/out': { $ref: '../secret.yaml' },
      }),
      { entry: 'api.yaml', read },
    );
    assert.deepEqual(found, []);
    assert.ok(!read.asked.includes('../secret.yaml'));
  });
});

describe('quick fixes of findings in referenced files', () => {
  it('the fix is computed on the bundle (an id unique across files) and edits the referenced file alone', () => {
    const read = memory({
      'paths/tickets.yaml': 'get:\n  operationId: listTickets\n  responses: {}\npost:\n  summary: Create a ticket\n  responses: {}\n',
    });
    const root = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/tickets': { $ref: './paths/tickets.yaml' }, '/other': { post: { operationId: 'createATicket', responses: {} } } },
    };
    const check = checkReferencedFiles(root, { entry: 'api.yaml', read })!;
    const missing = check.findings.find((f) => f.ruleId === 'operation-id-missing')!;
    assert.equal(missing.file, 'paths/tickets.yaml');
    assert.ok(missing.fixable);
    const fix = check.fixFor(missing)!;
    assert.equal(fix.title, 'Add operationId "createATicket2"');
    assert.equal(
      applyEdits(fix.doc.text, fix.edits),
      'get:\n  operationId: listTickets\n  responses: {}\npost:\n  summary: Create a ticket\n  operationId: createATicket2\n  responses: {}\n',
    );
  });
});
