import { CodeAction, CodeActionKind, DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Position, Severity, TextEdit } from './engine';

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

/**
 * Turns offsets into positions: a TextDocument, or the engine's line index of
 * the same version (already built by the analysis; a TextDocument builds its
 * own on first use, which costs a pass over a 13 MB file).
 */
export interface PositionSource {
  positionAt(offset: number): Position;
}

export function toLspEdits(at: PositionSource, edits: ReadonlyArray<TextEdit>): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: at.positionAt(e.start), end: at.positionAt(e.end) }, newText: e.newText }));
}

export function toCodeAction(
  doc: TextDocument,
  title: string,
  kind: string,
  edits: ReadonlyArray<TextEdit>,
  diagnostics: Diagnostic[],
  preferred = false,
  at: PositionSource = doc,
): CodeAction {
  return {
    title,
    kind,
    diagnostics,
    isPreferred: preferred || undefined,
    edit: { changes: { [doc.uri]: toLspEdits(at, edits) } },
  };
}

export function quickFix(doc: TextDocument, fix: Fix, diagnostic: Diagnostic, at: PositionSource = doc): CodeAction {
  return toCodeAction(doc, fix.title, CodeActionKind.QuickFix, fix.edits, [diagnostic], true, at);
}
