/**
 * The wizard's fields, one row each (key, label, help, kind, section, limits,
 * when it applies), and reading and writing a field of a settings object. The
 * forms, the validation, the JSON Schema and the setup sheet are all built
 * from this table. Pure, so the webview bundles it too.
 */
import {
  AUTH_LABELS,
  AUTH_METHODS,
  GRANT_TYPES,
  grantTypeOf,
  LIMITS,
  NEXT_LINK_LOCATIONS,
  OAUTH_METHODS,
  PAGINATION_LABELS,
  PAGINATION_TYPES,
  REFRESH_STRATEGIES,
  TOKEN_CONTENT_TYPES,
  TOKEN_REQUEST_METHODS,
  type AuthMethod,
  type IntegrationSettings,
  type PaginationType,
} from './model';

export type FieldKind = 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'pairs';
export type Section = 'details' | 'auth' | 'oauth' | 'pagination' | 'mapping';

export interface FieldSpec {
  /** Dotted path in the settings object: "auth.oauth.accessTokenUrl". */
  key: string;
  label: string;
  help: string;
  kind: FieldKind;
  section: Section;
  options?: ReadonlyArray<{ value: string; label: string }>;
  min?: number;
  max?: number;
  /** Rewst's default, or the OAuth standard's name where Rewst gives none; prefilled when the field first appears. */
  default?: string | number | boolean;
  /** Shown for these methods or types only (all when absent). */
  when?: { auth?: ReadonlyArray<AuthMethod>; pagination?: ReadonlyArray<PaginationType> };
  /** Rewst cannot go on without it (beyond `when`, some fields depend on other values: see requiredFields). */
  required?: boolean;
}

const OAUTH = { auth: ['oauth2', 'oauth2-authorization-code', 'oauth2-client-credentials'] as const };
const PAGED = { pagination: ['index', 'page', 'link', 'pointer'] as const };
const opts = (values: readonly string[], labels?: Record<string, string>) => values.map((value) => ({ value, label: labels?.[value] ?? value }));

