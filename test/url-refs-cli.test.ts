/**
 * References by URL through the built CLI (dist/cli.js): `--ref-map PREFIX=DIR`
 * on prepare and bundle, and `--fetch-refs` against a real HTTP server on
 * 127.0.0.1 that the test starts and stops. The CLI runs as a child process
 * without blocking this one, so the server here can answer it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { CLI, type CliRun } from './support/cli';
import { FIXTURE, startLoopback, VENDOR_PREFIX, type Loopback } from './support/loopback-server';
import { refsIn } from './support/specs';

function runCli(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function assertLocalRefs(doc: unknown): void {
  const refs = refsIn(doc);
  assert.ok(refs.length > 5);
  for (const { ref } of refs) assert.match(ref, /^#\//);
}

describe('CLI: references by URL', () => {
  let dir: string;
  let server: Loopback;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rewst-url-refs-'));
    cpSync(FIXTURE, join(dir, 'clone'), { recursive: true });
    server = await startLoopback();
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clone = () => join(dir, 'clone');

  it('prepare --ref-map PREFIX=./ bundles the mapped files and theirs: ready, every $ref local', async () => {
    const r = await runCli(['prepare', 'spec.json', '--ref-map', `${VENDOR_PREFIX}=./`], clone());
    assert.equal(r.code, 0, r.stderr);
    assertLocalRefs(JSON.parse(readFileSync(join(clone(), 'spec.rewst.json'), 'utf8')));
    assert.match(r.stderr, /Ready to upload/);
    assert.match(r.stderr, /references by URL: mapped to local files \(4\): .*roles\.yaml → roles\.yaml/);
  });

  it('bundle --ref-map (repeatable) --to yaml on the YAML spec; without a map, the two ways are named', async () => {
    const r = await runCli(['bundle', 'spec.yaml', '--to', 'yaml', '--ref-map', 'https://unused.example/=./', `--ref-map=${VENDOR_PREFIX}=./`], clone());
    assert.equal(r.code, 0, r.stderr);
    assertLocalRefs(parseYaml(r.stdout));
    assert.match(r.stderr, /bundled 4 file\(s\)/);
    const left = await runCli(['bundle', 'spec.yaml'], clone());
    assert.match(left.stderr, /4 reference\(s\) to 3 URL\(s\) left as they are: .*--ref-map PREFIX=DIR.*--fetch-refs/);
  });

  it('lint --ref-map checks the mapped files too, each at its own line; without it they are not read', async () => {
    const mapped = await runCli(['lint', 'spec.json', '--no-spectral', '--ref-map', `${VENDOR_PREFIX}=./`], clone());
    assert.equal(mapped.code, 1, mapped.stdout);
    assert.match(mapped.stdout, /^roles\.yaml:13:\d+: error type-name: "int" .*\(found through spec\.json\)/m);
    assert.equal(mapped.stdout.match(/warning ref-external/g)?.length, 3, 'one warning per URL');
    const plain = await runCli(['lint', 'spec.json', '--no-spectral'], clone());
    assert.equal(plain.code, 0, plain.stdout);
    assert.doesNotMatch(plain.stdout, /roles\.yaml/);
  });

  it('a --ref-map that is not PREFIX=DIR, or leads outside the folder, is a usage error', async () => {
    for (const bad of ['nothing-here', `${VENDOR_PREFIX}=../elsewhere`, 'ftp://x/=./']) {
      const r = await runCli(['prepare', 'spec.json', '--ref-map', bad], clone());
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--ref-map/);
    }
  });

  it('prepare --fetch-refs fetches the documents (none beside the spec) from the loopback server', async () => {
    const alone = join(dir, 'alone');
    mkdirSync(alone);
    writeFileSync(join(alone, 'spec.json'), server.localized('spec.json'));
    server.requests.length = 0;
    const r = await runCli(['prepare', 'spec.json', '--fetch-refs'], alone);
    assert.equal(r.code, 0, r.stderr);
    assertLocalRefs(JSON.parse(readFileSync(join(alone, 'spec.rewst.json'), 'utf8')));
    assert.match(r.stderr, new RegExp(`fetching \\$ref documents from 127\\.0\\.0\\.1:${new URL(server.origin).port}`));
    assert.match(r.stderr, /references by URL: fetched \(4\)/);
    assert.deepEqual(server.requests.map((q) => q.path).sort(), ['/v8.0/common.json', '/v8.0/roles.yaml', '/v8.0/tickets.yaml', '/v8.0/users.json']);
  });

  it('prepare --fetch-refs refuses plain http off this machine without connecting, and says where', async () => {
    const spec = join(dir, 'http.json');
    const text = readFileSync(join(FIXTURE, 'common.json'), 'utf8');
    writeFileSync(join(dir, 'common.json'), text);
    writeFileSync(
      spec,
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'T', version: '1', description: 'T.' },
        paths: {
          '/a': {
            get: {
              operationId: 'a',
              parameters: [{ $ref: 'http://192.0.2.1/common.json#/components/parameters/PageSize' }],
              responses: { 200: { description: 'ok' } },
            },
          },
        },
      }),
    );
    const r = await runCli(['prepare', 'http.json', '--fetch-refs'], dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /at \/paths\/~1a\/get\/parameters\/0: still needs a person: Not bundled: cannot read http:\/\/192\.0\.2\.1\/common\.json: not fetched: plain http/,
    );
  });
});
