import type { RuleCase } from '../rule';

/** parameterDuplicate's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // The PSA's operations list the same page parameter twice.
    name: 'an identical copy is removed (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/tickets": {\n      "get": {\n        "parameters": [\n          {"name": "page", "in": "query", "schema": {"type": "integer"}},\n          {"name": "q", "in": "query", "schema": {"type": "string"}},\n          {"name": "page", "in": "query", "schema": {"type": "integer"}}\n        ]\n      }\n    }\n  }\n}',
    expect: [
      {
        pointer: '/paths/~1tickets/get/parameters/2/name',
        message: /"page" \(in: query\) is listed twice, the same both times \(first at \/paths\/~1tickets\/get\/parameters\/0\).*This copy is removed/,
      },
    ],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/tickets": {\n      "get": {\n        "parameters": [\n          {"name": "page", "in": "query", "schema": {"type": "integer"}},\n          {"name": "q", "in": "query", "schema": {"type": "string"}}\n        ]\n      }\n    }\n  }\n}',
  },
  {
    name: 'one that differs: the first stands, said so, and fix-all removes both repeats (YAML, comments kept)',
    text: 'openapi: 3.0.0\npaths:\n  /tickets:\n    get:\n      parameters:\n        - name: page # the page number\n          in: query\n          schema: {type: integer}\n        - name: page\n          in: query\n          description: Page\n          schema: {type: string}\n        - name: size # page size\n          in: query\n          schema: {type: integer}\n        - name: page\n          in: query\n          schema: {type: integer}\n        - name: page\n          in: header\n          schema: {type: integer}\n',
    expect: [
      {
        pointer: '/paths/~1tickets/get/parameters/1/name',
        message: /listed twice, differently \(first at .*\/parameters\/0\).*The first stands; this one \(\{"name":"page","in":"query","description":"Page"/,
      },
      { pointer: '/paths/~1tickets/get/parameters/3/name', message: /the same both times/ },
    ],
    fixed:
      'openapi: 3.0.0\npaths:\n  /tickets:\n    get:\n      parameters:\n        - name: page # the page number\n          in: query\n          schema: {type: integer}\n        - name: size # page size\n          in: query\n          schema: {type: integer}\n        - name: page\n          in: query\n          schema: {type: integer}\n        - name: page\n          in: header\n          schema: {type: integer}\n',
  },
  {
    name: 'a $ref and the parameter it names, on a path item (Swagger 2.0, YAML flow list)',
    text: 'swagger: "2.0"\nparameters:\n  Page: {name: page, in: query, type: integer}\npaths:\n  /a:\n    parameters: [{$ref: "#/parameters/Page"}, {name: page, in: query, type: integer}]\n    get: {}\n',
    expect: [{ pointer: '/paths/~1a/parameters/1/name', message: /the same both times/ }],
    fixed:
      'swagger: "2.0"\nparameters:\n  Page: {name: page, in: query, type: integer}\npaths:\n  /a:\n    parameters: [{$ref: "#/parameters/Page"}]\n    get: {}\n',
  },
  {
    name: 'the last two items both repeats (YAML): fix-all takes them over two rounds',
    text: 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - name: a\n          in: query\n        - name: a\n          in: query\n        - name: a\n          in: query\n          description: A\n',
    expect: [{ pointer: '/paths/~1a/get/parameters/1/name' }, { pointer: '/paths/~1a/get/parameters/2/name' }],
    fixed:
      'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - name: a\n          in: query\n        - name: a\n          in: query\n          description: A\n',
  },
  {
    name: 'one name in two places, or in the path item and the operation, is fine',
    text: '{"openapi":"3.0.0","paths":{"/a":{"parameters":[{"name":"id","in":"query"}],"get":{"parameters":[{"name":"id","in":"query"},{"name":"id","in":"header"}]}}}}',
    expect: [],
  },
];
