import type { RuleCase } from '../rule';

/** parameterStyle's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // The ticketing vendor's `style: form` on a path parameter.
    name: 'form on a path parameter becomes simple (YAML, comment kept)',
    text: 'openapi: 3.0.0\npaths:\n  /tickets/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        style: form # as the generator wrote it\n        schema: {type: integer}\n    get: {}\n',
    expect: [
      {
        pointer: '/paths/~1tickets~1{id}/parameters/0/style',
        message: /style: form, which a path parameter cannot have \(simple, matrix, label\).*It should be simple/,
      },
    ],
    fixed:
      'openapi: 3.0.0\npaths:\n  /tickets/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        style: simple # as the generator wrote it\n        schema: {type: integer}\n    get: {}\n',
  },
  {
    name: 'simple on a query parameter, deepObject on a header (JSON, components)',
    text: '{\n  "openapi": "3.0.3",\n  "components": {\n    "parameters": {\n      "Q": {"name": "q", "in": "query", "style": "simple", "schema": {"type": "array"}},\n      "H": {"name": "X-Id", "in": "header", "style": "deepObject", "schema": {}}\n    }\n  }\n}',
    expect: [
      { pointer: '/components/parameters/Q/style', message: /It should be form/ },
      { pointer: '/components/parameters/H/style', message: /It should be simple/ },
    ],
    fixed:
      '{\n  "openapi": "3.0.3",\n  "components": {\n    "parameters": {\n      "Q": {"name": "q", "in": "query", "style": "form", "schema": {"type": "array"}},\n      "H": {"name": "X-Id", "in": "header", "style": "deepObject", "schema": {}}\n    }\n  }\n}',
  },
  {
    name: 'allowed styles are fine',
    text: '{"openapi":"3.0.0","paths":{"/a/{id}":{"get":{"parameters":[{"name":"id","in":"path","style":"label","schema":{}},{"name":"f","in":"query","style":"deepObject","schema":{}},{"name":"c","in":"cookie","style":"form","schema":{}}]}}}}',
    expect: [],
  },
];
