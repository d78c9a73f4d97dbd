import type { RuleCase } from '../rule';

/** typeNullIn30's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'string or null (YAML flow list)',
    text: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        note:\n          type: [string, "null"]\n          maxLength: 10\n',
    expect: [
      {
        pointer: '/components/schemas/A/properties/note/type',
        message: /type is a list \(\["string","null"\]\).*Write type: string with nullable: true/,
        fixable: true,
      },
    ],
    fixed:
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        note:\n          nullable: true\n          type: string\n          maxLength: 10\n',
  },
  {
    name: 'block list, last member (YAML)',
    text: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      description: x\n      type:\n        - integer\n        - "null"\n',
    expect: [{ pointer: '/components/schemas/A/type' }],
    fixed: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      nullable: true\n      description: x\n      type: integer\n',
  },
  {
    name: 'JSON, nullable already false',
    text: '{\n  "openapi": "3.0.0",\n  "paths": {},\n  "components": {\n    "schemas": {\n      "A": {\n        "nullable": false,\n        "type": ["null", "boolean"]\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/schemas/A/type' }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "paths": {},\n  "components": {\n    "schemas": {\n      "A": {\n        "nullable": true,\n        "type": "boolean"\n      }\n    }\n  }\n}\n',
  },
  {
    name: 'one type in a list, no null (JSON)',
    text: '{"openapi":"3.0.1","components":{"schemas":{"A":{"type":["string"]}}}}',
    expect: [{ pointer: '/components/schemas/A/type', message: /Write type: string\./ }],
    fixed: '{"openapi":"3.0.1","components":{"schemas":{"A":{"type":"string"}}}}',
  },
  {
    name: 'several real types: said so, no fix',
    text: '{"openapi":"3.0.1","components":{"schemas":{"A":{"type":["string","integer"]}}}}',
    expect: [{ pointer: '/components/schemas/A/type', message: /anyOf/, fixable: false }],
  },
  {
    name: 'OpenAPI 3.1 takes lists; a property named type is not a type',
    text: 'openapi: 3.1.0\ncomponents:\n  schemas:\n    A:\n      type: [string, "null"]\n    B:\n      properties:\n        type: {type: string}\n',
    expect: [],
  },
  // type null alone (a PSA and a ticketing vendor): no real type to name, so nullable: true and no type.
  {
    name: 'type "null" alone: type removed, nullable: true, comment kept (YAML)',
    text: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      properties:\n        deletedAt:\n          description: never set # vendor says\n          type: "null"\n',
    expect: [{ pointer: '/components/schemas/A/properties/deletedAt/type', message: /type "null" is not an OpenAPI 3.0 type.*nullable: true/, fixable: true }],
    fixed:
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      properties:\n        deletedAt:\n          nullable: true\n          description: never set # vendor says\n',
  },
  {
    name: 'type ["null"] first member, nullable already false (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "A": {\n        "type": ["null"],\n        "nullable": false\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/schemas/A/type', message: /type \["null"\]/ }],
    fixed: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "A": {\n        "nullable": true\n      }\n    }\n  }\n}\n',
  },
  { name: 'type "null" in 3.1 is a type', text: '{"openapi":"3.1.0","components":{"schemas":{"A":{"type":"null"},"B":{"type":["null"]}}}}', expect: [] },
];
