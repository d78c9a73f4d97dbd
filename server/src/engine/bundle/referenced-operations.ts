/**
 * Operations written in other files: a path item that is a `$ref` to a file
 * (`/tickets: {$ref: ./paths/tickets.yaml}`), followed from file to file as
 * the bundler would (only through `read`, so only inside the spec's folder).
 * The spec's own operations come from collectOperations, which follows only
 * references inside the document; these are the rest, each with the file it
 * is written in and that file's parsed text, so a view can point at it. Far
 * cheaper than a whole bundle: only the path items' files are read.
 */
import { formatOfName, parseSpec, type SpecDocument } from '../parse';
import { getAt } from '../pointer';
import { HTTP_METHODS, isObject, type OperationRef } from '../spec-index';
import type { ReadFile } from './bundle';
import { resolveRef } from './refs';

export interface ReferencedOperation extends OperationRef {
  /** The file it is written in, relative to the spec's folder (POSIX); `path` is its place in that file. */
  file: string;
  doc: SpecDocument;
}

/** A path item that refers to a path item that refers… : given up after this many files. */
const MAX_HOPS = 16;

export function operationsInReferencedFiles(root: Record<string, unknown>, options: { entry: string; read: ReadFile }): ReferencedOperation[] {
  const paths = root.paths;
  if (!isObject(paths)) return [];
  const docs = new Map<string, SpecDocument | undefined>();
  const docOf = (file: string) => {
    if (!docs.has(file)) {
      let doc: SpecDocument | undefined;
      try {
        doc = parseSpec(options.read(file), formatOfName(file));
      } catch {
        doc = undefined; // unreadable: the referenced-file check reports it at the $ref
      }
      docs.set(file, doc?.problems.length ? undefined : doc);
    }
    return docs.get(file);
  };
  const out: ReferencedOperation[] = [];
  for (const [pathKey, written] of Object.entries(paths)) {
    let item: unknown = written;
    let at = { file: options.entry, path: [] as string[] };
    let doc: SpecDocument | undefined;
    for (let hop = 0; hop < MAX_HOPS && isObject(item) && typeof item.$ref === 'string'; hop++) {
      const target = resolveRef(item.$ref, at.file);
      if (target.kind !== 'local' || target.file === options.entry) break; // a URL, refused, or back in the spec (its own enumerator's)
      doc = docOf(target.file);
      at = { file: target.file, path: target.pointer };
      item = doc && getAt(doc.value, target.pointer);
    }
    if (!doc || at.file === options.entry || !isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation)) out.push({ path: [...at.path, method], pathKey, method, operation, item, file: at.file, doc });
    }
  }
  return out;
}
