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
}

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
];

function samePlace(rule: SamePlace, spectralPointer: string, rewstPointer: string): boolean {
  if (spectralPointer === rewstPointer) return true;
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
