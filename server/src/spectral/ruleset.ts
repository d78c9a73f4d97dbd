/**
 * Which Spectral ruleset to run: `spectral:oas` (what `spectral lint` runs
 * with `extends: ["spectral:oas"]`), or the workspace's own `.spectral.yaml`,
 * `.spectral.yml` or `.spectral.json`, which replaces it.
 *
 * A ruleset file is loaded the way @stoplight/spectral-ruleset-bundler loads
 * one (migrate, bundle with rollup, evaluate), with its `builtins` plugin so
 * that `spectral:oas` and the core functions are the copies bundled with this
 * extension, and with a `fetch` that refuses: a ruleset that extends or
 * imports a URL gets a clear error, never a network request.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { bundleRuleset } from '@stoplight/spectral-ruleset-bundler';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { stdin } from '@stoplight/spectral-ruleset-bundler/plugins/stdin';
import { url } from '@stoplight/spectral-ruleset-bundler/plugins/url';
import { migrateRuleset } from '@stoplight/spectral-ruleset-migrator';
import { oas } from '@stoplight/spectral-rulesets';

export { findRulesetFile, RULESET_FILES } from './ruleset-file';

export class RulesetError extends Error {}

let defaultRuleset: Ruleset | undefined;

/** `extends: ["spectral:oas"]`, recommended rules, as `spectral lint` loads it. */
export function oasRuleset(): Ruleset {
  return (defaultRuleset ??= new Ruleset({ extends: [oas] } as never, { severity: 'recommended' }));
}

let structural: Ruleset | undefined;

/** Only `spectral:oas`'s schema rules (`oas2-schema`, `oas3-schema`): does the document follow the OpenAPI schema. */
export function structuralRuleset(): Ruleset {
  return (structural ??= new Ruleset({ extends: [[oas, 'off']], rules: { 'oas2-schema': 'error', 'oas3-schema': 'error' } } as never, {
    severity: 'recommended',
  }));
}

const offlineFetch = (async (resource: unknown) => {
  throw new RulesetError(
    `it refers to ${String(resource)}, and rulesets are never fetched from the network: copy it into the workspace and extend the local file`,
  );
}) as unknown as typeof fetch;

const loaded = new Map<string, { mtimeMs: number; size: number; ruleset: Promise<Ruleset> }>();

/** Loads (and caches, until the file changes) a ruleset file. Failures are RulesetErrors with a readable reason. */
export function loadRulesetFile(file: string): Promise<Ruleset> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return Promise.reject(new RulesetError(`${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`));
  }
  const hit = loaded.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.ruleset;
  const ruleset = load(file).catch((e: unknown) => {
    throw new RulesetError(`${file} is not a valid Spectral ruleset: ${describe(e)}`);
  });
  loaded.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ruleset });
  return ruleset;
}

async function load(file: string): Promise<Ruleset> {
  const migrated = await migrateRuleset(file, { format: 'esm', fs: fs as never, fetch: offlineFetch as never });
  const entry = join(dirname(file), '.spectral.js');
  const code = await bundleRuleset(entry, {
    target: 'node',
    format: 'commonjs',
    plugins: [stdin(migrated, entry), builtins(), url({ fetch: offlineFetch } as never)],
  });
  const m: { exports?: unknown } = {};
  const req = createRequire(file);
  Function('module, require', code)(m, (id: string) => req(req.resolve(id, { paths: [dirname(file)] })));
  if (typeof m.exports !== 'object' || m.exports === null) throw new Error('it exports no ruleset');
  return new Ruleset(m.exports as never, { severity: 'recommended', source: file });
}

function describe(e: unknown): string {
  if (e instanceof RulesetError) return e.message;
  const errors = (e as { errors?: unknown[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length) return errors.map(describe).join('; ');
  const message = e instanceof Error ? e.message : String(e);
  // Spectral's validation errors say where in the ruleset: rules.my-rule.then.function
  const where = (e as { path?: unknown } | null)?.path;
  const at = Array.isArray(where) && where.length ? ` (at ${where.join('.')})` : '';
  const cause = e instanceof Error && e.cause !== undefined ? ` (${describe(e.cause)})` : '';
  return `${message}${at}${cause}`;
}
