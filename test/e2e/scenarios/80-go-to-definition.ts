/**
 * Go to Definition (F12) on a `$ref`: the cursor lands on the component's
 * key, in YAML and JSON; on a relative file reference the other file opens at
 * its target. Then hover (Ctrl+K Ctrl+I) on a `$ref` shows the target's type,
 * description and first properties: the README's navigation screenshot.
 * Places are the fixtures' (test/fixtures/navigation/), read off by hand.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

const FIXTURES = 'test/fixtures/navigation';

interface Jump {
  file: string;
  /** Where F12 is pressed: on the `$ref` value (1-based, as the status bar counts). */
  from: [number, number];
  ref: string;
  /** The tab that shows after F12, and where the cursor lands: the start of the component's key. */
  tab: string;
  to: [number, number];
}

const JUMPS: Jump[] = [
  { file: 'tickets.yaml', from: [22, 31], ref: '#/components/schemas/Ticket', tab: 'tickets.yaml', to: [60, 5] },
  { file: 'tickets.yaml', from: [63, 21], ref: '#/components/schemas/Base', tab: 'tickets.yaml', to: [53, 5] },
  { file: 'tickets.json', from: [29, 33], ref: '#/components/schemas/Ticket', tab: 'tickets.json', to: [100, 7] },
  { file: 'tickets.yaml', from: [30, 23], ref: './schemas/ticket.yaml#/Ticket', tab: 'ticket.yaml', to: [2, 1] },
];

export const scenario: Scenario = {
  title: 'F12 on a $ref jumps to the component (or opens the referenced file at it), and hover on a $ref shows its target',
  prepare(dir) {
    mkdirSync(path.join(dir, 'schemas'));
    for (const f of ['tickets.yaml', 'tickets.json', 'tickets.rewst-integration.json', 'schemas/ticket.yaml', 'schemas/ticket.json'])
      copyFromRepo(`${FIXTURES}/${f}`, dir, f);
  },
  async run(t) {
    const { wb, page } = { wb: t.wb, page: t.wb.page };
    // Hover on the Ticket $ref: what it points at, without leaving the line (first, while only this file is open: the screenshot).
    const spec = t.file('tickets.yaml');
    await wb.open(t.rel('tickets.yaml'));
    await waitForFindings(wb, spec, lint(spec)); // the language server has the file
    await wb.goTo(22, 31);
    // The pointer rests on the line numbers far below, where nothing shows a tooltip (it was last over a Quick Open row, above a tab).
    const gutter = await page.locator('.editor-instance .margin').first().boundingBox();
    if (gutter) await page.mouse.move(gutter.x + 5, gutter.y + gutter.height - 20);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'A support ticket.' });
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await hover.innerText();
    for (const part of ['Ticket', '#/components/schemas/Ticket', 'A support ticket.', 'id', 'title', 'comments'])
      assert.ok(text.includes(part), `the hover shows "${part}": ${text}`);
    await t.screenshot('navigation', ['.part.editor']);
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });
    t.log('hover on #/components/schemas/Ticket shows its description and properties');

    for (const j of JUMPS) {
      const file = t.file(j.file);
      await wb.open(t.rel(j.file));
      await waitForFindings(wb, file, lint(file)); // the language server has the file
      await wb.goTo(...j.from);
      await page.keyboard.press('F12');
      await wb.activeTab(j.tab);
      await wb.waitFor(
        `F12 on ${j.ref} to put the cursor at Ln ${j.to[0]}, Col ${j.to[1]} of ${j.tab}`,
        () => wb.cursor(),
        (c) => c === `Ln ${j.to[0]}, Col ${j.to[1]}`,
      );
      t.log(`F12 on ${j.ref} (${j.file} Ln ${j.from[0]}): ${j.tab} Ln ${j.to[0]}, Col ${j.to[1]}`);
    }
  },
};
