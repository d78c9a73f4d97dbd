/**
 * A finding's fix fixes it: the settings edit a try proposes, written into the settings file with the
 * writer the forms use, and the try run again against the same vendor server, finds nothing more.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine/edit-ops';
import { parseSettingsText, type IntegrationSettings } from '../server/src/engine/settings';
import { settingsFixEdits, tryAction, type TryReport } from '../server/src/engine/try';
import { items, json, listSpec, startVendor, type Vendor, type VendorRequest } from './support/vendor';

let vendor: Vendor;
before(async () => (vendor = await startVendor()));
after(() => vendor.close());

const SPEC = listSpec({ page_number: { type: 'integer' }, p: { type: 'integer' }, per_page: { type: 'integer' } });
const ALL = items(8);

/** Tries with the settings file's text; applies the first finding's edit; tries again. */
async function fixAndRetry(
  text: string,
  handle: (r: VendorRequest, res: ServerResponse) => void,
  credentials = {},
): Promise<{ first: TryReport; fixed: string; second: TryReport }> {
  vendor.handle = handle;
  const run = (t: string) => tryAction({ settings: parseSettingsText(t) as IntegrationSettings, spec: SPEC, operationId: 'listItems', credentials, pages: 5 });
  const first = await run(text);
  const edit = first.findings.find((f) => f.edit)?.edit;
  assert.ok(edit, `a finding with an edit: ${JSON.stringify(first.findings)}`);
  const edits = settingsFixEdits(text, edit);
  assert.ok(edits && edits.length === 1, 'one edit');
  const fixed = applyEdits(text, edits);
  return { first, fixed, second: await run(fixed) };
}

const file = (s: Record<string, unknown>) =>
  `{\n    "name": "Vendor",\n    "hostname": "${vendor.host}",\n    "x-note": "kept",\n${JSON.stringify(s, null, 4).slice(2, -2)}\n}\n`;
const PAGE = { type: 'page', pageParam: 'page_number', pageSizeParam: 'per_page', defaultPageSize: 3, defaultPageLimit: 20 };
const pages = (r: VendorRequest) =>
  ALL.slice((Number(r.url.searchParams.get('page_number') ?? 1) - 1) * 3, Number(r.url.searchParams.get('page_number') ?? 1) * 3);

describe('try: a fix, written, fixes it', () => {
  it('results-key-missing → the Results Key the response has', async () => {
    const { first, fixed, second } = await fixAndRetry(file({ pagination: { ...PAGE, resultsKey: 'results' }, paginatedActions: ['listItems'] }), (r, res) =>
      json(res, 200, { page: { rows: pages(r) } }),
    );
    assert.equal(first.findings[0].code, 'results-key-missing');
    assert.match(fixed, /"resultsKey": "page\.rows"/);
    assert.match(fixed, /"x-note": "kept"/);
    assert.match(fixed, /^ {4}"name"/m, 'the indentation kept');
    assert.deepEqual(second.findings, []);
    assert.equal(second.totalItems, 8);
  });

  it('page-param-ignored → the page parameter the operation has', async () => {
    const { first, second } = await fixAndRetry(file({ pagination: { ...PAGE, pageParam: 'p', resultsKey: '' }, paginatedActions: ['listItems'] }), (r, res) =>
      json(res, 200, pages(r)),
    );
    assert.equal(first.findings[0].code, 'page-param-ignored');
    assert.deepEqual(second.findings, []);
    assert.equal(second.totalItems, 8);
  });

  it('pointer-not-found → the cursor key in the response', async () => {
    const { first, second } = await fixAndRetry(
      file({ pagination: { type: 'pointer', afterParam: 'after', pointerJsonPath: '$.next', resultsKey: 'data' }, paginatedActions: ['listItems'] }),
      (r, res) => {
        const at = Number(r.url.searchParams.get('after') ?? 0);
        json(res, 200, { data: ALL.slice(at, at + 3), meta: { next_cursor: at + 3 < 8 ? String(at + 3) : null } });
      },
    );
    assert.equal(first.findings[0].code, 'pointer-not-found');
    assert.deepEqual(second.findings, []);
    assert.equal(second.totalItems, 8);
  });

  it('token-key-missing → the key the token is at', async () => {
    const { first, fixed, second } = await fixAndRetry(
      file({ auth: { method: 'oauth2-client-credentials', oauth: { accessTokenUrl: `${vendor.base}/token` } }, pagination: { type: 'none' } }),
      (r, res) =>
        r.url.pathname === '/token'
          ? json(res, 200, { data: { token: 'fix-token-1' } })
          : r.headers.authorization === 'Bearer fix-token-1'
            ? json(res, 200, [])
            : json(res, 401, {}),
      { clientId: 'c', clientSecret: 'fix-secret-1' },
    );
    assert.equal(first.findings[0].code, 'token-key-missing');
    assert.match(fixed, /"tokenKey": "data\.token"/);
    assert.deepEqual(second.findings, []);
  });

  it('not-paginated-action → the action added to paginatedActions', async () => {
    const { first, second } = await fixAndRetry(file({ pagination: { ...PAGE, resultsKey: '' }, paginatedActions: ['other'] }), (r, res) =>
      json(res, 200, pages(r)),
    );
    assert.equal(first.findings[0].code, 'not-paginated-action');
    assert.equal(first.requests.length, 1);
    assert.deepEqual(second.findings, []);
    assert.equal(second.requests.length, 3);
  });
});
