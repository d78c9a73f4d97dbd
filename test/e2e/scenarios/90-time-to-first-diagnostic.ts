/**
 * Time to first diagnostic in the real editor, on GitHub's REST description
 * (@octokit/openapi, 13 MB of JSON): from choosing the file in Quick Open to
 * the first Rewst marker in the Problems panel, with the extension already
 * running, and where the time goes: the stages the client and the server log
 * (client/src/open-timing.ts, server/src/open-timing.ts) read from the
 * output channel's log file. Printed, not asserted on: timing belongs in
 * reports, not in pass/fail thresholds. The scenario does check that every
 * finding arrives. REWST_E2E_TTFD_RUNS=n opens the file n times (default 1).
 */
import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { channelLines } from '../channel-log';
import { lint } from '../cli';
import { SOURCE, waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

const SPEC = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const PREFIX = 'rewst-openapi timing:';

/** Every timing line the client and the server logged, from every "Rewst OpenAPI" output channel file. */
function timingLines(logsDir: string): Array<{ uri: string; stages: Record<string, number> }> {
  return channelLines(logsDir, PREFIX).map(({ uri, values }) => ({ uri, stages: values }));
}

/** What each logged stage means; printed in the order they happened. */
const STAGES: Record<string, string> = {
  'client-tab-opened': 'tab opens; client asks the server to read the file',
  'server-ahead-received': 'server reads the file from disk',
  'server-ahead-analysed': 'analysis of the file on disk done',
  'server-ahead-publish-start': 'publish (file on disk) begins',
  'server-ahead-publish-written': 'publish (file on disk) written',
  'client-ahead-diagnostics-received': 'client has the diagnostics (file on disk)',
  'editor-shown': 'editor shows the file',
  'client-document-opened': 'extension host has the document',
  'client-open-start': 'client begins didOpen',
  'client-open-written': 'didOpen written to the server',
  'server-open-received': 'server has the document',
  'server-analysis-done': 'analysis of the document done',
  'server-publish-start': 'publish begins',
  'server-publish-written': 'publish written',
  'client-diagnostics-received': 'client has the diagnostics',
  'marker-shown': 'FIRST REWST MARKER in the Problems panel',
};

export const scenario: Scenario = {
  title: "time to first diagnostic on GitHub's REST description (13 MB), printed with where the time goes",
  timeoutMs: 10 * 60_000,
  prepare(dir) {
    copyFromRepo(SPEC, dir);
    copyFromRepo('examples/photo-records.yaml', dir, 'warm-up.yaml');
  },
  async run(t) {
    const { wb, page } = { wb: t.wb, page: t.wb.page };
    await wb.showProblems();
    // Start the extension and its server first, so the figure is the open-to-diagnostic path alone.
    await wb.open(t.rel('warm-up.yaml'));
    await waitForFindings(wb, t.file('warm-up.yaml'), lint(t.file('warm-up.yaml')));
    await wb.closeAllEditors();

    const file = t.file('api.github.com.json');
    const uri = pathToFileURL(file).toString();
    const findings = lint(file);
    const mb = (statSync(file).size / 1e6).toFixed(1);
    const runs = Math.max(1, Number(process.env.REWST_E2E_TTFD_RUNS ?? 1));
    const totals: number[] = [];
    for (let run = 1; run <= runs; run++) {
      // Watched in the page itself, every 20 ms: a Rewst marker under this file's row of the Problems panel.
      const firstMarker = page.waitForFunction(
        ({ file, source }) => {
          let inFile = false;
          for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
            if (row.querySelector('.monaco-count-badge')) inFile = row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') === file;
            else if (inFile && row.querySelector('.marker-source')?.textContent?.trim() === source) return true;
          }
          return false;
        },
        { file, source: SOURCE },
        { polling: 20, timeout: 4 * 60_000 },
      );
      const { chosenAt } = await wb.open(t.rel('api.github.com.json'));
      const editorShownAt = Date.now();
      await firstMarker;
      const firstAt = Date.now();
      await waitForFindings(wb, file, findings, 60_000);
      totals.push(firstAt - chosenAt);
      t.log(
        `TIME TO FIRST DIAGNOSTIC (run ${run}/${runs}): ${firstAt - chosenAt} ms on api.github.com.json (${mb} MB, ${findings.length} findings), from choosing it in Quick Open to the first Rewst marker in the Problems panel; the editor showed the file after ${editorShownAt - chosenAt} ms, the marker ${firstAt - editorShownAt} ms later`,
      );
      // The client's and the server's lines for this open (the log files are written moments after).
      const stages = await wb
        .waitFor(
          'the client and the server to log the timing of this open',
          async () => {
            const mine = timingLines(t.logsDir).filter((l) => l.uri === uri && Object.values(l.stages).every((v) => v >= chosenAt));
            return Object.assign({}, ...mine.map((l) => l.stages)) as Record<string, number>;
          },
          (s) => 'client-diagnostics-received' in s && 'server-publish-written' in s,
          20_000,
        )
        .catch((e: unknown) => {
          t.log(`no timing breakdown: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          return {} as Record<string, number>;
        });
      stages['editor-shown'] = editorShownAt;
      stages['marker-shown'] = firstAt;
      let previous = chosenAt;
      for (const [key, at] of Object.entries(stages)
        .filter(([k, v]) => k in STAGES && v >= 0)
        .sort((a, b) => a[1] - b[1])) {
        t.log(`  ${STAGES[key].padEnd(52)} at ${String(at - chosenAt).padStart(6)} ms  (+${at - previous} ms)`);
        previous = at;
      }
      const missing = Object.keys(STAGES).filter((k) => !(k in stages) && !k.includes('ahead') && k !== 'client-tab-opened');
      if (missing.length) t.log(`  not logged: ${missing.join(', ')}`);
      if (run < runs) await wb.closeAllEditors();
    }
    if (runs > 1)
      t.log(
        `TIME TO FIRST DIAGNOSTIC over ${runs} runs: ${totals.join(', ')} ms; median ${[...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)]} ms`,
      );
    await t.screenshot('time-to-first-diagnostic');
  },
};
