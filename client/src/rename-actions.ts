/**
 * "Rewst: Rename Actions with a Regex": pick the field, type a regex (checked
 * as you type) and a replacement, review every change in VS Code's refactor
 * preview, and apply them as one undoable edit. The server computes the
 * changes (rewst/renamePreview); this file asks and shows.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenameField } from '../../server/src/engine';
import { RENAME_PREVIEW_METHOD, type LspRange, type RenamePreviewParams, type RenamePreviewResult } from '../../server/src/features/actions-protocol';
import { specInActionsView } from './actions-view';

export const RENAME_ACTIONS_COMMAND = 'rewstOpenapi.renameActions';
const TITLE = 'Rewst: Rename Actions with a Regex';
const SPEC_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

type Preview = Extract<RenamePreviewResult, { ok: true }>;

export function registerRenameActions(context: vscode.ExtensionContext, client: LanguageClient): void {
  const last = { match: '(.*?) Get', replace: 'Get $1' };
  context.subscriptions.push(vscode.commands.registerCommand(RENAME_ACTIONS_COMMAND, () => renameActions(client, last)));
}

async function renameActions(client: LanguageClient, last: { match: string; replace: string }): Promise<void> {
  const uri = targetSpec();
  if (!uri) {
    void vscode.window.showInformationMessage('Open an OpenAPI or Swagger file (JSON or YAML) first: the rename works on the actions of the active spec.');
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const ask = (field: RenameField, match: string, replace: string) =>
    client.sendRequest<RenamePreviewResult>(RENAME_PREVIEW_METHOD, { uri: client.code2ProtocolConverter.asUri(uri), field, match, literal: true, replace } satisfies RenamePreviewParams);

  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Name', description: "the action's name: the operation's summary (its operationId when it has none)", field: 'name' as const },
      { label: 'Description', description: "the operation's description", field: 'description' as const },
    ],
    { title: `${TITLE} (1/3)`, placeHolder: 'Which field of the actions to rename?' },
  );
  if (!picked) return;
  const field = picked.field;
  const noun = field === 'name' ? 'action name' : 'description';

  const match = await vscode.window.showInputBox({
    title: `${TITLE} (2/3)`,
    prompt: `A JavaScript regular expression, run on each ${noun}. Write /pattern/i for flags.`,
    placeHolder: '(.*?) Get',
    value: last.match,
    ignoreFocusOut: true,
    validateInput: async (typed) => {
      const r = await ask(field, typed, '$&');
      if (!r.ok) return { message: r.reason, severity: vscode.InputBoxValidationSeverity.Error };
      return { message: `${r.regex} matches ${r.matched} of ${r.total} ${noun}s`, severity: r.matched ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Warning };
    },
  });
  if (match === undefined) return;
  last.match = match;

  const replace = await vscode.window.showInputBox({
    title: `${TITLE} (3/3)`,
    prompt: 'The replacement: $1, $2… for capture groups, $<name> for named groups, $& for the whole match.',
    placeHolder: 'Get $1',
    value: last.replace,
    ignoreFocusOut: true,
    validateInput: async (typed) => {
      const r = await ask(field, match, typed);
      if (!r.ok) return { message: r.reason, severity: vscode.InputBoxValidationSeverity.Error };
      if (!r.changes.length) return { message: `No ${noun} would change`, severity: vscode.InputBoxValidationSeverity.Warning };
      const first = r.changes[0];
      const more = r.changes.length > 1 ? `, and ${r.changes.length - 1} more` : '';
      const problems = r.collisions.length ? ` (${r.collisions.length} name${r.collisions.length > 1 ? 's' : ''} would be shared by several actions)` : '';
      return { message: `"${first.old}" → "${first.new}"${more}${problems}`, severity: problems ? vscode.InputBoxValidationSeverity.Warning : vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (replace === undefined) return;
  last.replace = replace;

  let preview = await ask(field, match, replace);
  // The file may have changed while the boxes were open: the edits must be for the version being edited.
  if (preview.ok && preview.version !== document.version) preview = await ask(field, match, replace);
  if (!preview.ok) {
    void vscode.window.showErrorMessage(`Rename actions: ${preview.reason}`);
    return;
  }
  if (!preview.changes.length) {
    const why = preview.matched ? `matches ${preview.matched} ${noun}(s), but the replacement leaves them as they are` : `matches none of the ${preview.total} ${noun}s`;
    void vscode.window.showInformationMessage(`Rename actions: ${preview.regex} ${why}. Nothing was changed.`);
    return;
  }
  if (!(await acceptProblems(preview))) return;

  const applied = await vscode.workspace.applyEdit(workspaceEdit(uri, preview), { isRefactoring: true });
  const changed = preview.changes.length;
  if (applied) void vscode.window.showInformationMessage(`Renamed ${changed} ${noun}${changed === 1 ? '' : 's'}. Undo (Ctrl+Z) reverts them all.`);
}

/** The active JSON/YAML editor, else the spec the actions view shows. */
function targetSpec(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && SPEC_LANGUAGES.has(doc.languageId) && !doc.uri.path.endsWith('.rewst-integration.json')) return doc.uri;
  return specInActionsView();
}

/** Collisions and empty names are shown before anything is previewed or written; the user decides. */
async function acceptProblems(preview: Preview): Promise<boolean> {
  const lines: string[] = [];
  for (const c of preview.collisions.slice(0, 8)) lines.push(`"${c.name}": ${c.actions.map((a) => `${a.method} ${a.path}${a.changed ? '' : ' (unchanged)'}`).join(', ')}`);
  if (preview.collisions.length > 8) lines.push(`…and ${preview.collisions.length - 8} more names`);
  if (preview.emptyNames) lines.push(`${preview.emptyNames} action(s) would have an empty name.`);
  for (const s of preview.skipped.slice(0, 4)) lines.push(`${s.method} ${s.path} is left out: ${s.reason}.`);
  if (!lines.length) return true;
  const clash = preview.collisions.length ? `${preview.collisions.length} name(s) would be shared by more than one action. ` : '';
  const choice = await vscode.window.showWarningMessage(`${clash}Rewst lists actions by name, so users could not tell them apart.`, { modal: true, detail: lines.join('\n') }, 'Preview Anyway');
  return choice === 'Preview Anyway';
}

/** One edit per change, each needing confirmation: VS Code shows them all, old beside new, in its refactor preview. */
function workspaceEdit(uri: vscode.Uri, preview: Preview): vscode.WorkspaceEdit {
  const colliding = new Set(preview.collisions.flatMap((c) => c.actions.filter((a) => a.changed).map((a) => `${a.method} ${a.path}`)));
  const edit = new vscode.WorkspaceEdit();
  for (const c of preview.changes) {
    const where = `${c.method} ${c.path}`;
    const notes = [where, c.added ? 'adds a summary' : '', colliding.has(where) ? 'same name as another action' : ''].filter(Boolean).join(' · ');
    edit.replace(uri, toRange(c.edit.range), c.edit.newText, {
      needsConfirmation: true,
      label: `${c.old} → ${c.new}`,
      description: notes,
      iconPath: new vscode.ThemeIcon(colliding.has(where) ? 'warning' : 'symbol-method'),
    });
  }
  return edit;
}

function toRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
