#!/usr/bin/env node
/**
 * Ctrl+. right after an edit on GitHub's 13 MB description, before the new version is analysed (issue 24):
 * the server answers from the last analysis, its ranges moved through the edit. Printed against a baseline
 * measured in the same run: the same request to a server whose client cannot resolve code actions, which
 * analyses the new version first (what every client got before). The scheduler's pause is long in both, so
 * the request always comes before the version's own run, as it does in the editor.
 *
 *   node bench/lightbulb-after-edit.mjs        (after npm run build)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, root } from './lib.mjs';
import { startServer } from './lsp-session.mjs';

const FILE = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const text = readFileSync(FILE, 'utf8');

async function measure(resolve) {
  const s = await startServer({ initializationOptions: { debounceMs: 600_000 }, resolve });
  const uri = s.open(FILE, text, 'json');
  const { diagnostics } = await s.waitForDiagnostics(uri);
  const target = diagnostics.find((d) => d.source === 'rewst' && d.data?.ruleId && !d.data.summary);
  if (!target) throw new Error('no Rewst diagnostic with a fix to ask about');
  const times = [];
  let titles = [];
  for (let i = 0; i < ROUNDS; i++) {
    // A space typed at the start of line 2, far from the diagnostic: the fix stands, moved by nothing.
    s.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }]);
    const t = performance.now();
    const actions = await s.request('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'], triggerKind: 1 },
    });
    times.push(performance.now() - t);
    titles = actions.map((a) => a.title);
  }
  await s.stop();
  if (!titles.length) throw new Error(`no fix offered (resolve: ${resolve})`);
  return { ms: median(times), titles, rule: target.data.ruleId };
}

const now = await measure(true);
const before = await measure(false);
console.log(`lightbulb right after an edit, GitHub REST description (${(text.length / 1e6).toFixed(1)} MB), ${now.rule}:`);
console.log(`  from the last analysis: ${now.ms.toFixed(0)} ms median of ${ROUNDS} (offers ${JSON.stringify(now.titles[0])})`);
console.log(`  baseline, analysing the new version first: ${before.ms.toFixed(0)} ms`);
console.log(`  ratio: ${(now.ms / before.ms).toFixed(3)} of the baseline`);
