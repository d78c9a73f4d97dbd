/**
 * Completion inside a `$ref` value: the components of the section being typed
 * (`#/components/schemas/`, `#/definitions/`, ...), or every component when no
 * section is typed yet. Only the cursor's line is read, and the parsed value:
 * no index is built for it, so completing as one types costs what one sees.
 */
import type { Format, SpecVersion } from '../parse';
import { getAt, parseLocalRef } from '../pointer';
import { isObject } from '../spec-index';
import { encodeSegment, sectionsOf, type Section } from './sections';
import type { Span } from './nav-index';

const MAX_DOC = 500;

export interface RefCompletionItem {
  /** The component's name. */
  label: string;
  /** The whole reference, which replaces the value typed so far. */
  newText: string;
  /** The section. */
  detail: string;
  /** The component's pointer, to fetch its description when the item is shown (see `componentDescription`). */
  pointer: string;
}

export interface RefCompletion {
  /** The string's content (without quotes): what the items replace. */
  replace: Span;
  items: RefCompletionItem[];
}

export function refCompletion(
  text: string,
  format: Format,
  offset: number,
  root: Record<string, unknown>,
  version: SpecVersion | undefined,
): RefCompletion | undefined {
  const value = refValueAt(text, format, offset);
  if (!value) return undefined;
  const typed = text.slice(value.start, offset);
  const sections = sectionsOf(version).filter((s) => !s.namedByKey);
  const current = sections.find((s) => typed.startsWith(`#/${s.path.join('/')}/`));
  const items: RefCompletionItem[] = [];
  for (const section of current ? [current] : sections) {
    const holder = section.path.reduce<unknown>((node, seg) => (isObject(node) ? node[seg] : undefined), root);
    if (!isObject(holder)) continue;
    for (const name of Object.keys(holder)) {
      const pointer = `#/${section.path.join('/')}/${encodeSegment(name)}`;
      items.push({ label: name, newText: quoted(pointer, value.quote), detail: sectionLabel(section), pointer });
    }
  }
  return { replace: { start: value.start, end: value.end }, items };
}

/** The reference as the string it goes into needs it; a plain YAML value gets quotes (a plain `#` starts a comment). */
function quoted(ref: string, quote: string): string {
  if (quote === '"') return JSON.stringify(ref).slice(1, -1);
  if (quote === "'") return ref.replace(/'/g, "''");
  return `'${ref.replace(/'/g, "''")}'`;
}

function sectionLabel(section: Section): string {
  return section.path.join('.');
}

/**
 * A component's description (else summary, else title), shortened. Asked for
 * per item as the list shows it: GitHub's spec has nearly a thousand schemas,
 * and sending every description with the list would double its answer.
 */
export function componentDescription(root: unknown, pointer: string): string | undefined {
  const path = parseLocalRef(pointer);
  const component = path && getAt(root, path);
  if (!isObject(component)) return undefined;
  const d = [component.description, component.summary, component.title].find((x): x is string => typeof x === 'string' && x !== '');
  return d && d.length > MAX_DOC ? d.slice(0, MAX_DOC) + '…' : d;
}

/**
 * The content span of the `$ref` string the cursor is in, read from its line:
 * JSON `"$ref": "…`, YAML `$ref: …`, `$ref: '…` or `"$ref": "…`.
 */
export function refValueAt(text: string, format: Format, offset: number): (Span & { quote: string }) | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (format === 'json') {
    const m = /"\$ref"\s*:\s*"((?:[^"\\]|\\.)*)$/.exec(before);
    if (!m) return undefined;
    return { start: offset - m[1].length, end: stringEnd(text, offset, '"'), quote: '"' };
  }
  const m = /(?:^|[\s{,])(["']?)\$ref\1[ \t]*:[ \t]*(["']?)([^"'\r\n]*)$/.exec(before);
  if (!m) return undefined;
  const quote = m[2];
  if (!quote && /[\s,}\]]/.test(m[3])) return undefined; // a plain scalar ends at a space or a flow indicator
  return { start: offset - m[3].length, end: quote ? stringEnd(text, offset, quote) : plainEnd(text, offset), quote };
}

function stringEnd(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return i;
    if (c === '\\' && quote === '"') i++;
    else if (c === quote) return i;
  }
  return text.length;
}

function plainEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
  return i;
}
