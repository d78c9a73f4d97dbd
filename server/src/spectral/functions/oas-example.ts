/**
 * The oas ruleset's example rules (oas2/oas3-valid-schema-example and
 * -media-example): spectral-rulesets' oasExample and oasSchema functions,
 * step for step, validating through ./schema's content-cached validators.
 */
import { isPlainObject, pointerToPath } from '@stoplight/json';
import { extractDraftVersion, oas2, oas3_0, oas3_1, oas3_2 } from '@stoplight/spectral-formats';
import { oasExample, oasSchema } from '@stoplight/spectral-rulesets/dist/oas/functions';
import type { ErrorObject } from 'ajv';
import traverse from 'json-schema-traverse';
import { cachedSchema, namesItself, type FunctionContext } from './schema';

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

const MEDIA_VALIDATION_ITEMS = {
  2: [{ field: 'examples', multiple: true, keyed: false }],
  3: [
    { field: 'example', multiple: false, keyed: false },
    { field: 'examples', multiple: true, keyed: true },
  ],
} as const;
const REQUEST_MEDIA_PATHS = {
  2: [] as string[][],
  3: [
    ['components', 'requestBodies'],
    ['paths', '*', '*', 'requestBody'],
  ],
};
const RESPONSE_MEDIA_PATHS = {
  2: [['responses'], ['paths', '*', '*', 'responses']],
  3: [
    ['components', 'responses'],
    ['paths', '*', '*', 'responses'],
  ],
};
const SCHEMA_VALIDATION_ITEMS = { 2: ['example', 'x-example', 'default'], 3: ['example', 'default'] };

/** Every path prefix this function's results depend on: the walker keeps them apart when it skips repeated subtrees. */
export const MEDIA_PREFIXES: ReadonlyArray<ReadonlyArray<string>> = [...REQUEST_MEDIA_PATHS[3], ...RESPONSE_MEDIA_PATHS[2], ...RESPONSE_MEDIA_PATHS[3]];

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object';

function isSubpath(path: Path, subPaths: string[][]): boolean {
  return subPaths.some((subPath) => subPath.every((segment, idx) => segment === '*' || segment === path[idx]));
}

function* mediaItems(version: 2 | 3, targetVal: Obj, givenPath: Path): Generator<{ value: unknown; path: Path }> {
  for (const { field, keyed, multiple } of MEDIA_VALIDATION_ITEMS[version]) {
    if (!(field in targetVal)) continue;
    const value = targetVal[field];
    if (multiple) {
      if (!isObject(value)) continue;
      for (const exampleKey of Object.keys(value)) {
        const exampleValue = value[exampleKey];
        if (version === 3 && keyed && (!isObject(exampleValue) || 'externalValue' in exampleValue)) continue;
        const targetPath = [...givenPath, field, exampleKey];
        if (keyed) targetPath.push('value');
        yield { value: keyed && isObject(exampleValue) ? exampleValue.value : exampleValue, path: targetPath };
      }
      return;
    }
    yield { value, path: [...givenPath, field] };
    return;
  }
}

function* schemaItems(fields: string[], targetVal: Obj, givenPath: Path): Generator<{ value: unknown; path: Path }> {
  for (const field of fields) {
    if (!(field in targetVal)) continue;
    yield { value: targetVal[field], path: [...givenPath, field] };
  }
}

const KNOWN_TRAVERSE_KEYWORDS = [
  ...Object.keys((traverse as unknown as { keywords: object }).keywords),
  ...Object.keys((traverse as unknown as { arrayKeywords: object }).arrayKeywords),
  ...Object.keys((traverse as unknown as { propsKeywords: object }).propsKeywords),
];

function cleanSchema(schema: Obj): void {
  traverse(schema, { allKeys: true }, (fragment, _ptr, _root, _parentPtr, parentKeyword) => {
    if (parentKeyword === undefined || KNOWN_TRAVERSE_KEYWORDS.includes(parentKeyword)) return;
    // spectral-rulesets deletes `id` in both cases (its `$id` branch does too).
    if ('id' in fragment) delete fragment.id;
    if ('$id' in fragment) delete fragment.id;
  });
}

function relaxRequired(schema: Obj, readOnly: boolean, writeOnly: boolean): void {
  if (!readOnly && !writeOnly) return;
  const notPtrs: string[] = [];
  traverse(schema, {}, (fragment, jsonPtr, _root, parentJsonPtr, parentKeyword, parent, propertyName) => {
    if (parentKeyword === 'not') {
      notPtrs.push(jsonPtr);
      return;
    }
    if (parentJsonPtr !== undefined && notPtrs.some((p) => parentJsonPtr === p || parentJsonPtr.startsWith(`${p}/`))) return;
    if ((fragment.readOnly === true && readOnly) || (fragment.writeOnly === true && writeOnly)) {
      if (parentKeyword == 'properties' && parent && (parent.required === undefined || Array.isArray(parent.required))) {
        parent.required = (parent.required as unknown[] | undefined)?.filter((p) => p !== propertyName);
        if ((parent.required as unknown[] | undefined)?.length === 0) delete parent.required;
      }
    }
  });
}

interface ExampleOptions {
  oasVersion: 2 | 3;
  schemaField: string;
  type: 'media' | 'schema';
}

/**
 * The schema an example is validated against: a copy without nested ids, with
 * `required` relaxed for read-only or write-only properties of request or
 * response media. The same source schema object (shared by every $ref to
 * it) gives the same copy, so it is made once; schemas that name themselves
 * get a fresh copy each time, as with the stock function (see ./schema).
 */
