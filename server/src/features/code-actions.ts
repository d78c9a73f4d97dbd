import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { fixAll, fixFor } from '../engine';
import { quickFix, SOURCE, toCodeAction, type DiagnosticData } from '../lsp-convert';
import { isSettingsUri, settingsCodeActions } from './settings';

/** Quick fixes for Rewst diagnostics, "add all operationIds", and source.fixAll. */
export function registerCodeActions(ctx: ServerContext): void {
  ctx.addCapabilities({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } });
  ctx.connection.onCodeAction((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (isSettingsUri(doc.uri)) return settingsCodeActions(ctx, params);
    const analysis = ctx.analysisOf(doc);
    if (!analysis?.isSpec) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const data = diagnostic.data as DiagnosticData | undefined;
        if (!data?.ruleId || !Array.isArray(data.path)) continue;
        const fix = fixFor(analysis, data.ruleId, { path: data.path, data: data.data });
        if (fix) actions.push(quickFix(doc, fix, diagnostic));
      }
      // One "all operations" action, however many missing-id diagnostics the context holds.
      const missingIds = params.context.diagnostics.filter((d) => d.source === SOURCE && (d.data as DiagnosticData | undefined)?.ruleId === 'operation-id-missing');
      const missing = analysis.findings.filter((f) => f.ruleId === 'operation-id-missing').length;
      if (missingIds.length && missing > 1) {
        const all = fixAll(doc.getText(), { format: analysis.doc.format, rules: ['operation-id-missing'] });
        if (all.edits.length) actions.push(toCodeAction(doc, `Add operationIds to all ${missing} operations without one`, CodeActionKind.QuickFix, all.edits, missingIds));
      }
    }
    if (wants(CodeActionKind.SourceFixAll) && analysis.findings.some((f) => f.fixable)) {
      const all = fixAll(doc.getText(), { format: analysis.doc.format });
      if (all.edits.length) actions.push(toCodeAction(doc, `Fix all Rewst problems (${all.applied.length})`, CodeActionKind.SourceFixAll, all.edits, []));
    }
    return actions;
  });
}
