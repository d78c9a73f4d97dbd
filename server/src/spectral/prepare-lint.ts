/**
 * The general lint as prepare's verdict counts it: what the Problems panel shows
 * for the written file with the default ruleset (`spectral:oas`, recommended
 * rules; see features/spectral.ts), less what a Rewst finding already reports.
 * Prepare keeps the error-severity ones (`oas3-schema`, `oas2-schema`,
 * `path-params`, `array-items`, …): each is a reason a validating importer may
 * reject the file. Light: the worker and the in-process runner both use it.
 */
import type { StructuralFinding } from '../engine/convert';
import { spectralDuplicates } from './dedup';

/** Spectral's findings, less those a Rewst finding of the same file reports, in prepare's shape. */
export function panelFindings(
  findings: ReadonlyArray<Omit<StructuralFinding, 'severity'> & { severity: string }>,
  rewst: ReadonlyArray<{ ruleId: string; pointer: string }>,
): StructuralFinding[] {
  const duplicates = spectralDuplicates(findings, rewst);
  return findings
    .filter((_, i) => !duplicates.has(i))
    .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, pointer: f.pointer, range: f.range }));
}
