/**
 * The keywords a Schema Object takes, per version, as the versions' own JSON Schemas for validation list
 * them (both forbid other keys but `x-` extensions). OpenAPI 3.1's Schema Object is JSON Schema 2020-12,
 * where an unknown keyword is an annotation, allowed: it has no list here.
 */
import type { SpecVersion } from './parse';

const SHARED = [
  '$ref',
  'title',
  'description',
  'default',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'items',
  'allOf',
  'properties',
  'additionalProperties',
  'format',
  'discriminator',
  'readOnly',
  'xml',
  'externalDocs',
  'example',
];

/** OpenAPI 3.0.x Schema Object. */
const OPENAPI_30: ReadonlySet<string> = new Set([...SHARED, 'oneOf', 'anyOf', 'not', 'nullable', 'writeOnly', 'deprecated']);
/** Swagger 2.0 Schema Object. */
const SWAGGER_20: ReadonlySet<string> = new Set(SHARED);

/** The keywords a schema of this version takes (besides `x-` extensions); undefined when any keyword is allowed (3.1). */
export function schemaKeywords(version: SpecVersion | undefined): ReadonlySet<string> | undefined {
  if (version === 'openapi-3.0') return OPENAPI_30;
  if (version === 'swagger-2.0') return SWAGGER_20;
  return undefined;
}

/** Keywords whose value is an object in a schema that is well written (a subschema, a map of them, data, or an object of fields). */
export const OBJECT_VALUED: ReadonlySet<string> = new Set([
  'items',
  'properties',
  'additionalProperties',
  'not',
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'default',
]);
