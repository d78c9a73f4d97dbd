/** Go to Definition on a `$ref` (or mapping) value: a place in this document, or a file beside it to open at a pointer. */
import { formatOfName, parseSpec, type SpecDocument } from '../parse';
import { getAt, parseLocalRef } from '../pointer';
import { whatIsAt } from './cursor';
import type { NavIndex, RefMeaning, Span } from './nav-index';

export type Definition = { kind: 'local'; span: Span } | { kind: 'file'; file: string; fragment: string };

/** Undefined when the cursor is on no reference, or the reference's target does not exist (its diagnostic says so). */
export function definitionAt(index: NavIndex, offset: number): Definition | undefined {
  const under = whatIsAt(index, offset);
  return under?.kind === 'ref' ? definitionOf(index, under.site.meaning) : undefined;
}

export function definitionOf(index: NavIndex, meaning: RefMeaning): Definition | undefined {
  if (meaning.file) return { kind: 'file', ...meaning.file };
  if (!meaning.path) return undefined;
  const component = index.byPointer.get(meaning.target!);
  if (component) return { kind: 'local', span: component.key };
  const span = locatePointer(index.doc, meaning.path);
  return span && { kind: 'local', span };
}

/** Where the value a pointer names sits (its key, for a member); undefined when nothing is there. */
export function locatePointer(doc: SpecDocument, path: ReadonlyArray<string>): Span | undefined {
  if (path.length === 0) return { start: 0, end: 0 };
  if (getAt(doc.value, path) === undefined) return undefined;
  return doc.locate([{ path, target: 'key' }])[0];
}

/** A file a relative reference names, parsed, with the fragment's target located and read. */
export function resolveInFile(text: string, fileName: string, fragment: string): { doc: SpecDocument; span: Span; value: unknown; path: string[] } | undefined {
  const doc = parseSpec(text, formatOfName(fileName));
  if (doc.problems.length) return undefined;
  const path = fragment === '' ? [] : parseLocalRef(fragment);
  if (!path) return undefined;
  const span = locatePointer(doc, path);
  return span && { doc, span, value: getAt(doc.value, path), path };
}
