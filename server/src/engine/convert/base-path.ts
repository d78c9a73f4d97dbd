/**
 * The server URL's base path (`https://api.vendor.com/api/v1`), which Rewst
 * never calls: its wizard takes a hostname and no path, so an action for
 * `/tickets` calls `https://api.vendor.com/tickets`. Folding writes the base
 * path in front of every path key of the upload file and reduces the server URL
 * to its origin; without folding, prepare says what Rewst will call instead.
 */
import { specServer, splitServer, startsWithPath } from '../server-url';
import { isObject } from '../spec-index';
import type { PrepareChange } from './change';

type Obj = Record<string, unknown>;

export interface BasePathResult {
  basePath: string;
  /** Whether it was written into the paths. */
  folded: boolean;
  /** Paths given the base path in front (when folded). */
  prefixed: number;
  /** Paths that already started with the base path, left as they were (never doubled). */
  already: number;
  /** Paths left as they were because the folded key was already a path of the spec. */
  clashes: string[];
  /** Paths of the written file without the base path: what Rewst calls on the hostname alone. */
  missing: number;
}

/** The OpenAPI 3 value with the base path folded in (when asked), and the change to report; the input is not modified. */
export function handleBasePath(
  value: Obj,
  fold: boolean,
): { value: Obj; result?: BasePathResult; change?: PrepareChange; /** Folded path → the path it was. */ moved?: Map<string, string> } {
  const server = specServer(value);
  if (!server?.basePath || !isObject(value.paths)) return { value };
  const base = server.basePath;
  // Specification extensions (`x-…`) of the paths object are no paths: never prefixed, never counted.
  const keys = Object.keys(value.paths).filter((k) => !k.startsWith('x-'));
  const carried = keys.filter((k) => startsWithPath(k, base));
  const host = server.host ? `https://${server.host}` : 'https://HOSTNAME';
  const example = keys.find((k) => k.startsWith('/') && !startsWithPath(k, base));
  const missing = keys.length - carried.length;
  if (!example) return { value, result: { basePath: base, folded: false, prefixed: 0, already: carried.length, clashes: [], missing } };
  if (!fold) {
    return {
      value,
      result: { basePath: base, folded: false, prefixed: 0, already: carried.length, clashes: [], missing },
      change: {
        kind: 'warning',
        message:
          `Base path ${base} is NOT in the paths (kept out, as asked: --keep-base-path or the setting rewstOpenapi.foldBasePath off): Rewst's hostname takes no path, so each action calls ${host}${example}, not ${host}${base}${example}. ` +
          `Prepare without --keep-base-path (the setting on, its default) to write ${base} in front of every path.`,
      },
    };
  }
  const paths: Obj = {};
  const clashes: string[] = [];
  const moved = new Map<string, string>();
  let prefixed = 0;
  for (const key of Object.keys(value.paths)) {
    if (key.startsWith('x-')) {
      paths[key] = value.paths[key];
      continue;
    }
    const target = startsWithPath(key, base) ? key : base + (key.startsWith('/') ? key : `/${key}`);
    if (target !== key && Object.prototype.hasOwnProperty.call(value.paths, target)) {
      clashes.push(key);
      paths[key] = value.paths[key];
      continue;
    }
    if (target !== key) {
      prefixed++;
      moved.set(target, key);
    }
    paths[target] = value.paths[key];
  }
  const servers = Array.isArray(value.servers) ? value.servers.map((s) => reduceServer(s, base)) : value.servers;
  const origin = server.origin || '/';
  const parts = [
    `Base path ${base} folded into ${prefixed} path${prefixed === 1 ? '' : 's'}; the server URL ${server.raw} is now ${origin}, so Rewst calls ${host}${base}${example}.`,
    carried.length ? `${carried.length} path(s) already started with ${base} and were left as they were (not doubled).` : '',
    clashes.length
      ? `${clashes.length} path(s) were left as they were because the folded path already exists: ${clashes.slice(0, 3).join(', ')}${clashes.length > 3 ? ', …' : ''}.`
      : '',
    "Done by default, since Rewst's hostname takes no path (--keep-base-path, or the setting rewstOpenapi.foldBasePath off, keeps the paths as written).",
  ];
  return {
    value: { ...value, paths, ...(servers === undefined ? {} : { servers }) },
    result: { basePath: base, folded: true, prefixed, already: carried.length, clashes, missing: clashes.length },
    change: { kind: 'convert', message: parts.filter(Boolean).join(' ') },
    moved,
  };
}

/** A server whose path is the folded base path, reduced to its origin; its variables used only in the path go with it. */
function reduceServer(s: unknown, base: string): unknown {
  if (!isObject(s) || typeof s.url !== 'string') return s;
  const vars = isObject(s.variables) ? s.variables : {};
  const split = splitServer(s.url, vars);
  if (split.basePath !== base) return s;
  const url = split.origin || '/';
  const used = Object.fromEntries(Object.entries(vars).filter(([name]) => url.includes(`{${name}}`)));
  const out: Obj = { ...s, url };
  if (Object.keys(used).length) out.variables = used;
  else delete out.variables;
  return out;
}
