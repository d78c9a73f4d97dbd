/**
 * The oas ruleset's example rules (oas2/oas3-valid-schema-example and
 * -media-example): spectral-rulesets' oasExample and oasSchema functions,
 * step for step, validating through ./schema's content-cached validators.
 */
import { isPlainObject, pointerToPath } from '@stoplight/json';
import { extractDraftVersion, oas2, oas3_0, oas3_1, oas3_2 } from '@stoplight/spectral-formats';
import { oasSchema } from '@stoplight/spectral-rulesets/dist/oas/functions';
import type { ErrorObject } from 'ajv';
import traverse from 'json-schema-traverse';
import { cachedSchema, type FunctionContext } from './schema';

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

export function fastOasExample(targetVal: unknown, opts: ExampleOptions, context: FunctionContext): Array<{ message: string; path: Path }> | undefined {
  // The stock wrapper's input check: { type: 'object' }.
  if (!isObject(targetVal) || Array.isArray(targetVal)) return undefined;
  const formats = context.document.formats;
  const schemaOpts: { schema: Obj } = { schema: (opts.schemaField === '$' ? targetVal : targetVal[opts.schemaField]) as Obj };
  const items =
    opts.type === 'schema' ? schemaItems(SCHEMA_VALIDATION_ITEMS[opts.oasVersion], targetVal, context.path) : mediaItems(opts.oasVersion, targetVal, context.path);
  if (formats?.has(oas2) && 'required' in schemaOpts.schema && typeof schemaOpts.schema.required === 'boolean') {
    schemaOpts.schema = { ...schemaOpts.schema };
    delete schemaOpts.schema.required;
  }
  schemaOpts.schema = JSON.parse(JSON.stringify(schemaOpts.schema));
  cleanSchema(schemaOpts.schema);
  relaxRequired(
    schemaOpts.schema,
    opts.type === 'media' && isSubpath(context.path, REQUEST_MEDIA_PATHS[opts.oasVersion]),
    opts.type === 'media' && isSubpath(context.path, RESPONSE_MEDIA_PATHS[opts.oasVersion]),
  );
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
    dialect = isPlainObject(data) && typeof (data as Obj).jsonSchemaDialect === 'string' ? (extractDraftVersion((data as Obj).jsonSchemaDialect as string) ?? 'draft2020-12') : 'draft2020-12';
  } else if (formats.has(oas3_0)) {
    prepareResults = rewriteNullable.bind(null, schema);
  } else if (formats.has(oas2)) {
    const cloned = JSON.parse(JSON.stringify(schema)) as Obj;
    traverse(cloned, visitOAS2 as traverse.Callback);
    schema = cloned;
    prepareResults = rewriteNullable.bind(null, cloned);
  }
  return cachedSchema(targetVal, { ...opts, schema, prepareResults, dialect }, context);
}
