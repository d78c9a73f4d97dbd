import type { RuleCase } from '../rule';

/** operationIdMissing's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  { name: 'has ids', text: 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n', expect: [] },
  {
    name: 'from method and path (YAML)',
    text: 'openapi: 3.0.0\npaths:\n  /photo-records/{id}:\n    get:\n      responses: {}\n',
    expect: [{ pointer: '/paths/~1photo-records~1{id}/get', message: /GET \/photo-records\/\{id\} has no operationId/ }],
    fixed: 'openapi: 3.0.0\npaths:\n  /photo-records/{id}:\n    get:\n      operationId: getPhotoRecordsById\n      responses: {}\n',
  },
  {
    name: 'from summary, after it (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/a": {\n      "post": {\n        "summary": "Create a photo record",\n        "responses": {}\n      }\n    }\n  }\n}',
    expect: [{ pointer: '/paths/~1a/post' }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/a": {\n      "post": {\n        "summary": "Create a photo record",\n        "operationId": "createAPhotoRecord",\n        "responses": {}\n      }\n    }\n  }\n}',
  },
  {
    name: 'never collides with an existing id',
    text: 'swagger: "2.0"\npaths:\n  /a:\n    get:\n      operationId: getA\n    put: {}\n  /b:\n    get:\n      summary: get a\n',
    expect: [{ pointer: '/paths/~1a/put' }, { pointer: '/paths/~1b/get' }],
    fixed: 'swagger: "2.0"\npaths:\n  /a:\n    get:\n      operationId: getA\n    put: { operationId: putA }\n  /b:\n    get:\n      summary: get a\n',
  },
  {
    name: 'a path item read through $ref: the id goes where the operation is written',
    text: 'openapi: 3.1.0\npaths:\n  /a:\n    $ref: "#/components/pathItems/A"\ncomponents:\n  pathItems:\n    A:\n      get:\n        responses: {}\n',
    expect: [{ pointer: '/components/pathItems/A/get', message: /GET \/a has no operationId/ }],
    fixed:
      'openapi: 3.1.0\npaths:\n  /a:\n    $ref: "#/components/pathItems/A"\ncomponents:\n  pathItems:\n    A:\n      get:\n        operationId: getA\n        responses: {}\n',
  },
  {
    name: 'two paths share one operation through $ref: reported once, where it is written',
    text: 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: {}\n  /b:\n    $ref: "#/paths/~1a"\n',
    expect: [{ pointer: '/paths/~1a/get', message: /GET \/a has no operationId/ }],
    fixed: 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {}\n  /b:\n    $ref: "#/paths/~1a"\n',
  },
  {
    name: 'blank id',
    text: '{"openapi":"3.0.0","paths":{"/":{"get":{"operationId":""}}}}',
    expect: [{ pointer: '/paths/~1/get/operationId', message: /blank/ }],
    fixed: '{"openapi":"3.0.0","paths":{"/":{"get":{"operationId":"getRoot"}}}}',
  },
];
