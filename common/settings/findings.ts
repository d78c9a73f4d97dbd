/** How bad a finding is, as LSP grades it. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A path into the settings value: object keys and array indices. */
export type JsonPath = ReadonlyArray<string | number>;

/** A finding about the settings file, before positions are attached. */
export interface SettingsReport {
  code: SettingsCode;
  path: JsonPath;
  message: string;
  severity: Severity;
  target?: 'key' | 'value';
  /** What a fix needs, e.g. `{ replacement }` for the name and hostname fixes. */
  data?: Record<string, unknown>;
}

/** Every code the settings checks report, with what it means (for SARIF and the README). */
export const SETTINGS_CODES = {
  'settings-parse': 'The settings file does not parse as JSON.',
  'settings-type': 'A value has the wrong type or is not one of the allowed choices.',
  'settings-unknown': "A key that is not a field of Rewst's wizard.",
  'settings-required': 'A field the chosen method or type needs is missing.',
  'settings-range': "A number outside Rewst's limits.",
  'settings-secret': 'A secret (API key, password, client secret, token) written into the file.',
  'settings-name': 'The name has special characters.',
  'settings-hostname': 'The hostname has a scheme, a path or characters a hostname cannot have.',
  'settings-hostname-placeholder':
    "The hostname is still the spec's placeholder: a server variable ({...}) or its default (a tenant's subdomain, a region), to replace with the tenant's own.",
  'settings-url': 'An OAuth URL that is not an absolute http(s) URL.',
  'settings-icon': 'The icon is not an existing SVG file.',
  'settings-unused': 'A field Rewst does not ask for with the chosen method or type.',
  'settings-spec': 'The spec beside the settings file is missing or does not parse.',
  'settings-operation-missing': 'A paginated operationId that the spec does not have.',
  'settings-results-key': "The results key is not an array in a paginated action's response.",
  'settings-param-not-accepted': 'A paginated action does not accept the page size, index, page or after parameter.',
  'settings-pointer-path': "The pointer JSONPath does not resolve in a paginated action's response.",
  'settings-next-page-key': "The next page key does not resolve in a paginated action's response.",
  'settings-org-mapping': 'The organization mapping action is not a paginated list action of the spec, or a key is not in its items.',
  'settings-not-paginated': 'No action is paginated, so Rewst shows no organization mapping.',
} as const;

export type SettingsCode = keyof typeof SETTINGS_CODES;

/** Codes whose findings carry a fix. */
export const FIXABLE_CODES: ReadonlySet<SettingsCode> = new Set(['settings-name', 'settings-hostname']);
