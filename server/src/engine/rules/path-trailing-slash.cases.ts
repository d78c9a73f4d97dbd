import type { RuleCase } from '../rule';

/** pathTrailingSlash's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'trailing slash (YAML, quoted key keeps its quotes)',
    text: "openapi: 3.0.0\npaths:\n  '/users/':\n    get: {}\n  /: {}\n",
    expect: [{ pointer: '/paths/~1users~1', message: /\/users\/ should be \/users/, fixable: true }],
    fixed: "openapi: 3.0.0\npaths:\n  '/users':\n    get: {}\n  /: {}\n",
  },
  {
    name: 'JSON',
    text: '{\n  "swagger": "2.0",\n  "paths": {\n    "/a/{id}/": {}\n  }\n}',
    expect: [{ pointer: '/paths/~1a~1{id}~1' }],
    fixed: '{\n  "swagger": "2.0",\n  "paths": {\n    "/a/{id}": {}\n  }\n}',
  },
  {
    name: 'stripped path exists and both have get: no fix, the collision said',
    text: '{"openapi":"3.0.0","paths":{"/a/":{"get":{"operationId":"a1"},"summary":"A"},"/a":{"get":{"operationId":"a2"},"summary":"A"}}}',
    expect: [{ pointer: '/paths/~1a~1', message: /\/a also exists, and both have get, so the two paths must be merged by hand/, fixable: false }],
  },
  {
    // The e-commerce API's /coupon/ (POST) beside /coupon (GET).
    name: 'stripped path exists, methods apart: the path items merge (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/coupon": {\n      "get": {\n        "operationId": "listCoupons"\n      },\n      "parameters": []\n    },\n    "/coupon/": {\n      "post": {\n        "operationId": "createCoupon"\n      },\n      "parameters": []\n    },\n    "/z": {}\n  }\n}',
    expect: [{ pointer: '/paths/~1coupon~1', message: /\/coupon also exists: the two path items are merged/, fixable: true }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/coupon": {\n      "get": {\n        "operationId": "listCoupons"\n      },\n      "parameters": [],\n      "post": {\n        "operationId": "createCoupon"\n      }\n    },\n    "/z": {}\n  }\n}',
  },
  {
    name: 'the merge keeps the moved operation as written, comments and all (YAML)',
    text: 'openapi: 3.0.0\npaths:\n  /coupon/:\n    post: # create one\n      operationId: createCoupon\n      responses:\n        "201": {description: Created}\n  /coupon:\n    get:\n      operationId: listCoupons # all of them\n',
    expect: [{ pointer: '/paths/~1coupon~1', message: /merged/ }],
    fixed:
      'openapi: 3.0.0\npaths:\n  /coupon:\n    get:\n      operationId: listCoupons # all of them\n    post: # create one\n      operationId: createCoupon\n      responses:\n        "201": {description: Created}\n',
  },
  {
    name: 'into an empty path item (YAML flow)',
    text: 'openapi: 3.0.0\npaths:\n  /a: {}\n  /a/:\n    get: {operationId: a}\n',
    expect: [{ pointer: '/paths/~1a~1' }],
    fixed: 'openapi: 3.0.0\npaths:\n  /a: {"get":{"operationId":"a"}}\n',
  },
  { name: 'root path is fine', text: '{"openapi":"3.0.0","paths":{"/":{}}}', expect: [] },
];
