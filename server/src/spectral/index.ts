/**
 * General OpenAPI lint with Spectral: the `spectral:oas` ruleset (or the
 * workspace's own ruleset file) on one document, with the findings
 * `spectral lint` gives, fast enough for GitHub's 13 MB description.
 * Text in, findings out: no LSP, no VS Code. Heavy (Spectral, ajv, rollup),
 * so the language server runs it in a worker (./worker) and the engine
 * bundle does not include it.
 */
import { oas } from '@stoplight/spectral-rulesets';
import type { Range, Severity } from '../engine/types';
import { toPointer } from '../engine/pointer';
import { createDocument, normalizeSource } from './document';
import { loadRulesetFile, oasRuleset, structuralRuleset } from './ruleset';
import { runRuleset, type RunOptions } from './runner';
import type { RawResult } from './results';
import { panelFindings } from './prepare-lint';

export { Cancelled } from './runner';
export { findRulesetFile, RulesetError, RULESET_FILES } from './ruleset';
export { spectralDuplicates, SAME_PROBLEM } from './dedup';
export { panelFindings } from './prepare-lint';

export interface SpectralFinding {
  /** The Spectral rule name (or `parser`, `invalid-ref`, `unrecognized-format`). */
  rule: string;
  severity: Severity;
  message: string;
  path: Array<string | number>;
  pointer: string;
  range: Range;
  documentationUrl?: string;
}

export interface SpectralOptions extends RunOptions {
  format: 'json' | 'yaml';
  /** The file's path: Spectral reports it as the finding's source, and resolves file references against it. */
  source: string | null;
  /** A `.spectral.yaml`/`.spectral.json` to use instead of `spectral:oas`. */
  rulesetFile?: string;
  /** Only the OpenAPI schema rules (`oas2-schema`, `oas3-schema`), whatever the ruleset file says. */
  structuralOnly?: boolean;
}

const SEVERITY: Severity[] = ['error', 'warning', 'information', 'hint'];
const OAS_DOCS = 'https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules';

export function documentationUrlFor(rule: string, fromRuleset?: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(oas.rules, rule)) return `${OAS_DOCS}#${rule}`;
  return fromRuleset;
}

/** Spectral's results, as they come from the runner (code, path, severity 0-3, message, range). */
export async function spectralResults(text: string, options: SpectralOptions): Promise<RawResult[]> {
  const ruleset = options.structuralOnly ? structuralRuleset() : options.rulesetFile ? await loadRulesetFile(options.rulesetFile) : oasRuleset();
  const document = createDocument(text, options.format, options.source);
  return runRuleset(document, ruleset, options);
}

/** Spectral's findings in this document (findings in files its `$ref`s lead to belong to those files). */
export async function lintWithSpectral(text: string, options: SpectralOptions): Promise<SpectralFinding[]> {
  const own = normalizeSource(options.source);
  const results = (await spectralResults(text, options)).filter((r) => r.source === undefined || r.source === own);
  return results.map((r) => ({
    rule: String(r.code),
    severity: SEVERITY[r.severity] ?? 'information',
    message: r.message,
    path: r.path,
    pointer: toPointer(r.path),
    range: r.range,
    documentationUrl: documentationUrlFor(String(r.code), r.documentationUrl),
  }));
}

/** Prepare's general lint in-process (scripts/prepare-corpus.mjs): what ./structural.ts runs in a worker. */
export async function lintForPrepare(text: string, rewst: ReadonlyArray<{ ruleId: string; pointer: string }>) {
  return panelFindings(await lintWithSpectral(text, { format: 'json', source: null }), rewst);
}
