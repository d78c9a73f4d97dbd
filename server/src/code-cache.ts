/**
 * Loads a big CommonJS bundle through V8's code cache, as Node 22's module compile cache does (Node 20,
 * which we support, has none). Spectral's worker bundle is 9 MB: compiling it takes 150-350 ms on every
 * start of a worker (each CLI run, each language server), and a cached compile about a tenth of that.
 *
 * The cache is one file per bundle content (its SHA-1, Node's version and architecture in the name, so a
 * rebuilt or upgraded bundle never meets another's code), in REWST_OPENAPI_CODE_CACHE or the system's
 * temporary folder. It is written after the bundle has done its first piece of work (`save()`), so the
 * functions that work compiled are in it too. Any failure to read or write it costs only the time it
 * would have saved: the bundle is compiled as if there were no cache. REWST_OPENAPI_CODE_CACHE=off turns
 * it off.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedModule {
  exports: unknown;
  /** True when the compile used a cache file V8 accepted. */
  fromCache: boolean;
  /** Writes the cache, once, when the compile did not come from it. */
  save(): void;
}

export function codeCacheFolder(): string | undefined {
  const setting = process.env.REWST_OPENAPI_CODE_CACHE;
  if (setting === 'off') return undefined;
  return setting || join(tmpdir(), 'rewst-openapi-code-cache');
}

export function requireWithCodeCache(file: string): CachedModule {
  const source = readFileSync(file, 'utf8');
  const folder = codeCacheFolder();
  const key = createHash('sha1').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 20);
  const cacheFile = folder && join(folder, `${basename(file, '.js')}-${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // none yet
  }
  const script = new Script(wrap(source), { filename: file, cachedData });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  let saved = fromCache;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (saved || !cacheFile || !folder) return;
      saved = true;
      try {
        mkdirSync(folder, { recursive: true });
        const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile); // whole or not at all: a reader never sees half a file
      } catch {
        // a read-only or full temporary folder: the next start compiles again
      }
    },
  };
}
