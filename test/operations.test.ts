/**
 * The one operation enumerator (spec-index collectOperations) and the views
 * built on it: on specs whose path items are `$ref`s, the actions view, reduce,
 * rename and the settings checks see the same operations.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyze, fixAll, actionListOfText, previewRename } from '../server/src/engine';
import { reduceSpec, tagsOf } from '../server/src/engine/convert';
import { analyzeSettings, crossCheck, operationModelsOf } from '../server/src/engine/settings';
import { collectOperations, writtenOnce } from '../server/src/engine/spec-index';
import { toPointer } from '../server/src/engine/pointer';
import { directorySpec, plainOperations } from './support/specs';

type Obj = Record<string, unknown>;

/**
 * OpenAPI 3.1 with every kind of path item: written, a `$ref` to
 * components/pathItems (with path-level parameters there), a `$ref` to another
 * path, a chain of two, a method written beside a `$ref`, an external `$ref`,
 * a cycle and a `$ref` to nothing.
 */
const SPEC = `openapi: 3.1.0
info: {title: Refs, version: "1"}
tags:
  - name: users
  - name: unused
paths:
  /users:
    get:
      operationId: listUsers
      summary: List users
      tags: [users]
      responses: {"200": {description: ok}}
  /users/{id}:
    $ref: "#/components/pathItems/User"
  /people:
    $ref: "#/paths/~1users"
  /folks:
    $ref: "#/paths/~1people"
  /teams:
    $ref: "#/components/pathItems/Team"
    post:
      operationId: createTeamHere
      summary: Create a team (written beside the $ref)
      responses: {"201": {description: created}}
  /remote:
    $ref: "./other.yaml#/paths/~1remote"
  /loop:
    $ref: "#/paths/~1loop"
  /nowhere:
    $ref: "#/components/pathItems/Missing"
components:
  pathItems:
    User:
      parameters:
        - {name: page, in: query, schema: {type: integer}}
      get:
        operationId: getUser
        summary: Get a user
        tags: [users]
        parameters:
          - {name: per_page, in: query, schema: {type: integer}}
        responses:
          "200":
            description: ok
            content: {application/json: {schema: {type: array, items: {type: object}}}}
      delete:
        operationId: deleteUser
        responses: {"204": {description: gone}}
    Team:
      get:
        operationId: getTeam
        responses: {"200": {description: ok}}
      post:
        operationId: createTeamThere
        responses: {"201": {description: created}}
`;

/** What each view should list, in spec order: [method, path]. */
const EXPECTED: Array<[string, string]> = [
  ['get', '/users'],
  ['get', '/users/{id}'],
  ['delete', '/users/{id}'],
  ['get', '/people'],
  ['get', '/folks'],
  ['get', '/teams'],
  ['post', '/teams'],
];

const key = (method: string, path: string) => `${method.toLowerCase()} ${path}`;

