/**
 * The JSON Schema of the settings file, built from the same field table as the
 * forms and the validation, so completion and hover in a hand edit say what
 * the forms say. media/rewst-integration.schema.json is this, written out by
 * scripts/settings-schema.mjs (a test checks the two agree).
 */
import { AUTH_METHODS, PAGINATION_TYPES, type AuthMethod, type PaginationType } from '../../../../../common/settings/model';
import { FIELDS, type FieldSpec } from '../../../../../common/settings/fields';

type Schema = Record<string, unknown>;

function fieldSchema(f: FieldSpec): Schema {
  const description = `${f.label}: ${f.help}`;
  const base: Schema = { description, markdownDescription: `**${f.label}**\n\n${f.help}` };
  if (f.default !== undefined) base.default = f.default;
  switch (f.kind) {
    case 'text':
    case 'textarea':
      return { type: 'string', ...base, ...patternFor(f.key) };
    case 'number':
      return { type: 'integer', ...base, minimum: f.min, maximum: f.max };
    case 'boolean':
      return { type: 'boolean', ...base };
    case 'select':
      return { type: 'string', ...base, enum: f.options!.map((o) => o.value), enumDescriptions: f.options!.map((o) => o.label) };
    case 'pairs':
      return { type: 'object', ...base, additionalProperties: { type: 'string' } };
  }
}

function patternFor(key: string): Schema {
  if (key === 'name') return { pattern: '^[^!-/:-@\\[-`{-~]*$', patternErrorMessage: 'Rewst integration names should not contain special characters.' };
  if (key === 'hostname')
    return { pattern: '^[A-Za-z0-9.-]+(:[0-9]+)?$', patternErrorMessage: 'The hostname only, without https:// or a path, e.g. api.example.com.' };
  if (key === 'icon') return { pattern: '\\.[sS][vV][gG]$', patternErrorMessage: 'Rewst takes an SVG icon only.' };
  return {};
}

function objectOf(prefix: string): Schema {
  const properties: Schema = {};
  for (const f of FIELDS) {
    const rest = f.key.slice(prefix.length);
    if (f.key.startsWith(prefix) && !rest.includes('.')) properties[rest] = fieldSchema(f);
  }
  return { type: 'object', properties, additionalProperties: false };
}

function requiredFor(prefix: string, test: (f: FieldSpec) => boolean): string[] {
  return FIELDS.filter((f) => f.required && f.key.startsWith(prefix) && !f.key.slice(prefix.length).includes('.') && test(f)).map((f) =>
    f.key.slice(prefix.length),
  );
}

export function settingsJsonSchema(): Schema {
  const oauth = objectOf('auth.oauth.');
  const auth = objectOf('auth.');
  (auth.properties as Schema).oauth = oauth;
  auth.required = ['method'];
  auth.allOf = AUTH_METHODS.map((m: AuthMethod) => {
    const required = requiredFor('auth.', (f) => Boolean(f.when?.auth?.includes(m)));
    const oauthRequired = requiredFor('auth.oauth.', (f) => Boolean(f.when?.auth?.includes(m)));
    if (m === 'oauth2-authorization-code') oauthRequired.push('authorizationUrl');
    const then: Schema = {};
    if (oauthRequired.length) Object.assign(then, { required: [...required, 'oauth'], properties: { oauth: { required: oauthRequired } } });
    else if (required.length) then.required = required;
    return { if: { properties: { method: { const: m } }, required: ['method'] }, then };
  }).filter((c) => Object.keys(c.then).length);
  const pagination = objectOf('pagination.');
  pagination.required = ['type'];
  pagination.allOf = PAGINATION_TYPES.map((t: PaginationType) => ({
    if: { properties: { type: { const: t } }, required: ['type'] },
    then: { required: requiredFor('pagination.', (f) => Boolean(f.when?.pagination?.includes(t))) },
  })).filter((c) => (c.then.required as string[]).length);
  const mapping = objectOf('organizationMapping.');
  mapping.description =
    "Organization mapping (after Finalize, at the bottom of the integration's page): the paginated list action whose items are the vendor's customers, and the item fields for the drop-down's value and label.";
  mapping.required = ['action'];
  const top = objectOf('');
  Object.assign(top.properties as Schema, {
    $schema: { type: 'string' },
    spec: {
      type: 'string',
      description: 'The OpenAPI or Swagger file, relative to this file. When absent: the spec beside it with the same base name (.json, .yaml or .yml).',
    },
    auth,
    pagination,
    organizationMapping: mapping,
    paginatedActions: {
      type: 'array',
      items: { type: 'string' },
      uniqueItems: true,
      description:
        "operationIds of the actions to mark paginated in Rewst's Edit Actions screen. Organization mapping appears only when at least one action is paginated.",
    },
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Rewst custom integration settings',
    description: "What Rewst's custom-integration wizard asks for. Secrets (API keys, passwords, client secrets) never go here: enter them in Rewst.",
    ...top,
    required: requiredFor('', () => true)
      .filter((k) => k !== 'icon')
      .concat(['auth', 'pagination']),
  };
}

/** Keywords that make VS Code's JSON service report problems: the language server reports these itself. */
const VALIDATION_KEYWORDS = new Set([
  'type',
  'minimum',
  'maximum',
  'pattern',
  'patternErrorMessage',
  'required',
  'additionalProperties',
  'uniqueItems',
  'allOf',
  'enum',
  'enumDescriptions',
  'const',
]);

/**
 * The schema VS Code's JSON service gets for settings files (package.json's
 * jsonValidation): descriptions, defaults and value choices for hover and
 * completion, but no validation keywords. The language server already reports
 * every such problem, in Rewst's words, at the value, with fixes where it can;
 * with both, each problem showed twice.
 */
export function settingsEditorSchema(): Schema {
  return forEditor(settingsJsonSchema()) as Schema;
}

function forEditor(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forEditor);
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALIDATION_KEYWORDS.has(key)) continue;
    // Under "properties" the keys are field names (a field may be called "type"): keep them all.
    out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Schema).map(([name, s]) => [name, forEditor(s)])) : forEditor(value);
  }
  // The choices stay offered in completion, each with its label, without making other values an error.
  if (Array.isArray(schema.enum)) {
    const labels = schema.enumDescriptions as string[] | undefined;
    out.defaultSnippets = schema.enum.map((value, i) => ({ label: String(value), description: labels?.[i], body: value }));
  }
  return out;
}
