/**
 * Go to Symbol in Editor (Ctrl+Shift+O) lists the spec's outline: its
 * operations ("GET /tickets", ...) under their paths, then the components;
 * choosing an operation puts the cursor on its method key.
 */
import assert from 'node:assert/strict';
import { lint } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';
import type { Workbench } from '../workbench';

const SPEC = 'tickets.yaml';

/** The rows' labels as they read (a symbol's icon leaves a space before its name). */
const labels = async (wb: Workbench) => (await wb.quickPickLabels()).map((l) => l.trim());

export const scenario: Scenario = {
  title: "Ctrl+Shift+O lists the spec's operations, and choosing one goes to it",
  prepare(dir) {
    copyFromRepo(`test/fixtures/navigation/${SPEC}`, dir);
  },
  async run(t) {
    const { wb } = t;
    const page = wb.page;
    const file = t.file(SPEC);
    await wb.open(t.rel(SPEC));
    await waitForFindings(wb, file, lint(file)); // the language server has the file
    await page.keyboard.press('Control+Shift+O');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    // The outline in document order, as read off the fixture (the list shows its first rows; the operations are among them).
    const head = ['info', 'paths', '/tickets', 'GET /tickets', 'POST /tickets', '/pets', 'GET /pets', 'components', 'parameters', 'Limit', 'schemas'];
    const shown = await wb.waitFor(
      'the symbols of the spec',
      () => labels(wb),
      (rows) => head.every((l, i) => rows[i] === l),
    );
    t.log(`Ctrl+Shift+O lists ${shown.length} symbol(s) on screen: ${shown.join(', ')}`);

    // Typing narrows the list to the operations; Enter goes to the one chosen.
    await page.locator('.quick-input-widget input').fill('@POST');
    await wb.waitFor(
      'the list narrowed to POST /tickets',
      () => labels(wb),
      (rows) => rows.length === 1 && rows[0] === 'POST /tickets',
    );
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await wb.waitFor(
      'the cursor on POST /tickets (Ln 23)',
      () => wb.cursor(),
      (c) => c.startsWith('Ln 23, Col 5'),
    );
    assert.ok(!(await wb.isDirty()), 'nothing was edited');
  },
};
