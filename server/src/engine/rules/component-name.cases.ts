import type { RuleCase } from '../rule';

/** componentName's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // An RMM vendor's spec: schemas named after generic classes.
    name: 'a generic class name, and every $ref to it, comments kept (YAML)',
    text: 'openapi: 3.0.3\npaths:\n  /devices:\n    get:\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: "#/components/schemas/Page%3CDevice%3E" # one page\ncomponents:\n  schemas:\n    Page<Device>: # a page of devices\n      type: object\n      properties:\n        next: {$ref: "#/components/schemas/Page%3CDevice%3E/properties/items"}\n        items: {type: array}\n',
    expect: [
      {
        pointer: '/components/schemas/Page<Device>',
        message:
          /The component name "Page<Device>" in \/components\/schemas has characters OpenAPI 3 does not allow.*Rename it Page_Device, with every \$ref to it\./,
        fixable: true,
      },
    ],
    fixed:
      'openapi: 3.0.3\npaths:\n  /devices:\n    get:\n      responses:\n        "200":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: "#/components/schemas/Page_Device" # one page\ncomponents:\n  schemas:\n    Page_Device: # a page of devices\n      type: object\n      properties:\n        next: {$ref: "#/components/schemas/Page_Device/properties/items"}\n        items: {type: array}\n',
  },
  {
    name: 'a name with a space, the clean name taken: a suffix (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "parameters": {\n      "Page Size": {\n        "name": "size",\n        "in": "query"\n      },\n      "Page_Size": {\n        "name": "page_size",\n        "in": "query"\n      }\n    }\n  },\n  "paths": {\n    "/a": {\n      "get": {\n        "parameters": [\n          {\n            "$ref": "#/components/parameters/Page Size"\n          }\n        ]\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/parameters/Page Size' }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "components": {\n    "parameters": {\n      "Page_Size_2": {\n        "name": "size",\n        "in": "query"\n      },\n      "Page_Size": {\n        "name": "page_size",\n        "in": "query"\n      }\n    }\n  },\n  "paths": {\n    "/a": {\n      "get": {\n        "parameters": [\n          {\n            "$ref": "#/components/parameters/Page_Size_2"\n          }\n        ]\n      }\n    }\n  }\n}\n',
  },
  {
    name: 'accents and brackets in one line of JSON; no $ref to it',
    text: '{"openapi":"3.1.0","components":{"schemas":{"Café[]":{"type":"string"}}}}',
    expect: [{ pointer: '/components/schemas/Café[]', message: /Rename it Cafe,/ }],
    fixed: '{"openapi":"3.1.0","components":{"schemas":{"Cafe":{"type":"string"}}}}',
  },
  {
    name: 'two names that clean to one get two names in fix-all (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A B: {type: string}\n    A/B:\n      $ref: "#/components/schemas/A%20B"\n',
    expect: [{ pointer: '/components/schemas/A B' }, { pointer: '/components/schemas/A~1B' }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A_B: {type: string}\n    A/B:\n      $ref: "#/components/schemas/A_B"\n',
  },
  {
    name: 'a security scheme is named by key in requirements: said so, no fix; good names and Swagger 2.0 are not checked',
    text: '{"openapi":"3.0.0","security":[{"api key":[]}],"components":{"securitySchemes":{"api key":{"type":"apiKey","name":"k","in":"header"}},"schemas":{"Ok.Name-1_x":{}}}}',
    expect: [{ pointer: '/components/securitySchemes/api key', message: /rename it there too, by hand/, fixable: false }],
  },
  { name: 'Swagger 2.0 names are free', text: '{"swagger":"2.0","definitions":{"Page<Device>":{}}}', expect: [] },
  {
    name: 'discriminator mapping values, by name and by reference, are renamed too (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      discriminator:\n        propertyName: kind\n        mapping:\n          cat: Cat Model # by name\n          dog: "#/components/schemas/Cat%20Model"\n    Cat Model: {type: object}\n',
    expect: [{ pointer: '/components/schemas/Cat Model' }],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      discriminator:\n        propertyName: kind\n        mapping:\n          cat: Cat_Model # by name\n          dog: "#/components/schemas/Cat_Model"\n    Cat_Model: {type: object}\n',
  },
];
