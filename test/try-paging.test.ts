/** Try an action: Rewst's five pagination types against a real local vendor server, and APIs that page wrong (engine/try). */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { IntegrationSettings, PaginationSettings } from '../server/src/engine/settings';
import { tryAction, type TryInput, type TryReport } from '../server/src/engine/try';
import { items, json, listSpec, startVendor, type Vendor, type VendorRequest } from './support/vendor';

let vendor: Vendor;
before(async () => (vendor = await startVendor()));
after(() => vendor.close());

const ALL = items(8);
const SPEC = listSpec({
  page: { type: 'integer' },
  per_page: { type: 'integer' },
  offset: { type: 'integer' },
  start: { type: 'integer' },
  after: { type: 'string' },
});

async function run(pagination: PaginationSettings, handle: (r: VendorRequest, res: ServerResponse) => void, extra: Partial<TryInput> = {}): Promise<TryReport> {
  vendor.requests.length = 0;
  vendor.handle = handle;
  const settings: IntegrationSettings = { hostname: vendor.host, auth: { method: 'none' }, pagination, paginatedActions: ['listItems'] };
  return tryAction({ settings, spec: SPEC, operationId: 'listItems', credentials: {}, ...extra });
}

const q = (r: VendorRequest, name: string) => r.url.searchParams.get(name);
const sent = (name: string) => vendor.requests.map((r) => q(r, name));
const codes = (r: TryReport) => r.findings.map((f) => f.code);

const PAGE: PaginationSettings = {
  type: 'page',
  pageParam: 'page',
  pageSizeParam: 'per_page',
  defaultPageSize: 3,
  defaultPageLimit: 20,
  resultsKey: 'results',
};
/** Pages of `per_page` counted from `from`. */
const pages = (from: number) => (r: VendorRequest, res: ServerResponse) => {
  const size = Number(q(r, 'per_page') ?? 3);
  const page = Number(q(r, 'page') ?? from) - from;
  json(res, 200, { results: page < 0 ? [] : ALL.slice(page * size, (page + 1) * size) });
};

