import type { RuleCase } from '../rule';

/** schemaKeywordUnknown's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // A CRM vendor's spec: "version": 2 in 31 schemas.
    name: 'version in a component schema, comment kept (YAML)',
    text: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    Contact:\n      type: object\n      version: 2 # API version of the model\n      properties:\n        version: {type: string}\n',
    expect: [
      {
        pointer: '/components/schemas/Contact/version',
        message: /"version" is not a keyword of the OpenAPI 3.0 Schema Object: an importer that validates the document rejects it\. Rename it x-version/,
        fixable: true,
      },
    ],
    fixed:
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    Contact:\n      type: object\n      x-version: 2 # API version of the model\n      properties:\n        version: {type: string}\n',
  },
  {
    name: "in a parameter's schema and a response's items (JSON)",
    text: '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/a": {\n      "get": {\n        "parameters": [\n          {\n            "name": "q",\n            "in": "query",\n            "schema": {\n              "type": "string",\n              "const": "x"\n            }\n          }\n        ],\n        "responses": {\n          "200": {\n            "description": "OK",\n            "content": {\n              "application/json": {\n                "schema": {\n                  "type": "array",\n                  "items": {\n                    "version": 2\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}\n',
    expect: [
      { pointer: '/paths/~1a/get/parameters/0/schema/const', message: /"const" is not a keyword/ },
      { pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/items/version' },
    ],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/a": {\n      "get": {\n        "parameters": [\n          {\n            "name": "q",\n            "in": "query",\n            "schema": {\n              "type": "string",\n              "x-const": "x"\n            }\n          }\n        ],\n        "responses": {\n          "200": {\n            "description": "OK",\n            "content": {\n              "application/json": {\n                "schema": {\n                  "type": "array",\n                  "items": {\n                    "version": 2\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}\n',
  },
  {
    name: 'Swagger 2.0: nullable becomes x-nullable, its usual extension (JSON, one line)',
    text: '{"swagger":"2.0","definitions":{"A":{"type":"string","nullable":true}},"paths":{"/a":{"post":{"parameters":[{"name":"b","in":"body","schema":{"type":"object","oneOf":[]}}],"responses":{"200":{"description":"OK","schema":{"type":"object","deprecated":true}}}}}}}',
    expect: [
      { pointer: '/definitions/A/nullable', message: /not a keyword of the Swagger 2.0 Schema Object/ },
      { pointer: '/paths/~1a/post/parameters/0/schema/oneOf' },
      { pointer: '/paths/~1a/post/responses/200/schema/deprecated' },
    ],
    fixed:
      '{"swagger":"2.0","definitions":{"A":{"type":"string","x-nullable":true}},"paths":{"/a":{"post":{"parameters":[{"name":"b","in":"body","schema":{"type":"object","oneOf":[]}}],"responses":{"200":{"description":"OK","schema":{"type":"object","deprecated":true}}}}}}}',
  },
  {
    name: 'an x- of that name already there, or a $ref into the key: said so, no fix (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      version: 2\n      x-version: 3\n    B:\n      definitions:\n        C: {type: string}\n    D:\n      $ref: "#/components/schemas/B/definitions/C"\n',
    expect: [
      { pointer: '/components/schemas/A/version', message: /the schema already has one \(no automatic fix\)/, fixable: false },
      { pointer: '/components/schemas/B/definitions', message: /A \$ref points inside it/, fixable: false },
    ],
  },
  // Places that are not schemas, or keywords that are right.
  {
    name: 'names in properties, data, extensions, parameters, 3.0 $ref siblings and the schema written twice are not keywords (JSON)',
    text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"name":"v","in":"query","version":2,"schema":{"type":"integer","nullable":true,"deprecated":true,"writeOnly":false}}],"responses":{"200":{"description":"OK"}}}}},"components":{"schemas":{"A":{"properties":{"version":{"type":"string"},"id":{"$ref":"#/components/schemas/B","version":2}},"example":{"version":2},"x-meta":{"version":2}},"B":{"type":"object","properties":{"type":"object","properties":{"id":{},"name":{}}}}}}}',
    expect: [],
  },
  { name: 'OpenAPI 3.1 takes any keyword', text: 'openapi: 3.1.0\ncomponents:\n  schemas:\n    A: {type: object, version: 2, $comment: x}\n', expect: [] },
  {
    // swagger-zoo's features/swagger/path-reference.yaml: an operation kept in definitions, referenced by GET /test.
    name: 'an operation kept in definitions and referenced as one is not a schema (YAML)',
    text: "swagger: '2.0'\npaths:\n  /test:\n    get:\n      $ref: '#/definitions/GetTestRef'\ndefinitions:\n  GetTestRef:\n    produces: [application/json]\n    responses:\n      200: {description: OK}\n",
    expect: [],
  },
];
