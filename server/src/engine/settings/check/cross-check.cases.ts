import type { ContextCheckCase } from './context';

const root = {
  openapi: '3.0.0',
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: {} } } } } } },
        },
      },
    },
  },
};
const others = {
  get: {
    operationId: 'listOthers',
    parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }],
    responses: {
      '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array', items: {} } } } } } },
    },
  },
};
const spec = { name: 'a.json', root };
const twoLists = { name: 'b.json', root: { ...root, paths: { ...root.paths, '/others': others } } };

export const cases: ContextCheckCase[] = [
  {
    name: 'fits',
    settings: { pagination: { type: 'page', pageParam: 'page', resultsKey: 'data' }, paginatedActions: ['listThings'] },
    context: { spec },
    expect: [],
  },
  {
    name: 'an operationId the spec does not have, with the one it has',
    settings: { pagination: { type: 'page', pageParam: 'page' }, paginatedActions: ['listthings'] },
    context: { spec },
    expect: [{ code: 'settings-operation-missing', path: ['paginatedActions', 0], message: /did you mean "listThings"/ }],
  },
  {
    name: 'a parameter it does not accept, a results key it does not return: at the fields when all share it',
    settings: { pagination: { type: 'page', pageParam: 'p', resultsKey: 'items' }, paginatedActions: ['listThings'] },
    context: { spec },
    expect: [
      { code: 'settings-param-not-accepted', path: ['pagination', 'pageParam'], severity: 'warning' },
      { code: 'settings-results-key', path: ['pagination', 'resultsKey'], severity: 'error' },
    ],
  },
  {
    name: "the organization mapping's action with another results key: a warning at its entry, with where Rewst takes its own",
    settings: {
      pagination: { type: 'page', pageParam: 'page', resultsKey: 'items' },
      paginatedActions: ['listOthers', 'listThings'],
      organizationMapping: { action: 'listThings', valueKey: 'id', labelKey: 'name' },
    },
    context: { spec: twoLists },
    expect: [
      { code: 'settings-results-key', path: ['paginatedActions', 1], severity: 'warning', message: /set its own Results Key under its pagination settings/ },
    ],
  },
  { name: 'no spec read: nothing to check against', settings: { paginatedActions: ['nope'] }, context: {}, expect: [] },
];
