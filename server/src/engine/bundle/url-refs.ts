/**
 * References by URL (`https://raw.githubusercontent.com/acme/api/v8.0/users.json#/components/schemas/User`),
 * which Rewst cannot follow. A bundle can take them in two ways, both the caller's choice:
 * - a map from URL prefix to a folder of the spec's tree (the user cloned the vendor's repository):
 *   the URL names a local file, read like any relative reference;
 * - fetching: the URL's document is read by its URL (the caller fetched it ahead, see remote.ts).
 * Everything else stays a URL. The engine never opens a connection itself.
 */
import { posix } from 'node:path';

/** `https://…/v8.0/` → `schemas` (a POSIX folder relative to the spec's folder; `.` or `` for the folder itself). */
export interface RefMapEntry {
  prefix: string;
  dir: string;
}

export interface UrlRefs {
  /** URL prefixes mapped to folders of the spec's tree; the longest matching prefix wins. */
  map?: readonly RefMapEntry[];
  /** URLs not mapped are read by their own URL as file name (the reader serves what was fetched). */
  fetch?: boolean;
}

/** Where a URL's document is read from, or why it is not. */
export type UrlTarget = { kind: 'file'; file: string } | { kind: 'fetch'; url: string } | { kind: 'url' } | { kind: 'refused'; message: string };

/** The document a `$ref` by URL names: the absolute http(s) URL without its fragment, normalized (`..` resolved); undefined for other schemes. */
export function documentUrl(ref: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = base === undefined ? new URL(ref) : new URL(ref, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = '';
  return url.href;
}

/** Routes a document URL (from documentUrl) through the map, else to fetching when asked, else leaves it. */
export function routeUrl(url: string, urls: UrlRefs | undefined): UrlTarget {
  const entry = longestPrefix(url, urls?.map);
  if (entry) {
    const rest = url.slice(entry.prefix.length);
    if (rest.includes('?')) return { kind: 'refused', message: `"${url}" has a query string: a URL map names files, not queries` };
    let decoded: string;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      return { kind: 'refused', message: `"${url}" is not a valid file name after its prefix` };
    }
    // A prefix that is a whole document URL maps to one file.
    const file = posix.normalize(decoded ? posix.join(entry.dir || '.', decoded) : entry.dir || '.');
    if (file === '.' || decoded.endsWith('/'))
      return { kind: 'refused', message: `"${url}" names a folder, not a file, under the mapped prefix ${entry.prefix}` };
    if (file === '..' || file.startsWith('../') || posix.isAbsolute(file) || file.includes('\\') || file.includes('\0'))
      return { kind: 'refused', message: `the URL map sends "${url}" to ${file}, outside the spec's folder: it is never read` };
    return { kind: 'file', file };
  }
  return urls?.fetch ? { kind: 'fetch', url } : { kind: 'url' };
}

function longestPrefix(url: string, map: readonly RefMapEntry[] | undefined): RefMapEntry | undefined {
  let best: RefMapEntry | undefined;
  for (const e of map ?? []) if (url.startsWith(e.prefix) && (!best || e.prefix.length > best.prefix.length)) best = e;
  return best;
}

/**
 * A URL map as the user writes it (the setting's object, or the CLI's `PREFIX=DIR` pairs), checked: each
 * prefix an absolute http(s) URL (normalized like the references it is compared with), each folder relative
 * and inside the spec's folder. Returns the entries and, for each one refused, why.
 */
export function parseRefMap(written: Record<string, unknown> | ReadonlyArray<readonly [string, string]>): { map: RefMapEntry[]; errors: string[] } {
  const map: RefMapEntry[] = [];
  const errors: string[] = [];
  const pairs = Array.isArray(written) ? written : Object.entries(written);
  for (const [prefix, dir] of pairs as Array<[string, unknown]>) {
    const url = documentUrl(prefix);
    if (!url) {
      errors.push(`"${prefix}" is not an http(s) URL`);
      continue;
    }
    if (typeof dir !== 'string') {
      errors.push(`the folder for "${prefix}" is not a string`);
      continue;
    }
    const folder = posix.normalize(dir.replace(/\\/g, '/') || '.');
    if (posix.isAbsolute(folder) || /^[a-z]:/i.test(folder) || folder === '..' || folder.startsWith('../')) {
      errors.push(`the folder "${dir}" for "${prefix}" is not inside the spec's folder (write it relative to the spec's folder, e.g. "./")`);
      continue;
    }
    map.push({ prefix: url, dir: folder === '.' ? '' : folder.replace(/\/$/, '') });
  }
  return { map, errors };
}

/** `https://host/a/b/users.json` → `users.json`; `` when the path ends in `/`. */
export function urlFileName(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return '';
  }
}

/**
 * A long URL shown whole where it counts: its origin and its file name are never cut, only the middle of
 * its path (`https://raw.githubusercontent.com/…/v8.0/users.json`).
 */
export function shortUrl(url: string, max = 100): string {
  if (url.length <= max) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.slice(0, max) + '…';
  }
  const segments = u.pathname.split('/');
  const tail: string[] = [segments.pop() ?? ''];
  const fixed = u.origin.length + 3 + (u.search ? u.search.length : 0);
  while (segments.length > 1 && fixed + [segments[segments.length - 1], ...tail].join('/').length + 1 <= max) tail.unshift(segments.pop()!);
  return `${u.origin}/…/${tail.join('/')}${u.search}`;
}
