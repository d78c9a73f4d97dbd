/**
 * The spec's server URL split the way Rewst needs it: the hostname (Rewst's
 * wizard takes a hostname and no path), the base path that Rewst will not
 * call, and the server variables written in the host (a tenant's subdomain or
 * a region, whose default is a placeholder). OpenAPI 3 `servers[]` and
 * Swagger 2.0 `host` + `basePath` alike. The settings proposal, the settings
 * check and prepare's base-path fold all read it here.
 */
import { isObject } from './spec-index';

type Obj = Record<string, unknown>;

export interface HostVariable {
  name: string;
  /** undefined when the spec gives none: the host keeps `{name}`. */
  default?: string;
  enum?: string[];
  description?: string;
}

export interface SpecServer {
  /** The server URL as the spec writes it (Swagger 2.0: built from schemes, host and basePath). */
  raw: string;
  /** With every variable's default filled in. */
  url: string;
  /** Hostname and port with defaults filled in; '' when the URL is relative (no host). */
  host: string;
  /** The host as written, variables kept as `{name}`. */
  hostTemplate: string;
  /** `scheme://host` as written (variables in the host kept, `//host` when the scheme is not given); '' when relative. */
  origin: string;
  /** The path after the host, defaults filled in, no trailing slash: '' when none. */
  basePath: string;
  /** Server variables that appear in the host, in order of appearance. */
  hostVariables: HostVariable[];
  /** Where it was read: `servers[0]`... or Swagger 2.0's `host` and `basePath`. */
  where: string;
  /** The index in `servers` (OpenAPI 3), to rewrite it. */
  index?: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The server Rewst's hostname comes from: the first with an absolute URL, else the first; undefined when the spec names none. */
export function specServer(root: Obj): SpecServer | undefined {
  if (typeof root.swagger === 'string' || typeof root.swagger === 'number') return swagger2Server(root);
  const servers = Array.isArray(root.servers) ? root.servers : [];
  const candidates = servers.map((s, index) => ({ s, index })).filter((x): x is { s: Obj; index: number } => isObject(x.s) && typeof x.s.url === 'string');
  const chosen = candidates.find((x) => isAbsolute(substituteAll(x.s))) ?? candidates[0];
  if (!chosen) return undefined;
  return {
    ...splitServer(String(chosen.s.url), isObject(chosen.s.variables) ? chosen.s.variables : {}),
    where: `servers[${chosen.index}]`,
    index: chosen.index,
  };
}

function swagger2Server(root: Obj): SpecServer | undefined {
  const host = typeof root.host === 'string' ? root.host.trim() : '';
  const basePath = typeof root.basePath === 'string' ? root.basePath.trim() : '';
  if (!host && !basePath) return undefined;
  const schemes = Array.isArray(root.schemes) ? root.schemes.filter((s): s is string => typeof s === 'string') : [];
  const scheme = schemes.includes('https') ? 'https:' : schemes[0] ? `${schemes[0]}:` : '';
  const raw = host ? `${scheme}//${host}${basePath}` : basePath;
  return { ...splitServer(raw, {}), where: "Swagger 2.0's host and basePath" };
}

export function isAbsolute(url: string): boolean {
  return SCHEME.test(url) || url.startsWith('//');
}

/** A server URL with its variables' defaults; a variable with no default stays `{name}`. */
function substituteAll(server: Obj): string {
  const vars = isObject(server.variables) ? server.variables : {};
  return String(server.url).replace(/\{([^{}]+)\}/g, (whole, name: string) => defaultOf(vars[name]) ?? whole);
}

function defaultOf(v: unknown): string | undefined {
  return isObject(v) && (typeof v.default === 'string' || typeof v.default === 'number') ? String(v.default) : undefined;
}

interface Segment {
  /** The text as written: a literal, or `{name}`. */
  raw: string;
  /** The text with the default filled in. */
  value: string;
  variable?: string;
}

/** Splits a server URL into origin and path, keeping track of which variables fall in the host. */
export function splitServer(raw: string, variables: Obj): Omit<SpecServer, 'where' | 'index'> {
  const segments: Segment[] = [];
  const re = /\{([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (m.index > last) segments.push({ raw: raw.slice(last, m.index), value: raw.slice(last, m.index) });
    segments.push({ raw: m[0], value: defaultOf(variables[m[1]]) ?? m[0], variable: m[1] });
    last = m.index + m[0].length;
  }
  if (last < raw.length) segments.push({ raw: raw.slice(last), value: raw.slice(last) });
  const url = segments.map((s) => s.value).join('');
  if (!isAbsolute(url)) {
    const path = url.replace(/[?#].*$/s, '').replace(/^\.+(?=\/|$)/, '');
    return { raw, url, host: '', hostTemplate: '', origin: '', basePath: normalizePath(path), hostVariables: [] };
  }
  // The host runs from after `//` to the first `/`, `?` or `#` of the filled-in URL.
  const hostStart = url.indexOf('//') + 2;
  const rest = url.slice(hostStart).search(/[/?#]/);
  const hostEnd = rest < 0 ? url.length : hostStart + rest;
  let at = 0;
  let origin = '';
  let hostTemplate = '';
  const hostVariables: HostVariable[] = [];
  for (const s of segments) {
    const start = at;
    const end = at + s.value.length;
    at = end;
    if (start >= hostEnd) break;
    const inHost = end > hostStart;
    if (s.variable && end <= hostEnd) {
      origin += s.raw;
      if (inHost) {
        hostTemplate += s.raw;
        if (!hostVariables.some((v) => v.name === s.variable)) hostVariables.push(variableOf(s.variable, variables[s.variable]));
      }
    } else {
      // A literal, or a variable whose default runs past the host: keep the part before the path.
      const part = s.value.slice(0, hostEnd - start);
      origin += part;
      if (inHost) hostTemplate += part.slice(Math.max(0, hostStart - start));
    }
  }
  const host = url
    .slice(hostStart, hostEnd)
    .replace(/^[^/@]*@/, '')
    .replace(/\.$/, '');
  const path = url.slice(hostEnd).replace(/[?#].*$/s, '');
  return { raw, url, host, hostTemplate: hostTemplate.replace(/^[^/@]*@/, '').replace(/\.$/, ''), origin, basePath: normalizePath(path), hostVariables };
}

function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function variableOf(name: string, v: unknown): HostVariable {
  const out: HostVariable = { name, default: defaultOf(v) };
  if (isObject(v) && Array.isArray(v.enum)) out.enum = v.enum.filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
  if (isObject(v) && typeof v.description === 'string' && v.description.trim()) out.description = v.description.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  return out;
}

/**
 * The host variables still at their default in `hostname`: the hostname is read
 * against the spec's host template (`{customer}.intellifi.{tld}`); a hostname
 * that does not fit the template was typed by hand and has none.
 */
export function placeholdersIn(hostname: string, server: SpecServer): HostVariable[] {
  if (!server.hostVariables.length) return [];
  const host = hostname.trim().toLowerCase();
  const values = readTemplate(host, server.hostTemplate.toLowerCase());
  // Two variables side by side cannot be told apart: only the spec's own hostname, whole, counts.
  if (values === 'ambiguous') return host === server.host.toLowerCase() ? server.hostVariables.filter((v) => v.default !== undefined) : [];
  if (!values) return [];
  return server.hostVariables.filter((v) => v.default !== undefined && values.get(v.name.toLowerCase())?.some((x) => x === v.default!.toLowerCase()));
}

/**
 * Each variable's value in `host`, read left to right: a variable runs to the next
 * occurrence of the literal after it (the last literal is the end of the host).
 * Linear in the host's length, whatever the template: no backtracking.
 */
function readTemplate(host: string, template: string): Map<string, string[]> | 'ambiguous' | undefined {
  const parts = template.match(/\{[^{}]*\}|[^{]+|\{/g) ?? [];
  const out = new Map<string, string[]>();
  let pos = 0;
  const isVariable = (part: string | undefined) => part !== undefined && part.length > 1 && part.startsWith('{') && part.endsWith('}');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!isVariable(part)) {
      if (!host.startsWith(part, pos)) return undefined;
      pos += part.length;
      continue;
    }
    const next = parts[i + 1];
    let end: number;
    if (next === undefined) end = host.length;
    else if (isVariable(next)) return 'ambiguous';
    else if (i + 1 === parts.length - 1) end = host.endsWith(next) ? host.length - next.length : -1;
    else end = host.indexOf(next, pos + 1);
    if (end <= pos) return undefined;
    const name = part.slice(1, -1);
    out.set(name, [...(out.get(name) ?? []), host.slice(pos, end)]);
    pos = end;
  }
  return pos === host.length ? out : undefined;
}

/** `{customer}` ("brain", Customer sub-domain assigned by Intellifi; one of nl, cloud): a variable named for a message. */
export function describeVariable(v: HostVariable): string {
  const parts = [v.description ?? '', v.enum?.length ? `one of ${listOf(v.enum)}` : ''].filter(Boolean);
  return `{${v.name}}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

function listOf(values: string[]): string {
  const MAX = 10;
  return values.length <= MAX ? values.join(', ') : `${values.slice(0, MAX).join(', ')} and ${values.length - MAX} more`;
}

/** `/v1/tickets` starts with `/v1`; `/v10/tickets` does not. */
export function startsWithPath(key: string, base: string): boolean {
  return key === base || key.startsWith(`${base}/`);
}
