import { toPath } from '../bundle/kinds';
import { schemasOf } from '../convert/spec-walk';
import { displayPointer, getAt } from '../pointer';
import type { FixContext, Rule } from '../rule';
import { OBJECT_VALUED, schemaKeywords } from '../schema-keywords';
import { isObject } from '../spec-index';
import type { SpecDocument } from '../parse';
import type { Fix, FixIntent, JsonPath, TextEdit } from '../types';

type Obj = Record<string, unknown>;

/**
 * A property map that is a schema written once more (`properties: {type: object, properties: {id: …}}`, four
 * places in a PSA vendor's spec): its `type` is a string, where a property named `type` would be a schema;
 * its `properties` a map of schemas; and every other member a schema keyword with a value of a keyword's
 * shape. A map with one real property among the keywords (`name: {type: string}`) is not one.
 */
export function isDoubledMap(map: unknown, version: SpecDocument['version']): map is Obj & { type: string; properties: Obj } {
  if (!isObject(map) || typeof map.type !== 'string' || !isObject(map.properties)) return false;
  if (!Object.values(map.properties).every(isObject)) return false;
  const keywords = schemaKeywords(version) ?? schemaKeywords('openapi-3.0')!;
  for (const [k, v] of Object.entries(map)) {
    if (k.startsWith('x-')) continue;
    if (!keywords.has(k) && k !== 'oneOf' && k !== 'anyOf') return false;
    if (isObject(v) && !OBJECT_VALUED.has(k)) return false;
  }
  return true;
}

/** The members of the inner schema that move up (all but its `properties`), or the one that cannot: the outer schema says otherwise. */
function lifted(outer: Obj, inner: Obj): { moves: string[]; conflict?: string } {
  const moves: string[] = [];
  for (const k of Object.keys(inner)) {
    if (k === 'properties') continue;
    if (outer[k] === undefined) moves.push(k);
    else if (JSON.stringify(outer[k]) !== JSON.stringify(inner[k])) return { moves, conflict: k };
  }
  return { moves };
}

/** The leading whitespace of the line `at` is on. */
function indentAt(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, at))![0];
}

/**
 * The text from `start` to `end` one level less indented on its later lines: the inner map's members sit
 * `extra` (spaces or tabs) deeper than the outer one's. Undefined when a line is not indented that far.
 */
function dedented(text: string, start: number, end: number, outerKey: number, innerKey: number): string | undefined {
  const lines = text.slice(start, end).split('\n');
  const outer = indentAt(text, outerKey);
  const inner = indentAt(text, innerKey);
  if (lines.length === 1) return lines[0];
  if (!inner.startsWith(outer) || inner === outer) return undefined;
  const extra = inner.slice(outer.length);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].startsWith(outer + extra)) lines[i] = outer + lines[i].slice(outer.length + extra.length);
    else if (lines[i].trim() !== '') return undefined;
  }
  return lines.join('\n');
}

function lift(ctx: FixContext, schemaPath: JsonPath): Omit<Fix, 'ruleId'> | undefined {
  const { doc, root, editor } = ctx;
  const outer = getAt(root, schemaPath);
  if (!isObject(outer) || !isDoubledMap(outer.properties, doc.version)) return undefined;
  const inner = outer.properties;
  const { moves, conflict } = lifted(outer, inner);
  if (conflict) return undefined;
  const mapPath = [...schemaPath, 'properties'];
  const [outerKey, innerKey, map, innerMap] = doc.locate([
    { path: mapPath, target: 'key' },
    { path: [...mapPath, 'properties'], target: 'key' },
    { path: mapPath, target: 'value' },
    { path: [...mapPath, 'properties'], target: 'value' },
  ]);
  const text = dedented(doc.text, innerMap.start, innerMap.end, outerKey.start, innerKey.start);
  if (text === undefined) return undefined;
  const edits: Array<TextEdit | undefined> = [{ start: map.start, end: map.end, newText: text }];
  const intent: FixIntent[] = [{ op: 'set', path: mapPath, value: inner.properties }];
  for (const k of moves) {
    edits.push(editor.insertMember(schemaPath, k, inner[k], 'start'));
    intent.push({ op: 'set', path: [...schemaPath, k], value: inner[k] });
  }
  if (edits.some((e) => !e)) return undefined;
  return {
    title: `Lift the schema written twice in ${displayPointer(mapPath)} up one level${moves.length ? ` (with its ${moves.join(', ')})` : ''}`,
    edits: edits as TextEdit[],
    intent,
  };
}

export const schemaDoubled: Rule = {
  id: 'schema-doubled',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'A property map that holds a schema written once more (`properties: {type: object, properties: {…}}`): its properties are lifted up one level.',
  severity: 'error',
  fixAll: true,
  check({ doc, root, report }) {
    for (const { schema, at } of schemasOf(root)) {
      if (!isDoubledMap(schema.properties, doc.version)) continue;
      const path = toPath(at);
      const inner = schema.properties;
      const { conflict } = lifted(schema, inner);
      const names = Object.keys(inner.properties);
      const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
      report({
        path: [...path, 'properties', 'type'],
        target: 'key',
        message: `${displayPointer([...path, 'properties'])} is a schema written twice: its "type" is ${JSON.stringify(inner.type)} and its "properties" (${shown || 'none'}) are the real ones, so an importer reads "type" and "properties" as two properties that are not schemas and rejects the document. ${
          conflict
            ? `Lift the inner schema up one level by hand: its ${conflict} differs from the outer schema's (no automatic fix).`
            : 'Lift the inner schema up one level.'
        }`,
        data: { schemaPath: path },
        fixable: !conflict,
      });
    }
  },
  fix({ data }, ctx) {
    const schemaPath = data?.schemaPath;
    return Array.isArray(schemaPath) ? lift(ctx, schemaPath as JsonPath) : undefined;
  },
};
