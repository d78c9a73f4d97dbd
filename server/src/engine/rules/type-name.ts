import type { Rule } from '../rule';
import { getAt } from '../pointer';
import { inSecurityScheme, isObject } from '../spec-index';
import { encodeSegment } from '../navigation/sections';
import { schemaOf, typeMeaning, type TypeMeaning } from '../schema-type';
import type { FixIntent, JsonPath, TextEdit } from '../types';

/** Swagger 2.0's file upload, as OpenAPI 3 says it. */
const FILE_IN_3: TypeMeaning = { type: 'string', format: 'binary' };

/** A `$ref` to the schema a generic's argument names (`List<Customer>`), when the document has one of that name. */
function refFor(root: Record<string, unknown>): (name: string) => string | undefined {
  const swagger = 'swagger' in root;
  const map = swagger ? root.definitions : isObject(root.components) ? root.components.schemas : undefined;
  const base = swagger ? '#/definitions/' : '#/components/schemas/';
  return (name) => (isObject(map) && isObject(map[name]) ? base + encodeSegment(name) : undefined);
}

/** `integer`, `string with format: date-time`, `array of integer`, `object with additionalProperties: integer`. */
function said(schema: Record<string, unknown>): string {
  const format = typeof schema.format === 'string' ? ` with format: ${schema.format}` : '';
  const items = isObject(schema.items) ? schema.items : undefined;
  const values = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  const inner = (s: Record<string, unknown>) => (typeof s.$ref === 'string' ? s.$ref : said(s));
  if (items) return `array of ${inner(items)}`;
  if (values) return `object with additionalProperties: ${inner(values)}`;
  return String(schema.type) + format;
}

/** What the fix writes: the type, and the format, items or additionalProperties the schema does not already have. */
function wanted(root: Record<string, unknown>, schema: Record<string, unknown>, meaning: TypeMeaning): Record<string, unknown> | undefined {
  const full = schemaOf(meaning, refFor(root));
  if (!full) return undefined;
  const out: Record<string, unknown> = { type: full.type };
  for (const k of ['format', 'items', 'additionalProperties']) if (full[k] !== undefined && schema[k] === undefined) out[k] = full[k];
  return out;
}

export const typeName: Rule = {
  id: 'type-name',
  rewstError: 'Imported Swagger file throws red error messages',
  description: "A schema's type must be a JSON Schema type name (string, number, integer, boolean, array, object).",
  severity: 'error',
  fixAll: true,
  check({ doc, root, index, report }) {
    for (const { path, type, schema } of index.oddTypes) {
      if (typeof type !== 'string' || inSecurityScheme(path)) continue;
      // `null` is a type in 3.1 (type-null-in-3-0 says what it means in 3.0); `file` in 2.0.
      if ((type === 'null' && doc.version !== 'swagger-2.0') || (type === 'file' && doc.version === 'swagger-2.0')) continue;
      const meaning = type === 'file' ? FILE_IN_3 : typeMeaning(type);
      const shown = type.length > 60 ? type.slice(0, 60) + '…' : type;
      let want = meaning ? wanted(root, schema, meaning) : undefined;
      // A Swagger 2.0 parameter, header or their items is no schema: no object, no $ref there.
      const plain = doc.version === 'swagger-2.0' && path[0] !== 'definitions' && !path.includes('schema');
      const unfit = plain && want !== undefined && (want.type === 'object' || JSON.stringify(want).includes('"$ref"'));
      if (unfit) want = undefined;
      const advice = want
        ? `It should be ${said(want)}.`
        : unfit
          ? `It means ${meaning!.type === 'array' ? 'an array of schemas' : 'an object'}, which a Swagger 2.0 parameter or header cannot be (no automatic fix).`
          : meaning?.named !== undefined
            ? `It means ${meaning.type === 'array' ? 'an array' : 'an object'} of "${meaning.named}", which names no schema in this document (no automatic fix).`
            : type === 'null'
              ? 'Swagger 2.0 has no null type: use the real type (no automatic fix).'
              : 'The type it means needs a person (no automatic fix).';
      report({
        path: [...path, 'type'],
        target: 'value',
        message: `"${shown}" is not a JSON Schema type (string, number, integer, boolean, array, object): an importer that validates the document rejects it. ${advice}`,
        data: { schemaPath: path, want },
        fixable: Boolean(want),
      });
    }
  },
  fix({ data }, { editor, root }) {
    const schemaPath = data?.schemaPath as JsonPath | undefined;
    const want = data?.want;
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || !isObject(want) || typeof want.type !== 'string' || typeof schema.type !== 'string') return undefined;
    const edits: Array<TextEdit | undefined> = [editor.replaceValue([...schemaPath!, 'type'], want.type)];
    const intent: FixIntent[] = [{ op: 'set', path: [...schemaPath!, 'type'], value: want.type }];
    for (const key of ['format', 'items', 'additionalProperties']) {
      if (want[key] === undefined || schema[key] !== undefined) continue;
      // Before `type`, so the edits never touch.
      edits.push(editor.insertMember(schemaPath!, key, want[key], 'start'));
      intent.push({ op: 'set', path: [...schemaPath!, key], value: want[key] });
    }
    if (edits.some((e) => !e)) return undefined;
    return { title: `Change type "${schema.type}" to ${said(want)}`, edits: edits as TextEdit[], intent };
  },
};
