import type { Rule } from '../rule';
import { getAt } from '../pointer';
import { inSecurityScheme, isObject } from '../spec-index';
import type { FixIntent, TextEdit } from '../types';

/** Type names people write that mean one JSON Schema type (and format) without doubt; keys are lower case. */
const MEANING: Readonly<Record<string, { type: string; format?: string }>> = {
  int: { type: 'integer' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  long: { type: 'integer', format: 'int64' },
  short: { type: 'integer' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  decimal: { type: 'number' },
  bool: { type: 'boolean' },
  str: { type: 'string' },
  text: { type: 'string' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  timestamp: { type: 'string', format: 'date-time' },
  uuid: { type: 'string', format: 'uuid' },
  guid: { type: 'string', format: 'uuid' },
  email: { type: 'string', format: 'email' },
  uri: { type: 'string', format: 'uri' },
  url: { type: 'string', format: 'uri' },
  binary: { type: 'string', format: 'binary' },
  list: { type: 'array' },
  dict: { type: 'object' },
  map: { type: 'object' },
  // Right names in the wrong case (String, Integer, OBJECT).
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  array: { type: 'array' },
  object: { type: 'object' },
};

/** Swagger 2.0's file upload, as OpenAPI 3 says it. */
const FILE_IN_3 = { type: 'string', format: 'binary' };

export const typeName: Rule = {
  id: 'type-name',
  rewstError: 'Imported Swagger file throws red error messages',
  description: "A schema's type must be a JSON Schema type name (string, number, integer, boolean, array, object).",
  severity: 'error',
  fixAll: true,
  check({ doc, index, report }) {
    for (const { path, type, schema } of index.oddTypes) {
      if (typeof type !== 'string' || inSecurityScheme(path)) continue;
      // `null` is a type in 3.1 (in 3.0 it is nullable: true on a real type, which only a person can name); `file` in 2.0.
      if ((type === 'null' && doc.version === 'openapi-3.1') || (type === 'file' && doc.version === 'swagger-2.0')) continue;
      const meaning = type === 'file' ? FILE_IN_3 : MEANING[type.toLowerCase()];
      const shown = type.length > 60 ? type.slice(0, 60) + '…' : type;
      const format = meaning?.format && schema.format === undefined ? meaning.format : undefined;
      const advice = meaning
        ? `It should be ${meaning.type}${format ? ` with format: ${format}` : ''}.`
        : type === 'null'
          ? 'OpenAPI 3.0 has no null type: use the real type with nullable: true (no automatic fix).'
          : 'The type it means needs a person (no automatic fix).';
      report({
        path: [...path, 'type'],
        target: 'value',
        message: `"${shown}" is not a JSON Schema type (string, number, integer, boolean, array, object): an importer that validates the document rejects it. ${advice}`,
        data: { schemaPath: path, type: meaning?.type, format },
        fixable: Boolean(meaning),
      });
    }
  },
  fix({ data }, { editor, root }) {
    const schemaPath = data?.schemaPath as Array<string | number> | undefined;
    const type = data?.type;
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || typeof type !== 'string' || typeof schema.type !== 'string') return undefined;
    const format = typeof data?.format === 'string' && schema.format === undefined ? data.format : undefined;
    const edits: Array<TextEdit | undefined> = [editor.replaceValue([...schemaPath!, 'type'], type)];
    const intent: FixIntent[] = [{ op: 'set', path: [...schemaPath!, 'type'], value: type }];
    if (format) {
      // Before `type`, so the two edits never touch.
      edits.push(editor.insertMember(schemaPath!, 'format', format, 'start'));
      intent.push({ op: 'set', path: [...schemaPath!, 'format'], value: format });
    }
    if (edits.some((e) => !e)) return undefined;
    return { title: `Change type "${schema.type}" to ${type}${format ? ` with format: ${format}` : ''}`, edits: edits as TextEdit[], intent };
  },
  cases: [
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
  ],
};
