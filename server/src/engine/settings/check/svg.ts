/**
 * Does a file parse as SVG? A small, linear XML well-formedness check (tags
 * balanced, attributes quoted, one root element named svg); no DTDs are
 * expanded and nothing is fetched, so a hostile file costs one pass.
 */

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"<]*"|'[^'<]*')/y;

/** Undefined when the text is an SVG document; otherwise why not. */
export function svgProblem(text: string): string | undefined {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!s.trim()) return 'the file is empty';
  const stack: string[] = [];
  let root: string | undefined;
  let i = 0;
  const line = (at: number) => s.slice(0, at).split('\n').length;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const textPart = s.slice(i, lt < 0 ? s.length : lt);
    if (!stack.length && textPart.trim()) return `text outside the root element at line ${line(i)}`;
    if (lt < 0) break;
    i = lt;
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return `a comment at line ${line(i)} is not closed`;
      i = end + 3;
    } else if (s.startsWith('<![CDATA[', i)) {
      if (!stack.length) return `CDATA outside the root element at line ${line(i)}`;
      const end = s.indexOf(']]>', i);
      if (end < 0) return `CDATA at line ${line(i)} is not closed`;
      i = end + 3;
    } else if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) return `a processing instruction at line ${line(i)} is not closed`;
      i = end + 2;
    } else if (s.startsWith('<!DOCTYPE', i)) {
      if (root) return 'a DOCTYPE after the root element';
      const bracket = s.indexOf('[', i);
      const gt = s.indexOf('>', i);
      const end = bracket >= 0 && bracket < gt ? s.indexOf(']', bracket) : gt;
      const close = end < 0 ? -1 : s.indexOf('>', end);
      if (close < 0) return 'the DOCTYPE is not closed';
      i = close + 1;
    } else if (s[i + 1] === '/') {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(s);
      const gt = s.indexOf('>', i);
      if (!m || gt < 0 || s.slice(NAME.lastIndex, gt).trim()) return `a malformed end tag at line ${line(i)}`;
      const open = stack.pop();
      if (open !== m[0]) return open ? `</${m[0]}> at line ${line(i)} closes <${open}>` : `</${m[0]}> at line ${line(i)} has no start tag`;
      i = gt + 1;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(s);
      if (!m) return `a malformed tag at line ${line(i)}`;
      let j = NAME.lastIndex;
      const seen = new Set<string>();
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const a = ATTRIBUTE.exec(s);
        if (!a) break;
        if (seen.has(a[1])) return `attribute ${a[1]} repeated at line ${line(j)}`;
        seen.add(a[1]);
        j = ATTRIBUTE.lastIndex;
      }
      while (/\s/.test(s[j] ?? '')) j++;
      const selfClosing = s.startsWith('/>', j);
      if (!selfClosing && s[j] !== '>') return `a malformed attribute in <${m[0]}> at line ${line(j)}`;
      if (!stack.length) {
        if (root) return `a second root element <${m[0]}> at line ${line(i)}`;
        root = m[0];
        if (root.replace(/^.*:/, '') !== 'svg') return `the root element is <${root}>, not <svg>`;
      }
      if (!selfClosing) stack.push(m[0]);
      i = j + (selfClosing ? 2 : 1);
    }
  }
  if (stack.length) return `<${stack[stack.length - 1]}> is not closed`;
  if (!root) return 'there is no <svg> element';
  return undefined;
}
