import { CodeAction, CodeActionKind, DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity, TextEdit } from './engine';

/** What a diagnostic carries so that a code action can find its fix again. */
export interface DiagnosticData {
  ruleId: string;
  path: Array<string | number>;
  data?: Record<string, unknown>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'rewst';

export function toDiagnostic(uri: string, finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, path: [...finding.path], data: finding.data };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
    data,
    relatedInformation: finding.related?.filter((r) => r.range).map((r) => ({ location: { uri, range: r.range! }, message: r.message })),
  };
}

export function toLspEdits(doc: TextDocument, edits: ReadonlyArray<TextEdit>): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

export function toCodeAction(doc: TextDocument, title: string, kind: string, edits: ReadonlyArray<TextEdit>, diagnostics: Diagnostic[], preferred = false): CodeAction {
  return {
    title,
    kind,
    diagnostics,
    isPreferred: preferred || undefined,
    edit: { changes: { [doc.uri]: toLspEdits(doc, edits) } },
  };
}

export function quickFix(doc: TextDocument, fix: Fix, diagnostic: Diagnostic): CodeAction {
  return toCodeAction(doc, fix.title, CodeActionKind.QuickFix, fix.edits, [diagnostic], true);
}
