/**
 * Time to first diagnostic in the real editor, on GitHub's REST description
 * (@octokit/openapi, 13 MB of JSON): from choosing the file in Quick Open to
 * the first Rewst marker in the Problems panel, with the extension already
 * running. Printed, not asserted on: timing belongs in reports, not in
 * pass/fail thresholds. The scenario does check that every finding arrives.
 */
import { statSync } from 'node:fs';
import { lint } from '../cli';
import { SOURCE, waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

const SPEC = 'node_modules/@octokit/openapi/generated/api.github.com.json';

export const scenario: Scenario = {
  title: 'time to first diagnostic on GitHub\'s REST description (13 MB), printed',
  timeoutMs: 5 * 60_000,
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
    const findings = lint(file);
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
    const mb = (statSync(file).size / 1e6).toFixed(1);
    t.log(`TIME TO FIRST DIAGNOSTIC: ${firstAt - chosenAt} ms on api.github.com.json (${mb} MB, ${findings.length} findings), from choosing it in Quick Open to the first Rewst marker in the Problems panel; the editor showed the file after ${editorShownAt - chosenAt} ms`);
    await t.screenshot('time-to-first-diagnostic');
  },
};