const prepared = new WeakMap<object, Map<string, { schema: Obj; fresh: boolean }>>();

function preparedSchema(source: Obj, formats: Set<unknown> | null | undefined, opts: ExampleOptions, path: Path): Obj {
  const make = (): Obj => {
    let schema = source;
    if (formats?.has(oas2) && 'required' in schema && typeof schema.required === 'boolean') {
      schema = { ...schema };
      delete schema.required;
    }
    schema = JSON.parse(JSON.stringify(schema));
    cleanSchema(schema);
    relaxRequired(
      schema,
      opts.type === 'media' && isSubpath(path, REQUEST_MEDIA_PATHS[opts.oasVersion]),
      opts.type === 'media' && isSubpath(path, RESPONSE_MEDIA_PATHS[opts.oasVersion]),
    );
    return schema;
  };
  if (!isObject(source)) return make();
  const key = `${formats?.has(oas2) ? 1 : 0}${opts.type === 'media' && isSubpath(path, REQUEST_MEDIA_PATHS[opts.oasVersion]) ? 1 : 0}${opts.type === 'media' && isSubpath(path, RESPONSE_MEDIA_PATHS[opts.oasVersion]) ? 1 : 0}`;
  let byKey = prepared.get(source);
  if (!byKey) prepared.set(source, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit.fresh ? make() : hit.schema;
  const schema = make();
  byKey.set(key, { schema, fresh: namesItself(schema) });
  return schema;
}

export function fastOasExample(targetVal: unknown, opts: ExampleOptions, context: FunctionContext): Array<{ message: string; path: Path }> | undefined {
  // The stock wrapper's checks: input { type: 'object' }, then the options.
  if (!isObject(targetVal) || Array.isArray(targetVal)) return undefined;
  (oasExample as unknown as { validator(o: unknown): void }).validator(opts);
  const formats = context.document.formats;
  const source = (opts.schemaField === '$' ? targetVal : targetVal[opts.schemaField]) as Obj;
  const items =
    opts.type === 'schema'
      ? schemaItems(SCHEMA_VALIDATION_ITEMS[opts.oasVersion], targetVal, context.path)
      : mediaItems(opts.oasVersion, targetVal, context.path);
  const schemaOpts = { schema: preparedSchema(source, formats, opts, context.path) };
  let results: Array<{ message: string; path: Path }> | undefined;
  for (const item of items) {
    const result = fastOasSchema(item.value, schemaOpts, { ...context, path: item.path });
    if (Array.isArray(result)) (results ??= []).push(...result);
  }
  return results;
}

/** spectral-rulesets' rewriteNullable: a type error on a `nullable: true` schema also allows null. */
function rewriteNullable(schema: unknown, errors: ErrorObject[], shared: boolean): void {
  for (const error of errors) {
    if (error.keyword !== 'type') continue;
    // With shared subschemas the path is relative to one of them; ajv's verbose errors carry the schema itself.
    const value = shared ? error.parentSchema : schemaProperty(schema, error.schemaPath);
    if (isPlainObject(value) && (value as Obj).nullable === true) error.message += ',null';
  }
}

function schemaProperty(schema: unknown, schemaPath: string): unknown {
  let value = schema;
  for (const fragment of pointerToPath(schemaPath).slice(0, -1)) {
    if (!isPlainObject(value)) return undefined;
    value = (value as Obj)[fragment as string];
  }
  return value;
}

function visitOAS2(schema: Obj): void {
  if (schema['x-nullable'] === true) {
    schema.nullable = true;
    delete schema['x-nullable'];
  }
}

/** The OpenAPI 2 copy (`x-nullable` read as `nullable`), made once per schema object unless it names itself. */
const oas2Copies = new WeakMap<object, Obj>();

function oas2Schema(schema: Obj): Obj {
  const hit = oas2Copies.get(schema);
  if (hit) return hit;
  const cloned = JSON.parse(JSON.stringify(schema)) as Obj;
  traverse(cloned, visitOAS2 as traverse.Callback);
  if (!namesItself(cloned)) oas2Copies.set(schema, cloned);
  return cloned;
}

/** spectral-rulesets' oasSchema, on the cached `schema` function. */
function fastOasSchema(targetVal: unknown, opts: { schema: Obj }, context: FunctionContext) {
  (oasSchema as unknown as { validator(o: unknown): void }).validator(opts);
  const formats = context.document.formats;
  let { schema } = opts;
  let dialect = 'draft4';
  let prepareResults: ((errors: ErrorObject[], shared: boolean) => void) | undefined;
  if (!formats) {
    dialect = 'auto';
  } else if (formats.has(oas3_2) || formats.has(oas3_1)) {
    const data = context.document.data;
    dialect =
      isPlainObject(data) && typeof (data as Obj).jsonSchemaDialect === 'string'
        ? (extractDraftVersion((data as Obj).jsonSchemaDialect as string) ?? 'draft2020-12')
        : 'draft2020-12';
  } else if (formats.has(oas3_0)) {
    prepareResults = rewriteNullable.bind(null, schema);
  } else if (formats.has(oas2)) {
    schema = oas2Schema(schema);
    prepareResults = rewriteNullable.bind(null, schema);
  }
  return cachedSchema(targetVal, { ...opts, schema, prepareResults, dialect }, context);
}
