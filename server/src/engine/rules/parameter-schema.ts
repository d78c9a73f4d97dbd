/**
 * A parameter written Swagger 2.0 style in an OpenAPI 3 document: `type`, `format`, `items`, `enum`… on the
 * parameter itself (OpenAPI 3 puts them in `schema`), or no type at all. Without `schema` (or `content`) the
 * document is invalid; beside a `schema` the keywords are invalid too, and say something the schema may not.
 */
import { isDeepStrictEqual } from 'node:util';
import { getAt } from '../pointer';
import type { Rule } from '../rule';
import { isObject } from '../spec-index';
import type { StructuralEditor } from '../structural-editor';
import type { Fix, FixIntent, JsonPath, TextEdit } from '../types';
import { isOpenApi3, paramLabel, writtenHeaders, writtenParameters } from './parameters';
import { typeMeaning } from '../schema-type';

/** Swagger 2.0 parameter keywords that are Schema keywords in OpenAPI 3. */
const SCHEMA_KEYWORDS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
  'nullable',
];

/** Swagger 2.0's collectionFormat as OpenAPI 3's style (explode false: one value with separators), by location. */
function styleOf(collectionFormat: unknown, where: unknown): { style: string; explode?: boolean } | undefined {
  const simple = where === 'path' || where === 'header';
  if (collectionFormat === 'csv') return simple ? { style: 'simple' } : { style: 'form', explode: false };
  if (collectionFormat === 'multi' && !simple) return { style: 'form', explode: true };
  if (collectionFormat === 'ssv' && where === 'query') return { style: 'spaceDelimited', explode: false };
  if (collectionFormat === 'pipes' && where === 'query') return { style: 'pipeDelimited', explode: false };
  return undefined;
}

/** A type a description states first, as C# generated docs do: `(bool) Only return…`, `(int?)`, `(double)`. */
function typeFromDescription(description: unknown): { type: string; format?: string } | undefined {
  if (typeof description !== 'string') return undefined;
  const m = /^\s*\(\s*([A-Za-z][\w.-]*)\??\s*\)/.exec(description);
  const meaning = m ? typeMeaning(m[1].replace(/^System\./, '')) : undefined;
  return meaning && meaning.type !== 'array' && meaning.type !== 'object' ? meaning : undefined;
}

const short = (s: string) => (s.length > 50 ? s.slice(0, 50) + '…' : s);

interface Plan {
  /** Keys removed from the parameter. */
  remove: string[];
  /** The new schema, when there was none. */
  schema?: Record<string, unknown>;
  /** Members added to the schema there is. */
  add: Record<string, unknown>;
  /** Keys the schema already says otherwise (dropped). */
  conflicts: string[];
  style?: { style: string; explode?: boolean };
  guessed?: 'description' | 'default';
}

function plan(param: Record<string, unknown>, where: unknown = param.in): Plan | undefined {
  if (param.content !== undefined) return undefined;
  const moved = SCHEMA_KEYWORDS.filter((k) => k in param);
  const remove = [...moved, ...('collectionFormat' in param ? ['collectionFormat'] : [])];
  const style = param.style === undefined ? styleOf(param.collectionFormat, where) : undefined;
  const schema = param.schema;
  if (schema === undefined) {
    if (moved.length) return { remove, schema: Object.fromEntries(moved.map((k) => [k, param[k]])), add: {}, conflicts: [], style };
    const stated = typeFromDescription(param.description);
    return { remove, schema: stated ? { ...stated } : { type: 'string' }, add: {}, conflicts: [], style, guessed: stated ? 'description' : 'default' };
  }
  if (!remove.length || !isObject(schema)) return undefined;
  const add: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const k of moved) {
    // Beside a $ref the keywords would be ignored (3.0) or change the target's meaning: the schema stands.
    if (typeof schema.$ref === 'string' || (k in schema && !isDeepStrictEqual(schema[k], param[k]))) conflicts.push(k);
    else if (!(k in schema)) add[k] = param[k];
  }
  return { remove, add, conflicts, style };
}

function describe(param: Record<string, unknown>, p: Plan, who: string): string {
  const invalid = 'an importer that validates the document rejects it.';
  const moved = p.remove.filter((k) => k !== 'collectionFormat');
  if (p.schema && p.guessed === 'description')
    return `${who} has neither schema nor content ("schema or content must be present"): ${invalid} Its description states the type ("${short(String(param.description))}"): schema: ${JSON.stringify(p.schema)}, a type guessed from the description.`;
  if (p.schema && p.guessed)
    return `${who} has neither schema nor content ("schema or content must be present"): ${invalid} Nothing says its type: schema: {"type":"string"}, a guess.`;
  const cf = p.remove.includes('collectionFormat')
    ? ` Its collectionFormat is Swagger 2.0's: OpenAPI 3 says it with ${p.style ? `style: ${p.style.style}${p.style.explode === undefined ? '' : ` and explode: ${p.style.explode}`}` : 'a style, and none of this location says it, so it goes'}.`
    : '';
  if (p.schema)
    return `${who} writes ${moved.join(', ')} on itself, Swagger 2.0 style, and has no schema ("schema or content must be present"): ${invalid} They belong in schema.${cf}`;
  if (!moved.length) return `${who} writes collectionFormat beside its schema: ${invalid}${cf}`;
  const clash = p.conflicts.length
    ? ` Its schema already says otherwise for ${p.conflicts.map((k) => `${k} (${JSON.stringify(param[k])} here)`).join(', ')}: the schema's ${p.conflicts.length > 1 ? 'values stand' : 'value stands'} and the parameter's ${p.conflicts.length > 1 ? 'are' : 'is'} dropped.`
    : '';
  return `${who} writes ${moved.join(', ')} beside its schema, Swagger 2.0 style: OpenAPI 3 takes ${moved.length > 1 ? 'them' : 'it'} only in schema, and ${invalid}${clash}${cf}`;
}