describe('try: pagination', () => {
  it('Page, counted from 1: page=1,2,3 with the page size, until a short page', async () => {
    const r = await run(PAGE, pages(1), { pages: 5 });
    assert.deepEqual(sent('page'), ['1', '2', '3']);
    assert.deepEqual(sent('per_page'), ['3', '3', '3']);
    assert.deepEqual(
      r.requests.map((x) => x.items),
      [3, 3, 2],
    );
    assert.equal(r.totalItems, 8);
    assert.equal(r.stoppedBecause, 'last-page');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.firstItems, [{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('Page, counted from 0 where the spec says so (minimum 0)', async () => {
    vendor.requests.length = 0;
    vendor.handle = pages(0);
    const r = await tryAction({
      settings: { hostname: vendor.host, pagination: PAGE, paginatedActions: ['listItems'] },
      spec: listSpec({ page: { type: 'integer', minimum: 0 }, per_page: { type: 'integer' } }),
      operationId: 'listItems',
      credentials: {},
      pages: 5,
    });
    assert.deepEqual(sent('page'), ['0', '1', '2']);
    assert.equal(r.totalItems, 8);
    assert.ok(r.notes.some((n) => /first page 0/.test(n)));
  });

  it('3 pages by default for a try; the Default Page Limit caps them', async () => {
    const many = (r: VendorRequest, res: ServerResponse) => json(res, 200, { results: items(3).map((x) => ({ id: x.id + 3 * Number(q(r, 'page')) })) });
    let r = await run(PAGE, many);
    assert.equal(r.requests.length, 3);
    assert.equal(r.stoppedBecause, 'page-limit');
    r = await run({ ...PAGE, defaultPageLimit: 2 }, many, { pages: 10 });
    assert.equal(r.requests.length, 2);
    assert.equal(r.pageCap, 2);
    assert.ok(r.notes.some((n) => /Default Page Limit/.test(n)));
  });

  it('Index: offset by the page size', async () => {
    const r = await run({ type: 'index', indexParam: 'offset', pageSizeParam: 'per_page', defaultPageSize: 3, resultsKey: '' }, (req, res) => {
      const offset = Number(q(req, 'offset'));
      json(res, 200, ALL.slice(offset, offset + Number(q(req, 'per_page'))));
    });
    assert.deepEqual(sent('offset'), ['0', '3', '6']);
    assert.equal(r.totalItems, 8);
    assert.equal(r.stoppedBecause, 'last-page');
  });

  it('Link in the body, at a nested key (a dotted path), relative links resolved', async () => {
    const r = await run({ type: 'link', nextLinkLocation: 'body', nextPageKey: 'links.next', resultsKey: 'data' }, (req, res) => {
      const page = Number(q(req, 'cursor') ?? 0);
      json(res, 200, { data: ALL.slice(page * 3, page * 3 + 3), links: { next: page < 2 ? `/items?cursor=${page + 1}` : null } });
    });
    assert.deepEqual(sent('cursor'), [null, '1', '2']);
    assert.equal(r.totalItems, 8);
    assert.equal(r.stoppedBecause, 'no-next-link');
    assert.deepEqual(r.findings, []);
  });

  it("Link header: the rel Rewst looks for (next by default) among the Link header's links", async () => {
    const r = await run(
      { type: 'link', nextLinkLocation: 'header', resultsKey: '' },
      (req, res) => {
        const page = Number(q(req, 'page') ?? 1);
        const links = [`<${vendor.base}/items?page=1>; rel="first"`, ...(page < 3 ? [`<${vendor.base}/items?page=${page + 1}>; rel="next"`] : [])];
        json(res, 200, ALL.slice((page - 1) * 3, page * 3), { link: links.join(', ') });
      },
      { pages: 5 },
    );
    assert.deepEqual(sent('page'), [null, '2', '3']);
    assert.equal(r.totalItems, 8);
    assert.equal(r.stoppedBecause, 'no-next-link');
  });

  it('Link in a named header that holds the URL alone', async () => {
    const r = await run({ type: 'link', nextLinkLocation: 'header', responseHeaderName: 'X-Next-Page', resultsKey: '' }, (req, res) => {
      const page = Number(q(req, 'page') ?? 1);
      json(res, 200, ALL.slice((page - 1) * 3, page * 3), page < 3 ? { 'x-next-page': `${vendor.base}/items?page=${page + 1}` } : {});
    });
    assert.deepEqual(sent('page'), [null, '2', '3']);
    assert.equal(r.totalItems, 8);
  });

  it('Pointer: the value at the JSONPath becomes the after parameter', async () => {
    const r = await run(
      { type: 'pointer', afterParam: 'after', pointerJsonPath: '$.meta.next_cursor', pageSizeParam: 'per_page', defaultPageSize: 3, resultsKey: 'items' },
      (req, res) => {
        const at = Number((q(req, 'after') ?? 'c0').slice(1));
        json(res, 200, { items: ALL.slice(at, at + 3), meta: { next_cursor: at + 3 < ALL.length ? `c${at + 3}` : null } });
      },
      { pages: 5 },
    );
    assert.deepEqual(sent('after'), [null, 'c3', 'c6']);
    assert.equal(r.totalItems, 8);
    assert.equal(r.stoppedBecause, 'no-cursor');
    assert.deepEqual(r.findings, []);
  });

  it('Pointer with a filter expression (jsonpath-plus, safe evaluation)', async () => {
    const r = await run({ type: 'pointer', afterParam: 'after', pointerJsonPath: "$.links[?(@.rel=='next')].cursor", resultsKey: 'items' }, (req, res) => {
      const after = q(req, 'after');
      json(res, 200, {
        items: after ? [{ id: 2 }] : [{ id: 1 }],
        links: after
          ? []
          : [
              { rel: 'self', cursor: 'x' },
              { rel: 'next', cursor: 'n2' },
            ],
      });
    });
    assert.deepEqual(sent('after'), [null, 'n2']);
    assert.equal(r.totalItems, 2);
  });

  it('None, or an action not in paginatedActions: one request', async () => {
    let r = await run({ type: 'none' }, (_, res) => json(res, 200, ALL));
    assert.equal(r.requests.length, 1);
    assert.equal(r.stoppedBecause, 'not-paginated');
    assert.equal(r.totalItems, 8);
    vendor.requests.length = 0;
    r = await tryAction({ settings: { hostname: vendor.host, pagination: PAGE, paginatedActions: [] }, spec: SPEC, operationId: 'listItems', credentials: {} });
    assert.equal(r.requests.length, 1);
    assert.equal(q(vendor.requests[0], 'page'), null, 'Rewst does not page it');
    const f = r.findings.find((x) => x.code === 'not-paginated-action');
    assert.deepEqual(f?.edit, { key: 'paginatedActions', value: ['listItems'] });
  });
});

describe('try: APIs that page wrong', () => {
  it('the Results Key is not in the response: the keys it has, the array among them, and the fix', async () => {
    const r = await run(PAGE, (_, res) => json(res, 200, { data: { rows: ALL.slice(0, 3) }, total: 8 }));
    const f = r.findings.find((x) => x.code === 'results-key-missing');
    assert.ok(f);
    assert.match(f.message, /"results" is not in the response/);
    assert.match(f.message, /"data", "total"/);
    assert.match(f.message, /its arrays: "data\.rows" \(3 items\)/);
    assert.deepEqual(f.edit, { key: 'pagination.resultsKey', value: 'data.rows' });
    assert.equal(r.stoppedBecause, 'no-results');
  });

  it('a Results Key with a dot found as one literal key (OData), as the proposal reads it', async () => {
    const r = await run({ ...PAGE, resultsKey: 'odata.value' }, (_, res) => json(res, 200, { 'odata.value': ALL.slice(0, 2) }));
    assert.equal(r.totalItems, 2);
    assert.deepEqual(r.findings, []);
  });

  it('page 2 repeats page 1: the API ignores the page parameter; a page-like parameter of the operation is proposed', async () => {
    vendor.requests.length = 0;
    vendor.handle = (_, res) => json(res, 200, { results: ALL.slice(0, 3) });
    const r = await tryAction({
      settings: { hostname: vendor.host, pagination: { ...PAGE, pageParam: 'p' }, paginatedActions: ['listItems'] },
      spec: listSpec({ p: { type: 'integer' }, page_number: { type: 'integer' }, per_page: { type: 'integer' } }),
      operationId: 'listItems',
      credentials: {},
    });
    const f = r.findings.find((x) => x.code === 'page-param-ignored');
    assert.ok(f, JSON.stringify(codes(r)));
    assert.match(f.message, /ignores "p"/);
    assert.deepEqual(f.edit, { key: 'pagination.pageParam', value: 'page_number' });
    assert.equal(r.stoppedBecause, 'repeated');
    assert.equal(r.requests.length, 2);
  });

  it('page 1 repeats page 0: the API counts from 1 though the spec says 0', async () => {
    vendor.requests.length = 0;
    vendor.handle = (req, res) => {
      const page = Math.max(1, Number(q(req, 'page')));
      json(res, 200, { results: ALL.slice((page - 1) * 3, page * 3) });
    };
    const r = await tryAction({
      settings: { hostname: vendor.host, pagination: PAGE, paginatedActions: ['listItems'] },
      spec: listSpec({ page: { type: 'integer', minimum: 0 }, per_page: { type: 'integer' } }),
      operationId: 'listItems',
      credentials: {},
    });
    assert.deepEqual(codes(r), ['page-counts-from-1']);
    assert.deepEqual(sent('page'), ['0', '1']);
  });

  it('the offset is ignored (Index)', async () => {
    const r = await run({ type: 'index', indexParam: 'offset', pageSizeParam: 'per_page', defaultPageSize: 3, resultsKey: '' }, (_, res) =>
      json(res, 200, ALL.slice(0, 3)),
    );
    const f = r.findings.find((x) => x.code === 'index-param-ignored');
    assert.ok(f);
    assert.deepEqual(f.edit, { key: 'pagination.indexParam', value: 'start' });
  });

  it('the page size is ignored: more results than asked for', async () => {
    const r = await run(PAGE, (_, res) => json(res, 200, { results: ALL }));
    assert.ok(codes(r).includes('page-size-ignored'));
  });

  it('the Pointer JSONPath finds nothing: the keys there are, and a cursor key proposed', async () => {
    const r = await run({ type: 'pointer', afterParam: 'after', pointerJsonPath: '$.meta.next_cursor', resultsKey: 'items' }, (_, res) =>
      json(res, 200, { items: ALL.slice(0, 3), paging: { cursor: 'abc' } }),
    );
    const f = r.findings.find((x) => x.code === 'pointer-not-found');
    assert.ok(f);
    assert.match(f.message, /"items", "paging"/);
    assert.deepEqual(f.edit, { key: 'pagination.pointerJsonPath', value: '$.paging.cursor' });
    assert.equal(r.requests.length, 1);
  });

  it('the Pointer JSONPath finds the same cursor twice', async () => {
    const r = await run({ type: 'pointer', afterParam: 'after', pointerJsonPath: '$.next', resultsKey: 'items' }, (req, res) =>
      json(res, 200, { items: [{ id: q(req, 'after') ?? 'first' }], next: 'same' }),
    );
    assert.deepEqual(codes(r), ['pointer-repeated']);
    assert.deepEqual(sent('after'), [null, 'same']);
  });

  it('the Next Page Key finds nothing on a full first page', async () => {
    const r = await run({ type: 'link', nextLinkLocation: 'body', nextPageKey: 'next', resultsKey: 'data', defaultPageSize: 3 }, (_, res) =>
      json(res, 200, { data: ALL.slice(0, 3), paging: { next_url: '/items?p=2' } }),
    );
    const f = r.findings.find((x) => x.code === 'next-link-key-missing');
    assert.deepEqual(f?.edit, { key: 'pagination.nextPageKey', value: 'paging.next_url' });
  });

  it('a next link to another host is not followed', async () => {
    const r = await run({ type: 'link', nextLinkLocation: 'body', nextPageKey: 'next', resultsKey: 'data' }, (_, res) =>
      json(res, 200, { data: ALL.slice(0, 3), next: 'https://elsewhere.example/items?page=2' }),
    );
    assert.deepEqual(codes(r), ['next-link-other-host']);
    assert.equal(vendor.requests.length, 1);
  });
});
