/**
 * Proposes Rewst's authentication settings from the spec's security schemes
 * (OpenAPI 3 `components.securitySchemes`, Swagger 2.0 `securityDefinitions`).
 * Among the schemes the spec's requirements use, the one Rewst's guidance
 * makes simplest wins: an API key header (bearer included), then OAuth client
 * credentials, authorization code, password, then Basic Auth.
 */
import type { AuthOption } from '../../../../../common/settings/proposal';
import { specServer } from '../../server-url';
import { isObject } from '../../spec-index';
import type { AuthSettings, OAuthSettings } from '../../../../../common/settings/model';
import { isCredentialHeader } from '../../../../../common/settings/secrets';
import { operationModelsOf, securitySchemesOf, type Obj, type OperationModel } from '../model/spec-model';

export type { AuthOption };

export interface AuthProposal {
  auth: AuthSettings;
  extraRequestHeaders?: Record<string, string>;
  /** The option chosen, when the spec has any scheme. */
  chosen?: AuthOption;
  /** Every scheme the spec declares, for the form to offer. */
  options: AuthOption[];
  notes: string[];
}

/** What every OAuth proposal starts from: the values Rewst's form fills in. */
export const OAUTH_DEFAULTS: Readonly<OAuthSettings> = {
  accessTokenScheme: 'Bearer',
  tokenKey: 'access_token',
  refreshTokenKey: 'refresh_token',
  tokenExpirationKey: 'expires_in',
  tokenRequestContentType: 'application/x-www-form-urlencoded',
  tokenRequestMethod: 'POST',
  refreshStrategy: 'automatic',
};

/** More scopes than this are a list to choose from, not a proposal. */
const MAX_SCOPES = 10;

