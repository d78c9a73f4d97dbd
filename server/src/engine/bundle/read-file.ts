import { detectFormat, formatOfName } from '../parse';
import { ConvertError } from '../convert/problems';
import { yamlToJson } from '../convert/yaml-to-json';

/**
 * Parses a referenced file: JSON, or YAML through the faithful YAML to JSON
 * conversion (aliases bounded), so a referenced file gets the same checks as
 * the spec. Throws an Error whose message says why the file cannot be used.
 */
export function parseReferenced(text: string, file: string): unknown {
  const hint = formatOfName(file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = detectFormat(body, hint);
  try {
    return JSON.parse(format === 'json' ? body : yamlToJson(body).text);
  } catch (e) {
    if (e instanceof ConvertError) {
      const first = e.problems[0];
      throw new Error(`it is not valid YAML${first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : `: ${e.summary}`}`, { cause: e });
    }
    throw new Error(`it is not valid ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
