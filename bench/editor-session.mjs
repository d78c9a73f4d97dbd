#!/usr/bin/env node
/**
 * A spec opened the way VS Code opens it, over the real LSP connection (dist/server.js --stdio, Spectral
 * on as shipped): didOpen, then at once what the editor sends while the first diagnostics are pending
 * (hover and definition on a `$ref`, the status bar's rewst/uploadSize), then code actions with no `only`
 * kind at several cursor positions (the lightbulb at each cursor move), with the diagnostics under the
 * cursor, and hover and definition again.
 *
 * Printed against a baseline measured in the same run: the round trip of a request that does no work
 * (rewst/serverStats without --expose-gc), interleaved with the requests.
 *
 * Specs: GitHub's REST description (13 MB JSON), and the split helpdesk spec (test/fixtures/split),
 * whose referenced files the server checks since this session.
 *
 *   node bench/editor-session.mjs        (after npm run build)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, root } from './lib.mjs';
import { startServer, timeAsync } from './lsp-session.mjs';

const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 10);
const specs = [
  { name: "GitHub's REST description (13 MB JSON)", file: join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json'), languageId: 'json' },
  { name: 'split helpdesk spec (5 YAML files)', file: join(root, 'test/fixtures/split/openapi.yaml'), languageId: 'yaml' },
];

/** Line and character of every `$ref` value's first character after the quote (at most `n`, spread over the file). */
function refPositions(text, n) {
  const offsets = [];
  for (let i = text.indexOf('$ref'); i >= 0; i = text.indexOf('$ref', i + 4)) offsets.push(i);
  const picked = Array.from({ length: Math.min(n, offsets.length) }, (_, k) => offsets[Math.floor((k * offsets.length) / Math.min(n, offsets.length))]);
  return picked.map((offset) => {
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    const valueAt = text.indexOf(':', offset) + 1;
    const quote = text.slice(valueAt).search(/[^\s]/) + valueAt;
    return { line, character: quote - lineStart + 2 };
  });
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US'));

for (const spec of specs) {
  const text = readFileSync(spec.file, 'utf8');
  const refs = refPositions(text, POSITIONS);
  const session = await startServer({ initializationOptions: { spectral: { enable: true } }, exposeGc: false });
  const noop = () => timeAsync(() => session.request('rewst/serverStats', undefined));
  for (let i = 0; i < 3; i++) await noop(); // warm the connection

  const t0 = performance.now();
  const uri = session.open(spec.file, text, spec.languageId);
  const first = session.waitForDiagnostics(uri).then(() => performance.now() - t0);
  const at = refs[0];
  const [hoverPending, definitionPending, sizePending] = await Promise.all([
    timeAsync(() => session.request('textDocument/hover', { textDocument: { uri }, position: at })),
    timeAsync(() => session.request('textDocument/definition', { textDocument: { uri }, position: at })),
    timeAsync(() => session.request('rewst/uploadSize', { uri })),
  ]);
  const firstDiagnostics = await first;
  const diagnostics = session.diagnostics.get(uri)?.at(-1)?.diagnostics ?? [];

  const baseline = [];
  const actions = [];
  const hovers = [];
  const definitions = [];
  // Cursor positions: the $refs, and the first diagnostics' starts, each with the diagnostics under it.
  const cursors = [...refs, ...diagnostics.slice(0, POSITIONS).map((d) => d.range.start)];
  for (const position of cursors) {
    baseline.push(await noop());
    const under = diagnostics.filter((d) => d.range.start.line <= position.line && d.range.end.line >= position.line);
    actions.push(
      await timeAsync(() =>
        session.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: position, end: position },
          context: { diagnostics: under, triggerKind: 2 },
        }),
      ),
    );
    hovers.push(await timeAsync(() => session.request('textDocument/hover', { textDocument: { uri }, position })));
    definitions.push(await timeAsync(() => session.request('textDocument/definition', { textDocument: { uri }, position })));
  }
  await session.stop();
  const base = median(baseline);
  const line = (what, xs) =>
    `  ${what.padEnd(44)} median ${fmt(median(xs))} ms, max ${fmt(Math.max(...xs))} ms  (${(median(xs) / base).toFixed(1)}× the no-op round trip)`;
  console.log(`${spec.name}: ${cursors.length} cursor positions; no-op round trip ${fmt(base)} ms (median)`);
  console.log(`  first diagnostics after didOpen              ${fmt(firstDiagnostics)} ms (${diagnostics.length} diagnostics)`);
  console.log(`  hover on a $ref, sent with didOpen           ${fmt(hoverPending)} ms`);
  console.log(`  definition on a $ref, sent with didOpen      ${fmt(definitionPending)} ms`);
  console.log(`  rewst/uploadSize, sent with didOpen          ${fmt(sizePending)} ms`);
  console.log(line('code actions, no `only` kind', actions));
  console.log(line('hover', hovers));
  console.log(line('definition', definitions));
}
