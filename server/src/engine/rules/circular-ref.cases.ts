import type { RuleCase } from '../rule';

/** circularRef's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: "Rewst's example: an array whose items refer to its own schema (YAML)",
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Folder:\n      type: array\n      items:\n        $ref: "#/components/schemas/Folder"\n',
    expect: [{ pointer: '/components/schemas/Folder/items/$ref', message: /#\/components\/schemas\/Folder → #\/components\/schemas\/Folder/ }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Folder:\n      type: array\n      items: {}\n',
  },
  {
    name: 'chain A → B → A (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"b":{"$ref":"#/components/schemas/B"}}},"B":{"properties":{"a":{"$ref":"#/components/schemas/A","description":"back"}}}}}}',
    expect: [
      { pointer: '/components/schemas/A/properties/b/$ref', message: /A → #\/components\/schemas\/B → #\/components\/schemas\/A/ },
      { pointer: '/components/schemas/B/properties/a/$ref' },
    ],
    fixed:
      '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"b":{}}},"B":{"properties":{"a":{"$ref":"#/components/schemas/A","description":"back"}}}}}}',
  },
  {
    name: 'Swagger 2.0 definitions and an inline schema',
    text: 'swagger: "2.0"\ndefinitions:\n  Node:\n    properties:\n      children:\n        type: array\n        items:\n          $ref: "#/definitions/Node"\n          description: a child\n',
    expect: [{ pointer: '/definitions/Node/properties/children/items/$ref' }],
    fixed: 'swagger: "2.0"\ndefinitions:\n  Node:\n    properties:\n      children:\n        type: array\n        items:\n          description: a child\n',
  },
  {
    name: 'shared but acyclic refs are fine',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"b":{"$ref":"#/components/schemas/B"},"c":{"$ref":"#/components/schemas/B"}}},"B":{"type":"string"}}}}',
    expect: [],
  },
];
