/** Markdown for the conversions' reports: text and code that show as written, sizes, and links to a place in a file. */

/** Text that Markdown shows as written: no HTML, no emphasis, no links. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>&~-]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c)).replace(/\r?\n/g, ' ');
}

/** A code span that no backtick in `s` can close early. */
export function mdCode(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${s.replace(/\r?\n/g, ' ')} ${fence}`;
}

/**
 * A link to `file` (relative to the report, `/`-separated) at a 1-based line and column: VS Code's Markdown
 * preview opens `name#L12,5` at line 12, column 5. Each path segment is percent-encoded, so no name can end the link.
 */
export function mdLink(label: string, file: string, line?: number, column?: number): string {
  const target = file.split('/').map(encodeURIComponent).join('/') + (line ? `#L${line}${column ? `,${column}` : ''}` : '');
  return `[${mdText(label)}](${target})`;
}

/** Bytes as the reports and notifications say them, the same figure everywhere (one home: common/format.ts). */
export { kb } from '../../../../common/format';
