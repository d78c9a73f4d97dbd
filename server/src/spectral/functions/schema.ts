/**
 * Spectral's `schema` function (spectral-functions) with its validators
 * cached by content. The oas example rules clone every schema before they
 * validate with it, so the stock cache, keyed by the schema object, never
 * hits, and ajv compiles the same schema again for every example: 100 of the
 * 147 s `spectral lint` spends on GitHub's description.
 *
 * The ajv instances are spectral-functions' own (same classes, options,
 * formats, meta-schemas), with ajv's code optimiser off: it rewrites the
 * generated source for speed of validation, which pays only when a validator
 * runs many times, and costs half of every compile. A second cache level is
 * keyed by the schema without the annotations ajv ignores (`example`,
 * `x-*`, string `description`/`title`), so a hundred properties that differ
 * only in their example share one validator; the original schema is still
 * what errors are described against.
 *
 * Resolved schemas repeat big subschemas (GitHub's `repository` is inlined
 * hundreds of times), and ajv generates code for every copy. For draft-04
 * (OpenAPI 2 and 3.0) schemas that pass the meta-schema, each subschema of
 * some size is registered once under a content key and replaced by a `$ref`
 * to it, so ajv compiles it once per run. Validation order, errors and
 * messages are unchanged; only an error's `schemaPath` becomes relative to
 * the shared subschema, so the OpenAPI 3.0 `nullable` rewrite reads the
 * subschema from the error itself (ajv's `verbose`) instead of from the path.
 *
 * Patterns that can backtrack catastrophically get a time limit instead of
 * hanging the run (./guarded-regexp).
 *
 * Schemas that name themselves (`id`/`$id`/anchors) change the ajv instance
 * when compiled; they take the stock path, one compile per object, so
 * duplicate ids fail as they do there.
 */
