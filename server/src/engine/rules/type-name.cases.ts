import type { RuleCase } from '../rule';

/** typeName's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'int (YAML)',
    text: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      properties:\n        count:\n          type: int # how many\n',
    expect: [{ pointer: '/components/schemas/A/properties/count/type', message: /"int" is not a JSON Schema type.*It should be integer\./, fixable: true }],
    fixed: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      properties:\n        count:\n          type: integer # how many\n',
  },
  {
    name: 'datetime becomes string with format date-time (JSON)',
    text: '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "A": {\n        "type": "datetime"\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/schemas/A/type', message: /It should be string with format: date-time/ }],
    fixed:
      '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "A": {\n        "format": "date-time",\n        "type": "string"\n      }\n    }\n  }\n}\n',
  },
  {
    name: "a format already given is kept; a Swagger 2.0 parameter's type counts too",
    text: 'swagger: "2.0"\npaths:\n  /a:\n    get:\n      parameters:\n        - name: since\n          in: query\n          type: DateTime\n          format: date\n',
    expect: [{ pointer: '/paths/~1a/get/parameters/0/type', message: /It should be string\./ }],
    fixed:
      'swagger: "2.0"\npaths:\n  /a:\n    get:\n      parameters:\n        - name: since\n          in: query\n          type: string\n          format: date\n',
  },
  {
    name: 'wrong case (YAML flow)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {type: String}\n',
    expect: [{ pointer: '/components/schemas/A/type' }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {type: string}\n',
  },
  {
    name: 'unknown names and null in 3.0 need a person; security schemes are not schemas',
    text: '{"openapi":"3.0.0","components":{"securitySchemes":{"k":{"type":"apiKey"},"b":{"type":"bearer"}},"schemas":{"A":{"type":"whatever"},"B":{"type":"null"}}}}',
    expect: [
      { pointer: '/components/schemas/A/type', message: /needs a person/, fixable: false },
      { pointer: '/components/schemas/B/type', message: /nullable: true/, fixable: false },
    ],
  },
  { name: 'valid names: null in 3.1', text: 'openapi: 3.1.0\ncomponents:\n  schemas:\n    A: {type: "null"}\n    B: {type: integer}\n', expect: [] },
  {
    name: 'valid names: file in Swagger 2.0',
    text: '{"swagger":"2.0","paths":{"/a":{"post":{"parameters":[{"name":"f","in":"formData","type":"file"}]}}}}',
    expect: [],
  },
  {
    name: 'file in OpenAPI 3 is a binary string',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Upload:\n      type: file\n',
    expect: [{ pointer: '/components/schemas/Upload/type', message: /It should be string with format: binary/ }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Upload:\n      format: binary\n      type: string\n',
  },
];
