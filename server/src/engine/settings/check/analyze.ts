/**
 * A settings file in, findings with positions out: the checks of the value on
 * its own (common/settings/validate.ts), then those that need what the caller
 * read (context-checks.ts: the icon from disk, the spec as parsed). The file itself is read with the engine's parser, so
 * positions come from the same machinery as the spec's findings.
 */
import { editorFor } from '../../structural-editor';
import { parseSpec, type LocateRequest, type SpecDocument } from '../../parse';
import { toPointer } from '../../pointer';
import { problemFinding } from '../../problem-finding';
import type { Finding, Fix } from '../../types';
import { CONTEXT_CHECKS } from './context-checks';
import type { IconContext, SettingsContext, SpecContext } from './context';
import type { IntegrationSettings } from '../../../../../common/settings/model';
import { FIXABLE_CODES, type SettingsReport } from '../../../../../common/settings/findings';
import { validateSettings } from '../../../../../common/settings/validate';

export type { IconContext, SettingsContext, SpecContext };

export interface SettingsAnalysis {
  doc: SpecDocument;
  /** The parsed settings; undefined when the file does not parse. */
  value?: IntegrationSettings;
  findings: Finding[];
}

export function analyzeSettings(text: string, context: SettingsContext = {}): SettingsAnalysis {
  const doc = parseSpec(text, 'json');
  if (doc.problems.length) {
    const findings = doc.problems.map((p) =>
      problemFinding(doc, p, 'settings-parse', p.message.replace('Rewst cannot import a file that does not parse.', 'The settings file must be JSON.')),
    );
    return { doc, findings };
  }
  const reports = settingsReports(doc.value, context);
  const value = doc.value !== null && typeof doc.value === 'object' && !Array.isArray(doc.value) ? (doc.value as IntegrationSettings) : undefined;
  return { doc, value, findings: place(doc, reports) };
}

/** Every report for a settings value (the forms call this on their draft). */
export function settingsReports(value: unknown, context: SettingsContext = {}): SettingsReport[] {
  const reports = validateSettings(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return reports;
  const s = value as IntegrationSettings;
  for (const c of CONTEXT_CHECKS) c.check(s, context, reports);
  return reports;
}

function place(doc: SpecDocument, reports: ReadonlyArray<SettingsReport>): Finding[] {
  const requests: LocateRequest[] = reports.map((r) => ({ path: r.path, target: r.target ?? 'value' }));
  const spans = doc.locate(requests);
  const rootStart = doc.text.search(/\S/);
  return reports
    .map((r, i): Finding => {
      let span = spans[i];
      // A finding about the whole file (or a member missing from the top level) marks the opening brace, not every line.
      if (span.start === rootStart && span.end - span.start > 1 && (r.path.length === 0 || !hasTopLevel(doc, r.path[0])))
        span = { start: rootStart, end: rootStart + 1 };
      return {
        ruleId: r.code,
        severity: r.severity,
        message: r.message,
        pointer: toPointer(r.path),
        path: r.path,
        target: r.target ?? 'value',
        offset: span,
        range: { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) },
        data: r.data,
        fixable: FIXABLE_CODES.has(r.code) && r.data?.replacement !== undefined,
      };
    })
    .sort((a, b) => a.offset.start - b.offset.start || a.ruleId.localeCompare(b.ruleId));
}

function hasTopLevel(doc: SpecDocument, key: string | number): boolean {
  const v = doc.value;
  return v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, key);
}

/** The fix for a fixable finding: the cleaned name or hostname in place of the value. */
export function settingsFix(analysis: SettingsAnalysis, finding: Pick<Finding, 'ruleId' | 'path' | 'data'>): Fix | undefined {
  const replacement = finding.data?.replacement;
  if (!FIXABLE_CODES.has(finding.ruleId as SettingsReport['code']) || typeof replacement !== 'string') return undefined;
  const edit = editorFor(analysis.doc).replaceValue(finding.path, replacement);
  if (!edit) return undefined;
  const title = finding.ruleId === 'settings-name' ? `Remove special characters from the name: "${replacement}"` : `Use the hostname only: "${replacement}"`;
  return { title, ruleId: finding.ruleId, edits: [edit] };
}
