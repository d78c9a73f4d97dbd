/**
 * What Rewst's custom-integration wizard asks for, as a settings file beside
 * the spec: the shape of the file, the choices, Rewst's labels, guidance and
 * limits (docs: "Custom integrations: V2"). The field table is in fields.ts.
 * Pure data: no Node, no DOM, so the webview bundles it too.
 */
export const AUTH_METHODS = ['api-key', 'basic', 'oauth2', 'oauth2-authorization-code', 'oauth2-client-credentials', 'none'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

export const PAGINATION_TYPES = ['none', 'index', 'page', 'link', 'pointer'] as const;
export type PaginationType = (typeof PAGINATION_TYPES)[number];

export const GRANT_TYPES = ['authorization_code', 'client_credentials', 'password'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const REFRESH_STRATEGIES = ['automatic', 'custom-interval'] as const;
export const NEXT_LINK_LOCATIONS = ['body', 'header'] as const;
export const TOKEN_REQUEST_METHODS = ['POST', 'GET'] as const;
export const TOKEN_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'application/json'] as const;

export interface OAuthSettings {
  grantType?: GrantType;
  accessTokenScheme?: string;
  authorizationUrl?: string;
  accessTokenUrl?: string;
  tokenExpirationKey?: string;
  tokenKey?: string;
  tokenRequestContentType?: string;
  tokenRequestMethod?: string;
  scope?: string;
  tokenExchangeBasicAuth?: boolean;
  refreshTokenKey?: string;
  includeClientConfigOnRefresh?: boolean;
  includeRedirectUriOnRefresh?: boolean;
  refreshStrategy?: (typeof REFRESH_STRATEGIES)[number];
  customRefreshInterval?: number;
  refreshBuffer?: number;
  authorizationExtraParams?: Record<string, string>;
}

export interface AuthSettings {
  method?: AuthMethod;
  apiKeyHeaderName?: string;
  apiKeyPreamble?: string;
  oauth?: OAuthSettings;
}

export interface PaginationSettings {
  type?: PaginationType;
  resultsKey?: string;
  pageSizeParam?: string;
  defaultPageSize?: number;
  defaultPageLimit?: number;
  indexParam?: string;
  pageParam?: string;
  responseHeaderRel?: string;
  responseHeaderName?: string;
  nextPageKey?: string;
  nextLinkLocation?: (typeof NEXT_LINK_LOCATIONS)[number];
  afterParam?: string;
  pointerJsonPath?: string;
}

/**
 * Where Rewst's organization mapping reads the vendor's customers: a paginated list action, and the item fields
 * that fill the mapping drop-down (the value saved for each child organization, and the label shown).
 */
export interface OrganizationMappingSettings {
  /** operationId of the list action (it must be paginated: Rewst shows the mapping table only then). */
  action?: string;
  /** The item field holding the customer's id. */
  valueKey?: string;
  /** The item field holding the customer's name. */
  labelKey?: string;
}

export interface IntegrationSettings {
  $schema?: string;
  /** The spec, relative to this file; when absent, the spec beside it with the same base name. */
  spec?: string;
  name?: string;
  description?: string;
  hostname?: string;
  /** Path of an SVG file, relative to this file. */
  icon?: string;
  auth?: AuthSettings;
  extraRequestHeaders?: Record<string, string>;
  pagination?: PaginationSettings;
  /** operationIds of the actions to mark paginated. */
  paginatedActions?: string[];
  organizationMapping?: OrganizationMappingSettings;
}

export const AUTH_LABELS: Record<AuthMethod, string> = {
  'api-key': 'API Key',
  basic: 'Basic Auth',
  oauth2: 'OAuth 2.0',
  'oauth2-authorization-code': 'OAuth 2.0 Authorization Code',
  'oauth2-client-credentials': 'OAuth 2.0 Client Credentials',
  none: 'No Auth',
};

/** Rewst's guidance on when each method fits, as its page lists it. */
export const AUTH_GUIDANCE: Record<AuthMethod, string[]> = {
  'api-key': [
    'The API provides a single static key or token',
    'Requests include a header like Authorization or X-API-Key',
    'Tokens do not expire or refresh automatically',
    'Vendor documentation mentions API key, token, or bearer token',
  ],
  basic: [
    'The API requires a username and password',
    'Documentation explicitly mentions basic authentication',
    'The system is legacy, internal, or appliance-based',
    "Credentials don't rotate automatically",
  ],
  oauth2: [
    'The API requires user login or consent or server-to-server tokens',
    'Tokens expire and refresh automatically',
    'Vendor documentation mentions authorization code, client credentials, access tokens or refresh tokens',
  ],
  'oauth2-authorization-code': [
    'Users must log in or approve access',
    'The API mentions an authorization or consent screen',
    'An authorization URL is provided',
    'The integration acts on behalf of a user or tenant',
  ],
  'oauth2-client-credentials': [
    'No user login is required',
    'The integration is server-to-server or machine-to-machine',
    'Only a token endpoint is mentioned',
    'The API references service accounts or application access',
  ],
  none: [
    'The API explicitly states authentication is not required',
    'Rewst does not support your authentication method (a workflow may pull details into Rewst instead)',
    'No headers, tokens, or credentials are mentioned',
    'Endpoints are read-only and public',
  ],
};

export const PAGINATION_LABELS: Record<PaginationType, string> = { none: 'No pagination', index: 'Index', page: 'Page', link: 'Link', pointer: 'Pointer' };

export const PAGINATION_GUIDANCE: Record<PaginationType, string[]> = {
  none: [
    'The endpoint always returns a small, complete dataset',
    'The response is a single list with no paging metadata',
    "The vendor's documentation doesn't mention pages, limits, cursors or links",
  ],
  index: [
    'The API uses an offset-style parameter',
    'Requests look like offset=0&limit=50 or start=100',
    'Documentation mentions offset, start, skip, or from',
    'You move through results by increasing a number',
  ],
  page: [
    'The API uses page numbers',
    'Requests look like page=1&page_size=50',
    'Vendor documentation mentions page, page number, or pages',
    'You move through results by incrementing page numbers',
  ],
  link: [
    'The API returns a full URL to the next page',
    'Responses include next, next_url, or Link headers',
    'Vendor documentation mentions follow the next link',
    'The API controls paging rather than you calculating it',
  ],
  pointer: [
    'The API uses cursors or tokens to continue results',
    'Vendor documentation mentions cursor, after, starting_after, or next_token',
    'The response includes a value you pass back to get the next page',
    'Page order must remain consistent as data changes',
  ],
};

/** Rewst's two patterns for an API without a suitable client list (its page, August 2026: "non-native multi-tenant APIs"). */
export const NO_CLIENT_LIST_PATTERNS: ReadonlyArray<string> = [
  'No client list in the API: a Rewst workflow builds the list of customers into an organization variable and a webhook trigger serves it; add an action that calls that webhook, mark it paginated, set its Results Key to the array, give it an output schema mapping value and label, and set it as the mapping endpoint.',
  'Credentials per tenant (one OAuth client per customer, as Microsoft Defender for Endpoint issues them): add a placeholder action, marked paginated, with a minimal output schema (an object holding an array of items with an id); it only unlocks the mapping table so that each child organization gets its own configuration, and is never called.',
];

export const OAUTH_METHODS: ReadonlySet<AuthMethod> = new Set(['oauth2', 'oauth2-authorization-code', 'oauth2-client-credentials']);

/** The grant a specific OAuth method implies; the generic one asks. */
export function grantTypeOf(auth: AuthSettings | undefined): GrantType | undefined {
  if (auth?.method === 'oauth2-authorization-code') return 'authorization_code';
  if (auth?.method === 'oauth2-client-credentials') return 'client_credentials';
  return auth?.method === 'oauth2' ? auth.oauth?.grantType : undefined;
}

/** Rewst's limits, as its page states them. */
export const LIMITS = {
  defaultPageSize: { min: 1, max: 1000 },
  defaultPageLimit: { min: 1, max: 20 },
  customRefreshInterval: { min: 300, max: 86400 },
  refreshBuffer: { min: 30, max: 3600 },
} as const;

/**
 * The page size proposed when the spec states neither a maximum nor a default for its page size
 * parameter (Rewst names no default; this is well within its 1000 and within most APIs' own maximum).
 */
export const FALLBACK_PAGE_SIZE = 100;
