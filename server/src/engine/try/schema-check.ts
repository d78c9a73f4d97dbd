/**
 * Does the first page match the spec's response schema? The first few places
 * where it does not, for the builder to correct the spec (Rewst builds the
 * action's output from it). Ajv (already a dependency, under Spectral), with
 * formats and patterns not checked: a try is about the shape, and a spec's
 * pattern may backtrack without end on a vendor's text.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import type { Finding } from './types';

const MAX_PLACES = 3;

/** A finding when `body` does not match `schema` (a schema of `spec`, its `$ref`s local to it); undefined when it matches or cannot be checked. */
export function schemaFinding(spec: Record<string, unknown>, schema: Record<string, unknown> | undefined, body: unknown, request: number): Finding | undefined {
  if (!schema || Object.keys(schema).length === 0) return undefined;
  const is31 = typeof spec.openapi === 'string' && spec.openapi.startsWith('3.1');
  const options = { strict: false, allErrors: true, validateFormats: false, validateSchema: false, allowUnionTypes: true, logger: false as const };
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  ajv.removeKeyword('pattern');
  ajv.removeKeyword('patternProperties');
  let errors;
  try {
    // The schema sits in a root with the spec's components (or Swagger 2.0 definitions), so its `#/components/...` references
    // resolve there; only those, not the paths, which Ajv would walk too (GitHub's 12 MB spec: 0.5-1 s for the whole root).
    ajv.addSchema({ $id: 'urn:rewst-try:spec', components: spec.components, definitions: spec.definitions, 'x-rewst-try-response': schema });
    const validate = ajv.compile({ $ref: 'urn:rewst-try:spec#/x-rewst-try-response' });
    if (validate(body)) return undefined;
    errors = validate.errors ?? [];
  } catch {
    return undefined; // a schema Ajv cannot compile: the spec's lint says why, not the try
  }
  const places = [...new Map(errors.map((e) => [`${e.instancePath || '(the response)'} ${e.message ?? ''}`, e])).keys()];
  return {
    code: 'schema-mismatch',
    severity: 'info',
    request,
    message: `The response does not match the spec's response schema: ${places.slice(0, MAX_PLACES).join('; ')}${places.length > MAX_PLACES ? `; and ${places.length - MAX_PLACES} more` : ''}.`,
    fix: "Correct the spec's response schema: Rewst builds the action's output from it.",
  };
}
