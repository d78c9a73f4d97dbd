import { Document } from 'yaml';
import type { Format } from '../parse';

/**
 * The indentation a JSON text uses: the first indented line's leading
 * whitespace, or '' for a one-line (minified) file.
 */
export function jsonIndentOf(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text.slice(0, 100_000));
  if (m) return m[1];
  return /\n\s*\S/.test(text.trimEnd()) ? '  ' : '';
}

/** A value written the way `like` (the input) is written: JSON with its indentation, or YAML. */
export function serializeLike(value: unknown, format: Format, like: string): string {
  if (format === 'json') {
    const indent = jsonIndentOf(like);
    return JSON.stringify(value, null, indent) + (indent || like.endsWith('\n') ? '\n' : '');
  }
  return toYaml(value);
}

/** Plain block YAML: no folding of long lines, and no anchors made up for objects that appear twice. */
export function toYaml(value: unknown): string {
  return new Document(value, { aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
