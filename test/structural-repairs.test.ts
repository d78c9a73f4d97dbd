/**
 * The parameter, security scheme and path merge repairs together, as a vendor's file has them: fix-all
 * over every rule does what its fixes intend and loses no operation or parameter, and after prepare (the
 * built CLI) the real Spectral (`spectral:oas`) finds no error in the file written, where it found 16
 * `oas3-schema` errors before, and the CLI's lint passes it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyFixAllIntents, fixAll, parseSpec } from '../server/src/engine';
import { collectOperations } from '../server/src/engine/spec-index';
import { lintWithSpectral } from '../server/src/spectral';
import { runCli } from './support/cli';

/** A PSA-like file: Swagger 2.0 style parameters in 3.0, one listed twice, a form path parameter, an apiKey bearer, /tickets/ beside /tickets. */
const VENDOR = `openapi: 3.0.1
info:
  title: PSA
  description: A PSA vendor's API.
  version: "1"
servers:
  - url: https://psa.example.com
paths:
  /tickets:
    get:
      operationId: listTickets
      parameters:
        - name: open # C# docs
          in: query
          description: (bool) Only return tickets opened since the date
        - name: page
          in: query
          type: int
          format: int32
        - name: page
          in: query
          type: int
          format: int32
        - name: ids
          in: query
          type: array
          items: {type: integer}
          collectionFormat: csv
        - name: options.expands
          in: query
      responses:
        "200": {description: OK}
  /tickets/:
    post:
      operationId: createTicket
      responses:
        "201": {description: Created}
  /tickets/{id}:
    parameters:
      - name: id
        in: path
        required: true
        style: form
        format: int64
        schema: {type: integer}
    get:
      operationId: getTicket
      responses:
        "200": {description: OK}
components:
  securitySchemes:
    Bearer:
      type: apiKey
      name: Authorization
      in: header
      scheme: bearer
security:
  - Bearer: []
`;

/** Each operation's parameters as name and location, path-level ones included. */
function parametersOf(root: Record<string, unknown>): string[] {
  return collectOperations(root).flatMap((op) =>
    [...((op.item.parameters as Array<Record<string, unknown>>) ?? []), ...((op.operation.parameters as Array<Record<string, unknown>>) ?? [])].map(
      (p) => `${op.method} ${op.pathKey.replace(/\/$/, '')} ${String(p.in)} ${String(p.name)}`,
    ),
  );
}

describe('structural repairs together', () => {
  it('fix-all: every finding fixed, as the fixes intend, no operation or parameter lost', () => {
    const before = analyze(VENDOR);
    const ids = ['parameter-schema', 'parameter-duplicate', 'parameter-style', 'security-scheme-http', 'path-trailing-slash', 'type-name'];
    for (const id of ids)
      assert.ok(
        before.findings.some((f) => f.ruleId === id),
        `${id} finds something`,
      );
    const all = fixAll(VENDOR);
    const after = analyze(all.text);
    assert.deepEqual(
      after.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.pointer}`),
      [],
    );
    assert.deepEqual(parseSpec(all.text).value, applyFixAllIntents(parseSpec(VENDOR).value, all.rounds));
    assert.deepEqual(
      collectOperations(after.root!).map((o) => o.operation.operationId),
      ['listTickets', 'createTicket', 'getTicket'],
    );
    // The repeated page goes; every other name and location stays.
    assert.deepEqual([...new Set(parametersOf(after.root!))].sort(), [...new Set(parametersOf(before.root!))].sort());
    assert.equal(parametersOf(after.root!).length, parametersOf(before.root!).length - 1);
    assert.match(all.text, /# C# docs/, 'comments kept');
    const get = (after.root as any).paths['/tickets'].get.parameters;
    assert.deepEqual(get[0].schema, { type: 'boolean' });
    assert.deepEqual(get[1].schema, { type: 'integer', format: 'int32' });
    assert.deepEqual(get[2], { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } }, style: 'form', explode: false });
    assert.deepEqual(get[3].schema, { type: 'string' });
    assert.deepEqual((after.root as any).components.securitySchemes.Bearer, { type: 'http', scheme: 'bearer' });
    assert.deepEqual((after.root as any).paths['/tickets/{id}'].parameters[0], {
      name: 'id',
      in: 'path',
      required: true,
      style: 'simple',
      schema: { type: 'integer', format: 'int64' },
    });
  });

  it('prepare (the built CLI): ready, and Spectral finds no structural error in the file written, where it found them before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewst-repairs-'));
    try {
      writeFileSync(join(dir, 'psa.yaml'), VENDOR);
      // Spectral's own findings, not the CLI's (which leaves out what a Rewst rule reports): an independent check.
      const structural = async (file: string, format: 'json' | 'yaml') =>
        (await lintWithSpectral(readFileSync(join(dir, file), 'utf8'), { format, source: null })).filter((f) => f.severity === 'error');
      const was = await structural('psa.yaml', 'yaml');
      // "schema or content must be present" on the five parameters, format/type/items beside them, style, scheme, the repeat.
      assert.equal(was.filter((f) => f.rule === 'oas3-schema').length, 16, JSON.stringify(was));
      const prepared = runCli(['prepare', 'psa.yaml'], { cwd: dir });
      assert.equal(prepared.code, 0, prepared.stderr);
      assert.match(prepared.stderr, /Ready to upload/);
      assert.match(prepared.stderr, /Merge \/tickets\/ into \/tickets \(post\)/);
      assert.deepEqual(await structural('psa.rewst.json', 'json'), []);
      const lint = runCli(['lint', 'psa.rewst.json'], { cwd: dir });
      assert.equal(lint.code, 0, lint.stdout);
      assert.deepEqual(
        collectOperations(JSON.parse(readFileSync(join(dir, 'psa.rewst.json'), 'utf8'))).map((o) => o.operation.operationId),
        ['listTickets', 'createTicket', 'getTicket'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
