/**
 * What Rewst will reject, told apart from general lint: a status bar count of the active spec's diagnostics
 * from Rewst's own rules (source `rewst`, severity error: what the importer refuses) beside the rest (its
 * warnings, Spectral's lint), and a command that lists those errors (choosing one goes there) with the
 * Problems panel opened beside. A capped rule's summary counts the problems it stands for.
 */
import * as vscode from 'vscode';
import { isSpecDocument } from './spec-sniff';

export const SHOW_REJECTIONS_COMMAND = 'rewstOpenapi.showRewstProblems';
const REWST_SOURCE = 'rewst';

export interface RejectionsShown {
  visible: boolean;
  text: string;
  uri?: string;
  /** Rewst's errors: what its importer rejects. */
  blocking: number;
  /** Everything else in the Problems list for the spec: Rewst's warnings and general lint. */
  other: number;
}

/** How many problems a diagnostic stands for: a summary ("and N more") the hidden ones, else one. */
function weight(d: vscode.Diagnostic): number {
  const hidden = (d as { data?: { summary?: { hidden?: unknown } } }).data?.summary?.hidden;
  return typeof hidden === 'number' ? hidden : 1;
}

const isBlocking = (d: vscode.Diagnostic) => d.source === REWST_SOURCE && d.severity === vscode.DiagnosticSeverity.Error;

/**
 * The spec the count and the commands are about: the active editor's, else one in a visible editor (a
 * walkthrough has focus); for a command (`orLast`), else the spec last active while it is still open.
 */
export function specInView(orLast = true): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active && isSpecDocument(active)) return active;
  const visible = vscode.window.visibleTextEditors.map((e) => e.document).find(isSpecDocument);
  if (visible) return visible;
  // A walkthrough step, a form or a preview opened over it: the spec last active, while it is open.
  return orLast && lastSpec ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === lastSpec && !d.isClosed) : undefined;
}

/** The spec whose editor was active last (a walkthrough's or a form's tab may hide it since). */
let lastSpec: string | undefined;
const noteActive = (editor: vscode.TextEditor | undefined) => {
  if (editor && isSpecDocument(editor.document)) lastSpec = editor.document.uri.toString();
};

export function registerRejections(context: vscode.ExtensionContext): { shown(): RejectionsShown; onDidChange: vscode.Event<void> } {
  const item = vscode.window.createStatusBarItem('rewstOpenapi.rejections', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Rewst Will Reject';
  const changed = new vscode.EventEmitter<void>();
  let shown: RejectionsShown = { visible: false, text: '', blocking: 0, other: 0 };
  const render = () => {
    const doc = specInView(false);
    if (!doc) {
      item.hide();
      shown = { visible: false, text: '', blocking: 0, other: 0 };
      return changed.fire();
    }
    const all = vscode.languages.getDiagnostics(doc.uri);
    let blocking = 0;
    let other = 0;
    for (const d of all) {
      if (isBlocking(d)) blocking += weight(d);
      else other += weight(d);
    }
    item.text = blocking ? `$(error) Rewst will reject: ${blocking}` : '$(pass) Rewst will accept';
    item.tooltip = [
      blocking
        ? `${blocking} problem${blocking === 1 ? '' : 's'} Rewst's importer rejects (source "rewst"): fix these before the upload.`
        : "Nothing Rewst's importer rejects.",
      `${other} other finding${other === 1 ? '' : 's'} (Rewst's warnings, general lint such as Spectral's) do not block the upload.`,
      'Click to list what Rewst rejects.',
    ].join('\n\n');
    item.command = SHOW_REJECTIONS_COMMAND;
    item.backgroundColor = blocking ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
    shown = { visible: true, text: item.text, uri: doc.uri.toString(), blocking, other };
    changed.fire();
  };
  context.subscriptions.push(
    item,
    changed,
    vscode.languages.onDidChangeDiagnostics(render),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      noteActive(editor);
      render();
    }),
    vscode.window.onDidChangeVisibleTextEditors(render),
    vscode.commands.registerCommand(SHOW_REJECTIONS_COMMAND, () => showRejections()),
  );
  noteActive(vscode.window.activeTextEditor);
  render();
  return { shown: () => shown, onDidChange: changed.event };
}

interface RejectionItem extends vscode.QuickPickItem {
  diagnostic: vscode.Diagnostic;
}

/** Lists the spec's blocking problems; the chosen one is selected in its editor. Resolves with how many were listed. */
async function showRejections(): Promise<number> {
  const doc = specInView();
  if (!doc) {
    void vscode.window.showInformationMessage('Open an OpenAPI or Swagger file (JSON or YAML) first: this lists what Rewst would reject in it.');
    return 0;
  }
  // Awaited: the panel takes the focus when it opens, and a quick pick shown before that would close on losing it.
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const blocking = vscode.languages.getDiagnostics(doc.uri).filter(isBlocking);
  if (!blocking.length) {
    void vscode.window.showInformationMessage(
      "Rewst's importer would reject nothing in this spec. The Problems panel lists general lint, which does not block the upload.",
    );
    return 0;
  }
  const items: RejectionItem[] = blocking.map((d) => ({
    label: `$(error) ${d.message}`,
    description: `${String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''))} · line ${d.range.start.line + 1}`,
    diagnostic: d,
  }));
  const pick = vscode.window.showQuickPick(items, {
    title: `Rewst will reject: ${blocking.length} problem${blocking.length === 1 ? '' : 's'} (source "rewst")`,
    placeHolder: 'Choose one to go to it',
    // The Problems panel may still take the focus as it finishes opening: the list stays until chosen or dismissed.
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  void pick.then(async (chosen) => {
    if (!chosen) return;
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.selection = new vscode.Selection(chosen.diagnostic.range.start, chosen.diagnostic.range.end);
    editor.revealRange(chosen.diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
  return items.length;
}
