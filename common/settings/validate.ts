/**
 * Checks a settings object on its own (no spec, no file system): types,
 * Rewst's limits, required fields, special characters, secrets. Pure, so the
 * webview runs it as the user types and the server and CLI run the same code.
 */
import type { JsonPath, SettingsReport } from './findings';
import { AUTH_LABELS, PAGINATION_LABELS, type AuthMethod, type IntegrationSettings, type PaginationType } from './model';
import { FIELDS, FIELDS_BY_KEY, fieldApplies, getField, requiredFields, type FieldSpec } from './fields';
import { parseJsonPath } from './json-path';
import { isCredentialHeader, looksLikeSecretValue, SECRET_WHY, secretKindOfKey } from './secrets';

/** Keys the file may hold besides FIELDS: the objects that group them, and bookkeeping. */
const CONTAINERS = new Set(['auth', 'auth.oauth', 'pagination']);
const OTHER_KEYS = new Set(['$schema', 'spec', 'paginatedActions']);

export function validateSettings(value: unknown): SettingsReport[] {
  const out: SettingsReport[] = [];
  if (!isPlainObject(value)) return [{ code: 'settings-type', path: [], severity: 'error', message: 'The settings file must hold a JSON object.' }];
  const s = value as IntegrationSettings;
  checkKeys(value, '', out);
  for (const field of FIELDS) {
    const v = getField(s, field.key);
    if (v === undefined) continue;
    const path = field.key.split('.');
    if (!checkType(field, v, path, out)) continue;
    if (!fieldApplies(field, s) && !isDefaultOnly(field, v))
      out.push({
        code: 'settings-unused',
        path,
        target: 'key',
        severity: 'information',
        message: `${field.label} is not asked for ${whenText(field, s)}: Rewst ignores it.`,
      });
  }
  for (const field of requiredFields(s)) {
    const v = getField(s, field.key);
    if (v === undefined || v === '') out.push(missing(field, s));
  }
  checkName(s, out);
  checkHostname(s, out);
  checkIcon(s, out);
  checkUrls(s, out);
  checkPreamble(s, out);
  checkPairs(s.extraRequestHeaders, ['extraRequestHeaders'], 'header', out);
  checkPairs(s.auth?.oauth?.authorizationExtraParams, ['auth', 'oauth', 'authorizationExtraParams'], 'parameter', out);
  checkPaths(s, out);
  checkPaginatedActions(s, out);
  checkSecretValues(value, [], out);
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Unknown keys (a secret among them is an error; anything else a warning) in the file's own objects. */
function checkKeys(obj: Record<string, unknown>, prefix: string, out: SettingsReport[]): void {
  for (const key of Object.keys(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    const path = full.split('.');
    if (CONTAINERS.has(full)) {
      if (isPlainObject(obj[key])) checkKeys(obj[key] as Record<string, unknown>, full, out);
      else out.push({ code: 'settings-type', path, severity: 'error', message: `${full} must be an object.` });
      continue;
    }
    if (FIELDS_BY_KEY.has(full) || (!prefix && OTHER_KEYS.has(key))) continue;
    const kind = secretKindOfKey(key);
    if (kind === 'secret') out.push({ code: 'settings-secret', path, target: 'key', severity: 'error', message: `"${key}" is a secret. ${SECRET_WHY}` });
    else if (kind === 'account')
      out.push({
        code: 'settings-secret',
        path,
        target: 'key',
        severity: 'warning',
        message: `"${key}" is an account detail that each configuration in Rewst sets for itself; leave it out of the shared settings file.`,
      });
    else
      out.push({
        code: 'settings-unknown',
        path,
        target: 'key',
        severity: 'warning',
        message: `"${key}" is not a field of Rewst's wizard${suggestion(key, prefix)}.`,
      });
  }
}

function suggestion(key: string, prefix: string): string {
  const near = FIELDS.filter(
    (f) => f.key.startsWith(prefix ? prefix + '.' : '') && f.key.split('.').length === (prefix ? prefix.split('.').length + 1 : 1),
  ).map((f) => f.key.split('.').pop()!);
  const hit = near.find((n) => n.toLowerCase() === key.toLowerCase().replace(/[-_ ]/g, ''));
  return hit ? `; did you mean "${hit}"?` : '';
}

function checkType(field: FieldSpec, v: unknown, path: JsonPath, out: SettingsReport[]): boolean {
  const bad = (what: string) => (out.push({ code: 'settings-type', path, severity: 'error', message: `${field.label} must be ${what}.` }), false);
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return typeof v === 'string' || bad('a string');
    case 'boolean':
      return typeof v === 'boolean' || bad('true or false');
    case 'select': {
      const choices = field.options!.map((o) => o.value);
      return (typeof v === 'string' && choices.includes(v)) || bad(`one of ${choices.map((c) => `"${c}"`).join(', ')}`);
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isInteger(v)) return bad('a whole number');
      if ((field.min !== undefined && v < field.min) || (field.max !== undefined && v > field.max)) {
        out.push({
          code: 'settings-range',
          path,
          severity: 'error',
          message: `${field.label} must be between ${field.min} and ${field.max} in Rewst; ${v} is ${field.max !== undefined && v > field.max ? 'too high' : 'too low'}.`,
        });
        return false;
      }
      return true;
    }
    case 'pairs':
      return (isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string')) || bad('an object of names to string values');
  }
}

/** Defaults the form prefills (false checkboxes) are no noise when the method changes. */
function isDefaultOnly(field: FieldSpec, v: unknown): boolean {
  return field.kind === 'boolean' && v === false;
}

function whenText(field: FieldSpec, s: IntegrationSettings): string {
  if (field.when?.auth && !field.when.auth.includes(s.auth?.method as AuthMethod))
    return s.auth?.method ? `with ${AUTH_LABELS[s.auth.method] ?? s.auth.method}` : 'until an authentication method is chosen';
  const type = s.pagination?.type as PaginationType | undefined;
  return type ? `with pagination type ${PAGINATION_LABELS[type] ?? type}` : 'until a pagination type is chosen';
}

function missing(field: FieldSpec, s: IntegrationSettings): SettingsReport {
  const why = field.when?.auth
    ? ` for ${AUTH_LABELS[s.auth!.method!]}`
    : field.when?.pagination
      ? ` for pagination type ${PAGINATION_LABELS[s.pagination!.type!]}`
      : '';
  const severity = field.key === 'icon' ? 'warning' : 'error';
  const extra = field.key === 'icon' ? " Have an SVG of the vendor's logo on hand: Rewst asks for it first." : '';
  return { code: 'settings-required', path: field.key.split('.'), target: 'key', severity, message: `${field.label} is required${why}.${extra}` };
}

/** Letters, digits and spaces; separators become spaces, anything else goes. */
export function cleanName(name: string): string {
  return name
    .replace(/[-_./:|+&]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function checkName(s: IntegrationSettings, out: SettingsReport[]): void {
  if (typeof s.name !== 'string' || s.name === '') return;
  const clean = cleanName(s.name);
  if (clean !== s.name) {
    const bad = [...new Set(s.name.replace(/[\p{L}\p{N} ]/gu, ''))].join(' ');
    out.push({
      code: 'settings-name',
      path: ['name'],
      severity: 'error',
      message: `The name shouldn't contain special characters (${bad ? `"${bad}"` : 'extra spaces'}): Rewst shows it as the header of the integration's actions. Use "${clean}".`,
      data: { replacement: clean },
    });
  }
}

/** Strips a scheme, credentials, a path, a query and a fragment: what is left is the hostname (and port). */
export function cleanHostname(host: string): string {
  return host
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^/@]*@/, '')
    .replace(/[/?#].*$/s, '')
    .replace(/\.$/, '');
}

function checkHostname(s: IntegrationSettings, out: SettingsReport[]): void {
  if (typeof s.hostname !== 'string' || s.hostname === '') return;
  const clean = cleanHostname(s.hostname);
  if (clean !== s.hostname && clean) {
    const rest = s.hostname.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const parts = [
      /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(s.hostname) ? 'the scheme (https://)' : '',
      /^[^/@]*@/.test(rest) ? 'credentials' : '',
      /[/?#]./.test(rest) ? 'a path' : '',
    ].filter(Boolean);
    out.push({
      code: 'settings-hostname',
      path: ['hostname'],
      severity: 'error',
      message: `Enter the hostname only${parts.length ? `, without ${parts.join(' or ')}` : ''}: "${clean}".`,
      data: { replacement: clean },
    });
    return;
  }
  const unfilled = unfilledVariable(clean);
  if (unfilled) out.push(unfilled);
  else if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/.test(clean))
    out.push({ code: 'settings-hostname', path: ['hostname'], severity: 'error', message: `"${s.hostname}" is not a hostname.` });
}

function checkIcon(s: IntegrationSettings, out: SettingsReport[]): void {
  if (typeof s.icon === 'string' && s.icon !== '' && !/\.svg$/i.test(s.icon))
    out.push({
      code: 'settings-icon',
      path: ['icon'],
      severity: 'error',
      message: 'The icon must be an .svg file: Rewst does not upload other image formats.',
    });
}

function checkUrls(s: IntegrationSettings, out: SettingsReport[]): void {
  for (const key of ['authorizationUrl', 'accessTokenUrl'] as const) {
    const v = s.auth?.oauth?.[key];
    if (typeof v !== 'string' || v === '') continue;
    let ok: boolean;
    try {
      const u = new URL(v);
      ok = (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.hostname);
    } catch {
      ok = false;
    }
    if (!ok)
      out.push({
        code: 'settings-url',
        path: ['auth', 'oauth', key],
        severity: 'error',
        message: `${FIELDS_BY_KEY.get(`auth.oauth.${key}`)!.label} must be an absolute URL (https://...).`,
      });
  }
}

function checkPreamble(s: IntegrationSettings, out: SettingsReport[]): void {
  const p = s.auth?.apiKeyPreamble;
  if (typeof p === 'string' && /\s/.test(p.trim()))
    out.push({
      code: 'settings-secret',
      path: ['auth', 'apiKeyPreamble'],
      severity: 'error',
      message: `The preamble is the word sent before the key (like "Bearer"), not the key itself. ${SECRET_WHY}`,
    });
}

function checkPairs(pairs: unknown, path: string[], what: 'header' | 'parameter', out: SettingsReport[]): void {
  if (!isPlainObject(pairs)) return;
  for (const [name, value] of Object.entries(pairs)) {
    if (what === 'header' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      out.push({ code: 'settings-type', path: [...path, name], target: 'key', severity: 'error', message: `"${name}" is not a valid header name.` });
    const secretName = what === 'header' ? isCredentialHeader(name) : secretKindOfKey(name) === 'secret';
    if (secretName && typeof value === 'string' && value.trim() !== '')
      out.push({
        code: 'settings-secret',
        path: [...path, name],
        severity: 'error',
        message: `The ${what} "${name}" carries a credential. ${SECRET_WHY} Leave its value empty here.`,
      });
  }
}

function checkPaths(s: IntegrationSettings, out: SettingsReport[]): void {
  const p = s.pagination;
  // Index moves by the page size: if Rewst cannot set it, the API's own default must match.
  if (p?.type === 'index' && !p.pageSizeParam)
    out.push({
      code: 'settings-required',
      path: ['pagination', 'pageSizeParam'],
      target: 'key',
      severity: 'warning',
      message:
        'Index paging moves the index by Default Page Size: without a Page Size Param the API uses its own page size, and if that differs, items are skipped or repeated.',
    });
  if (typeof p?.pointerJsonPath === 'string' && p.pointerJsonPath.trim()) {
    const parsed = parseJsonPath(p.pointerJsonPath);
    if ('error' in parsed)
      out.push({
        code: 'settings-type',
        path: ['pagination', 'pointerJsonPath'],
        severity: 'error',
        message: `Pointer JSONPath is not valid: ${parsed.error}.`,
      });
  }
  for (const key of ['resultsKey', 'nextPageKey'] as const) {
    const v = p?.[key];
    if (typeof v === 'string' && /^\$|[[\]]/.test(v.trim()))
      out.push({
        code: 'settings-type',
        path: ['pagination', key],
        severity: 'error',
        message: `${FIELDS_BY_KEY.get(`pagination.${key}`)!.label} is a dotted path like results or results.foo, not a JSONPath.`,
      });
  }
}

function checkPaginatedActions(s: IntegrationSettings, out: SettingsReport[]): void {
  const list = s.paginatedActions as unknown;
  if (list === undefined) {
    if (s.pagination?.type && s.pagination.type !== 'none') out.push(notPaginated(['pagination', 'type']));
    return;
  }
  if (!Array.isArray(list))
    return void out.push({ code: 'settings-type', path: ['paginatedActions'], severity: 'error', message: 'paginatedActions must be a list of operationIds.' });
  const seen = new Set<string>();
  list.forEach((id, i) => {
    if (typeof id !== 'string')
      out.push({ code: 'settings-type', path: ['paginatedActions', i], severity: 'error', message: 'Each paginated action is an operationId (a string).' });
    else if (seen.has(id)) out.push({ code: 'settings-type', path: ['paginatedActions', i], severity: 'warning', message: `"${id}" is listed twice.` });
    else seen.add(id);
  });
  const type = s.pagination?.type;
  if ((!type || type === 'none') && list.length)
    out.push({
      code: 'settings-unused',
      path: ['paginatedActions'],
      target: 'key',
      severity: 'warning',
      message: `${list.length} action(s) are listed as paginated but the pagination type is ${type ? 'No pagination' : 'not chosen'}: Rewst will not page them.`,
    });
  if (type && type !== 'none' && list.length === 0) out.push(notPaginated(['paginatedActions']));
}

function notPaginated(path: JsonPath): SettingsReport {
  return {
    code: 'settings-not-paginated',
    path,
    target: 'key',
    severity: 'information',
    message:
      'No action is marked paginated: Rewst shows the organization mapping only when the integration has a paginated action. Mark the list operations to page.',
  };
}

/** Any string anywhere that has the shape of a real key or token. */
function checkSecretValues(node: unknown, path: Array<string | number>, out: SettingsReport[], depth = 0): void {
  if (depth > 20) return;
  if (typeof node === 'string') {
    if (looksLikeSecretValue(node) && !out.some((r) => r.code === 'settings-secret' && r.path.join('\u0000') === path.join('\u0000')))
      out.push({ code: 'settings-secret', path, severity: 'error', message: `This looks like a real key or token. ${SECRET_WHY}` });
  } else if (Array.isArray(node)) node.forEach((x, i) => checkSecretValues(x, [...path, i], out, depth + 1));
  else if (isPlainObject(node)) for (const [k, v] of Object.entries(node)) checkSecretValues(v, [...path, k], out, depth + 1);
}

/** A `{variable}` written in the hostname (no spec needed): Rewst cannot call it. */
export function unfilledVariable(hostname: string): SettingsReport | undefined {
  const names = [...hostname.matchAll(/\{([^{}]*)\}/g)].map((m) => `{${m[1]}}`);
  if (!names.length) return undefined;
  return {
    code: 'settings-hostname-placeholder',
    path: ['hostname'],
    severity: 'error',
    message: `"${hostname}" is not a hostname: the server variable ${names.join(', ')} must be replaced by your tenant's value.`,
  };
}