export const FIELDS: ReadonlyArray<FieldSpec> = [
  {
    key: 'name',
    label: 'Name',
    section: 'details',
    kind: 'text',
    required: true,
    help: "Shown as the accordion header for the integration's actions in the Workflow Builder. It shouldn't contain special characters.",
  },
  { key: 'description', label: 'Description', section: 'details', kind: 'textarea', required: true, help: 'Rewst reports "Description missing" without one.' },
  {
    key: 'hostname',
    label: 'Hostname',
    section: 'details',
    kind: 'text',
    required: true,
    help: 'The hostname of the API without https:// at the beginning, for example api.example.com.',
  },
  {
    key: 'icon',
    label: 'Icon',
    section: 'details',
    kind: 'text',
    help: "Optional: without one Rewst applies a default icon (Rewst's release note of August 21, 2026, which is later than the wizard page that asks for one). When set: an SVG file (other image formats will not upload), relative to this settings file; it represents the integration across Rewst.",
  },
  {
    key: 'auth.method',
    label: 'Authentication method',
    section: 'auth',
    kind: 'select',
    required: true,
    options: opts(AUTH_METHODS, AUTH_LABELS),
    help: 'Choose from the guidance below each method.',
  },
  {
    key: 'auth.apiKeyHeaderName',
    label: 'API Key Header Name',
    section: 'auth',
    kind: 'text',
    required: true,
    when: { auth: ['api-key'] },
    help: 'The name of the header that will be used to send the API key.',
  },
  {
    key: 'auth.apiKeyPreamble',
    label: 'API Key Preamble',
    section: 'auth',
    kind: 'text',
    when: { auth: ['api-key'] },
    help: 'The word sent before the API key, i.e. "Bearer [TOKEN]" for bearer token authentication. Leave blank if not necessary.',
  },
  {
    key: 'auth.oauth.grantType',
    label: 'OAuth Grant Type',
    section: 'oauth',
    kind: 'select',
    required: true,
    when: { auth: ['oauth2'] },
    options: opts(GRANT_TYPES),
    help: 'The grant type that will be used to request an access token.',
  },
  {
    key: 'auth.oauth.accessTokenScheme',
    label: 'OAuth Access Token Scheme',
    section: 'oauth',
    kind: 'text',
    when: OAUTH,
    default: 'Bearer',
    help: 'The scheme that will be used to send the access token in Authorization headers.',
  },
  {
    key: 'auth.oauth.authorizationUrl',
    label: 'OAuth Authorization Code URL',
    section: 'oauth',
    kind: 'text',
    when: { auth: ['oauth2', 'oauth2-authorization-code'] },
    help: 'The URL that will be used to request an authorization code.',
  },
  {
    key: 'auth.oauth.accessTokenUrl',
    label: 'OAuth Access Token URL',
    section: 'oauth',
    kind: 'text',
    required: true,
    when: OAUTH,
    help: 'The URL that will be used to request an access token.',
  },
  {
    key: 'auth.oauth.tokenExpirationKey',
    label: 'OAuth Token Expiration Key',
    section: 'oauth',
    kind: 'text',
    when: OAUTH,
    default: 'expires_in',
    help: 'The key the access token expiration time is returned as in the response from token requests.',
  },
  {
    key: 'auth.oauth.tokenKey',
    label: 'OAuth Token Key',
    section: 'oauth',
    kind: 'text',
    when: OAUTH,
    default: 'access_token',
    help: 'The key access tokens are returned as in the response from token requests.',
  },
  {
    key: 'auth.oauth.tokenRequestContentType',
    label: 'OAuth Token Request Content Type',
    section: 'oauth',
    kind: 'select',
    when: OAUTH,
    options: opts(TOKEN_CONTENT_TYPES),
    default: 'application/x-www-form-urlencoded',
    help: 'The Content-Type header when requesting an access token. This should be application/x-www-form-urlencoded for most APIs.',
  },
  {
    key: 'auth.oauth.tokenRequestMethod',
    label: 'OAuth Token Request Method',
    section: 'oauth',
    kind: 'select',
    when: OAUTH,
    options: opts(TOKEN_REQUEST_METHODS),
    default: 'POST',
    help: 'The HTTP method used to request an access token. This should be POST for most APIs.',
  },
  {
    key: 'auth.oauth.scope',
    label: 'OAuth Scope',
    section: 'oauth',
    kind: 'text',
    when: OAUTH,
    help: 'The scope used to request an access token. Leave blank to use the default scope.',
  },
  {
    key: 'auth.oauth.tokenExchangeBasicAuth',
    label: 'OAuth Token Exchange Requires Basic Auth Headers',
    section: 'oauth',
    kind: 'boolean',
    when: OAUTH,
    default: false,
    help: 'Check if the Client ID and Secret should be sent as Basic Auth headers when exchanging an authorization code for an access token. Some APIs require it; consult their documentation.',
  },
  {
    key: 'auth.oauth.refreshTokenKey',
    label: 'OAuth Refresh Token Key',
    section: 'oauth',
    kind: 'text',
    when: OAUTH,
    default: 'refresh_token',
    help: 'The key refresh tokens are returned as in the response from token requests.',
  },
  {
    key: 'auth.oauth.includeClientConfigOnRefresh',
    label: 'Include Client Config on Refresh',
    section: 'oauth',
    kind: 'boolean',
    when: OAUTH,
    default: false,
    help: 'Some APIs do not allow additional parameters when refreshing an access token. If so, keep this unchecked.',
  },
  {
    key: 'auth.oauth.includeRedirectUriOnRefresh',
    label: 'Include Redirect URI on Refresh',
    section: 'oauth',
    kind: 'boolean',
    when: OAUTH,
    default: false,
    help: 'Some APIs do not allow the redirect URI when refreshing an access token. If so, keep this unchecked.',
  },
  {
    key: 'auth.oauth.refreshStrategy',
    label: 'Token Refresh Strategy',
    section: 'oauth',
    kind: 'select',
    when: OAUTH,
    options: opts(REFRESH_STRATEGIES, { automatic: 'Automatic', 'custom-interval': 'Custom Interval' }),
    default: 'automatic',
    help: "'Automatic' uses the expiration times from the OAuth provider, 'Custom Interval' a fixed interval.",
  },
  {
    key: 'auth.oauth.customRefreshInterval',
    label: 'Custom Refresh Interval (seconds)',
    section: 'oauth',
    kind: 'number',
    when: OAUTH,
    ...LIMITS.customRefreshInterval,
    help: 'With the Custom Interval strategy, refresh tokens at this fixed interval regardless of expiration time. Range 300-86400 seconds: 5 minutes to 24 hours.',
  },
  {
    key: 'auth.oauth.refreshBuffer',
    label: 'Refresh Buffer (seconds)',
    section: 'oauth',
    kind: 'number',
    when: OAUTH,
    ...LIMITS.refreshBuffer,
    help: 'With the Automatic strategy, refresh tokens this many seconds before they expire. Range 30-3600 seconds: 30 seconds to 1 hour.',
  },
  {
    key: 'auth.oauth.authorizationExtraParams',
    label: 'OAuth Authorization Extra Params',
    section: 'oauth',
    kind: 'pairs',
    when: OAUTH,
    help: 'Extra parameters sent with the authorization request, one "name: value" per line. Optional; some APIs require them.',
  },
  {
    key: 'extraRequestHeaders',
    label: 'Extra Request Headers',
    section: 'auth',
    kind: 'pairs',
    help: 'Extra headers sent with every request to the API, one "Name: value" per line. Optional; some APIs require them.',
  },
  {
    key: 'pagination.type',
    label: 'API Pagination Type',
    section: 'pagination',
    kind: 'select',
    required: true,
    options: opts(PAGINATION_TYPES, PAGINATION_LABELS),
    help: 'Choose from the guidance below each type.',
  },
  {
    key: 'pagination.resultsKey',
    label: 'Results Key',
    section: 'pagination',
    kind: 'text',
    when: PAGED,
    help: "A path within the action's output to the iterable list of results (which must be an array), i.e. results or results.foo. Empty when the response itself is the array.",
  },
  {
    key: 'pagination.pageSizeParam',
    label: 'Page Size Param',
    section: 'pagination',
    kind: 'text',
    when: PAGED,
    help: 'The query parameter that controls the number of items returned in a response.',
  },
  {
    key: 'pagination.defaultPageSize',
    label: 'Default Page Size',
    section: 'pagination',
    kind: 'number',
    required: true,
    when: PAGED,
    ...LIMITS.defaultPageSize,
    help: 'The default number of items to return in a response. This cannot be higher than 1000.',
  },
  {
    key: 'pagination.defaultPageLimit',
    label: 'Default Page Limit',
    section: 'pagination',
    kind: 'number',
    required: true,
    when: PAGED,
    ...LIMITS.defaultPageLimit,
    default: LIMITS.defaultPageLimit.max,
    help: 'The most pages Rewst fetches for one action run: it caps pages, not items (one run returns at most Default Page Limit × Default Page Size items; Rewst\'s release notes: "Configurable page size and max pages"). This cannot be higher than 20.',
  },
  {
    key: 'pagination.indexParam',
    label: 'Index Param',
    section: 'pagination',
    kind: 'text',
    required: true,
    when: { pagination: ['index'] },
    help: 'The query parameter that identifies the starting index of the returned page.',
  },
  {
    key: 'pagination.pageParam',
    label: 'Page Param',
    section: 'pagination',
    kind: 'text',
    required: true,
    when: { pagination: ['page'] },
    help: 'The query parameter that controls which page of results is returned.',
  },
  {
    key: 'pagination.nextLinkLocation',
    label: 'Next Link Location',
    section: 'pagination',
    kind: 'select',
    required: true,
    when: { pagination: ['link'] },
    options: opts(NEXT_LINK_LOCATIONS, { body: 'JSON Response Body', header: 'Response Header' }),
    help: 'Where the next link is: in the JSON response body or in a response header.',
  },
  {
    key: 'pagination.nextPageKey',
    label: 'Next Page Key',
    section: 'pagination',
    kind: 'text',
    when: { pagination: ['link'] },
    help: 'The key in the response body holding the link to the next page. Used when the link is in the response body.',
  },
  {
    key: 'pagination.responseHeaderName',
    label: 'Response Header Name',
    section: 'pagination',
    kind: 'text',
    when: { pagination: ['link'] },
    help: 'The response header holding the link to the next page. Defaults to "link" if unset and the location is "header".',
  },
  {
    key: 'pagination.responseHeaderRel',
    label: 'Response Header Rel',
    section: 'pagination',
    kind: 'text',
    when: { pagination: ['link'] },
    help: 'The rel value of the link header that holds the next link. Defaults to "next" if unset and the location is "header".',
  },
  {
    key: 'pagination.afterParam',
    label: 'After Param',
    section: 'pagination',
    kind: 'text',
    required: true,
    when: { pagination: ['pointer'] },
    help: 'The query parameter that identifies the starting pointer/cursor of the returned page.',
  },
  {
    key: 'pagination.pointerJsonPath',
    label: 'Pointer JSONPath',
    section: 'pagination',
    kind: 'text',
    required: true,
    when: { pagination: ['pointer'] },
    help: 'The JSONPath to the pointer/cursor in the response, e.g. $.meta.next_cursor.',
  },
  {
    key: 'organizationMapping.action',
    label: 'Organization Mapping Action',
    section: 'mapping',
    kind: 'text',
    help: "The list action (operationId) whose items are the vendor's customers, to map each child organization to. After Finalize, at the bottom of the integration's page; it must be marked paginated: Rewst shows the mapping table only when an action is paginated.",
  },
  {
    key: 'organizationMapping.valueKey',
    label: 'Organization Mapping Value Key',
    section: 'mapping',
    kind: 'text',
    help: "The field of each item that holds the customer's id: the value Rewst stores for the child organization.",
  },
  {
    key: 'organizationMapping.labelKey',
    label: 'Organization Mapping Label Key',
    section: 'mapping',
    kind: 'text',
    help: "The field of each item that holds the customer's name: what the mapping drop-down shows.",
  },
];

