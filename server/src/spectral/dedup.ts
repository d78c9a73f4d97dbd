/**
 * Problems both Spectral and a Rewst rule report. Where both report the same
 * problem at the same place, the user sees it once, from the Rewst rule,
 * which says what Rewst will reject and has the fix.
 */

export interface SamePlace {
  spectral: readonly string[];
  rewst: string;
  /** Spectral may point at this member of the Rewst finding's node (a blank value), or the other way round. */
  member?: string;
  /** Only Spectral findings whose message matches, when the rule reports other things at the same place too. */
  message?: RegExp;
  /**
   * The node the Rewst finding's problem is about, as group 1 of this match of its pointer (the parameter
   * whose `type` it points at): a Spectral finding there or inside it is the same problem.
   */
  scope?: RegExp;
}

/** The Swagger 2.0 keywords parameter-schema moves off a parameter. */
const ON_PARAMETER =
  /"schema" or "content" must be present|Property "(type|format|items|enum|default|minimum|maximum|exclusiveMinimum|exclusiveMaximum|minLength|maxLength|pattern|minItems|maxItems|uniqueItems|multipleOf|nullable|collectionFormat)" is not expected/;

export const SAME_PROBLEM: readonly SamePlace[] = [
  { spectral: ['operation-operationId'], rewst: 'operation-id-missing', member: 'operationId' },
  { spectral: ['operation-operationId-unique'], rewst: 'operation-id-duplicate' },
  { spectral: ['path-keys-no-trailing-slash'], rewst: 'path-trailing-slash' },
  { spectral: ['info-description'], rewst: 'info-description', member: 'description' },
  // An invalid regex fails the OpenAPI schema's `format: regex` at the same `pattern`.
  { spectral: ['oas2-schema', 'oas3-schema'], rewst: 'pattern-invalid', message: /regex/i },
  // A path key without its "/" is not expected in paths; a type list in 3.0, or a made-up type name, fails the schema's type enum.
  { spectral: ['oas2-schema', 'oas3-schema'], rewst: 'path-leading-slash', message: /not expected to be here/ },
  { spectral: ['oas2-schema', 'oas3-schema'], rewst: 'type-null-in-3-0', message: /type/ },
  { spectral: ['oas2-schema', 'oas3-schema'], rewst: 'type-name', message: /type/ },
  // A parameter or header written Swagger 2.0 style: no schema, and its keywords not expected there.
  { spectral: ['oas3-schema'], rewst: 'parameter-schema', scope: /^(.*\/(?:parameters|headers)\/[^/]+)\/[^/]+$/, message: ON_PARAMETER },
  { spectral: ['oas3-schema'], rewst: 'parameter-style', message: /style/ },
  // A repeat: Spectral's warning at the item, and for identical items the schema's uniqueItems at the list.
  { spectral: ['operation-parameters'], rewst: 'parameter-duplicate', scope: /^(.*\/parameters\/\d+)(?:\/name)?$/ },
  { spectral: ['oas2-schema', 'oas3-schema'], rewst: 'parameter-duplicate', scope: /^(.*\/parameters)\/\d+(?:\/name)?$/, message: /duplicate items/ },
  {
    spectral: ['oas3-schema'],
    rewst: 'security-scheme-http',
    scope: /^(\/components\/securitySchemes\/[^/]+)\/[^/]+$/,
    message: /Property "(scheme|bearerFormat)" is not expected/,
  },
];

function samePlace(rule: SamePlace, spectralPointer: string, rewstPointer: string): boolean {
  if (spectralPointer === rewstPointer) return true;
  const node = rule.scope?.exec(rewstPointer)?.[1];
  if (node !== undefined && (spectralPointer === node || spectralPointer.startsWith(`${node}/`))) return true;
  if (rule.member && (spectralPointer === `${rewstPointer}/${rule.member}` || rewstPointer === `${spectralPointer}/${rule.member}`)) return true;
  // No info object at all: Rewst points at the version key, Spectral at the document.
  return rule.rewst === 'info-description' && spectralPointer === '' && /^\/(openapi|swagger)$/.test(rewstPointer);
}

/** Indexes of the Spectral findings that a Rewst finding already reports. */
export function spectralDuplicates(
  spectral: ReadonlyArray<{ rule: string; pointer: string; message: string }>,
  rewst: ReadonlyArray<{ ruleId: string; pointer: string }>,
): Set<number> {
  const duplicates = new Set<number>();
  spectral.forEach((s, i) => {
    const pairs = SAME_PROBLEM.filter((p) => p.spectral.includes(s.rule) && (!p.message || p.message.test(s.message)));
    if (pairs.some((p) => rewst.some((r) => r.ruleId === p.rewst && samePlace(p, s.pointer, r.pointer)))) duplicates.add(i);
  });
  return duplicates;
}
