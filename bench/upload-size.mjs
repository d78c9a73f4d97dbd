#!/usr/bin/env node
/**
 * The status bar's upload size over the real LSP connection (dist/server.js), on GitHub's REST
 * description (@octokit/openapi, 13 MB JSON): the spec opened and its diagnostics awaited, then
 * rewst/uploadSize timed (the action count, from the cached analysis) and the time until the server
 * pushes the measured size (rewst/uploadSizeChanged, the prepare pipeline without Spectral).
 *
 * While the size is measured, rewst/uploadSize requests are sent one after another: their slowest answer
 * is how long the measurement can hold up another request (it runs in a worker thread). Baselines
 * measured in the same run: the same request's median on an idle server, and JSON.parse of the text here.
 * Then two edits back to back: only the newer version's size is pushed. Spectral is off (its worker
 * would share the two cores).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, root, time } from './lib.mjs';
import { startServer } from './lsp-session.mjs';

const FILE = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const text = readFileSync(FILE, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'rewst-bench-upload-'));
const session = await startServer({ initializationOptions: { debounceMs: 0 } });
const pushed = [];
const waiting = [];
session.conn.onNotification('rewst/uploadSizeChanged', (params) => {
  const p = { ...params, at: performance.now() };
  pushed.push(p);
  for (const w of waiting.splice(0)) if (!w(p)) waiting.push(w);
});
const measuredPush = (uri, version) => {
  const seen = pushed.find((p) => p.uri === uri && p.version === version && !p.pending);
  return seen
    ? Promise.resolve(seen)
    : new Promise((resolve) => waiting.push((p) => (p.uri === uri && p.version === version && !p.pending ? (resolve(p), true) : false)));
};
const ask = (uri) => session.request('rewst/uploadSize', { uri });

try {
  const parseMs = median(Array.from({ length: 5 }, () => time(() => JSON.parse(text))));
  const uri = session.open(join(dir, 'api.github.com.json'), text, 'json');
  await session.waitForDiagnostics(uri, (p) => p.version === 1);

  let t = performance.now();
  const first = await ask(uri);
  const countMs = performance.now() - t;
  // Requests one after another while the size is measured: the slowest is the longest hold-up.
  const during = [];
  const done = measuredPush(uri, 1);
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    const s = performance.now();
    await ask(uri);
    during.push(performance.now() - s);
  }
  const measured = await done;
  const sizeMs = measured.at - t;
  const idle = [];
  for (let i = 0; i < 15; i++) {
    const s = performance.now();
    await ask(uri);
    idle.push(performance.now() - s);
  }
  const idleMs = median(idle);
  const worst = Math.max(...during);

  // Two versions back to back: the first is stale before it is measured.
  const v2 = session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
  const v3 = session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
  t = performance.now();
  const m3 = await measuredPush(uri, v3);
  const staleMeasured = pushed.filter((p) => p.version === v2 && !p.pending).length;

  console.log(`upload size on GitHub's REST description (${(text.length / 1e6).toFixed(1)} MB, ${first.actions} actions, pending at first: ${first.pending})`);
  console.log(`  the count: ${countMs.toFixed(1)} ms; idle rewst/uploadSize median ${idleMs.toFixed(1)} ms (baseline)`);
  console.log(
    `  the size (${measured.bytes} bytes) pushed ${sizeMs.toFixed(0)} ms after the request: ${(sizeMs / parseMs).toFixed(1)}× JSON.parse of the text here (${parseMs.toFixed(0)} ms)`,
  );
  console.log(
    `  ${during.length} requests while measuring: slowest ${worst.toFixed(0)} ms (${(worst / idleMs).toFixed(0)}× idle, ${(worst / parseMs).toFixed(1)}× JSON.parse), median ${median(during).toFixed(1)} ms`,
  );
  console.log(
    `  two edits back to back: version ${v3} measured ${(m3.at - t).toFixed(0)} ms after them (${m3.bytes} bytes); measured answers pushed for version ${v2}: ${staleMeasured}`,
  );
} finally {
  await session.stop();
  rmSync(dir, { recursive: true, force: true });
}
