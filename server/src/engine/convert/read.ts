import { detectFormat, parseSpec, specVersionOf, type Format, type SpecVersion } from '../parse';
import { ConvertError, problemsAt } from './problems';
import { yamlToJson } from './yaml-to-json';

export interface SpecValue {
  format: Format;
  value: Record<string, unknown>;
  version: SpecVersion | undefined;
  /** The document as JSON text: the input itself for JSON, the faithful conversion for YAML. */
  jsonText: string;
}

/**
 * Reads a document for a conversion. YAML goes through the faithful YAML to JSON
 * conversion, so that every command refuses the same unfaithful YAML with the same message.
 */
export function readSpecValue(text: string, format?: Format): SpecValue {
  const fmt = detectFormat(text, format);
  let jsonText: string;
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
  } else {
    jsonText = yamlToJson(text).text;
  }
  const value: unknown = JSON.parse(jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConvertError('This is not an OpenAPI or Swagger document: its top level is not an object.');
  return { format: fmt, value: value as Record<string, unknown>, version: specVersionOf(value), jsonText };
}

/** A one-line name for what a document is, for messages. */
export function describeVersion(value: Record<string, unknown>): string {
  if ('openapi' in value) return `OpenAPI ${String(value.openapi)}`;
  if ('swagger' in value) return `Swagger ${String(value.swagger)}`;
  return 'not an OpenAPI or Swagger document (no top-level "openapi" or "swagger")';
}
