import { RULES, type Finding } from '../engine';
import { SETTINGS_CODES } from '../engine/settings';
import type { SpectralFinding } from '../spectral/index';

export interface FileResult {
  file: string;
  /** False when the file is JSON/YAML but not an OpenAPI or Swagger document. */
  isSpec: boolean;
  /** True for a Rewst integration settings file, checked against its spec. */
  settings?: boolean;
  findings: Finding[];
  /** Spectral's findings (`spectral:oas` or the workspace ruleset), minus those a Rewst finding already reports; absent when Spectral did not run. */
  spectral?: SpectralFinding[];
}

/** Whether a file has a finding at error level, from either linter. */
export function hasErrors(r: FileResult): boolean {
  return r.findings.some((f) => f.severity === 'error') || (r.spectral ?? []).some((f) => f.severity === 'error');
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatText(results: ReadonlyArray<FileResult>): string {
  const lines: string[] = [];
  let errors = 0;
  let others = 0;
  for (const r of results) {
    if (!r.isSpec && !r.settings) {
      lines.push(`${r.file}: not an OpenAPI or Swagger document (no top-level "openapi" or "swagger"), skipped`);
      continue;
    }
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else others++;
      lines.push(
        `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message}${f.pointer ? ` (at ${f.pointer})` : ''}`,
      );
    }
    for (const f of r.spectral ?? []) {
      if (f.severity === 'error') errors++;
      else others++;
      lines.push(
        `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} spectral/${f.rule}: ${f.message}${f.pointer ? ` (at ${f.pointer})` : ''}`,
      );
    }
  }
  lines.push(errors + others === 0 ? 'No problems found.' : `${errors} error(s), ${others} other finding(s) in ${results.length} file(s).`);
  return lines.join('\n') + '\n';
}

/** A range as editors count it: lines and columns from 1 (the JSON report's fields). */
function oneBased(range: Finding['range']): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** What the JSON report says of any finding, Rewst's or Spectral's, in this order: severity, message, pointer, where. */
function reported(f: Pick<Finding, 'severity' | 'message' | 'pointer' | 'range'>) {
  return { severity: f.severity, message: f.message, pointer: f.pointer, ...oneBased(f.range) };
}

export function formatJson(results: ReadonlyArray<FileResult>): string {
  const files = results.map((r) => ({
    file: r.file,
    isSpec: r.isSpec,
    ...(r.settings ? { settings: true } : {}),
    findings: r.findings.map((f) => ({ ruleId: f.ruleId, ...reported(f), fixable: f.fixable })),
    ...(r.spectral ? { spectral: r.spectral.map((f) => ({ rule: f.rule, ...reported(f), documentationUrl: f.documentationUrl })) } : {}),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}

/** Where a finding (Rewst's or Spectral's) is, in SARIF's words: file region and JSON pointer. */
function sarifLocations(file: string, f: { range: Finding['range']; pointer?: string }) {
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: file.split('\\').join('/') },
        region: {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        },
      },
      logicalLocations: f.pointer ? [{ fullyQualifiedName: f.pointer, kind: 'member' }] : undefined,
    },
  ];
}

/** SARIF 2.1.0, which GitHub code scanning and most CI dashboards read. */
export function formatSarif(results: ReadonlyArray<FileResult>): string {
  const rules = [
    ...RULES.map((r) => ({
      id: r.id,
      shortDescription: { text: r.description },
      fullDescription: { text: `Rewst importer error: "${r.rewstError}". ${r.description}` },
      defaultConfiguration: { level: LEVEL[r.severity] },
    })),
    { id: 'parse-error', shortDescription: { text: 'The file does not parse as JSON or YAML.' }, defaultConfiguration: { level: 'error' } },
    ...Object.entries(SETTINGS_CODES).map(([id, text]) => ({
      id,
      shortDescription: { text },
      fullDescription: { text: `Rewst integration settings: ${text}` },
    })),
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rewst-openapi', informationUri: 'https://docs.rewst.help/', rules } },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ruleIndex: rules.findIndex((x) => x.id === f.ruleId),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: sarifLocations(r.file, f),
          })),
        ),
      },
      ...spectralRuns(results),
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Spectral's findings as a run of their own tool, when it ran. */
function spectralRuns(results: ReadonlyArray<FileResult>) {
  if (!results.some((r) => r.spectral)) return [];
  const rules: Array<{ id: string; helpUri?: string }> = [];
  for (const r of results) for (const f of r.spectral ?? []) if (!rules.some((x) => x.id === f.rule)) rules.push({ id: f.rule, helpUri: f.documentationUrl });
  return [
    {
      tool: { driver: { name: 'Spectral', informationUri: 'https://docs.stoplight.io/docs/spectral', rules } },
      results: results.flatMap((r) =>
        (r.spectral ?? []).map((f) => ({
          ruleId: f.rule,
          ruleIndex: rules.findIndex((x) => x.id === f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: sarifLocations(r.file, f),
        })),
      ),
    },
  ];
}
