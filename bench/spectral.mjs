#!/usr/bin/env node
/**
 * Benchmark of the general lint with Spectral on GitHub's REST description
 * (@octokit/openapi, 13 MB), against stock Spectral (spectral-core and the
 * `spectral:oas` ruleset run in-process the way `spectral lint` runs them,
 * bench/spectral-stock.cjs).
 *
 * Each side runs in a fresh Node process of its own, so its peak memory
 * (process.resourceUsage().maxRSS) is its own; times are for the lint call
 * (modules already loaded), on both sides. Our side runs once before and
 * four times after the stock run; the median is used. The load average is
 * printed: on a shared machine other work slows both sides, not always alike.
 *
 * Stock Spectral takes minutes. With BENCH_FULL=1 it runs in this run and
 * the ratio is measured here; otherwise its findings and time are read from
 * .bench-cache/spectral-stock-github.json (written by the first full run),
 * and the ratio is against that cached time: the note says so.
 *
 * Checks: the same set of findings (rule, path, severity) as stock Spectral;
 * at least 15x faster than stock; no slower than `redocly lint` (9.4 s for
 * @redocly/cli 2.77.0 on this file, quoted from the issue, not measured
 * here); peak memory under 1 GB.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os, { loadavg } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const FILE = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const CACHE = join(root, '.bench-cache/spectral-stock-github.json');
const REDOCLY_MS = 9400;
const GOAL_RATIO = 15;
const GOAL_RSS_MB = 1024;

/** What is compared: rule, path (segments as strings: "0" and 0 name the same place), severity. */
const keyOf = (r) => `${r.code}\t${JSON.stringify(r.path.map(String))}\t${r.severity}`;

async function child(side) {
  const text = readFileSync(FILE, 'utf8');
  let lint;
  if (side === 'stock') {
    const { stockSpectral } = require(join(root, 'bench/spectral-stock.cjs'));
    lint = () => stockSpectral(FILE, text);
  } else {
    const { spectralResults } = require(join(root, 'dist/spectral.js'));
    lint = () => spectralResults(text, { format: 'json', source: FILE });
  }
  const cpu = process.cpuUsage();
  const t = performance.now();
  const results = await lint();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, keys: [...new Set(results.map(keyOf))] }),
  );
}

function run(side) {
  const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname, `--run=${side}`], {
    maxBuffer: 1 << 28,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function main() {
  const text = readFileSync(FILE);
  const sha = createHash('sha256').update(text).digest('hex');
  const full = process.env.BENCH_FULL === '1';
  const cached = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : undefined;
  const usable = cached && cached.sha === sha && cached.node === process.version;
  console.log(`\nSpectral (spectral:oas) on ${FILE.replace(root, '')} (${(text.length / 1e6).toFixed(1)} MB)`);
  const load = () => loadavg()[0].toFixed(1);
  const loadBefore = load();

  const ours = [run('ours')];
  let stock;
  let note;
  if (full || !usable) {
    console.log(
      `  running stock Spectral in this run (${full ? 'BENCH_FULL=1' : 'no cached stock run for this file and Node version'}): this takes minutes...`,
    );
    stock = run('stock');
    mkdirSync(join(root, '.bench-cache'), { recursive: true });
    writeFileSync(CACHE, JSON.stringify({ sha, node: process.version, date: new Date().toISOString(), ...stock }));
    note = 'stock measured in this run';
  } else {
    stock = cached;
    note = `stock time from the cached run of ${cached.date} (.bench-cache/spectral-stock-github.json), not this run: set BENCH_FULL=1 to measure both now`;
  }
  ours.push(run('ours'), run('ours'), run('ours'), run('ours'));

  const ms = median(ours.map((o) => o.ms));
  const cpuMs = median(ours.map((o) => o.cpuMs));
  const rss = Math.max(...ours.map((o) => o.maxRssMb));
  const ratio = stock.ms / ms;
  const a = new Set(stock.keys);
  const b = new Set(ours[0].keys);
  const missing = [...a].filter((k) => !b.has(k));
  const extra = [...b].filter((k) => !a.has(k));
  const sameEveryRun = ours.every((o) => o.keys.length === ours[0].keys.length && o.keys.every((k) => b.has(k)));

  const row = (name, x) =>
    console.log(
      `  ${name.padEnd(30)} ${(x.ms / 1000).toFixed(1).padStart(7)} s wall ${(x.cpuMs / 1000).toFixed(1).padStart(7)} s CPU ${x.maxRssMb.toFixed(0).padStart(6)} MB peak RSS`,
    );
  row('stock Spectral (in-process)', stock);
  row('rewst-openapi Spectral (median)', { ms, cpuMs, maxRssMb: rss });
  console.log(
    `  (${note}; ours: ${ours.map((o) => `${(o.ms / 1000).toFixed(1)} s`).join(', ')}; load average ${loadBefore} before, ${load()} after, on ${os.cpus().length} CPUs)`,
  );
  // CPU time counts every thread (ours overlaps garbage collection with the lint); on a loaded machine it is the steadier figure.
  console.log(`  CPU time ratio: ${(stock.cpuMs / cpuMs).toFixed(1)}x (wall time ratio ${ratio.toFixed(1)}x)`);
  const checks = [
    [
      `same findings as stock Spectral (rule, path, severity): ${a.size} vs ${b.size}, ${missing.length} missing, ${extra.length} extra`,
      missing.length === 0 && extra.length === 0 && sameEveryRun,
    ],
    [`${ratio.toFixed(1)}x faster than stock Spectral (goal >= ${GOAL_RATIO}x)`, ratio >= GOAL_RATIO],
    [`${(ms / 1000).toFixed(1)} s, redocly lint took ${REDOCLY_MS / 1000} s on this file (quoted from the issue, not measured here)`, ms <= REDOCLY_MS],
    [`peak memory ${rss.toFixed(0)} MB (goal < ${GOAL_RSS_MB} MB)`, rss < GOAL_RSS_MB],
  ];
  for (const [text, ok] of checks) console.log(`  => ${text} ${ok ? 'OK' : 'OVER'}`);
  for (const k of missing.slice(0, 10)) console.log(`     missing: ${k}`);
  for (const k of extra.slice(0, 10)) console.log(`     extra:   ${k}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

const side = process.argv.find((a) => a.startsWith('--run='))?.slice(6);
if (side) await child(side);
else await main();
