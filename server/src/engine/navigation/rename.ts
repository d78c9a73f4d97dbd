/**
 * Rename a component: its key, every `$ref` that names it (or points inside
 * it) and every discriminator mapping value, as one set of edits. What cannot
 * be renamed safely is refused with the reason.
 */
import { editorFor, yamlValue } from '../structural-editor';
import type { TextEdit } from '../types';
import { whatIsAt } from './cursor';
import type { ComponentSite, NavIndex, RefSite, Span } from './nav-index';
import { encodeSegment } from './sections';

export type Refusal = { ok: false; reason: string };
export type RenameTarget = { ok: true; component: ComponentSite; span: Span; placeholder: string };

/** What F2 at `offset` would rename, and the text to select; or why not. */
export function prepareRenameAt(index: NavIndex, offset: number): RenameTarget | Refusal {
  const under = whatIsAt(index, offset);
  if (under?.kind === 'component') {
    const refusal = refuseSection(under.site);
    if (refusal) return refusal;
    return { ok: true, component: under.site, span: innerSpan(index, under.site.key, under.site.name), placeholder: under.site.name };
  }
  if (under?.kind !== 'ref')
    return {
      ok: false,
      reason: "Only a component's name (its key under components, or definitions, parameters, responses in Swagger 2.0) or a $ref to one can be renamed.",
    };
  const { site } = under;
  const { meaning } = site;
  if (meaning.file)
    return {
      ok: false,
      reason: `This $ref names a component in another file (${meaning.file.file}): rename it there. References from other files are not found from here, so renaming it here could break them.`,
    };
  if (!meaning.path) return { ok: false, reason: 'This reference is a URL: it is never followed, and what it names cannot be renamed here.' };
  if (!meaning.component)
    return {
      ok: false,
      reason: `${meaning.target} is not a component (only names under ${index.sections.map((s) => s.path.join('/')).join(', ')} can be renamed).`,
    };
  const component = index.byPointer.get(meaning.component);
  if (!component) return { ok: false, reason: `${meaning.component} does not exist in this document: there is nothing to rename.` };
  const refusal = refuseSection(component);
  if (refusal) return refusal;
  return { ok: true, component, span: nameSpanInRef(index, site, component.name) ?? site, placeholder: component.name };
}

export function renameAt(index: NavIndex, offset: number, newName: string): { ok: true; edits: TextEdit[] } | Refusal {
  const target = prepareRenameAt(index, offset);
  if (!target.ok) return target;
  const { component } = target;
  if (newName === component.name) return { ok: true, edits: [] };
  if (newName === '') return { ok: false, reason: 'A component needs a name.' };
  const siblings = index.sectionSites.find((s) => s.section === component.section)?.components ?? [];
  if (siblings.some((c) => c.name === newName))
    return {
      ok: false,
      reason: `${component.section.path.join('/')} already has a component named "${newName}": renaming would merge two components into one key.`,
    };
  // JSON: the key's span is known and a JSON string has one spelling; YAML keeps the key's quoting style.
  const keyEdit =
    index.doc.format === 'json'
      ? { start: component.key.start, end: component.key.end, newText: JSON.stringify(newName) }
      : editorFor(index.doc).renameKey(component.section.path, component.name, newName);
  if (!keyEdit) return { ok: false, reason: `The key "${component.name}" cannot be rewritten safely here (an alias or a complex key).` };
  const edits: TextEdit[] = [keyEdit];
  for (const site of index.usages.get(component.pointer) ?? [])
    edits.push({ start: site.start, end: site.end, newText: written(index, site, renamedValue(site, newName)) });
  return { ok: true, edits: edits.sort((a, b) => a.start - b.start) };
}

function refuseSection(component: ComponentSite): Refusal | undefined {
  if (component.section.namedByKey)
    return {
      ok: false,
      reason: `Security schemes are named by their key in every security requirement, not by $ref: renaming "${component.name}" here would leave those requirements naming nothing.`,
    };
  return undefined;
}

/** The site's new string: the name's segment replaced, the rest of the reference as written. */
function renamedValue(site: RefSite, newName: string): string {
  if (site.kind === 'mapping' && !site.raw.startsWith('#')) return newName; // a schema named by its bare name
  const depth = site.meaning.nameDepth!;
  const segments = site.raw.slice(1).split('/'); // ['', 'components', 'schemas', 'Name', ...]
  segments[depth + 1] = encodeSegment(newName);
  return '#' + segments.join('/');
}

/** A string written as the site's own was: JSON string, or YAML in the same quoting style. */
function written(index: NavIndex, site: Span, value: string): string {
  const first = index.doc.text[site.start];
  if (index.doc.format === 'json' || first === '"') return JSON.stringify(value);
  if (first === "'") return `'${value.replace(/'/g, "''")}'`;
  return yamlValue(value);
}

/** The name inside a key's span, without its quotes, when the text holds it as is. */
function innerSpan(index: NavIndex, span: Span, name: string): Span {
  const text = index.doc.text.slice(span.start, span.end);
  const at = text.indexOf(name);
  return at >= 0 && text.length - name.length <= 2 ? { start: span.start + at, end: span.start + at + name.length } : span;
}

/** The name's segment inside a reference's text, when written without escapes; else undefined. */
function nameSpanInRef(index: NavIndex, site: RefSite, name: string): Span | undefined {
  const text = index.doc.text.slice(site.start, site.end);
  const q = text[0] === '"' || text[0] === "'" ? 1 : 0;
  if (text.slice(q, text.length - q) !== site.raw) return undefined;
  if (site.kind === 'mapping' && !site.raw.startsWith('#')) return { start: site.start + q, end: site.end - q };
  const depth = site.meaning.nameDepth!;
  const segments = site.raw.slice(1).split('/');
  if (segments[depth + 1] !== name) return undefined; // escaped or encoded: the whole value is shown
  const before = 1 + segments.slice(0, depth + 1).join('/').length + 1;
  return { start: site.start + q + before, end: site.start + q + before + name.length };
}
