import { toPath } from '../bundle/kinds';
import { schemasOf } from '../convert/spec-walk';
import { getAt, parseLocalRef, toPointer } from '../pointer';
import { single, type Rule } from '../rule';
import { schemaKeywords } from '../schema-keywords';
import { HTTP_METHODS, isObject, type SpecIndex } from '../spec-index';
import type { JsonPath } from '../types';
import { isDoubledMap } from './schema-doubled';

/** Pointers of every place a local `$ref` leads through (a target and its ancestors). */
function refPrefixes(index: SpecIndex): Set<string> {
  const out = new Set<string>();
  for (const { ref } of index.refs) {
    const path = parseLocalRef(ref);
    if (path) for (let n = 1; n <= path.length; n++) out.add(toPointer(path.slice(0, n)));
  }
  return out;
}

/**
 * Pointers of what an operation or a path item is a `$ref` to (`get: {$ref: '#/definitions/GetTestRef'}` in
 * swagger-zoo's path-reference.yaml): what sits there is read as an operation, whatever map it is in.
 */
function operationTargets(index: SpecIndex): Set<string> {
  const out = new Set<string>();
  for (const { path, ref } of index.refs) {
    if (path[0] !== 'paths' || path.length > 3 || (path.length === 3 && !HTTP_METHODS.includes(path[2] as (typeof HTTP_METHODS)[number]))) continue;
    const target = parseLocalRef(ref);
    if (target) out.add(toPointer(target));
  }
  return out;
}

/**
 * A key a Schema Object does not take (`"version": 2` in a CRM vendor's schemas, 31 places): OpenAPI 3.0's and
 * Swagger 2.0's JSON Schemas for validation reject it. Renamed `x-KEY`, a vendor extension, it keeps its value
 * and means nothing to validation. Only objects that are schemas by the document's structure are read
 * (convert/spec-walk.ts), so a property named `version` in `properties` is a name, not a keyword. OpenAPI 3.1
 * is JSON Schema 2020-12, where an unknown keyword is an annotation: allowed, not checked.
 */
export const schemaKeywordUnknown: Rule = {
  id: 'schema-keyword-unknown',
  rewstError: 'Imported Swagger file throws red error messages',
  description: "A schema may hold only the keywords of its version's Schema Object (and x- extensions): another key is renamed x-KEY, keeping its value.",
  severity: 'error',
  fixAll: true,
  check({ doc, root, index, report }) {
    const keywords = schemaKeywords(doc.version);
    if (!keywords) return;
    const version = doc.version === 'swagger-2.0' ? 'Swagger 2.0' : 'OpenAPI 3.0';
    let refsInto: Set<string> | undefined;
    const operations = operationTargets(index);
    // The inner map of a schema written twice is reported by schema-doubled; its keys are property names.
    const notSchemas = new Set<unknown>();
    for (const { schema, at } of schemasOf(root)) {
      if (notSchemas.has(schema)) continue;
      if (isDoubledMap(schema.properties, doc.version)) notSchemas.add(schema.properties.properties);
      // In 3.0 a $ref with siblings is a Reference Object, whose other keys are ignored, not rejected.
      if (doc.version === 'openapi-3.0' && typeof schema.$ref === 'string') continue;
      let path: JsonPath | undefined;
      for (const key of Object.keys(schema)) {
        if (keywords.has(key) || key.startsWith('x-')) continue;
        path ??= toPath(at);
        if (operations.size && operations.has(toPointer(path))) break;
        refsInto ??= refPrefixes(index);
        const to = `x-${key}`;
        const taken = to in schema;
        const referenced = refsInto.has(toPointer([...path, key]));
        const advice = taken
          ? `It cannot become ${to}: the schema already has one (no automatic fix).`
          : referenced
            ? `A $ref points inside it, so renaming it would break that reference (no automatic fix).`
            : `Rename it ${to}: a vendor extension keeps the value and means nothing to validation.`;
        report({
          path: [...path, key],
          target: 'key',
          message: `"${key}" is not a keyword of the ${version} Schema Object: an importer that validates the document rejects it. ${advice}`,
          data: { schemaPath: path, key },
          fixable: !taken && !referenced,
        });
      }
    }
  },
  fix({ data }, { editor, root, index }) {
    const schemaPath = data?.schemaPath as JsonPath | undefined;
    const key = data?.key;
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || typeof key !== 'string' || !(key in schema) || `x-${key}` in schema) return undefined;
    if (refPrefixes(index).has(toPointer([...schemaPath!, key]))) return undefined;
    return single(`Rename "${key}" to x-${key}`, editor.renameKey(schemaPath!, key, `x-${key}`), {
      op: 'rename',
      path: schemaPath!,
      from: key,
      to: `x-${key}`,
    });
  },
};
