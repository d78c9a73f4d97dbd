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
    name: "unknown names need a person; null in 3.0 is type-null-in-3-0's; security schemes are not schemas",
    text: '{"openapi":"3.0.0","components":{"securitySchemes":{"k":{"type":"apiKey"},"b":{"type":"bearer"}},"schemas":{"A":{"type":"whatever"},"B":{"type":"null"}}}}',
    expect: [{ pointer: '/components/schemas/A/type', message: /needs a person/, fixable: false }],
  },
  {
    name: 'null in Swagger 2.0 needs a person',
    text: '{"swagger":"2.0","definitions":{"B":{"type":"null"}}}',
    expect: [{ pointer: '/definitions/B/type', message: /Swagger 2.0 has no null type/, fixable: false }],
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
  // Generic type names from the vendor's code (a PSA vendor's C#-generated spec: List<int>, IEnumerable<string>, Dictionary<string,int>).
  {
    name: 'List<int> is an array of integers, the comment kept (YAML)',
    text: 'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      properties:\n        ids:\n          type: List<int> # the ticket ids\n          description: ids\n',
    expect: [
      {
        pointer: '/components/schemas/A/properties/ids/type',
        message: /"List<int>" is not a JSON Schema type.*It should be array of integer\./,
        fixable: true,
      },
    ],
    fixed:
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      properties:\n        ids:\n          items:\n            type: integer\n          type: array # the ticket ids\n          description: ids\n',
  },
  {
    name: 'Dictionary<string,long> is an object whose values are int64 integers (JSON)',
    text: '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "Counts": {\n        "type": "Dictionary<string,long>"\n      }\n    }\n  }\n}\n',
    expect: [{ pointer: '/components/schemas/Counts/type', message: /It should be object with additionalProperties: integer with format: int64\./ }],
    fixed:
      '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "Counts": {\n        "additionalProperties": {\n          "type": "integer",\n          "format": "int64"\n        },\n        "type": "object"\n      }\n    }\n  }\n}\n',
  },
  {
    name: 'IEnumerable<string> with items already given keeps them (JSON, one line)',
    text: '{"openapi":"3.0.1","paths":{},"components":{"schemas":{"Tags":{"type":"IEnumerable<string>","items":{"type":"string","maxLength":20}}}}}',
    expect: [{ pointer: '/components/schemas/Tags/type', message: /It should be array\./ }],
    fixed: '{"openapi":"3.0.1","paths":{},"components":{"schemas":{"Tags":{"type":"array","items":{"type":"string","maxLength":20}}}}}',
  },
  {
    name: "a generic of a schema's name takes a $ref to it; of a name the document lacks, no fix (YAML)",
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Ticket: {type: object}\n    Tickets:\n      type: List<Ticket>\n    Notes:\n      type: ICollection<Note>\n',
    expect: [
      { pointer: '/components/schemas/Tickets/type', message: /It should be array of #\/components\/schemas\/Ticket\./, fixable: true },
      { pointer: '/components/schemas/Notes/type', message: /an array of "Note", which names no schema in this document/, fixable: false },
    ],
    fixed:
      'openapi: 3.0.0\ncomponents:\n  schemas:\n    Ticket: {type: object}\n    Tickets:\n      items:\n        $ref: "#/components/schemas/Ticket"\n      type: array\n    Notes:\n      type: ICollection<Note>\n',
  },
  {
    name: 'nested generics, C# nullable and array suffix in a Swagger 2.0 body (YAML flow)',
    text: 'swagger: "2.0"\ndefinitions:\n  A:\n    properties:\n      grid: {type: "List<List<double>>"}\n      age: {type: "int?"}\n      names: {type: "string[]"}\n',
    expect: [
      { pointer: '/definitions/A/properties/grid/type', message: /It should be array of array of number with format: double\./ },
      { pointer: '/definitions/A/properties/age/type', message: /It should be integer\./ },
      { pointer: '/definitions/A/properties/names/type', message: /It should be array of string\./ },
    ],
    fixed:
      'swagger: "2.0"\ndefinitions:\n  A:\n    properties:\n      grid: {items: {type: array, items: {type: number, format: double}}, type: "array"}\n      age: {type: "int?"}\n      names: {type: "string[]"}\n',
  },
  {
    name: 'brackets that do not balance, and unknown containers, need a person',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"type":"List<int"},"B":{"type":"Tuple<int,int>"}}}}',
    expect: [
      { pointer: '/components/schemas/A/type', fixable: false },
      { pointer: '/components/schemas/B/type', fixable: false },
    ],
  },
  {
    name: 'a Swagger 2.0 query parameter: List<int> becomes an array of integers, Dictionary<string,int> needs a person (YAML)',
    text: 'swagger: "2.0"\npaths:\n  /a:\n    get:\n      parameters:\n        - name: ids\n          in: query\n          type: List<int> # comma separated\n        - name: filter\n          in: query\n          type: Dictionary<string,int>\n',
    expect: [
      { pointer: '/paths/~1a/get/parameters/0/type', message: /It should be array of integer\./ },
      { pointer: '/paths/~1a/get/parameters/1/type', message: /which a Swagger 2.0 parameter or header cannot be/, fixable: false },
    ],
    fixed:
      'swagger: "2.0"\npaths:\n  /a:\n    get:\n      parameters:\n        - items:\n            type: integer\n          name: ids\n          in: query\n          type: array # comma separated\n        - name: filter\n          in: query\n          type: Dictionary<string,int>\n',
  },
];