describe('collectOperations: the one enumerator', () => {
  const root = parseYaml(SPEC) as Obj;
  const ops = collectOperations(root);

  it('follows local $ref path items, in spec order, and skips external, cyclic and dangling ones', () => {
    assert.deepEqual(
      ops.map((o) => [o.method, o.pathKey]),
      EXPECTED,
    );
  });

  it('says where each operation is written and which path item holds it', () => {
    const at = new Map(ops.map((o) => [key(o.method, o.pathKey), o]));
    assert.equal(toPointer(at.get('get /users')!.path), '/paths/~1users/get');
    assert.equal(toPointer(at.get('get /users/{id}')!.path), '/components/pathItems/User/get');
    assert.equal(toPointer(at.get('get /people')!.path), '/paths/~1users/get');
    assert.equal(toPointer(at.get('get /folks')!.path), '/paths/~1users/get', 'a chain of two $refs');
    assert.equal(toPointer(at.get('post /teams')!.path), '/paths/~1teams/post', 'the method beside the $ref wins');
    assert.equal(at.get('post /teams')!.operation.operationId, 'createTeamHere');
    assert.equal(toPointer(at.get('get /teams')!.path), '/components/pathItems/Team/get');
    const components = (root.components as Obj).pathItems as Obj;
    assert.equal(at.get('delete /users/{id}')!.item, components.User);
    assert.equal(at.get('get /people')!.operation, at.get('get /users')!.operation, 'the very object, not a copy');
  });

  it('writtenOnce keeps each written operation once, the first path that reaches it', () => {
    assert.deepEqual(
      writtenOnce(ops).map((o) => key(o.method, o.pathKey)),
      ['get /users', 'get /users/{id}', 'delete /users/{id}', 'get /teams', 'post /teams'],
    );
  });

  it("operationModelsOf is the same list, with the referenced path item's parameters merged in", () => {
    const list = operationModelsOf(root);
    assert.deepEqual(
      list.map((o) => [o.method, o.pathKey]),
      EXPECTED,
    );
    const user = list.find((o) => o.operationId === 'getUser')!;
    assert.deepEqual([...user.query.keys()].sort(), ['page', 'per_page']);
    assert.ok(user.responseSchema && user.responseSchema.type === 'array');
  });

  it('without $refs it is the plain reading of paths, on a real spec', () => {
    const text = directorySpec('visma.com.json');
    const spec = JSON.parse(text) as Obj;
    assert.deepEqual(
      collectOperations(spec).map((o) => key(o.method, o.pathKey)),
      plainOperations(spec).map((o) => key(o.method, o.pathKey)),
    );
  });

  it('ends on a long chain and on a cycle of $refs, and on odd values', () => {
    const paths: Obj = {};
    for (let i = 0; i < 100; i++) paths[`/p${i}`] = { $ref: `#/paths/~1p${i + 1}` };
    paths['/p100'] = { get: { operationId: 'end' } };
    paths['/a'] = { $ref: '#/paths/~1b' };
    paths['/b'] = { $ref: '#/paths/~1a' };
    paths['/c'] = null;
    paths['/d'] = [{ get: {} }];
    paths['/e'] = { $ref: 42 };
    const found = collectOperations({ openapi: '3.1.0', paths }).map((o) => o.pathKey);
    // A chain is followed a bounded number of hops: the near end reaches the operation, the far end does not.
    assert.ok(found.includes('/p100') && found.includes('/p99') && !found.includes('/p0'));
    assert.ok(!found.some((p) => ['/a', '/b', '/c', '/d', '/e'].includes(p)));
    assert.deepEqual(collectOperations({ paths: 'none' }), []);
  });
});

