/**
 * The editor's removals of several members and of list items, and its copy of members as written: the
 * exact text each leaves, JSON and YAML (block and flow), and that the result parses to what was meant.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine/edit-ops';
import { parseSpec } from '../server/src/engine/parse';
import { editorFor } from '../server/src/engine/structural-editor';
import type { JsonPath, TextEdit } from '../server/src/engine/types';

function edit(text: string, make: (e: ReturnType<typeof editorFor>) => TextEdit | TextEdit[] | undefined): string {
  const made = make(editorFor(parseSpec(text)));
  assert.ok(made, 'an edit is made');
  const out = applyEdits(text, Array.isArray(made) ? made : [made]);
  assert.equal(parseSpec(out).problems.length, 0, `parses: ${out}`);
  return out;
}

const P: JsonPath = ['p'];

describe('removeMembers', () => {
  it('JSON: runs at the start, in the middle and at the end, one edit each', () => {
    const text = '{"openapi":"3.0.0","p":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}}';
    assert.equal(
      edit(text, (e) => e.removeMembers(P, ['a', 'b', 'd', 'f'])),
      '{"openapi":"3.0.0","p":{"c":3,"e":5}}',
    );
    assert.equal(
      edit(text, (e) => e.removeMembers(P, ['a', 'b', 'c', 'd', 'e', 'f'])),
      '{"openapi":"3.0.0","p":{}}',
    );
  });

  it('JSON, pretty: the lines go with their members', () => {
    const text = '{\n  "openapi": "3.0.0",\n  "p": {\n    "a": 1,\n    "b": 2,\n    "c": 3\n  }\n}';
    assert.equal(
      edit(text, (e) => e.removeMembers(P, ['a', 'c'])),
      '{\n  "openapi": "3.0.0",\n  "p": {\n    "b": 2\n  }\n}',
    );
  });

  it('YAML block: comments on kept lines stay; the last two members go together', () => {
    const text = 'openapi: 3.0.0\np:\n  a: 1 # keep me\n  b: 2\n  c: 3 # gone\n  d: {x: 1}\n';
    assert.equal(
      edit(text, (e) => e.removeMembers(P, ['b', 'c', 'd'])),
      'openapi: 3.0.0\np:\n  a: 1 # keep me\n',
    );
    assert.equal(
      edit(text, (e) => e.removeMembers(P, ['a', 'c'])),
      'openapi: 3.0.0\np:\n  b: 2\n  d: {x: 1}\n',
    );
    assert.equal(
      edit(text, (e) => e.removeMembers(P, ['a', 'b', 'c', 'd'])),
      'openapi: 3.0.0\np: {}\n',
    );
  });

  it('YAML flow', () => {
    assert.equal(
      edit('openapi: 3.0.0\np: {a: 1, b: 2, c: 3}\n', (e) => e.removeMembers(P, ['b', 'c'])),
      'openapi: 3.0.0\np: {a: 1}\n',
    );
  });

  it('no such member: no edit', () => {
    assert.equal(editorFor(parseSpec('{"p":{"a":1}}')).removeMembers(P, ['z']), undefined);
  });
});

describe('removeItem', () => {
  it('JSON: first, middle, last, only', () => {
    const text = '{"openapi":"3.0.0","p":[1, 2, 3]}';
    assert.equal(
      edit(text, (e) => e.removeItem(P, 0)),
      '{"openapi":"3.0.0","p":[2, 3]}',
    );
    assert.equal(
      edit(text, (e) => e.removeItem(P, 1)),
      '{"openapi":"3.0.0","p":[1, 3]}',
    );
    assert.equal(
      edit(text, (e) => e.removeItem(P, 2)),
      '{"openapi":"3.0.0","p":[1, 2]}',
    );
    assert.equal(
      edit('{"p":[1]}', (e) => e.removeItem(P, 0)),
      '{"p":[]}',
    );
  });

  it('YAML block: whole lines, comments of the others kept; the only item leaves []', () => {
    const text = 'openapi: 3.0.0\np:\n  - a: 1 # first\n    b: 2\n  - c: 3\n  - d # last\n';
    assert.equal(
      edit(text, (e) => e.removeItem(P, 1)),
      'openapi: 3.0.0\np:\n  - a: 1 # first\n    b: 2\n  - d # last\n',
    );
    assert.equal(
      edit(text, (e) => e.removeItem(P, 2)),
      'openapi: 3.0.0\np:\n  - a: 1 # first\n    b: 2\n  - c: 3\n',
    );
    assert.equal(
      edit(text, (e) => e.removeItem(P, 0)),
      'openapi: 3.0.0\np:\n  - c: 3\n  - d # last\n',
    );
    assert.equal(
      edit('openapi: 3.0.0\np:\n  - a\n', (e) => e.removeItem(P, 0)),
      'openapi: 3.0.0\np: []\n',
    );
  });

  it('YAML flow', () => {
    assert.equal(
      edit('openapi: 3.0.0\np: [a, b, c]\n', (e) => e.removeItem(P, 0)),
      'openapi: 3.0.0\np: [b, c]\n',
    );
    assert.equal(
      edit('openapi: 3.0.0\np: [a, b, c]\n', (e) => e.removeItem(P, 2)),
      'openapi: 3.0.0\np: [a, b]\n',
    );
  });
});

describe('copyMembers', () => {
  it('JSON: as written, at the end of the target', () => {
    const text = '{\n  "p": {\n    "a": {"x": 1}\n  },\n  "q": {\n    "b": [ 1,2 ]\n  }\n}';
    assert.equal(
      edit(text, (e) => e.copyMembers(['q'], ['b'], P)),
      '{\n  "p": {\n    "a": {"x": 1},\n    "b": [ 1,2 ]\n  },\n  "q": {\n    "b": [ 1,2 ]\n  }\n}',
    );
  });

  it('YAML block: comments and nested lines travel with the member', () => {
    const text = 'p:\n  a: 1\nq:\n  b: # the b\n    - 1\n    - 2\n  c: 3\n';
    assert.equal(
      edit(text, (e) => e.copyMembers(['q'], ['b', 'c'], P)),
      'p:\n  a: 1\n  b: # the b\n    - 1\n    - 2\n  c: 3\nq:\n  b: # the b\n    - 1\n    - 2\n  c: 3\n',
    );
  });

  it('laid out differently (flow beside block, other indentation, empty target): no edit, the caller writes values', () => {
    assert.equal(editorFor(parseSpec('p:\n  a: 1\nq: {b: 2}\n')).copyMembers(['q'], ['b'], P), undefined);
    assert.equal(editorFor(parseSpec('p:\n  a: 1\nq:\n    b: 2\n')).copyMembers(['q'], ['b'], P), undefined);
    assert.equal(editorFor(parseSpec('{"p":{},"q":{"b":2}}')).copyMembers(['q'], ['b'], P), undefined);
  });
});
