/**
 * Code actions: the quick fix of each Rewst diagnostic in the request, "add
 * all operationIds", and source.fixAll.
 *
 * VS Code asks at every cursor move (the lightbulb, no `only` kind), so an
 * answer costs what the fixes at the cursor cost: the whole-file actions are
 * offered with counts from the cached analysis, and their edits computed only
 * when one is chosen (`codeAction/resolve`, as vscode-eslint does). A client
 * that cannot resolve gets the edits at once. Either way a fix-all is computed
 * once per document version.
 *
 * Right after an edit the new version's analysis is not made yet (on 13 MB it
 * takes more than a second), and VS Code drops a Ctrl+. that waits that long
 * (a marker change re-triggers the lightbulb and cancels it: "No code actions
 * available"). So a request then answers from the last analysis, its ranges
 * moved through the edits since (range-shift.ts): a fix over text no edit
 * touched keeps its edits, moved; one over text an edit touched is offered
 * for the rule and computed on the current text when chosen.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { fixAll, fixFor, RULES_BY_ID, type Analysis, type Fix, type FixAllResult } from '../engine';
import type { Position, Range, TextEdit as LspTextEdit } from '../../../common/protocol';
import { shiftRange, shiftUntouched } from '../range-shift';
import type { SummaryData } from '../diagnostic-limit';
import { quickFix, SOURCE, toLspEdits, type DiagnosticData } from '../lsp-convert';
import { isSettingsUri, settingsCodeActions } from './settings';
import { cancellable } from '../cancellable';
import type { ReferencedFiles } from './referenced-files';
import type { UrlRefsFeature } from './url-refs';

/** Which whole-file action a lazily offered code action stands for: every fix, or one rule's. */
type WholeFile = 'all' | string;

interface ResolveData {
  uri: string;
  wholeFile: WholeFile;
}

/** A quick fix offered from the last analysis over text an edit has touched since: computed on the current text when chosen. */
interface QuickFixData {
  uri: string;
  quickFix: { ruleId: string; path: Array<string | number>; data?: Record<string, unknown>; range: Range };
}

const MISSING_ID = 'operation-id-missing';

export function registerCodeActions(ctx: ServerContext, referencedFiles?: ReferencedFiles, urlRefs?: UrlRefsFeature): void {
  ctx.addCapabilities({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], resolveProvider: true } });
  const fixes = new FixAllCache();
  ctx.documents.onDidClose((e) => fixes.delete(e.document.uri));
  const canResolve = () => Boolean(ctx.initParams?.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'));

  /** A whole-file action: edits now (client cannot resolve) or on resolve. */
  const wholeFile = (doc: TextDocument, analysis: Analysis, which: WholeFile, action: CodeAction): CodeAction | undefined => {
    if (canResolve()) return { ...action, data: { uri: doc.uri, wholeFile: which } satisfies ResolveData };
    const result = fixes.get(doc, analysis, which);
    return result.edits.length ? { ...action, edit: { changes: { [doc.uri]: toLspEdits(analysis.doc.lines, result.edits) } } } : undefined;
  };

  // Cancellable: VS Code cancels the request of a cursor that has moved on; such a request does no work.
  ctx.connection.onCodeAction((params, token) => cancellable(token, () => codeActions(params)));
  ctx.connection.onCodeActionResolve((action, token) => cancellable(token, () => resolveQuickFix(action) ?? resolve(action)));

  function codeActions(params: CodeActionParams): CodeAction[] {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (isSettingsUri(doc.uri)) return settingsCodeActions(ctx, params);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    // What a spec found in a file it refers to: fixed in that file (this one, or the one its $ref names).
    const actions: CodeAction[] = wants(CodeActionKind.QuickFix) ? (referencedFiles?.codeActions(params) ?? []) : [];
    const stale = canResolve() ? ctx.staleAnalysisOf?.(doc) : undefined;
    const analysis = stale?.analysis ?? ctx.analysisOf(doc);
    if (!analysis?.isSpec) return actions;
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of ours) {
        const data = diagnostic.data as (DiagnosticData & Partial<SummaryData>) | undefined;
        if (!data?.ruleId || !Array.isArray(data.path)) continue;
        if (data.summary) {
          // A summary of the problems not listed: the fix is the rule's fix-all.
          const count = countFindings(analysis, (f) => f.ruleId === data.ruleId && f.fixable);
          const action = count
            ? wholeFile(doc, analysis, data.ruleId, {
                title: `Fix all ${count} ${data.ruleId} problems`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
              })
            : undefined;
          if (action) actions.push(action);
          continue;
        }
        const fix = fixFor(analysis, data.ruleId, { path: data.path, data: data.data }) ?? fixOfEdited(analysis, data.ruleId, diagnostic.range);
        if (fix && !stale) actions.push(quickFix(doc, fix, diagnostic, analysis.doc.lines));
        else if (fix && stale) actions.push(movedQuickFix(doc.uri, fix, diagnostic, data, analysis, stale.changes));
      }
      // A reference by URL whose file is beside the spec: map its prefix to this folder (a client command writes the setting).
      if (urlRefs) actions.push(...urlRefs.codeActions(doc, ours));
      // One "all operations" action, however many missing-id diagnostics the context holds.
      const missingIds = ours.filter((d) => (d.data as DiagnosticData | undefined)?.ruleId === MISSING_ID);
      const missing = countFindings(analysis, (f) => f.ruleId === MISSING_ID && f.fixable);
      if (missingIds.length && missing > 1) {
        const action = wholeFile(doc, analysis, MISSING_ID, {
          title: `Add operationIds to all ${missing} operations without one`,
          kind: CodeActionKind.QuickFix,
          diagnostics: missingIds,
        });
        if (action) actions.push(action);
      }
    }
    const fixable = wants(CodeActionKind.SourceFixAll) ? countFindings(analysis, (f) => f.fixable) : 0;
    if (fixable) {
      const action = wholeFile(doc, analysis, 'all', { title: `Fix all Rewst problems (${fixable})`, kind: CodeActionKind.SourceFixAll, diagnostics: [] });
      if (action) actions.push(action);
    }
    return actions;
  }

  /** A quick fix offered lazily (movedQuickFix): the same rule's fix at the same place, on the current text. */
  function resolveQuickFix(action: CodeAction): CodeAction | undefined {
    const data = action.data as Partial<QuickFixData> | undefined;
    const q = data?.quickFix;
    if (!data || typeof data.uri !== 'string' || !q || typeof q.ruleId !== 'string' || !Array.isArray(q.path) || !q.range) return undefined;
    const doc = ctx.documents.get(data.uri);
    const analysis = doc && ctx.analysisOf(doc);
    if (!doc || !analysis?.isSpec) return action;
    const fix = fixFor(analysis, q.ruleId, { path: q.path, data: q.data }) ?? fixOfEdited(analysis, q.ruleId, q.range);
    return fix ? { ...action, edit: { changes: { [doc.uri]: toLspEdits(analysis.doc.lines, fix.edits) } } } : action;
  }

  function resolve(action: CodeAction): CodeAction {
    const data = action.data as Partial<ResolveData> | undefined;
    if (!data || typeof data.uri !== 'string' || typeof data.wholeFile !== 'string' || (data.wholeFile !== 'all' && !RULES_BY_ID.has(data.wholeFile)))
      return action;
    const doc = ctx.documents.get(data.uri);
    const analysis = doc && ctx.analysisOf(doc);
    if (!doc || !analysis?.isSpec) return action;
    // Computed on the document as it is now: if it changed since the offer, these are the edits that apply.
    const result = fixes.get(doc, analysis, data.wholeFile);
    return { ...action, edit: { changes: { [doc.uri]: toLspEdits(analysis.doc.lines, result.edits) } } };
  }
}

