import type { RuleCase } from '../rule';

/** parameterSchema's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'Swagger 2.0 keywords on the parameter move into a new schema (JSON)',
    text: '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/tickets": {\n      "get": {\n        "parameters": [\n          {\n            "name": "page",\n            "in": "query",\n            "type": "integer",\n            "format": "int32",\n            "description": "Page",\n            "minimum": 1\n          }\n        ]\n      }\n    }\n  }\n}',
    expect: [{ pointer: '/paths/~1tickets/get/parameters/0/type', message: /"page" \(in: query\) writes type, format, minimum on itself, Swagger 2\.0 style/ }],
    fixed:
      '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/tickets": {\n      "get": {\n        "parameters": [\n          {\n            "name": "page",\n            "in": "query",\n            "schema": {\n              "type": "integer",\n              "format": "int32",\n              "minimum": 1\n            },\n            "description": "Page"\n          }\n        ]\n      }\n    }\n  }\n}',
  },
  {
    name: 'YAML: items and collectionFormat too, the comment on name kept',
    text: 'openapi: 3.0.0\npaths:\n  /tickets:\n    get:\n      parameters:\n        - name: ids # ticket ids\n          in: query\n          type: array\n          items:\n            type: integer\n          collectionFormat: csv\n        - name: q\n          in: query\n          schema: {type: string}\n',
    expect: [{ pointer: '/paths/~1tickets/get/parameters/0/type' }],
    fixed:
      'openapi: 3.0.0\npaths:\n  /tickets:\n    get:\n      parameters:\n        - name: ids # ticket ids\n          in: query\n          schema:\n            type: array\n            items:\n              type: integer\n          style: form\n          explode: false\n        - name: q\n          in: query\n          schema: {type: string}\n',
  },
  {
    // The RMM vendor's {"name": "options.expands", "in": "query"}.
    name: 'no type at all: schema type string, said to be a guess (JSON, path-level)',
    text: '{"openapi":"3.0.1","paths":{"/devices":{"parameters":[{"name":"options.expands","in":"query"}],"get":{}}}}',
    expect: [{ pointer: '/paths/~1devices/parameters/0/name', message: /Nothing says its type: schema: \{"type":"string"\}, a guess/ }],
    fixed: '{"openapi":"3.0.1","paths":{"/devices":{"parameters":[{"name":"options.expands","in":"query","schema":{"type":"string"}}],"get":{}}}}',
  },
  {
    // C#-generated docs: "(bool) Only return tickets opened…".
    name: 'the type a description states, guessed and said so (YAML, components)',
    text: "openapi: 3.0.0\ncomponents:\n  parameters:\n    Open:\n      name: open\n      in: query\n      # from the vendor's XML docs\n      description: (bool) Only return tickets opened since the date\n    Amount:\n      name: amount\n      in: query\n      description: '(double) Least amount'\n",
    expect: [
      {
        pointer: '/components/parameters/Open/name',
        message: /states the type \("\(bool\) Only return tickets opened since the date"\): schema: \{"type":"boolean"\}, a type guessed from the description/,
      },
      { pointer: '/components/parameters/Amount/name', message: /\{"type":"number","format":"double"\}/ },
    ],
    fixed:
      "openapi: 3.0.0\ncomponents:\n  parameters:\n    Open:\n      name: open\n      in: query\n      schema:\n        type: boolean\n      # from the vendor's XML docs\n      description: (bool) Only return tickets opened since the date\n    Amount:\n      name: amount\n      in: query\n      description: '(double) Least amount'\n",
  },
  {
    name: 'format beside schema moves into it; a conflicting one is dropped, said so (YAML)',
    text: 'openapi: 3.0.0\npaths:\n  /t/{id}:\n    get:\n      parameters:\n        - name: id\n          in: path\n          required: true\n          format: int64 # the PSA writes it here\n          schema:\n            type: integer # kept\n        - name: d\n          in: query\n          format: date\n          schema: {type: string, format: date-time}\n',
    expect: [
      { pointer: '/paths/~1t~1{id}/get/parameters/0/format', message: /writes format beside its schema/ },
      { pointer: '/paths/~1t~1{id}/get/parameters/1/format', message: /already says otherwise for format \("date" here\): the schema's value stands/ },
    ],
    fixed:
      'openapi: 3.0.0\npaths:\n  /t/{id}:\n    get:\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: integer # kept\n            format: int64\n        - name: d\n          in: query\n          format: date\n          schema: {type: string, format: date-time}\n',
  },
  {
    name: 'items beside an empty schema fill it (JSON)',
    text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"in":"query","name":"tags","items":{"type":"string"},"schema":{}}]}}}}',
    expect: [{ pointer: '/paths/~1a/get/parameters/0/items' }],
    fixed: '{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"in":"query","name":"tags","schema":{"items":{"type":"string"}}}]}}}}',
  },
  {
    name: 'collectionFormat beside a schema: as style, or removed when no style says it (JSON)',
    text: '{"openapi":"3.0.0","paths":{"/a/{ids}":{"get":{"parameters":[{"name":"ids","in":"path","collectionFormat":"csv","schema":{"type":"array"}},{"name":"t","in":"query","collectionFormat":"tsv","schema":{"type":"array"}}]}}}}',
    expect: [
      { pointer: '/paths/~1a~1{ids}/get/parameters/0/collectionFormat', message: /OpenAPI 3 says it with style: simple\./ },
      { pointer: '/paths/~1a~1{ids}/get/parameters/1/collectionFormat', message: /none of this location says it, so it goes/ },
    ],
    fixed:
      '{"openapi":"3.0.0","paths":{"/a/{ids}":{"get":{"parameters":[{"name":"ids","in":"path","style":"simple","schema":{"type":"array"}},{"name":"t","in":"query","collectionFormat":"tsv","schema":{"type":"array"}}]}}}}',
  },
  {
    name: "a response header written Swagger 2.0 style (YAML, the header's comment kept)",
    text: 'openapi: 3.0.0\npaths:\n  /t:\n    get:\n      responses:\n        "200":\n          description: OK\n          headers:\n            X-Total-Count: # all pages\n              description: Items in all pages\n              type: integer\n',
    expect: [
      { pointer: '/paths/~1t/get/responses/200/headers/X-Total-Count/type', message: /The header "X-Total-Count" writes type on itself, Swagger 2\.0 style/ },
    ],
    fixed:
      'openapi: 3.0.0\npaths:\n  /t:\n    get:\n      responses:\n        "200":\n          description: OK\n          headers:\n            X-Total-Count: # all pages\n              description: Items in all pages\n              schema:\n                type: integer\n',
  },
  {
    name: 'a header of type alone is written anew; one with no type at all gets string (JSON, components)',
    text: '{"openapi":"3.0.0","components":{"headers":{"Rate":{"type":"integer","format":"int32"},"Id":{"description":"Request id"}},"responses":{"E":{"description":"e","headers":{"Retry":{"schema":{"type":"integer"}}}}}}}',
    expect: [{ pointer: '/components/headers/Rate/type' }, { pointer: '/components/headers/Id', message: /The header "Id" has neither schema nor content/ }],
    fixed:
      '{"openapi":"3.0.0","components":{"headers":{"Rate":{"schema":{"type":"integer","format":"int32"}},"Id":{"description":"Request id"}},"responses":{"E":{"description":"e","headers":{"Retry":{"schema":{"type":"integer"}}}}}}}',
  },
  {
    name: 'fine: schema, content, $ref, and Swagger 2.0 itself',
    text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"parameters":[{"name":"a","in":"query","schema":{"type":"string"}},{"name":"b","in":"query","content":{"application/json":{}}},{"$ref":"#/components/parameters/C"}]}}},"components":{"parameters":{"C":{"name":"c","in":"query","schema":{}}}}}',
    expect: [],
  },
  {
    name: 'Swagger 2.0 is not checked',
    text: 'swagger: "2.0"\npaths:\n  /a:\n    get:\n      parameters:\n        - {name: a, in: query, type: string}\n',
    expect: [],
  },
];