const PREAMBLE = /\b(Bearer|Token|Basic|SSWS|GenieKey|Key|Klaviyo-API-Key|ApiKey|Api-Key|Zoho-oauthtoken)\s*[<{[(]/;

function text(x: unknown): string {
  return typeof x === 'string' ? x : '';
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/** One option per scheme; an OAuth scheme gives one per flow. */
export function optionsFor(name: string, s: Obj, swagger2: boolean, base?: string): AuthOption[] {
  const type = text(s.type);
  const description = text(s.description);
  if (type === 'apiKey') {
    const where = text(s.in);
    const header = text(s.name);
    const scheme = text(s.scheme);
    // An apiKey carrying an http scheme's `scheme` field: the authors meant the scheme when the header is Authorization (or none is named).
    if (/^(bearer|basic)$/i.test(scheme) && (where === '' || where === 'header') && (header === '' || /^authorization$/i.test(header))) {
      const as = /^bearer$/i.test(scheme)
        ? optionsFor(name, { type: 'http', scheme: 'bearer' }, false)[0]
        : optionsFor(name, { type: 'http', scheme: 'basic' }, false)[0];
      return [
        {
          ...as,
          kind: `apiKey with scheme ${scheme}`,
          notes: [
            `"${name}" is declared as an apiKey with the scheme field "${scheme}", which only http schemes have: ${as.auth.method === 'basic' ? 'Basic Auth' : 'API Key in Authorization with the preamble Bearer'} is inferred from that field.`,
          ],
        },
      ];
    }
    if (where === '' || header === '')
      return [
        {
          scheme: name,
          kind: 'apiKey without in or name',
          auth: { method: 'none' },
          supported: false,
          rank: 9,
          notes: [
            `The spec's "${name}" is an apiKey that does not say ${where === '' ? 'where it goes (in)' : 'which header carries it (name)'}: find the header in the vendor's documentation.`,
          ],
        },
      ];
    if (where !== 'header')
      return [
        {
          scheme: name,
          kind: `apiKey in ${where} ${header}`,
          auth: { method: 'none' },
          supported: false,
          rank: 9,
          notes: [
            `The spec's "${name}" sends the key in the ${where} (${header}); Rewst's API Key sends a header. Check whether the vendor also accepts it as a header.`,
          ],
        },
      ];
    const preamble = /^authorization$/i.test(header)
      ? (PREAMBLE.exec(description)?.[1] ?? (/\bbearer\b/i.test(description) || /^bearer$/i.test(scheme) ? 'Bearer' : undefined))
      : undefined;
    // An Authorization header with no word about its scheme is often the OAuth token's slot: OAuth, if offered, goes first.
    const rank = /^authorization$/i.test(header) && !preamble ? 1.5 : 0;
    const notes =
      scheme && !/^authorization$/i.test(header)
        ? [
            `"${name}" sends the key in ${header} and also has the scheme field "${scheme}", which apiKey schemes do not use: check whether the vendor expects "${scheme}" before the key (API Key Preamble).`,
          ]
        : [];
    return [
      {
        scheme: name,
        kind: `apiKey in header ${header}`,
        auth: { method: 'api-key', apiKeyHeaderName: header, ...(preamble ? { apiKeyPreamble: preamble } : {}) },
        supported: true,
        rank,
        notes,
      },
    ];
  }
  if ((type === 'http' && (/^bearer$/i.test(text(s.scheme)) || (!text(s.scheme) && typeof s.bearerFormat === 'string'))) || (swagger2 && type === 'bearer')) {
    return [
      {
        scheme: name,
        kind: 'http bearer',
        auth: { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' },
        supported: true,
        rank: 0,
        notes: [],
      },
    ];
  }
  if ((type === 'http' && /^basic$/i.test(text(s.scheme))) || type === 'basic') {
    return [{ scheme: name, kind: 'http basic', auth: { method: 'basic' }, supported: true, rank: 4, notes: [] }];
  }
  if (type === 'oauth2') return oauthOptions(name, s, swagger2, base);
  if (type === 'openIdConnect') {
    const url = text(s.openIdConnectUrl);
    return [
      {
        scheme: name,
        kind: 'openIdConnect',
        auth: { method: 'oauth2-authorization-code', oauth: { ...OAUTH_DEFAULTS } },
        supported: true,
        rank: 6,
        notes: [
          `"${name}" is OpenID Connect: its discovery document${url ? ` (${url})` : ''} lists the authorization_endpoint and token_endpoint to enter as the OAuth URLs.`,
        ],
      },
    ];
  }
  const kind = type === 'http' ? `http ${text(s.scheme)}` : type || 'unknown';
  return [
    {
      scheme: name,
      kind,
      auth: { method: 'none' },
      supported: false,
      rank: 9,
      notes: [`Rewst does not support "${name}" (${kind}). Choose No Auth and pull credentials in with a workflow, as Rewst suggests.`],
    },
  ];
}

function oauthOptions(name: string, s: Obj, swagger2: boolean, base?: string): AuthOption[] {
  // Swagger 2.0 has one flow per scheme, with the URLs on the scheme; OpenAPI 3 has a map of flows.
  const flows: Array<[string, Obj]> = swagger2
    ? [[swagger2Flow(text(s.flow)), s]]
    : isObject(s.flows)
      ? Object.entries(s.flows).filter((e): e is [string, Obj] => isObject(e[1]))
      : [];
  const out: AuthOption[] = [];
  for (const [flow, f] of flows) {
    const oauth: OAuthSettings = { ...OAUTH_DEFAULTS };
    const authorizationUrl = withoutProtocolParams(absolute(str(f.authorizationUrl), base));
    const tokenUrl = absolute(str(f.tokenUrl), base);
    if (tokenUrl) oauth.accessTokenUrl = tokenUrl;
    if (flow === 'clientCredentials')
      out.push({ scheme: name, kind: 'oauth2 client credentials', auth: { method: 'oauth2-client-credentials', oauth }, supported: true, rank: 1, notes: [] });
    else if (flow === 'authorizationCode')
      out.push({
        scheme: name,
        kind: 'oauth2 authorization code',
        auth: { method: 'oauth2-authorization-code', oauth: { ...oauth, ...(authorizationUrl ? { authorizationUrl } : {}) } },
        supported: true,
        rank: 2,
        notes: [],
      });
    else if (flow === 'password')
      out.push({
        scheme: name,
        kind: 'oauth2 password',
        auth: { method: 'oauth2', oauth: { grantType: 'password', ...oauth } },
        supported: true,
        rank: 3,
        notes: [],
      });
    else if (flow === 'implicit') {
      // Rewst exchanges codes server-side; the implicit flow's authorization URL usually serves the code flow too.
      out.push({
        scheme: name,
        kind: 'oauth2 implicit',
        auth: { method: 'oauth2-authorization-code', oauth: { ...oauth, ...(authorizationUrl ? { authorizationUrl } : {}) } },
        supported: true,
        rank: 5,
        notes: [
          `"${name}" lists only the implicit flow, which Rewst cannot use; Authorization Code is proposed with the same authorization URL, and the token URL must come from the vendor's documentation.`,
        ],
      });
    }
  }
  return out;
}

/** OpenAPI 3 resolves relative OAuth URLs against the server; Swagger 2.0 against its host. */
/** The spec's server URL (variables filled in), against which relative OAuth URLs are read; https when the spec names no scheme. */
function baseUrlOf(root: Obj): string | undefined {
  const server = specServer(root);
  if (!server?.host) return undefined;
  return server.url.startsWith('//') ? `https:${server.url}` : server.url;
}

function absolute(url: string | undefined, base: string | undefined): string | undefined {
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || !base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Rewst adds client_id, redirect_uri, response_type, scope and state itself; placeholders for them in the URL would clash. */
function withoutProtocolParams(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  try {
    const u = new URL(url);
    for (const p of ['client_id', 'redirect_uri', 'response_type', 'scope', 'state']) u.searchParams.delete(p);
    return u.href.replace(/\?$/, '');
  } catch {
    return url;
  }
}

function swagger2Flow(flow: string): string {
  return flow === 'accessCode' ? 'authorizationCode' : flow === 'application' ? 'clientCredentials' : flow;
}

interface Usage {
  /** Security requirement objects in use (root and operations), each an AND of scheme names. */
  groups: Array<Record<string, string[]>>;
  count: Map<string, number>;
  scopes: Map<string, string[]>;
}

function usageOf(root: Obj, ops: OperationModel[]): Usage {
  const groups: Array<Record<string, string[]>> = [];
  const seen = new Set<string>();
  const count = new Map<string, number>();
  const scopes = new Map<string, string[]>();
  const add = (req: unknown) => {
    if (!isObject(req)) return;
    const group: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(req)) {
      group[k] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      count.set(k, (count.get(k) ?? 0) + 1);
      const list = scopes.get(k) ?? [];
      for (const scope of group[k]) if (!list.includes(scope)) list.push(scope);
      scopes.set(k, list);
    }
    const key = Object.keys(group).sort().join('\u0000');
    if (!seen.has(key)) {
      seen.add(key);
      groups.push(group);
    }
  };
  if (Array.isArray(root.security)) root.security.forEach(add);
  for (const op of ops) op.security?.forEach(add);
  return { groups, count, scopes };
}

export function inferAuth(root: Obj, ops: OperationModel[] = operationModelsOf(root)): AuthProposal {
  const schemes = securitySchemesOf(root);
  const swagger2 = 'swagger' in root;
  const optionsByScheme = new Map<string, AuthOption[]>();
  const base = baseUrlOf(root);
  for (const [name, s] of schemes) optionsByScheme.set(name, optionsFor(name, s, swagger2, base));
  const notes: string[] = [];
  const usage = usageOf(root, ops);
  // A requirement naming a scheme the spec does not define: its name may still say what it is ("bearerAuth").
  for (const name of usage.count.keys()) {
    if (schemes.has(name)) continue;
    const guess = fromSchemeName(name, ops);
    if (guess) optionsByScheme.set(name, [guess]);
    else notes.push(`A security requirement names "${name}", which the spec does not define.`);
  }
  // No scheme at all: a credential header parameter on (nearly) every operation says it instead (Autotask's ApiIntegrationCode, Secret...).
  const fromHeaders = optionsByScheme.size ? undefined : headerAuth(ops);
  if (fromHeaders) optionsByScheme.set(fromHeaders.option.scheme, [fromHeaders.option]);
  const options = [...optionsByScheme.values()].flat();
  if (!optionsByScheme.size) {
    const some = credentialHeaders(ops)[0];
    return {
      auth: { method: 'none' },
      options,
      notes: [
        ...notes,
        some
          ? `The spec declares no security scheme, and no credential header goes with most operations: No Auth is proposed. The header parameter ${some.name}, a credential by its name, goes with ${some.n} of ${ops.length} operations: if the vendor's documentation says it carries the key for every request, choose API Key with it.`
          : "The spec declares no security scheme, and no credential header goes with most operations: No Auth is proposed. Check the vendor's documentation for API keys or tokens.",
      ],
    };
  }

  const groups = usage.groups.filter((g) => Object.keys(g).length > 0);
  // An empty requirement ({}) with a credential header on most operations (Walmart's WM_SEC.ACCESS_TOKEN) is a generator's default: the header says more.
  if (usage.groups.length && !groups.length && !fromHeaders)
    return { auth: { method: 'none' }, options, notes: ['Every security requirement in the spec is empty (no credentials needed): No Auth is proposed.'] };
  const candidates = fromHeaders
    ? [{ [fromHeaders.option.scheme]: [] as string[] }]
    : groups.length
      ? groups
      : [...schemes.keys()].map((k) => ({ [k]: [] as string[] }));

  let best: { option: AuthOption; group: Record<string, string[]>; order: number } | undefined;
  candidates.forEach((group, order) => {
    for (const name of Object.keys(group)) {
      for (const option of optionsByScheme.get(name) ?? []) {
        if (!option.supported) continue;
        const better =
          !best ||
          option.rank < best.option.rank ||
          (option.rank === best.option.rank && (usage.count.get(name) ?? 0) > (usage.count.get(best.option.scheme) ?? 0));
        if (better) best = { option, group, order };
      }
    }
  });
  if (!best) {
    notes.push(...options.flatMap((o) => o.notes));
    return { auth: { method: 'none' }, options, notes };
  }
  const { option, group } = best;
  const auth: AuthSettings = structuredClone(option.auth);
  if (auth.oauth) {
    const scopes = (usage.scopes.get(option.scheme) ?? []).filter((x) => x && x !== 'none');
    if (scopes.length && scopes.length <= MAX_SCOPES) auth.oauth.scope = scopes.join(' ');
    else if (scopes.length)
      notes.push(
        `The operations name ${scopes.length} scopes between them (${scopes.slice(0, 5).join(', ')}, …): too many to propose. Scope is left blank, which uses the default scope; enter the ones your workflows need.`,
      );
    else {
      const declared = declaredScopes(schemes.get(option.scheme)!, swagger2);
      if (declared.length)
        notes.push(
          `No operation names the scopes it needs; the scheme declares ${declared.length} (${declared.slice(0, 5).join(', ')}${declared.length > 5 ? ', …' : ''}). Scope is left blank, which uses the default scope.`,
        );
    }
    if (!auth.oauth.accessTokenUrl) notes.push(`The spec gives no token URL for "${option.scheme}": find it in the vendor's documentation.`);
    for (const url of [auth.oauth.accessTokenUrl, auth.oauth.authorizationUrl])
      if (url && !/^https?:\/\//i.test(url))
        notes.push(`The OAuth URL ${url} is relative and the spec names no host to resolve it against: enter the full URL.`);
  }
  notes.push(...option.notes);
  if (auth.method === 'api-key' && /^authorization$/i.test(auth.apiKeyHeaderName ?? '') && !auth.apiKeyPreamble)
    notes.push(
      'The key goes in the Authorization header and the spec does not say with which word before it: check whether the vendor expects a preamble such as Bearer.',
    );
  // The other API-key headers a requirement ANDs in go to Extra Request Headers, with their values left for Rewst.
  const extra: Record<string, string> = {};
  for (const name of Object.keys(group)) {
    if (name === option.scheme) continue;
    const other = optionsByScheme.get(name)?.[0];
    if (other?.auth.method === 'api-key' && other.auth.apiKeyHeaderName) {
      extra[other.auth.apiKeyHeaderName] = '';
      notes.push(
        `The spec also requires the header ${other.auth.apiKeyHeaderName} (scheme "${name}"): it is listed under Extra Request Headers with an empty value, to be filled in Rewst, since it is a credential.`,
      );
    } else if (other && other.auth.method !== option.auth.method && !(other.auth.oauth && option.auth.oauth))
      notes.push(`The spec also requires "${name}" (${other.kind}) together with "${option.scheme}"; Rewst takes one authentication method.`);
  }
  for (const name of fromHeaders?.alongside ?? []) extra[name] = '';
  if (fromHeaders?.alongside.length)
    notes.push(
      `${fromHeaders.alongside.join(', ')} also ${fromHeaders.alongside.length === 1 ? 'goes' : 'go'} with every operation: listed under Extra Request Headers with empty values, to be filled in Rewst for each configuration (they are credentials or account details).`,
    );
  const required = requiredHeaders(ops, auth);
  for (const [name, value] of Object.entries(required)) {
    if (name in extra) continue;
    // A credential's value (even a placeholder default) is entered in Rewst, never written here.
    if (isCredentialHeader(name)) {
      if (!(name in extra))
        notes.push(
          `Most operations require the header ${name}, a credential: it is listed under Extra Request Headers with an empty value, to be filled in Rewst.`,
        );
      extra[name] = '';
    } else if (value !== '') extra[name] = value;
    else
      notes.push(
        `Most operations require the header ${name}, and the spec gives no fixed value: if every request sends the same one, add it under Extra Request Headers.`,
      );
  }
  const others = options.filter((o) => o !== option && o.supported);
  if (others.length) notes.push(`Other schemes in the spec: ${others.map((o) => `${o.scheme} (${o.kind})`).join(', ')}.`);
  return { auth, extraRequestHeaders: Object.keys(extra).length ? extra : undefined, chosen: option, options, notes };
}

/** Header names that carry a credential, simplest first: Authorization, an API key, a token, a secret, other codes and keys. */
const CREDENTIAL_NAMES: ReadonlyArray<RegExp> = [
  /^authorization$/i,
  /api[-_]?key|apikey/i,
  /token/i,
  /secret|password/i,
  /integration[-_]?code|access[-_]?key|^x[-_]auth|auth|[-_]?key$/i,
];
/** Headers that go with a credential: account details each configuration sets (Autotask's UserName). */
const ACCOUNT_HEADER = /^(x[-_])?(user(name)?|login|account([-_]?id)?|tenant([-_]?id)?|client[-_]?id|app[-_]?id|integration[-_]?code|company[-_]?id)$/i;
/** A header on at least this share of the operations goes with every request. */
const EVERY = 0.9;
/** A credential header on at least this share is the API key; the operations without it are likely public (Rewst sends it with every action anyway). */
const MOST = 0.5;

interface HeaderUse {
  name: string;
  /** How many operations take it. */
  n: number;
  description: string;
}

/** Every header parameter the operations take, with how many take it. */
function headerUses(ops: OperationModel[]): HeaderUse[] {
  const seen = new Map<string, HeaderUse>();
  for (const op of ops)
    for (const [lower, p] of op.headers) {
      const c = seen.get(lower) ?? { name: p.name, n: 0, description: p.description };
      c.n++;
      seen.set(lower, c);
    }
  return [...seen.values()];
}

const credentialRank = (name: string) => CREDENTIAL_NAMES.findIndex((re) => re.test(name));

/** Header parameters whose names say they carry a credential, the most used first. */
function credentialHeaders(ops: OperationModel[]): HeaderUse[] {
  return headerUses(ops)
    .filter((c) => credentialRank(c.name) >= 0)
    .sort((a, b) => b.n - a.n || credentialRank(a.name) - credentialRank(b.name));
}

/**
 * With no security scheme in the spec: the credential header parameter that
 * (nearly) every operation takes, as API Key; the other credential and account
 * headers that go with it are returned to be listed as Extra Request Headers.
 */
function headerAuth(ops: OperationModel[]): { option: AuthOption; alongside: string[] } | undefined {
  const every = headerUses(ops).filter((c) => ops.length && c.n >= ops.length * EVERY);
  const ranked = every.filter((c) => credentialRank(c.name) >= 0).sort((a, b) => credentialRank(a.name) - credentialRank(b.name) || b.n - a.n);
  // None on (nearly) every operation: the credential header most operations take, if most do.
  const chosen = ranked[0] ?? credentialHeaders(ops).find((c) => c.n >= 2 && c.n >= ops.length * MOST);
  if (!chosen) return undefined;
  const preamble = /^authorization$/i.test(chosen.name)
    ? (PREAMBLE.exec(chosen.description)?.[1] ?? (/\bbearer\b/i.test(chosen.description) ? 'Bearer' : undefined))
    : undefined;
  const alongside = every.filter((c) => c !== chosen && (credentialRank(c.name) >= 0 || ACCOUNT_HEADER.test(c.name))).map((c) => c.name);
  const share = chosen.n === ops.length ? `all ${ops.length}` : `${chosen.n} of ${ops.length}`;
  const option: AuthOption = {
    scheme: chosen.name,
    kind: `header parameter ${chosen.name}`,
    auth: { method: 'api-key', apiKeyHeaderName: chosen.name, ...(preamble ? { apiKeyPreamble: preamble } : {}) },
    supported: true,
    rank: 0,
    notes: [
      `The spec declares no security scheme, but ${share} operations take the header parameter ${chosen.name}: API Key with that header is inferred from it${preamble ? `, with the preamble ${preamble} from its description` : ''}.${chosen.n < ops.length * EVERY ? ` The other ${ops.length - chosen.n} do not take it (likely public): Rewst sends it with every action, which they ignore.` : ''}`,
    ],
  };
  return { option, alongside };
}

/** What a security requirement's name says, when the spec does not define the scheme it names. */
function fromSchemeName(name: string, ops: OperationModel[]): AuthOption | undefined {
  const why = `A security requirement names "${name}", which the spec does not define:`;
  if (/bearer|jwt/i.test(name))
    return {
      scheme: name,
      kind: 'undefined scheme (bearer by its name)',
      auth: { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' },
      supported: true,
      rank: 0,
      notes: [`${why} API Key in Authorization with the preamble Bearer is inferred from its name. Check the vendor's documentation.`],
    };
  if (/basic/i.test(name))
    return {
      scheme: name,
      kind: 'undefined scheme (basic by its name)',
      auth: { method: 'basic' },
      supported: true,
      rank: 4,
      notes: [`${why} Basic Auth is inferred from its name. Check the vendor's documentation.`],
    };
  if (/api[-_]?key|apikey|token/i.test(name)) {
    const header = headerAuth(ops);
    if (header)
      return { ...header.option, scheme: name, notes: [`${why} ${header.option.notes[0].replace(/^The spec declares no security scheme, but /, 'but ')}`] };
  }
  return undefined;
}

function declaredScopes(s: Obj, swagger2: boolean): string[] {
  if (swagger2) return isObject(s.scopes) ? Object.keys(s.scopes) : [];
  const out = new Set<string>();
  if (isObject(s.flows)) for (const f of Object.values(s.flows)) if (isObject(f) && isObject(f.scopes)) for (const k of Object.keys(f.scopes)) out.add(k);
  return [...out];
}

/** Header parameters required by most operations (an API version, say): Rewst sends them as extra headers. */
function requiredHeaders(ops: OperationModel[], auth: AuthSettings): Record<string, string> {
  const counts = new Map<string, { name: string; n: number; value: string }>();
  for (const op of ops)
    for (const [lower, p] of op.headers) {
      if (!p.required || /^(authorization|content-type|accept|user-agent|content-length)$/.test(lower) || lower === auth.apiKeyHeaderName?.toLowerCase())
        continue;
      const c = counts.get(lower) ?? { name: p.name, n: 0, value: '' };
      c.n++;
      const schema = p.schema;
      if (!c.value)
        c.value =
          typeof schema.default === 'string'
            ? schema.default
            : Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'string'
              ? schema.enum[0]
              : '';
      counts.set(lower, c);
    }
  const out: Record<string, string> = {};
  for (const c of counts.values()) if (ops.length && c.n >= ops.length / 2) out[c.name] = c.value;
  return out;
}