/** Every member goes (a header of `type` alone): the object is written anew, since removing all and adding after the last would meet. */
function rewrite(path: JsonPath, param: Record<string, unknown>, p: Plan, editor: StructuralEditor): Omit<Fix, 'ruleId'> | undefined {
  const value: Record<string, unknown> = { ...(p.style ?? {}), schema: p.schema ?? { ...(param.schema as object), ...p.add } };
  const edit = editor.replaceValue(path, value);
  return edit ? { title: titleOf(p), edits: [edit], intent: [{ op: 'set', path, value }] } : undefined;
}

function titleOf(p: Plan): string {
  const format = p.remove.includes('collectionFormat')
    ? p.style
      ? `collectionFormat as style: ${p.style.style}${p.style.explode === undefined ? '' : `, explode: ${p.style.explode}`}`
      : 'remove collectionFormat (no style of this location says it)'
    : '';
  const keys = p.remove.filter((k) => k !== 'collectionFormat');
  let parts: string[];
  if (p.guessed) parts = [`Add schema: ${JSON.stringify(p.schema)} (${p.guessed === 'description' ? 'the type its description states' : 'a guess'})`];
  else if (p.schema) parts = [keys.length ? `Move ${keys.join(', ')} into schema` : ''];
  else {
    const add = Object.keys(p.add);
    const drop = keys.filter((k) => !add.includes(k));
    parts = [
      add.length ? `Move ${add.join(', ')} into schema` : '',
      drop.length ? `remove ${drop.join(', ')}${p.conflicts.length ? ' (the schema says otherwise)' : ' (the schema already says so)'}` : '',
    ];
  }
  const title = [...parts, format].filter(Boolean).join(', ');
  return title[0].toUpperCase() + title.slice(1);
}

export const parameterSchema: Rule = {
  id: 'parameter-schema',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'An OpenAPI 3 parameter has a schema (or content), and keeps type, format, items, enum… in it, not on itself.',
  severity: 'error',
  fixAll: true,
  check({ doc, root, report }) {
    if (!isOpenApi3(doc.version)) return;
    for (const { path, param } of writtenParameters(root)) {
      const p = plan(param);
      if (!p) continue;
      const first = p.remove[0] ?? ('name' in param ? 'name' : undefined);
      report({
        path: first ? [...path, first] : path,
        target: first ? 'key' : 'value',
        message: describe(param, p, `The parameter ${paramLabel(param)}`),
        data: { paramPath: path },
      });
    }
    // A Header Object is a parameter without name and in, and needs its schema the same way.
    for (const { path, header, name } of writtenHeaders(root)) {
      const p = plan(header, 'header');
      if (!p) continue;
      report({
        path: p.remove[0] ? [...path, p.remove[0]] : path,
        target: 'key',
        message: describe(header, p, `The header "${name}"`),
        data: { paramPath: path, header: true },
      });
    }
  },
  fix({ data }, { root, editor, claim }) {
    const path = data?.paramPath as JsonPath | undefined;
    const param = Array.isArray(path) ? getAt(root, path) : undefined;
    if (!isObject(param)) return undefined;
    const p = plan(param, data?.header ? 'header' : param.in);
    if (!p || !claim(`parameter:${JSON.stringify(path)}`)) return undefined;
    if (Object.keys(param).every((k) => p.remove.includes(k))) return rewrite(path!, param, p, editor);
    const edits: Array<TextEdit | undefined> = p.remove.length ? (editor.removeMembers(path!, p.remove) ?? [undefined]) : [];
    const intent: FixIntent[] = p.remove.map((k) => ({ op: 'delete', path: [...path!, k] }));
    // New members go after `in` (or the last member), where the removals never reach past.
    const after = 'in' in param && !p.remove.includes('in') ? { after: 'in' } : 'end';
    if (p.schema) {
      edits.push(editor.insertMember(path!, 'schema', p.schema, after));
      intent.push({ op: 'set', path: [...path!, 'schema'], value: p.schema });
    } else {
      const schema = param.schema as Record<string, unknown>;
      const keys = Object.keys(p.add);
      if (keys.length && Object.keys(schema).length === 0) {
        edits.push(editor.replaceValue([...path!, 'schema'], p.add));
        intent.push({ op: 'set', path: [...path!, 'schema'], value: p.add });
      } else
        for (const k of keys) {
          edits.push(editor.insertMember([...path!, 'schema'], k, p.add[k], 'end'));
          intent.push({ op: 'set', path: [...path!, 'schema', k], value: p.add[k] });
        }
    }
    if (p.style) {
      for (const [k, v] of Object.entries(p.style)) {
        edits.push(editor.insertMember(path!, k, v, after));
        intent.push({ op: 'set', path: [...path!, k], value: v });
      }
    }
    if (edits.some((e) => !e)) return undefined;
    return { title: titleOf(p), edits: edits as TextEdit[], intent };
  },
};
