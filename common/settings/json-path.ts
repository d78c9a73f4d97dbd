/**
 * The JSONPath subset a pagination pointer may use, parsed. Pure, so the
 * webview's checks and the engine's cross-checks read it the same way.
 */

/** One step of a path into a response: a member, an array index, or any member or item. */
export type PathSegment = { kind: 'key'; name: string } | { kind: 'index' } | { kind: 'wildcard' };

/**
 * Parses the JSONPath subset a pointer needs: `$`, `.name`, `['name']`,
 * `[n]`, `[-1]`, `[-1:]`, `[*]`. Anything else (filters, `..`) cannot be
 * checked against a schema and gives `unsupported`.
 */
export function parseJsonPath(text: string): { segments: PathSegment[] } | { error: string } | { unsupported: string } {
  const s = text.trim();
  if (!s.startsWith('$')) return { error: 'a JSONPath starts with "$", e.g. $.meta.next_cursor' };
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < s.length) {
    if (s.startsWith('..', i)) return { unsupported: 'recursive descent (..)' };
    if (s[i] === '.') {
      const m = /^[A-Za-z0-9_$@-]+|^\*/.exec(s.slice(i + 1));
      if (!m) return { error: `a name is expected after "." at character ${i + 1}` };
      segments.push(m[0] === '*' ? { kind: 'wildcard' } : { kind: 'key', name: m[0] });
      i += 1 + m[0].length;
    } else if (s[i] === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) return { error: `"[" at character ${i + 1} is not closed` };
      const inner = s.slice(i + 1, close).trim();
      const quoted = /^'((?:[^'\\]|\\.)*)'$|^"((?:[^"\\]|\\.)*)"$/.exec(inner);
      if (quoted) segments.push({ kind: 'key', name: (quoted[1] ?? quoted[2]).replace(/\\(.)/g, '$1') });
      else if (inner === '*') segments.push({ kind: 'wildcard' });
      else if (/^-?\d+$/.test(inner) || /^-?\d*:-?\d*$/.test(inner)) segments.push({ kind: 'index' });
      else if (inner.startsWith('?')) return { unsupported: 'a filter expression' };
      else return { error: `"[${inner}]" is not a name, an index or *` };
      i = close + 1;
    } else {
      return { error: `unexpected "${s[i]}" at character ${i + 1}` };
    }
  }
  return { segments };
}
