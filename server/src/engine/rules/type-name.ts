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
};

/** The JSON Schema type (and format) a type name people write means without doubt (`int`, `bool`, `DateTime`), or undefined. */
export function typeMeaning(name: string): { type: string; format?: string } | undefined {
  return Object.prototype.hasOwnProperty.call(MEANING, name.toLowerCase()) ? MEANING[name.toLowerCase()] : undefined;
}