import { createHash } from 'node:crypto';
import betterAjvErrors from '@stoplight/better-ajv-errors';
import { detectDialect } from '@stoplight/spectral-formats';
import { schema as stockSchema } from '@stoplight/spectral-functions';
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import MissingRefError from 'ajv/dist/compile/ref_error';
import AjvDraft04 from 'ajv-draft-04';
import ajvErrors from 'ajv-errors';
import addFormats from 'ajv-formats';
import traverse from 'json-schema-traverse';
import { guardedRegExp } from './guarded-regexp';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const draft4MetaSchema = require('@stoplight/spectral-functions/dist/schema/draft4.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const draft6MetaSchema = require('ajv/dist/refs/json-schema-draft-06.json');

type Path = Array<string | number>;
type AjvClass = new (options: Options) => Ajv;

export interface SchemaOptions {
  schema: Record<string, unknown>;
  dialect?: string;
  allErrors?: boolean;
  /** Called with the errors, and whether their schema paths are relative to shared subschemas. */
  prepareResults?: (errors: ErrorObject[], shared: boolean) => void;
}

export interface FunctionContext {
  path: Path;
  rule?: { resolved: boolean };
  documentInventory: object;
  document: { formats?: Set<unknown> | null; data: unknown };
}

const logger = {
  warn(...args: unknown[]) {
    if (typeof args[0] === 'string' && args[0].startsWith('unknown format')) return;
    console.warn(...args);
  },
  log: console.log,
  error: console.error,
};

function createAjvInstance(AjvOf: AjvClass, allErrors: boolean): Ajv {
  const ajv = new AjvOf({
    allErrors,
    meta: true,
    messages: true,
    strict: false,
    allowUnionTypes: true,
    logger,
    unicodeRegExp: false,
    // Not in spectral-functions' options; none changes what a schema accepts or the errors it reports (see above).
    // A pattern that can backtrack catastrophically is tested with a time limit (./guarded-regexp).
    code: { optimize: false, regExp: guardedRegExp as never },
    inlineRefs: false,
    verbose: true,
  });
  addFormats(ajv);
  if (allErrors) ajvErrors(ajv);
  if (AjvOf === (Ajv as unknown as AjvClass)) {
    ajv.addSchema(draft4MetaSchema);
    ajv.addSchema(draft6MetaSchema);
  }
  return ajv;
}

interface Compiled {
  validator: ValidateFunction;
  /** Subschemas were shared by `$ref`: error schema paths are relative to them. */
  shared: boolean;
}

type Assign = (schema: Record<string, unknown>, dialect: string, allErrors: boolean) => Compiled;

/** spectral-functions' createAjvInstances, with the content cache in front of the identity cache. */
function createAssigner(): Assign {
  const classes: Record<string, AjvClass> = {
    auto: Ajv as unknown as AjvClass,
    draft4: AjvDraft04 as unknown as AjvClass,
    'draft2019-09': Ajv2019 as unknown as AjvClass,
    'draft2020-12': Ajv2020 as unknown as AjvClass,
  };
  const instances = new Map<string, { ajv: Ajv; shared: Set<string> }>();
  const byObject = new WeakMap<Ajv, WeakMap<object, Compiled>>();
  const byContent = new Map<string, { compiled?: Compiled; error?: unknown }>();
  const instanceFor = (name: string, allErrors: boolean) => {
    const key = `${name}|${allErrors}`;
    let instance = instances.get(key);
    if (!instance) instances.set(key, (instance = { ajv: createAjvInstance(classes[name], allErrors), shared: new Set() }));
    return instance;
  };
  const identityCache = (ajv: Ajv) => {
    let compiled = byObject.get(ajv);
    if (!compiled) byObject.set(ajv, (compiled = new WeakMap()));
    return compiled;
  };
  return (schema, dialect, allErrors) => {
    const name = dialect in classes ? dialect : 'auto';
    const { ajv, shared } = instanceFor(name, allErrors);
    const compiled = identityCache(ajv);
    const known = compiled.get(schema);
    if (known) return known;
    if (namesItself(schema)) {
      // The stock path, exactly.
      const validator = typeof schema.$id === 'string' ? (ajv.getSchema(schema.$id) ?? ajv.compile(schema)) : ajv.compile(schema);
      const c = { validator, shared: false };
      if (typeof schema.$id !== 'string') compiled.set(schema, c);
      return c;
    }
    const { copy, hasRef } = withoutAnnotations(schema);
    // A digest, not the text: some resolved schemas are megabytes long.
    const key = `${name}|${allErrors ? 1 : 0}|${createHash('sha256').update(JSON.stringify(copy)).digest('base64')}`;
    let hit = byContent.get(key);
    if (!hit) {
      try {
        const share = name === 'draft4' && !hasRef && ajv.validateSchema(copy) === true;
        hit = { compiled: { validator: share ? sharedValidator(copy, ajv, shared) : ajv.compile(copy), shared: share } };
      } catch (error) {
        hit = { error };
      }
      byContent.set(key, hit);
    }
    if (!hit.compiled) throw hit.error;
    compiled.set(schema, hit.compiled);
    return hit.compiled;
  };
}

/** Subschemas at least this long (as JSON, expanded) are compiled once and referenced. */
const SHARE_MIN_CHARS = 200;
const SHARED_PREFIX = 'rewst-openapi:subschema:';

/**
 * Compiles `root` with its sizeable subschemas (bottom-up, so shared ones
 * nest) replaced by a `$ref` to a copy registered in `ajv` under a key made
 * from its content; the root itself is registered the same way, so a root
 * that is another root's subschema (a property with an example, say) is
 * compiled once for both.
 */
function sharedValidator(root: Record<string, unknown>, ajv: Ajv, registered: Set<string>): ValidateFunction {
  const expanded = new WeakMap<object, number>();
  const register = (sch: object, text: string): string => {
    const key = `${SHARED_PREFIX}${createHash('sha256').update(text).digest('base64')}`;
    if (!registered.has(key)) {
      // Not checked against the meta-schema again: the whole schema was, and a part of a valid schema is valid.
      ajv.addSchema(sch, key, undefined, false);
      registered.add(key);
    }
    return key;
  };
  let rootKey = '';
  traverse(root, {
    cb: {
      post: (sch, _ptr, _root, _parentPtr, parentKeyword, parentSchema, keyIndex) => {
        const text = JSON.stringify(sch);
        if (parentKeyword === undefined || parentSchema === undefined) {
          if (sch === root) rootKey = register(sch, text);
          return;
        }
        let size = text.length;
        for (const v of Object.values(sch)) if (typeof v === 'object' && v !== null) size += expanded.get(v) ?? 0;
        if (size < SHARE_MIN_CHARS) {
          expanded.set(sch, size);
          return;
        }
        const ref = { $ref: register(sch, text) };
        expanded.set(ref, size);
        const holder = parentSchema[parentKeyword] as Record<string, unknown> | unknown[];
        if (keyIndex === undefined) parentSchema[parentKeyword] = ref;
        else (holder as Record<string | number, unknown>)[keyIndex] = ref;
      },
    },
  });
  const validator = ajv.getSchema(rootKey);
  if (!validator) throw new Error(`rewst-openapi: ajv lost schema ${rootKey}`);
  return validator;
}

/**
 * A copy without what ajv ignores and its meta-schemas do not constrain. A
 * schema with a `$ref` keeps everything: a reference could point into an
 * annotation.
 */
function withoutAnnotations(schema: Record<string, unknown>): { copy: Record<string, unknown>; hasRef: boolean } {
  const text = JSON.stringify(schema);
  const copy = JSON.parse(text) as Record<string, unknown>;
  const hasRef = text.includes('"$ref"');
  if (hasRef) return { copy, hasRef };
  traverse(copy, (sch: traverse.SchemaObject) => {
    for (const k of Object.keys(sch)) {
      if (k === 'example' || k.startsWith('x-') || ((k === 'description' || k === 'title') && typeof sch[k] === 'string')) delete sch[k];
    }
  });
  return { copy, hasRef };
}

const assigners = new WeakMap<object, Assign>();

/** Whether ajv would register an id or anchor while compiling (its getSchemaRefs walks with allKeys). */
export function namesItself(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  let found = false;
  traverse(schema as traverse.SchemaObject, { allKeys: true }, (sch) => {
    if (typeof sch.id === 'string' || typeof sch.$id === 'string' || typeof sch.$anchor === 'string' || typeof sch.$dynamicAnchor === 'string') found = true;
  });
  return found;
}

function describeArrayItem(message: string, errorPath: string): string {
  const index = errorPath.split('/').pop();
  if (index === undefined || !/^\d+$/.test(index)) return message;
  const typePrefix = `"${index}" property type`;
  if (message.startsWith(typePrefix)) return `Item at index ${index}${message.slice(typePrefix.length)}`;
  const prefix = `"${index}" property`;
  return message.startsWith(prefix) ? `Item at index ${index}${message.slice(prefix.length)}` : message;
}

function findUnmatchedCombinators(errors: ErrorObject[]): Map<string, string> {
  const unmatched = new Map<string, string>();
  for (const { keyword, instancePath, params } of errors) {
    if ((keyword === 'oneOf' || keyword === 'anyOf') && !Array.isArray((params as { passingSchemas?: unknown }).passingSchemas))
      unmatched.set(instancePath, keyword);
  }
  return unmatched;
}

function describeCombinator(message: string, keyword: string | undefined): string {
  return keyword !== undefined && message.endsWith(` in ${keyword}`)
    ? `${message}. None of the schemas matched, see the other errors reported for this value`
    : message;
}

/** The `schema` rule function, validators cached by content. Options are checked as the stock function checks them. */
export function cachedSchema(targetVal: unknown, opts: SchemaOptions, context: FunctionContext): Array<{ message: string; path: Path }> {
  (stockSchema as unknown as { validator(o: unknown): void }).validator(opts);
  const { path, rule, documentInventory } = context;
  if (targetVal === undefined) return [{ path, message: '#{{print("property")}}must exist' }];
  let assign = assigners.get(documentInventory);
  if (!assign) assigners.set(documentInventory, (assign = createAssigner()));
  const results: Array<{ message: string; path: Path }> = [];
  const { allErrors = false, schema: schemaObj } = opts;
  try {
    const dialect = (opts.dialect === undefined || opts.dialect === 'auto' ? detectDialect(schemaObj) : opts.dialect) ?? 'draft7';
    const { validator, shared } = assign(schemaObj, dialect, allErrors);
    if (validator(targetVal) === false && Array.isArray(validator.errors)) {
      opts.prepareResults?.(validator.errors, shared);
      const unmatched = findUnmatchedCombinators(validator.errors);
      results.push(
        ...betterAjvErrors(schemaObj, validator.errors, { propertyPath: path, targetValue: targetVal }).map(({ suggestion, error, path: errorPath }) => ({
          message: describeCombinator(describeArrayItem(suggestion !== undefined ? `${error}. ${suggestion}` : error, errorPath), unmatched.get(errorPath)),
          path: [...path, ...(errorPath !== '' ? errorPath.replace(/^\//, '').split('/') : [])],
        })),
      );
    }
  } catch (ex) {
    if (!(ex instanceof Error)) throw new Error('Unexpected error', { cause: ex });
    const ignoreError = rule?.resolved && ex instanceof MissingRefError;
    if (!ignoreError) results.push({ message: ex.message, path });
  }
  return results;
}
