import type { RuleCase } from '../rule';

/** operationIdDuplicate's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'two operations share an id (YAML)',
    text: "openapi: 3.0.0\npaths:\n  /users:\n    get:\n      operationId: list\n  /groups:\n    get:\n      operationId: 'list' # keep me\n",
    expect: [
      { pointer: '/paths/~1users/get/operationId', message: /"list" is used by 2 operations \(also GET \/groups\)/ },
      { pointer: '/paths/~1groups/get/operationId' },
    ],
    fixed: "openapi: 3.0.0\npaths:\n  /users:\n    get:\n      operationId: getUsers\n  /groups:\n    get:\n      operationId: 'list' # keep me\n",
  },
  {
    name: 'JSON, renamed id avoids existing ones',
    text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"x"},"put":{"operationId":"getA"}},"/b":{"get":{"operationId":"x"}}}}',
    expect: [{ pointer: '/paths/~1a/get/operationId' }, { pointer: '/paths/~1b/get/operationId' }],
    fixed: '{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"getA2"},"put":{"operationId":"getA"}},"/b":{"get":{"operationId":"x"}}}}',
  },
  {
    name: 'one read through a $ref path item: renamed where it is written',
    text: 'openapi: 3.1.0\ncomponents:\n  pathItems:\n    B:\n      get:\n        operationId: x\npaths:\n  /a:\n    get:\n      operationId: x\n  /b:\n    $ref: "#/components/pathItems/B"\n',
    expect: [{ pointer: '/components/pathItems/B/get/operationId', message: /also GET \/a/ }, { pointer: '/paths/~1a/get/operationId' }],
    fixed:
      'openapi: 3.1.0\ncomponents:\n  pathItems:\n    B:\n      get:\n        operationId: getB\npaths:\n  /a:\n    get:\n      operationId: x\n  /b:\n    $ref: "#/components/pathItems/B"\n',
  },
  { name: 'unique ids', text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"a"},"put":{"operationId":"b"}}}}', expect: [] },
];
