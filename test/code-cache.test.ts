/**
 * V8's code cache for the Spectral worker's bundle (server/src/code-cache.ts): a first load compiles and
 * writes the cache, the next one uses it, a bundle that changed or a broken cache file is compiled afresh,
 * and the real CLI writes the cache once and lints the same with it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CLI } from './support/cli';
import { ROOT } from './support/specs';

let dir: string;
const saved = process.env.REWST_OPENAPI_CODE_CACHE;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rewst-code-cache-'));
  process.env.REWST_OPENAPI_CODE_CACHE = join(dir, 'cache');
});
afterEach(() => {
  if (saved === undefined) delete process.env.REWST_OPENAPI_CODE_CACHE;
  else process.env.REWST_OPENAPI_CODE_CACHE = saved;
  rmSync(dir, { recursive: true, force: true });
});

/** A CommonJS bundle big enough for V8 to cache, using require, module and __dirname as a bundle does. */
function writeBundle(name: string, answer: number): string {
  const file = join(dir, name);
  const filler = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${answer}; }`).join('\n');
  writeFileSync(file, `const path = require('node:path');\n${filler}\nmodule.exports = { answer: f1(0), dir: path.basename(__dirname) };\n`);
  return file;
}

/**
 * Loads `file` through the code cache in a fresh process (in this one, V8's in-memory compilation cache
 * would answer a second compile of the same source and hide the file cache), saving when `save`.
 */
function load(file: string, save = true): { fromCache: boolean; exports: unknown } {
  const script = `const m = require(${JSON.stringify(join(__dirname, '../server/src/code-cache.js'))}).requireWithCodeCache(${JSON.stringify(file)});
    ${save ? 'm.save();' : ''} process.stdout.write(JSON.stringify({ fromCache: m.fromCache, exports: m.exports }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: process.env });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { fromCache: boolean; exports: unknown };
}

const cacheFiles = () => {
  try {
    return readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.v8'));
  } catch {
    return [];
  }
};

describe('code cache', () => {
  it('compiles and writes on the first load, uses the cache on the next, with the same exports', () => {
    const file = writeBundle('bundle.js', 42);
    const unsaved = load(file, false);
    assert.equal(unsaved.fromCache, false);
    assert.deepEqual(unsaved.exports, { answer: 42, dir: dir.split('/').pop() });
    assert.deepEqual(cacheFiles(), [], 'nothing written without save()');
    const first = load(file);
    assert.equal(first.fromCache, false);
    assert.equal(cacheFiles().length, 1);
    const second = load(file);
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.exports, first.exports);
  });

  it('a bundle that changed is compiled afresh under a cache file of its own', () => {
    const file = writeBundle('bundle.js', 1);
    load(file);
    writeBundle('bundle.js', 2); // same length, other content
    const changed = load(file);
    assert.equal(changed.fromCache, false);
    assert.equal((changed.exports as { answer: number }).answer, 2);
    assert.equal(cacheFiles().length, 2);
  });

  it('a broken cache file is ignored, and replaced', () => {
    const file = writeBundle('bundle.js', 7);
    load(file);
    const [name] = cacheFiles();
    writeFileSync(join(dir, 'cache', name), 'not a code cache');
    const again = load(file);
    assert.equal(again.fromCache, false);
    assert.equal((again.exports as { answer: number }).answer, 7);
    assert.equal(load(file).fromCache, true, 'replaced by a good one');
  });

  it('off: never reads or writes a cache', () => {
    process.env.REWST_OPENAPI_CODE_CACHE = 'off';
    const file = writeBundle('bundle.js', 3);
    load(file);
    assert.equal(load(file).fromCache, false);
    assert.deepEqual(readdirSync(dir), ['bundle.js']);
  });

  it("the CLI writes the Spectral worker's cache once, and lints the same with it", { timeout: 120_000 }, () => {
    const lint = () =>
      spawnSync(process.execPath, [CLI, 'lint', join(ROOT, 'examples/photo-records.yaml'), '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, REWST_OPENAPI_CODE_CACHE: join(dir, 'cache') },
      });
    const cold = lint();
    const written = cacheFiles();
    assert.equal(written.length, 1, 'one cache file, for the worker bundle');
    assert.match(written[0], /^spectral-worker-main-/);
    const warm = lint();
    assert.deepEqual(cacheFiles(), written, 'a cached start writes nothing new');
    assert.equal(warm.status, cold.status);
    assert.deepEqual(JSON.parse(warm.stdout), JSON.parse(cold.stdout));
    const spectral = (out: string) => (JSON.parse(out) as { files: Array<{ spectral?: unknown[] }> }).files[0].spectral ?? [];
    assert.ok(spectral(warm.stdout).length > 0, "Spectral's findings are there with the cache");
  });
});
