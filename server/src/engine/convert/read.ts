import { detectFormat, parseSpec, specVersionOf, type Format, type SpecDocument, type SpecVersion } from '../parse';
import { ConvertError, problemsAt } from './problems';
import { yamlToJson } from './yaml-to-json';

export interface SpecValue {
  format: Format;
  value: Record<string, unknown>;
  version: SpecVersion | undefined;
  /** The document as JSON text: the input itself for JSON, the faithful conversion for YAML. */
  jsonText: string;
  /** For JSON input, the parse of `jsonText` (which is the input): analyze takes it instead of parsing again. */
  parsed?: SpecDocument;
}

/**
 * Reads a document for a conversion, parsing it once. YAML goes through the faithful YAML to JSON
 * conversion (which builds the value as it writes), so that every command refuses the same
 * unfaithful YAML with the same message.
 */
export function readSpecValue(text: string, format?: Format): SpecValue {
  const fmt = detectFormat(text, format);
  let jsonText: string;
  let value: unknown;
  let parsed: SpecDocument | undefined;
  if (fmt === 'json') {
    const doc = parseSpec(text, 'json');
    if (doc.problems.length)
      throw new ConvertError(
        'The JSON does not parse.',
        problemsAt(
          text,
          doc.problems.map((p) => ({ message: p.message, offset: p.start })),
        ),
      );
    jsonText = text;
    value = doc.value;
    parsed = doc;
  } else {
    ({ text: jsonText, value } = yamlToJson(text));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConvertError('This is not an OpenAPI or Swagger document: its top level is not an object.');
  return { format: fmt, value: value as Record<string, unknown>, version: specVersionOf(value), jsonText, parsed };
}

/** A one-line name for what a document is, for messages. */
export function describeVersion(value: Record<string, unknown>): string {
  if ('openapi' in value) return `OpenAPI ${String(value.openapi)}`;
  if ('swagger' in value) return `Swagger ${String(value.swagger)}`;
  return 'not an OpenAPI or Swagger document (no top-level "openapi" or "swagger")';
}