describe('the views agree on a spec with $ref path items', () => {
  for (const format of ['yaml', 'json'] as const) {
    const text = format === 'yaml' ? SPEC : JSON.stringify(parseYaml(SPEC), null, 2);

    it(`actions view, rule pass, rename, reduce and settings checks list the same operations (${format})`, () => {
      const want = EXPECTED.map(([m, p]) => key(m, p));

      // the actions view, as the language server builds it from its analysis and the CLI from the text
      const actions = actionListOfText(text, format);
      assert.deepEqual(
        actions.actions.map((a) => key(a.method, a.path)),
        want,
      );
      const analysis = analyze(text, { format });
      assert.deepEqual(
        analysis.index!.operations.map((o) => key(o.method, o.pathKey)),
        want,
      );
      const getUser = actions.actions.find((a) => a.operationId === 'getUser')!;
      assert.equal(getUser.pointer, '/components/pathItems/User/get');
      assert.equal(text.slice(...offsets(text, getUser.range)).replace(/"/g, ''), 'get', 'the action reveals the operation where it is written');

      // rename: every action is a subject; an operation two paths share is renamed once
      const rename = previewRename(text, format, { field: 'name', match: '^', replace: 'X ' });
      assert.ok(rename.ok);
      assert.equal(rename.total, want.length);
      assert.equal(rename.matched, want.length);
      assert.deepEqual(
        rename.changes.map((c) => key(c.method, c.path)),
        ['get /users', 'get /users/{id}', 'delete /users/{id}', 'get /teams', 'post /teams'],
      );
      assert.deepEqual(
        rename.skipped.map((s) => [key(s.method, s.path), /shares its text with GET \/users \(a YAML alias or a \$ref\)/.test(s.reason)]),
        [
          ['get /people', true],
          ['get /folks', true],
        ],
      );

      // reduce: the same count, the same tags, and a $ref path item can be picked
      const all = reduceSpec(text, {}, { format });
      assert.equal(all.operations.before, want.length);
      assert.equal(all.operations.after, want.length);
      const tags = tagsOf(parseYaml(text) as Obj);
      assert.deepEqual(
        [...tags],
        [
          ['users', 4],
          ['unused', 0],
        ],
        'listUsers, getUser, and listUsers again through /people and /folks',
      );
      const users = reduceSpec(text, { paths: ['^/users/\\{id\\}$'] }, { format });
      assert.equal(users.operations.after, 2);
      const kept = parseYaml(users.text) as Obj;
      assert.deepEqual(Object.keys(kept.paths as Obj), ['/users/{id}']);
      assert.deepEqual(Object.keys((kept.components as { pathItems: Obj }).pathItems), ['User'], 'the referenced path item is kept, the other dropped');
      assert.deepEqual(
        collectOperations(kept).map((o) => key(o.method, o.pathKey)),
        ['get /users/{id}', 'delete /users/{id}'],
      );
      const people = reduceSpec(text, { paths: ['^/people$'] }, { format });
      assert.deepEqual(Object.keys((parseYaml(people.text) as Obj).paths as Obj), ['/users', '/people'], 'the path it refers to is kept');
      assert.equal(people.operations.after, 2);

      // settings checks: an operation behind a $ref is there to mark paginated, with its path item's parameters
      const ops = operationModelsOf(parseYaml(text) as Obj);
      assert.deepEqual(
        ops.map((o) => key(o.method, o.pathKey)),
        want,
      );
      const settings = {
        paginatedActions: ['getUser', 'getTeam', 'nowhereToBeFound'],
        pagination: { type: 'page' as const, pageParam: 'page', pageSizeParam: 'per_page', resultsKey: '' },
      };
      const reports = crossCheck(settings, parseYaml(text) as Obj);
      assert.deepEqual(
        reports.map((r) => [r.code, r.path.join('.')]),
        [
          ['settings-operation-missing', 'paginatedActions.2'],
          ['settings-param-not-accepted', 'paginatedActions.1'],
          ['settings-param-not-accepted', 'paginatedActions.1'],
        ],
      );
      const sheet = analyzeSettings(JSON.stringify({ ...settings, paginatedActions: ['getUser'] }), {
        spec: { name: 'refs.yaml', root: parseYaml(text) as Obj },
      });
      assert.ok(
        !sheet.findings.some((f) => f.ruleId.startsWith('settings-operation') || f.ruleId === 'settings-param-not-accepted'),
        JSON.stringify(sheet.findings.map((f) => f.message)),
      );
    });
  }

  it('on a real spec whose paths refer to other paths (surevoip.co.uk), every view counts the referring paths too', () => {
    const text = directorySpec('surevoip.co.uk.json');
    const root = JSON.parse(text) as Obj;
    const plain = plainOperations(root).map((o) => key(o.method, o.pathKey));
    const want = collectOperations(root).map((o) => key(o.method, o.pathKey));
    assert.deepEqual(
      want.filter((k) => !plain.includes(k)),
      ['get /support/ip-address', 'get /support/service-status'],
    );
    assert.equal(want.length, plain.length + 2);
    assert.deepEqual(
      actionListOfText(text, 'json').actions.map((a) => key(a.method, a.path)),
      want,
    );
    assert.deepEqual(
      operationModelsOf(root).map((o) => key(o.method, o.pathKey)),
      want,
    );
    assert.equal(reduceSpec(text, {}, { format: 'json' }).operations.before, want.length);
    const rename = previewRename(text, 'json', { field: 'name', match: '$', replace: '!' });
    assert.ok(rename.ok);
    assert.equal(rename.total, want.length);
    assert.equal(rename.changes.length + rename.skipped.length, want.length);
    const support = reduceSpec(text, { paths: ['^/support/'] }, { format: 'json' });
    const supportPaths = Object.keys((JSON.parse(support.text) as Obj).paths as Obj);
    assert.ok(supportPaths.includes('/ip-address') && supportPaths.includes('/support/ip-address'), supportPaths.join(', '));
    assert.equal(collectOperations(JSON.parse(support.text) as Obj).length, support.operations.after);
    // the missing operationIds are reported once each, where they are written, and fixing them leaves none
    const missing = analyze(text, { format: 'json' }).findings.filter((f) => f.ruleId === 'operation-id-missing');
    assert.equal(new Set(missing.map((f) => f.pointer)).size, missing.length);
    assert.equal(missing.length, plainOperations(root).filter(({ op }) => typeof op.operationId !== 'string' || op.operationId.trim() === '').length);
    assert.deepEqual(
      fixAll(text, { format: 'json' }).remaining.filter((f) => f.ruleId.startsWith('operation-id')),
      [],
    );
  });
});

/** [start, end) offsets of an LSP range in `text`. */
function offsets(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): [number, number] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return [lineStarts[range.start.line] + range.start.character, lineStarts[range.end.line] + range.end.character];
}
