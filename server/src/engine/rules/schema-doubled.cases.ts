import type { RuleCase } from '../rule';

/** schemaDoubled's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // A PSA vendor's spec, four places: a property map holding type: object and the real properties.
    name: 'block map: the inner properties lifted, re-indented, comments in them kept (YAML)',
    text: 'openapi: 3.0.1\ncomponents:\n  schemas:\n    Ticket:\n      type: object\n      properties:\n        type: object\n        properties:\n          id:\n            type: integer # the ticket number\n          subject:\n            type: string\n      description: a ticket\n',
    expect: [
      {
        pointer: '/components/schemas/Ticket/properties/type',
        message: /\/components\/schemas\/Ticket\/properties is a schema written twice: its "type" is "object" and its "properties" \(id, subject\)/,
        fixable: true,
      },
    ],
    fixed:
      'openapi: 3.0.1\ncomponents:\n  schemas:\n    Ticket:\n      type: object\n      properties:\n        id:\n          type: integer # the ticket number\n        subject:\n          type: string\n      description: a ticket\n',
  },
  {
    name: 'pretty JSON, with a required list that moves up',
    text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "A": {\n        "properties": {\n          "type": "object",\n          "required": [\n            "id"\n          ],\n          "properties": {\n            "id": {\n              "type": "integer"\n            }\n          }\n        }\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/schemas/A/properties/type' }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "A": {\n        "type": "object",\n        "required": [\n          "id"\n        ],\n        "properties": {\n          "id": {\n            "type": "integer"\n          }\n        }\n      }\n    }\n  }\n}\n',
  },
  {
    name: 'flow map inside a property, Swagger 2.0 (YAML)',
    text: 'swagger: "2.0"\ndefinitions:\n  A:\n    type: object\n    properties:\n      owner:\n        type: object\n        properties: {type: object, properties: {name: {type: string}}}\n',
    expect: [{ pointer: '/definitions/A/properties/owner/properties/type' }],
    fixed:
      'swagger: "2.0"\ndefinitions:\n  A:\n    type: object\n    properties:\n      owner:\n        type: object\n        properties: {name: {type: string}}\n',
  },
  {
    name: 'the outer schema says otherwise (type array): said so, no fix (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"type":"array","properties":{"type":"object","properties":{"id":{}}}}}}}',
    expect: [{ pointer: '/components/schemas/A/properties/type', message: /its type differs from the outer schema's \(no automatic fix\)/, fixable: false }],
  },
  // Misleading shapes: real properties named type and properties.
  {
    name: 'a real property named type, and one named properties, are schemas: not doubled (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      properties:\n        type: {type: string}\n        properties:\n          type: object\n          properties:\n            color: {type: string}\n',
    expect: [],
  },
  {
    name: 'a map with a real property among the keywords is not doubled; properties that are not a map neither (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"type":"object","properties":{"id":{}},"name":{"type":"string"}}},"B":{"properties":{"type":"object","properties":"x"}},"C":{"properties":{"type":"object","description":{"type":"string"},"properties":{"a":{}}}}}}}',
    expect: [],
  },
  {
    name: 'examples and extensions are not schemas',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"example":{"properties":{"type":"object","properties":{"id":{}}}},"x-doc":{"properties":{"type":"object","properties":{"id":{}}}}}}}}',
    expect: [],
  },
  {
    name: 'JSON indented with tabs, CRLF line ends',
    text: '{\r\n\t"openapi": "3.0.0",\r\n\t"components": {\r\n\t\t"schemas": {\r\n\t\t\t"A": {\r\n\t\t\t\t"properties": {\r\n\t\t\t\t\t"type": "object",\r\n\t\t\t\t\t"properties": {\r\n\t\t\t\t\t\t"id": {}\r\n\t\t\t\t\t}\r\n\t\t\t\t}\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n',
    expect: [{ pointer: '/components/schemas/A/properties/type' }],
    fixed:
      '{\r\n\t"openapi": "3.0.0",\r\n\t"components": {\r\n\t\t"schemas": {\r\n\t\t\t"A": {\r\n\t\t\t\t"type": "object",\r\n\t\t\t\t"properties": {\r\n\t\t\t\t\t"id": {}\r\n\t\t\t\t}\r\n\t\t\t}\r\n\t\t}\r\n\t}\r\n}\r\n',
  },
];
