/**
 * The action list model behind the actions view, on real specs of over 500
 * operations, checked against the operations read with plain loops.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify as stringifyYaml } from 'yaml';
import { actionListOfText, paginatedActionsOf, type ActionList } from '../server/src/engine';
import { settingsNamesFor } from '../server/src/engine/spec-files';
import { directorySpec, plainName, plainOperations, readRoot } from './support/specs';

const NETBOX = directorySpec('netbox.dev.json'); // 844 operations, none with a summary
const VISMA = directorySpec('visma.com.json'); // 512 operations, nearly all with a summary

function lineColumn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Every action is what Rewst would list for its operation, in spec order. */
function assertMatchesSpec(list: ActionList, text: string, spec: unknown, format: 'json' | 'yaml'): void {
  const ops = plainOperations(spec);
  assert.equal(list.actions.length, ops.length);
  ops.forEach(({ pathKey, method, op }, i) => {
    const a = list.actions[i];
    assert.equal(a.method, method.toUpperCase());
    assert.equal(a.path, pathKey);
    assert.equal(a.name, plainName(op) ?? `${method.toUpperCase()} ${pathKey}`);
    assert.equal(a.nameFrom, typeof op.summary === 'string' && op.summary ? 'summary' : typeof op.operationId === 'string' ? 'operationId' : 'method-and-path');
    assert.equal(a.description, typeof op.description === 'string' ? op.description : undefined);
    assert.deepEqual(a.tags, Array.isArray(op.tags) ? [...new Set(op.tags)] : []);
    // The range is the method key, so "reveal" lands on the operation.
    assert.equal(text.slice(a.offset.start, a.offset.end), format === 'json' ? JSON.stringify(method) : method);
    assert.deepEqual(a.range.start, lineColumn(text, a.offset.start));
  });
}

/** Each action sits in the group of each of its tags (or the untagged group), once. */
function assertGrouping(list: ActionList, spec: { tags?: Array<{ name: string }> }): void {
  const seen = new Map<string, number[]>();
  for (const g of list.groups) {
    assert.ok(!seen.has(g.tag), `one group per tag (${g.tag})`);
    seen.set(g.tag, g.actions);
    assert.ok(g.actions.length > 0);
  }
  list.actions.forEach((a, i) => {
    for (const tag of a.tags.length ? a.tags : ['']) assert.ok(seen.get(tag)?.includes(i), `${a.method} ${a.path} under "${tag}"`);
  });
  const memberships = list.actions.reduce((n, a) => n + Math.max(1, a.tags.length), 0);
  assert.equal(
    [...seen.values()].reduce((n, l) => n + l.length, 0),
    memberships,
  );
  const declared = (spec.tags ?? []).map((t) => t.name).filter((t) => seen.has(t));
  assert.deepEqual(
    list.groups.slice(0, declared.length).map((g) => g.tag),
    declared,
    'declared tags first, in their order',
  );
}

describe('actions: the model on real specs of over 500 operations', () => {
  it('netbox.dev: 844 actions named by operationId (no summaries), grouped by tag', () => {
    const spec = JSON.parse(NETBOX);
    const list = actionListOfText(NETBOX, 'json');
    assert.equal(list.isSpec, true);
    assert.ok(list.actions.length > 500, `${list.actions.length} actions`);
    assertMatchesSpec(list, NETBOX, spec, 'json');
    assert.ok(list.actions.every((a) => a.nameFrom === 'operationId'));
    assertGrouping(list, spec);
    assert.ok(list.groups.length > 5);
  });

  it('visma.com: 512 actions named by summary; the same as YAML gives the same actions', () => {
    const spec = JSON.parse(VISMA);
    const list = actionListOfText(VISMA, 'json');
    assert.ok(list.actions.length > 500);
    assertMatchesSpec(list, VISMA, spec, 'json');
    assertGrouping(list, spec);
    const yaml = stringifyYaml(spec);
    const fromYaml = actionListOfText(yaml, 'yaml');
    assertMatchesSpec(fromYaml, yaml, spec, 'yaml');
    const strip = (l: ActionList) => l.actions.map(({ offset: _o, range: _r, ...rest }) => rest);
    assert.deepEqual(strip(fromYaml), strip(list));
    assert.deepEqual(fromYaml.groups, list.groups);
  });
});

describe('actions: paginated marks from the integration settings file', () => {
  it('marks exactly the operationIds listed in paginatedActions', () => {
    const ids = ['dcim_cables_list', 'dcim_devices_list', 'no_such_operation'];
    const list = actionListOfText(NETBOX, 'json', { paginated: paginatedActionsOf(JSON.stringify({ name: 'NetBox', paginatedActions: ids })) });
    assert.deepEqual(
      list.actions
        .filter((a) => a.paginated)
        .map((a) => a.operationId)
        .sort(),
      ['dcim_cables_list', 'dcim_devices_list'],
    );
  });

  it('a missing, broken or odd settings file marks nothing', () => {
    for (const text of [undefined, '', '{', '[]', '{"paginatedActions": "dcim_cables_list"}', '{"paginatedActions": [1, null]}'])
      assert.equal(paginatedActionsOf(text).size, 0, String(text));
    assert.deepEqual([...paginatedActionsOf('\uFEFF{"paginatedActions": ["a", 2, "b"]}')], ['a', 'b']);
  });

  it('the settings file is named after the spec', () => {
    assert.deepEqual(settingsNamesFor('petstore.yaml'), ['petstore.rewst-integration.json', 'petstore.yaml.rewst-integration.json']);
    assert.deepEqual(settingsNamesFor('api.github.com.json'), ['api.github.com.rewst-integration.json', 'api.github.com.json.rewst-integration.json']);
  });
});

describe('actions: files that give no actions', () => {
  it('a spec that does not parse says why; a file that is not a spec is not one', () => {
    const broken = actionListOfText(readRoot('examples/photo-records.yaml').replace('paths:', 'paths: ['), 'yaml');
    assert.equal(broken.isSpec, true);
    assert.match(broken.problem ?? '', /YAML/);
    assert.deepEqual(broken.actions, []);
    assert.deepEqual(actionListOfText(readRoot('package.json'), 'json'), { isSpec: false, actions: [], groups: [] });
  });

  it('an operation with neither summary nor operationId is shown by method and path', () => {
    const list = actionListOfText('openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses: {}\n', 'yaml');
    assert.deepEqual(
      list.actions.map((a) => [a.name, a.nameFrom]),
      [['GET /a', 'method-and-path']],
    );
    assert.deepEqual(list.groups, [{ tag: '', actions: [0] }]);
  });
});
