/**
 * The conversion requests on the built server (dist/server.js) over its real
 * LSP connection: what the VS Code commands send and receive.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { analyze } from '../server/src/engine';
import { LINT_NOT_BLOCKING } from '../server/src/engine/convert';
import {
  ConvertSwagger2Request,
  PrepareRequest,
  ReduceChoicesRequest,
  ReduceRequest,
  YamlToJsonRequest,
  type ConvertSwagger2Result,
  type PrepareResult,
  type ReduceChoicesResult,
  type ReduceResult,
  type YamlToJsonResult,
} from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { zooPath } from './support/swagger-zoo';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const PETSTORE = readFileSync(zooPath('petstore.yaml'), 'utf8');
const PHOTO = readFileSync(join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
const TIMEOUT_MS = 30_000;
assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

describe('LSP: conversion requests', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { debounceMs: 0 });
  });
  after(async () => {
    await client.shutdown();
  });

  it('rewst/convertSwagger2 converts, and explains an OpenAPI 3 input instead', async () => {
    const r = await client.request<ConvertSwagger2Result>(ConvertSwagger2Request, { text: PETSTORE, format: 'yaml' }, TIMEOUT_MS);
    assert.ok(r.ok);
    assert.equal(parseYaml(r.text).openapi, '3.0.0');
    assert.equal(r.from, 'Swagger 2.0');
    const no = await client.request<ConvertSwagger2Result>(ConvertSwagger2Request, { text: PHOTO, format: 'yaml' }, TIMEOUT_MS);
    assert.equal(no.ok, false);
    assert.match(!no.ok ? no.message : '', /already OpenAPI 3\.0\.3/);
  });

  it('rewst/yamlToJson answers the JSON, or the places that have no JSON form', async () => {
    const r = await client.request<YamlToJsonResult>(YamlToJsonRequest, { text: PHOTO, format: 'yaml' }, TIMEOUT_MS);
    assert.ok(r.ok);
    assert.deepEqual(JSON.parse(r.text), parseYaml(PHOTO));
    const bad = await client.request<YamlToJsonResult>(YamlToJsonRequest, { text: 'a: 1\na: 2\nb: !x y\n', format: 'yaml' }, TIMEOUT_MS);
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.problems.map((p) => [p.line, p.column]), [[2, 1]]);
  });

  it("rewst/prepare counts the general lint's errors as the Problems panel shows them for the written file", async () => {
    const text =
      'openapi: 3.0.3\ninfo: {title: T, description: T., version: "1"}\npaths:\n  /t/{id}:\n    get:\n      operationId: getT\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: integer}\n              example: not a number\n  /u/{id}:\n    get:\n      operationId: getU\n      responses:\n        "200": {description: ok}\n';
    const r = await client.request<PrepareResult>(PrepareRequest, { text, format: 'yaml', source: 't.yaml', output: 't.rewst.json' }, TIMEOUT_MS);
    assert.ok(r.ok);
    // The written file, opened in the editor: the Problems panel's Spectral errors for it.
    const uri = 'file:///convert-lsp/t.rewst.json';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: r.text } });
    let published: PublishDiagnosticsParams;
    do published = await client.waitForDiagnostics(uri, { timeoutMs: TIMEOUT_MS });
    while (!published.diagnostics.some((d) => d.source === 'spectral'));
    const panel = published.diagnostics.filter((d) => d.source === 'spectral' && d.severity === DiagnosticSeverity.Error);
    const blocking = panel.filter((d) => !LINT_NOT_BLOCKING.has(String(d.code)));
    assert.ok(blocking.length >= 2 && panel.length > blocking.length, JSON.stringify(panel.map((d) => d.code)));
    assert.equal(r.structuralLeft, blocking.length);
    assert.match(
      r.report,
      new RegExp(`The Problems panel shows these as errors too \\(${panel.length} errors of the general lint in all, ${blocking.length} of them above\\)`),
    );
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('rewst/prepare answers OpenAPI 3 JSON and a Markdown report with every spec string escaped', async () => {
    const hostile = PHOTO.replace('title: Photo Records\n', 'title: "<img src=x onerror=alert(1)> *Photo*"\n');
    assert.notEqual(hostile, PHOTO);
    const r = await client.request<PrepareResult>(
      PrepareRequest,
      { text: hostile, format: 'yaml', source: 'photo.yaml', output: 'photo.rewst.json' },
      TIMEOUT_MS,
    );
    assert.ok(r.ok);
    assert.equal(r.errorsLeft, 1);
    assert.deepEqual(
      analyze(r.text, { format: 'json' }).findings.map((f) => f.ruleId),
      ['pattern-invalid'],
    );
    assert.match(r.report, /## What prepare did/);
    assert.match(r.report, /^\*\*Not ready\*\*: 1 Rewst error/m);
    assert.equal(r.ready, false);
    assert.ok(!r.report.includes('<img'), 'HTML from the spec is escaped');
    assert.match(r.report, /&lt;img src=x onerror=alert\\\(1\\\)&gt; \\\*Photo\\\*/);
  });

  it("rewst/prepare with the document's URI bundles the files its $refs name, from its folder", async () => {
    const main = join(ROOT, 'test', 'fixtures', 'split', 'openapi.yaml');
    const text = readFileSync(main, 'utf8');
    const params = { text, format: 'yaml', source: 'openapi.yaml', output: 'openapi.rewst.json' };
    const bundled = await client.request<PrepareResult>(PrepareRequest, { ...params, uri: pathToFileURL(main).toString() }, TIMEOUT_MS);
    assert.ok(bundled.ok);
    assert.equal(bundled.ready, true, bundled.verdict);
    assert.equal(bundled.structuralLeft, 0);
    assert.match(
      bundled.verdict,
      /^Ready to upload: no Rewst error, no reference Rewst cannot follow, no error of the general lint, every path starts with the base path \/api\./,
    );
    assert.deepEqual(Object.keys(JSON.parse(bundled.text).paths['/api/tickets']), ['get', 'post']);
    // without a saved file there is nothing to read: the references stay, and the verdict says so
    const unsaved = await client.request<PrepareResult>(PrepareRequest, { ...params, uri: 'untitled:Untitled-1' }, TIMEOUT_MS);
    assert.ok(unsaved.ok);
    assert.equal(unsaved.ready, false);
    assert.equal(unsaved.referencesLeft, 4);
    assert.match(unsaved.verdict, /^Not ready: 4 references to other files or URLs that Rewst cannot follow/);
    // As the Problems panel shows the unsaved file, Spectral says at each of them that it did not read it: those count too.
    assert.match(unsaved.report, /#### ` invalid-ref `: 4\n/);
  });

  it('rewst/prepare answers the settings file beside the spec, carried over for the prepared file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewst-prepare-settings-'));
    try {
      const spec = join(dir, 'items.yaml');
      writeFileSync(
        spec,
        'openapi: 3.0.3\ninfo: {title: Items, description: Items., version: "1"}\npaths:\n  /a:\n    get: {operationId: list, responses: {"200": {description: ok}}}\n  /b:\n    get: {operationId: list, responses: {"200": {description: ok}}}\n',
      );
      writeFileSync(join(dir, 'items.rewst-integration.json'), '{\n  "spec": "items.yaml",\n  "paginatedActions": ["list"]\n}\n');
      const r = await client.request<PrepareResult>(
        PrepareRequest,
        { text: readFileSync(spec, 'utf8'), format: 'yaml', source: 'items.yaml', output: 'items.rewst.json', uri: pathToFileURL(spec).toString() },
        TIMEOUT_MS,
      );
      assert.ok(r.ok && r.settings);
      assert.equal(r.settings.name, 'items.rewst.rewst-integration.json');
      assert.deepEqual(JSON.parse(r.settings.text), { spec: 'items.rewst.json', paginatedActions: ['list'] });
      const other = JSON.parse(r.text).paths['/b'].get.operationId;
      assert.ok(
        r.settings.changes.some((c) => c.includes(`the other is "${other}"`)),
        r.settings.changes.join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rewst/reduceChoices lists tags and methods; rewst/reduce reduces', async () => {
    const ig = readFileSync(zooPath('instagram.yaml'), 'utf8');
    const choices = await client.request<ReduceChoicesResult>(ReduceChoicesRequest, { text: ig, format: 'yaml' }, TIMEOUT_MS);
    assert.ok(choices.ok);
    assert.equal(choices.operations, 26);
    assert.ok(choices.tags.some((t) => t.name === 'Users' && t.operations > 0));
    assert.deepEqual(choices.methods.map((m) => m.method).sort(), ['delete', 'get', 'post']);
    const r = await client.request<ReduceResult>(
      ReduceRequest,
      { text: ig, format: 'yaml', tags: ['Users'], paths: [], methods: ['get'], source: 'ig.yaml', output: 'ig.reduced.yaml', selection: 'Users' },
      TIMEOUT_MS,
    );
    assert.ok(r.ok);
    assert.match(r.summary, /^operations 26 → \d+, components/);
    assert.ok(
      Object.values<Record<string, unknown>>(parseYaml(r.text).paths).every((item) => Object.keys(item).every((k) => k === 'get' || k === 'parameters')),
    );
  });
});
