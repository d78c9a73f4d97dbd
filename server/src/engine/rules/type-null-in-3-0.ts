import type { Rule } from '../rule';
import { inSecurityScheme, isObject } from '../spec-index';
import { getAt } from '../pointer';
import type { StructuralEditor } from '../structural-editor';
import type { Fix, FixIntent, JsonPath, TextEdit } from '../types';

const TYPES_3_0 = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

/** `type: "null"`: the type goes, nullable: true comes (placed first, so the edits never touch). */
function onlyNull(schemaPath: JsonPath | undefined, editor: StructuralEditor, root: Record<string, unknown>): Omit<Fix, 'ruleId'> | undefined {
  const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
  if (!isObject(schema) || schema.type === undefined) return undefined;
  const edits = [
    editor.removeMember(schemaPath!, 'type'),
    'nullable' in schema ? editor.replaceValue([...schemaPath!, 'nullable'], true) : editor.insertMember(schemaPath!, 'nullable', true, 'start'),
  ];
  if (edits.some((e) => !e)) return undefined;
  return {
    title: 'Remove type "null" and write nullable: true',
    edits: edits as TextEdit[],
    intent: [
      { op: 'delete', path: [...schemaPath!, 'type'] },
      { op: 'set', path: [...schemaPath!, 'nullable'], value: true },
    ],
  };
}

export const typeNullIn30: Rule = {
  id: 'type-null-in-3-0',
  rewstError: 'Imported Swagger file throws red error messages',
  description:
    'In OpenAPI 3.0 a schema\'s type is one name: a list such as ["string", "null"] is OpenAPI 3.1; 3.0 says "string" with nullable: true, and type "null" alone is nullable: true without a type.',
  severity: 'error',
  fixAll: true,
  check({ doc, index, report }) {
    if (doc.version !== 'openapi-3.0') return;
    for (const { path, type, schema } of index.oddTypes) {
      if (inSecurityScheme(path)) continue;
      if (type === 'null' || (Array.isArray(type) && type.length > 0 && type.every((t) => t === 'null'))) {
        // Only null: no real type to name, so the schema says nothing but that null is allowed.
        report({
          path: [...path, 'type'],
          target: 'value',
          message: `type ${JSON.stringify(type)} is not an OpenAPI 3.0 type (null is a type in 3.1 only): an importer that validates the document rejects it. Remove type and write nullable: true.`,
          data: { schemaPath: path, onlyNull: true },
        });
        continue;
      }
      if (!Array.isArray(type)) continue;
      const names = type.filter((t): t is string => typeof t === 'string');
      const real = [...new Set(names.filter((t) => t !== 'null'))];
      const nullable = names.includes('null');
      const shown = JSON.stringify(type).slice(0, 120);
      const fixable = real.length === 1 && TYPES_3_0.has(real[0]) && names.length === type.length;
      const advice = fixable
        ? `Write type: ${real[0]}${nullable ? ' with nullable: true' : ''}.`
        : real.length > 1
          ? 'A schema that takes several types needs anyOf with one type each (no automatic fix).'
          : 'It needs a real type name (no automatic fix).';
      report({
        path: [...path, 'type'],
        target: 'value',
        message: `type is a list (${shown}), which OpenAPI 3.0 does not allow (lists of types are OpenAPI 3.1): an importer that validates the document rejects it. ${advice}`,
        // The type only when the fix applies: a finding that needs a person carries nothing to fix with.
        data: { schemaPath: path, type: fixable ? real[0] : undefined, nullable: nullable && schema.nullable !== true },
        fixable,
      });
    }
  },
  fix({ data }, { editor, root }) {
    const schemaPath = data?.schemaPath as Array<string | number> | undefined;
    if (data?.onlyNull) return onlyNull(schemaPath, editor, root);
    const type = String(data?.type);
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || !Array.isArray(schema.type) || !TYPES_3_0.has(type)) return undefined;
    const edits: Array<TextEdit | undefined> = [editor.replaceValue([...schemaPath!, 'type'], type)];
    const intent: FixIntent[] = [{ op: 'set', path: [...schemaPath!, 'type'], value: type }];
    if (data?.nullable) {
      // Before `type`, so the two edits never touch: `type`'s value may run to the end of its member.
      edits.push('nullable' in schema ? editor.replaceValue([...schemaPath!, 'nullable'], true) : editor.insertMember(schemaPath!, 'nullable', true, 'start'));
      intent.push({ op: 'set', path: [...schemaPath!, 'nullable'], value: true });
    }
    if (edits.some((e) => !e)) return undefined;
    return { title: `Make type ${type}${data?.nullable ? ' with nullable: true' : ''}`, edits: edits as TextEdit[], intent };
  },
};
