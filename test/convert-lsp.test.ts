/**
 * The conversion requests on the built server (dist/server.js) over its real
 * LSP connection: what the VS Code commands send and receive.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/engine';
import {
  ConvertSwagger2Request,
  PrepareRequest,
  ReduceChoicesRequest,
  ReduceRequest,
  YamlToJsonRequest,
  type ConvertSwagger2Result,
  type PrepareResponse,
  type ReduceChoicesResult,
  type ReduceResponse,
  type YamlToJsonResult,
} from '../server/src/protocol';
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
    const r = await client.request<ConvertSwagger2Result>(ConvertSwagger2Request.method, { text: PETSTORE, format: 'yaml' }, TIMEOUT_MS);
    assert.ok(r.ok);
    assert.equal(parseYaml(r.text).openapi, '3.0.0');
    assert.equal(r.from, 'Swagger 2.0');
    const no = await client.request<ConvertSwagger2Result>(ConvertSwagger2Request.method, { text: PHOTO, format: 'yaml' }, TIMEOUT_MS);
    assert.equal(no.ok, false);
    assert.match(!no.ok ? no.message : '', /already OpenAPI 3\.0\.3/);
  });

  it('rewst/yamlToJson answers the JSON, or the places that have no JSON form', async () => {
    const r = await client.request<YamlToJsonResult>(YamlToJsonRequest.method, { text: PHOTO, format: 'yaml' }, TIMEOUT_MS);
    assert.ok(r.ok);
    assert.deepEqual(JSON.parse(r.text), parseYaml(PHOTO));
    const bad = await client.request<YamlToJsonResult>(YamlToJsonRequest.method, { text: 'a: 1\na: 2\nb: !x y\n', format: 'yaml' }, TIMEOUT_MS);
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.problems.map((p) => [p.line, p.column]), [[2, 1]]);
  });

  it('rewst/prepare answers OpenAPI 3 JSON and a Markdown report with every spec string escaped', async () => {
    const hostile = PHOTO.replace('title: Photo Records\n', 'title: "<img src=x onerror=alert(1)> *Photo*"\n');
    assert.notEqual(hostile, PHOTO);
    const r = await client.request<PrepareResponse>(PrepareRequest.method, { text: hostile, format: 'yaml', source: 'photo.yaml', output: 'photo.rewst.json' }, TIMEOUT_MS);
    assert.ok(r.ok);
    assert.equal(r.errorsLeft, 1);
    assert.deepEqual(analyze(r.text, { format: 'json' }).findings.map((f) => f.ruleId), ['pattern-invalid']);
    assert.match(r.report, /## Changes made/);
    assert.ok(!r.report.includes('<img'), 'HTML from the spec is escaped');
    assert.match(r.report, /&lt;img src=x onerror=alert\\\(1\\\)&gt; \\\*Photo\\\*/);
  });

  it('rewst/reduceChoices lists tags and methods; rewst/reduce reduces', async () => {
    const ig = readFileSync(zooPath('instagram.yaml'), 'utf8');
    const choices = await client.request<ReduceChoicesResult>(ReduceChoicesRequest.method, { text: ig, format: 'yaml' }, TIMEOUT_MS);
    assert.ok(choices.ok);
    assert.equal(choices.operations, 26);
    assert.ok(choices.tags.some((t) => t.name === 'Users' && t.operations > 0));
    assert.deepEqual(choices.methods.map((m) => m.method).sort(), ['delete', 'get', 'post']);
    const r = await client.request<ReduceResponse>(ReduceRequest.method, { text: ig, format: 'yaml', tags: ['Users'], paths: [], methods: ['get'], source: 'ig.yaml', output: 'ig.reduced.yaml', selection: 'Users' }, TIMEOUT_MS);
    assert.ok(r.ok);
    assert.match(r.summary, /^operations 26 → \d+, components/);
    assert.ok(Object.values<Record<string, unknown>>(parseYaml(r.text).paths).every((item) => Object.keys(item).every((k) => k === 'get' || k === 'parameters')));
  });
});