export const FIELDS_BY_KEY: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((f) => [f.key, f]));

/** Does this field apply to the method and pagination type chosen in `s`? */
export function fieldApplies(field: FieldSpec, s: IntegrationSettings): boolean {
  if (field.when?.auth && !field.when.auth.includes(s.auth?.method as AuthMethod)) return false;
  if (field.when?.pagination && !field.when.pagination.includes(s.pagination?.type as PaginationType)) return false;
  return true;
}

/** The fields Rewst needs filled, given what is chosen. */
export function requiredFields(s: IntegrationSettings): FieldSpec[] {
  const out = FIELDS.filter((f) => f.required && fieldApplies(f, s));
  const extra = (key: string) => out.push(FIELDS_BY_KEY.get(key)!);
  if (grantTypeOf(s.auth) === 'authorization_code') extra('auth.oauth.authorizationUrl');
  if (OAUTH_METHODS.has(s.auth?.method as AuthMethod) && s.auth?.oauth?.refreshStrategy === 'custom-interval') extra('auth.oauth.customRefreshInterval');
  if (s.pagination?.type === 'link' && s.pagination.nextLinkLocation === 'body') extra('pagination.nextPageKey');
  return out;
}

export function getField(s: unknown, key: string): unknown {
  let node = s;
  for (const seg of key.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** Sets (or with undefined, removes) a field, creating parents; returns a new object, `s` is untouched. */
export function setField<T extends object>(s: T, key: string, value: unknown): T {
  const [head, ...rest] = key.split('.');
  const copy = { ...(s as Record<string, unknown>) };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy as T;
  }
  const child = copy[head];
  const next = setField(child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as object) : {}, rest.join('.'), value);
  if (Object.keys(next).length === 0) delete copy[head];
  else copy[head] = next;
  return copy as T;
}
