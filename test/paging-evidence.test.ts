/**
 * Each kind of pagination evidence on its own table of cases
 * (server/src/engine/settings/infer/evidence/NAME.cases.ts), through the real
 * operation model; and pagingOf composing every detector of the table.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECTORS, type DetectorCase, type EvidenceKind } from '../server/src/engine/settings/infer/evidence';
import { pagingOf } from '../server/src/engine/settings/infer/paging';
import { operationModelsOf } from '../server/src/engine/settings/model/spec-model';
import { cases as cursorParam } from '../server/src/engine/settings/infer/evidence/cursor-param.cases';
import { cases as pageParam } from '../server/src/engine/settings/infer/evidence/page-param.cases';
import { cases as indexParam } from '../server/src/engine/settings/infer/evidence/index-param.cases';
import { cases as sizeParam } from '../server/src/engine/settings/infer/evidence/size-param.cases';
import { cases as flagParam } from '../server/src/engine/settings/infer/evidence/flag-param.cases';
import { cases as xMsPageable } from '../server/src/engine/settings/infer/evidence/x-ms-pageable.cases';
import { cases as linkHeader } from '../server/src/engine/settings/infer/evidence/link-header.cases';
import { cases as saysPaged } from '../server/src/engine/settings/infer/evidence/says-paged.cases';

const CASES: Record<EvidenceKind, DetectorCase[]> = {
  'cursor-param': cursorParam,
  'page-param': pageParam,
  'index-param': indexParam,
  'size-param': sizeParam,
  'flag-param': flagParam,
  'x-ms-pageable': xMsPageable,
  'link-header': linkHeader,
  'says-paged': saysPaged,
};

type Obj = Record<string, unknown>;

function specOf(get: Obj, components: Obj = {}, path = '/things'): Obj {
  return {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    components,
    paths: { [path]: { get: { operationId: 'listThings', responses: { '200': { description: 'OK' } }, ...get } } },
  };
}

function opOf(root: Obj) {
  const op = operationModelsOf(root).find((o) => o.method === 'get');
  assert.ok(op, 'the case has its GET operation');
  return op;
}

describe('pagination evidence: one detector per kind, each with its cases', () => {
  it('every detector has a kind of its own and a table of cases that finds something and misses something', () => {
    assert.deepEqual(DETECTORS.map((d) => d.kind).sort(), Object.keys(CASES).sort());
    for (const d of DETECTORS) {
      assert.ok(CASES[d.kind].some((c) => c.expect !== undefined) && CASES[d.kind].some((c) => c.expect === undefined), d.kind);
    }
  });

  for (const d of DETECTORS)
    it(`${d.kind}: each case finds what it says, or nothing`, () => {
      for (const c of CASES[d.kind]) {
        const root = specOf(c.get, c.components, c.path);
        assert.equal(d.detect(opOf(root), root)?.says, c.expect, `${d.kind}: ${c.name}`);
      }
    });

  it('pagingOf lists what every detector found: the request first, then the response with its next link, then hints', () => {
    const root = specOf({
      summary: 'A paginated list of things',
      parameters: [
        { name: 'cursor', in: 'query', schema: { type: 'string' } },
        { name: 'page', in: 'query', schema: { type: 'integer' } },
        { name: 'limit', in: 'query', schema: { type: 'integer' } },
      ],
      responses: {
        '200': {
          description: 'OK',
          headers: { Link: { schema: { type: 'string' } } },
          content: {
            'application/json': {
              schema: { type: 'object', properties: { data: { type: 'array', items: { type: 'object' } }, next_url: { type: 'string' } } },
            },
          },
        },
      },
    });
    const p = pagingOf(root, opOf(root));
    assert.deepEqual(p.evidence, [
      'cursor parameter cursor',
      'page parameter page',
      'page size parameter limit',
      'Link response header',
      'next link next_url in the response schema',
      'its summary or description says it pages',
    ]);
    assert.deepEqual(
      [p.style, p.resultsKey, p.pointerParam?.name, p.pageParam?.name, p.sizeParam?.name, p.saysPaged],
      ['link', 'data', 'cursor', 'page', 'limit', true],
    );
  });
});
