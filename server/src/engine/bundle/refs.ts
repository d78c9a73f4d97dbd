/**
 * What a `$ref` names, as a bundler sees it: a place in this file, a place in
 * another file of the spec's folder tree, or something never followed (a URL,
 * a file outside the folder). File names are relative to the spec's folder,
 * POSIX style (`schemas/user.yaml`), so the engine never touches a real path.
 */
import { posix } from 'node:path';
import { parseLocalRef } from '../pointer';
import { documentUrl, routeUrl, type UrlRefs } from './url-refs';

/** `url`: the document URL a local target was reached by (mapped to a file of the folder, or fetched and named by its URL). */
export type RefTarget = { kind: 'local'; file: string; pointer: string[]; url?: string } | { kind: 'url' } | { kind: 'refused'; message: string };

/** `http:`, `https:`, `file:`, `urn:`…: never read here (a Windows drive letter is refused as outside). */
export function isUrl(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(ref);
}

/**
 * Resolves `ref`, written in `from` (a file of the folder tree), to a file and
 * a pointer in it. The file must stay inside the folder tree: `../x.yaml` from
 * the spec's own folder is refused, as is an absolute path.
 */
export function resolveRef(ref: string, from: string, urls?: UrlRefs): RefTarget {
  const fromUrl = isUrl(from);
  if (isUrl(ref) && !urls) return { kind: 'url' };
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '#' : ref.slice(hash);
  const pointer = parseLocalRef(fragment === '#' ? '#' : fragment);
  if (!pointer) return { kind: 'refused', message: `"${shorten(fragment)}" is not a JSON pointer (it must start with #/)` };
  if (!filePart) return { kind: 'local', file: from, pointer };
  if (isUrl(ref) || fromUrl) {
    // A URL, or a relative reference inside a document read by its URL (resolved against that URL).
    const url = documentUrl(filePart, fromUrl ? from : undefined);
    if (!url) return { kind: 'url' };
    const route = routeUrl(url, urls);
    if (route.kind === 'file') return { kind: 'local', file: route.file, pointer, url };
    if (route.kind === 'fetch') return { kind: 'local', file: url, pointer, url };
    return route;
  }
  let decoded: string;
  try {
    decoded = decodeURI(filePart);
  } catch {
    return { kind: 'refused', message: `"${shorten(filePart)}" is not a valid file reference` };
  }
  if (decoded.startsWith('/') || /^[a-z]:[\\/]/i.test(decoded) || decoded.includes('\\') || decoded.includes('\0')) {
    return { kind: 'refused', message: `"${shorten(filePart)}" is an absolute path: only files inside the spec's folder are read` };
  }
  const file = posix.normalize(posix.join(posix.dirname(from), decoded));
  if (file === '..' || file.startsWith('../')) return { kind: 'refused', message: `"${shorten(filePart)}" is outside the spec's folder: it is never read` };
  return { kind: 'local', file, pointer };
}

export function shorten(s: string): string {
  return s.length > 120 ? s.slice(0, 120) + '…' : s;
}

/** `schemas/user.yaml` → `user`. */
export function stemOf(file: string): string {
  return posix.basename(file).replace(/\.(json|ya?ml)$/i, '');
}
