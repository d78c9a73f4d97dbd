import type { ContextCheckCase } from './context';

const json = (schema: unknown) => ({ '200': { description: 'OK', content: { 'application/json': { schema } } } });
const customer = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
const root = {
  openapi: '3.0.0',
  paths: {
    '/customers': {
      get: {
        operationId: 'listCustomers',
        parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }],
        responses: json({ type: 'object', properties: { data: { type: 'array', items: customer } } }),
      },
      post: { operationId: 'createCustomer', responses: json(customer) },
    },
    '/customers/{id}': { get: { operationId: 'getCustomer', responses: json(customer) } },
  },
};
const spec = { name: 'a.json', root };
const paged = { pagination: { type: 'page', pageParam: 'page', resultsKey: 'data' } };

export const cases: ContextCheckCase[] = [
  {
    name: 'a list action with its item fields',
    settings: { ...paged, paginatedActions: ['listCustomers'], organizationMapping: { action: 'listCustomers', valueKey: 'id', labelKey: 'name' } },
    context: { spec },
    expect: [],
  },
  {
    name: 'an action the spec does not have',
    settings: { ...paged, organizationMapping: { action: 'listcustomers', valueKey: 'id', labelKey: 'name' } },
    context: { spec },
    expect: [{ code: 'settings-operation-missing', path: ['organizationMapping', 'action'], severity: 'error', message: /did you mean "listCustomers"/ }],
  },
  {
    name: 'one record, not a list',
    settings: { ...paged, organizationMapping: { action: 'getCustomer', valueKey: 'id', labelKey: 'name' } },
    context: { spec },
    expect: [{ code: 'settings-org-mapping', path: ['organizationMapping', 'action'], severity: 'error', message: /does not return a list/ }],
  },
  {
    name: 'a POST',
    settings: { ...paged, organizationMapping: { action: 'createCustomer', valueKey: 'id', labelKey: 'name' } },
    context: { spec },
    expect: [{ code: 'settings-org-mapping', path: ['organizationMapping', 'action'], message: /is not a GET/ }],
  },
  {
    name: 'keys that are not fields of the items',
    settings: { ...paged, organizationMapping: { action: 'listCustomers', valueKey: 'customer_id', labelKey: 'title' } },
    context: { spec },
    expect: [
      { code: 'settings-org-mapping', path: ['organizationMapping', 'valueKey'], severity: 'warning', message: /its fields: id, name/ },
      { code: 'settings-org-mapping', path: ['organizationMapping', 'labelKey'], severity: 'warning' },
    ],
  },
  { name: 'no spec read', settings: { organizationMapping: { action: 'nope' } }, context: {}, expect: [] },
];
