import type { RuleCase } from '../rule';

/** requiredEmpty's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // A PSA vendor's spec: response models generated with required: [].
    name: 'empty flow list in 3.0, comment on the next member kept (YAML)',
    text: 'openapi: 3.0.1\ncomponents:\n  schemas:\n    Ticket:\n      type: object\n      required: []\n      properties: # what a ticket holds\n        id: {type: integer}\n',
    expect: [{ pointer: '/components/schemas/Ticket/required', message: /required is an empty list, which OpenAPI 3.0 does not allow/, fixable: true }],
    fixed: 'openapi: 3.0.1\ncomponents:\n  schemas:\n    Ticket:\n      type: object\n      properties: # what a ticket holds\n        id: {type: integer}\n',
  },
  {
    name: 'last member of a nested schema (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "A": {\n        "properties": {\n          "b": {\n            "type": "object",\n            "required": []\n          }\n        }\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/schemas/A/properties/b/required' }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "A": {\n        "properties": {\n          "b": {\n            "type": "object"\n          }\n        }\n      }\n    }\n  }\n}\n',
  },
  {
    name: 'Swagger 2.0 too (JSON, one line)',
    text: '{"swagger":"2.0","definitions":{"A":{"required":[],"type":"object"}}}',
    expect: [{ pointer: '/definitions/A/required', message: /Swagger 2.0 does not allow/ }],
    fixed: '{"swagger":"2.0","definitions":{"A":{"type":"object"}}}',
  },
  {
    name: 'allowed in OpenAPI 3.1',
    text: 'openapi: 3.1.0\ncomponents:\n  schemas:\n    A: {required: []}\n',
    expect: [],
  },
  {
    name: 'a property named required is a name, not a keyword; a non-empty list is fine (3.0)',
    text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"name":"q","in":"query","required":true,"schema":{"type":"string"}}]}}},"components":{"schemas":{"A":{"required":["required"],"properties":{"required":{"type":"array","items":{}}}}}}}',
    expect: [],
  },
];