/**
 * A quick fix found in the last analysis, for the current text: its edits
 * moved through the changes since when no change touched them or the
 * problem's range; else offered with the rule's name, its edits computed on
 * resolve (the old title would name text that is no longer there).
 */
function movedQuickFix(
  uri: string,
  fix: Fix,
  diagnostic: Diagnostic,
  data: DiagnosticData,
  analysis: Analysis,
  changes: TextDocumentContentChangeEvent[],
): CodeAction {
  const range = shiftUntouched(diagnostic.range, changes);
  const edits = range && toLspEdits(analysis.doc.lines, fix.edits).map((e) => ({ ...e, range: shiftUntouched(e.range, changes) }));
  if (edits?.every((e) => e.range))
    return {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: edits as LspTextEdit[] } },
    };
  const moved = changes.reduce((r, c) => shiftRange(r, c), diagnostic.range);
  return {
    title: `Fix ${data.ruleId} here (as the text now reads)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    data: { uri, quickFix: { ruleId: data.ruleId, path: data.path, data: data.data, range: moved } } satisfies QuickFixData,
  };
}

/**
 * Ctrl+. right after an edit, before the new version's diagnostics arrive:
 * the request still carries the old diagnostic, whose path may name what the
 * edit changed (a character typed into a path key). The fix is then that of
 * the current version's finding of the same rule over the same place.
 */
function fixOfEdited(analysis: Analysis, ruleId: string, range: Range): Fix | undefined {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const f of analysis.findings) {
    if (f.ruleId !== ruleId || !f.fixable || !before(f.range.start, range.end) || !before(range.start, f.range.end)) continue;
    const fix = fixFor(analysis, ruleId, { path: f.path, data: f.data });
    if (fix) return fix;
  }
  return undefined;
}

function countFindings(analysis: Analysis, pred: (f: Analysis['findings'][number]) => boolean): number {
  let n = 0;
  for (const f of analysis.findings) if (pred(f)) n++;
  return n;
}

/** Fix-all results per document version: a second request (resolve, save, menu) costs nothing. */
class FixAllCache {
  private readonly entries = new Map<string, { version: number; results: Map<WholeFile, FixAllResult> }>();

  get(doc: TextDocument, analysis: Analysis, which: WholeFile): FixAllResult {
    let entry = this.entries.get(doc.uri);
    if (!entry || entry.version !== doc.version) this.entries.set(doc.uri, (entry = { version: doc.version, results: new Map() }));
    let result = entry.results.get(which);
    if (!result) {
      result = fixAll(doc.getText(), { format: analysis.doc.format, rules: which === 'all' ? undefined : [which] });
      entry.results.set(which, result);
    }
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
