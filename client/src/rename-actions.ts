/**
 * "Rewst: Rename Actions with a Regex": pick the field, type a regex (checked
 * as you type) and a replacement, review every change, old beside new, in a
 * list (each shown in the editor as you move through it), and apply the ticked
 * ones as one undoable edit. The server computes the changes
 * (rewst/renamePreview); this file asks and shows.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RenameField } from '../../common/protocol';
import { RenamePreviewRequest, type Range, type RenamePreviewParams, type RenamePreviewResult } from '../../common/protocol';
import { specInActionsView } from './actions-view';
import { specInView } from './rejections';
import { FIRST_ANSWERS, PATTERN_PLACEHOLDER, PREVIEW_PLACEHOLDER, REPLACE_PLACEHOLDER, patternVerdict, replaceVerdict, type Verdict } from './rename-box-text';

export const RENAME_ACTIONS_COMMAND = 'rewstOpenapi.renameActions';
const TITLE = 'Rewst: Rename Actions with a Regex';
const SPEC_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

type Preview = Extract<RenamePreviewResult, { ok: true }>;

/**
 * The answers the command would otherwise ask for, for keybindings, tasks and
 * tests: with `match` and `replace` given, nothing is asked and every change is
 * applied (shared names and empty names only when `acceptProblems` is true).
 */
export interface RenameActionsArgs {
  uri?: vscode.Uri;
  field?: RenameField;
  match: string;
  replace: string;
  acceptProblems?: boolean;
}

/** What the command did: how many names it changed (0: none, undefined: it stopped or was cancelled). */
export type RenameActionsResult = { renamed: number } | undefined;

function argsOf(value: unknown): RenameActionsArgs | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Partial<RenameActionsArgs>;
  if (typeof v.match !== 'string' || typeof v.replace !== 'string') return undefined;
  return {
    uri: v.uri instanceof vscode.Uri ? v.uri : undefined,
    field: v.field === 'description' ? 'description' : 'name',
    match: v.match,
    replace: v.replace,
    acceptProblems: v.acceptProblems === true,
  };
}

export function registerRenameActions(context: vscode.ExtensionContext, client: LanguageClient): void {
  const last = { ...FIRST_ANSWERS };
  context.subscriptions.push(vscode.commands.registerCommand(RENAME_ACTIONS_COMMAND, (args?: unknown) => renameActions(client, last, argsOf(args))));
}

async function renameActions(
  client: LanguageClient,
  last: { match: string; replace: string },
  given: RenameActionsArgs | undefined,
): Promise<RenameActionsResult> {
  const uri = given?.uri ?? targetSpec();
  if (!uri) {
    void vscode.window.showInformationMessage('Open an OpenAPI or Swagger file (JSON or YAML) first: the rename works on the actions of the active spec.');
    return undefined;
  }
  return given ? renameWith(client, uri, given) : renameAsking(client, uri, last);
}

/** No questions: the preview for the given answers, applied whole. */
async function renameWith(client: LanguageClient, uri: vscode.Uri, given: RenameActionsArgs): Promise<RenameActionsResult> {
  const document = await vscode.workspace.openTextDocument(uri);
  const field = given.field ?? 'name';
  const preview = await client.sendRequest(RenamePreviewRequest, {
    uri: client.code2ProtocolConverter.asUri(uri),
    field,
    match: given.match,
    literal: true,
    replace: given.replace,
  } satisfies RenamePreviewParams);
  if (!preview.ok) throw new Error(`Rename actions: ${preview.reason}`);
  if (!preview.changes.length) return { renamed: 0 };
  if ((preview.collisions.length || preview.emptyNames) && !given.acceptProblems)
    throw new Error(
      `Rename actions: ${preview.collisions.length} shared name(s), ${preview.emptyNames} empty name(s); pass acceptProblems: true to apply anyway`,
    );
  if (document.version !== preview.version) throw new Error('Rename actions: the file changed while the changes were computed; nothing was applied');
  return (await applyChanges(uri, preview.changes)) ? { renamed: preview.changes.length } : undefined;
}

/** One WorkspaceEdit: one undo step reverts every rename, in the spec and in the files of a split spec. */
async function applyChanges(uri: vscode.Uri, changes: Change[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const c of changes) edit.replace(c.uri ? vscode.Uri.parse(c.uri) : uri, toRange(c.edit.range), c.edit.newText);
  return vscode.workspace.applyEdit(edit, { isRefactoring: true });
}

async function renameAsking(client: LanguageClient, uri: vscode.Uri, last: { match: string; replace: string }): Promise<RenameActionsResult> {
  const document = await vscode.workspace.openTextDocument(uri);
  const ask = (field: RenameField, match: string, replace: string) =>
    client.sendRequest(RenamePreviewRequest, {
      uri: client.code2ProtocolConverter.asUri(uri),
      field,
      match,
      literal: true,
      replace,
    } satisfies RenamePreviewParams);

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

  const match = await askText({
    title: `${TITLE} (2/3)`,
    prompt: `A JavaScript regular expression, run on each ${noun}. Write /pattern/i for flags.`,
    placeholder: PATTERN_PLACEHOLDER,
    value: last.match,
    required: `Type a regular expression to run on each ${noun} first`,
    validate: async (typed) => severityOf(patternVerdict(typed, typed === '' ? undefined : await ask(field, typed, '$&'), noun)),
  });
  if (match === undefined) return;
  last.match = match;

  const replace = await askText({
    title: `${TITLE} (3/3)`,
    prompt: 'The replacement: $1, $2… for capture groups, $<name> for named groups, $& for the whole match.',
    placeholder: REPLACE_PLACEHOLDER,
    value: last.replace,
    validate: async (typed) => severityOf(replaceVerdict(typed, await ask(field, match, typed), noun)),
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
    const why = preview.matched
      ? `matches ${preview.matched} ${noun}(s), but the replacement leaves them as they are`
      : `matches none of the ${preview.total} ${noun}s`;
    void vscode.window.showInformationMessage(`Rename actions: ${preview.regex} ${why}. Nothing was changed.`);
    return;
  }
  if (!(await acceptProblems(preview))) return;

  const chosen = await pickChanges(uri, preview, noun);
  if (!chosen?.length) return undefined;
  if (document.version !== preview.version) {
    void vscode.window.showWarningMessage('Rename actions: the file changed while the changes were shown; nothing was applied. Run the command again.');
    return undefined;
  }
  if (!(await applyChanges(uri, chosen))) return undefined;
  void vscode.window.showInformationMessage(`Renamed ${chosen.length} ${noun}${chosen.length === 1 ? '' : 's'}. Undo (Ctrl+Z) reverts them all.`);
  return { renamed: chosen.length };
}

const SEVERITY = {
  info: vscode.InputBoxValidationSeverity.Info,
  warning: vscode.InputBoxValidationSeverity.Warning,
  error: vscode.InputBoxValidationSeverity.Error,
};
const severityOf = (v: Verdict): vscode.InputBoxValidationMessage => ({ message: v.message, severity: SEVERITY[v.level] });

interface AskTextOptions {
  title: string;
  prompt: string;
  placeholder: string;
  value: string;
  /** Enter on an empty box is refused with this message. */
  required?: string;
  validate(value: string): Promise<vscode.InputBoxValidationMessage | undefined>;
}

/**
 * An input box whose value is checked as it is typed, the initial value
 * included; Enter is refused while the check reports an error. Answers that
 * arrive after a newer keystroke are dropped.
 */
function askText(options: AskTextOptions): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, { title: options.title, prompt: options.prompt, placeholder: options.placeholder, value: options.value, ignoreFocusOut: true });
    let latest = 0;
    let verdict: vscode.InputBoxValidationMessage | undefined;
    const check = async (value: string) => {
      const mine = ++latest;
      box.busy = true;
      let result: vscode.InputBoxValidationMessage | undefined;
      try {
        result = await options.validate(value);
      } catch (e) {
        result = { message: e instanceof Error ? e.message : String(e), severity: vscode.InputBoxValidationSeverity.Error };
      }
      if (mine !== latest) return;
      verdict = result;
      box.validationMessage = result;
      box.busy = false;
    };
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((value) => void check(value));
    box.onDidAccept(async () => {
      if (options.required && box.value === '') {
        box.validationMessage = { message: options.required, severity: vscode.InputBoxValidationSeverity.Error };
        return;
      }
      await check(box.value);
      if (verdict?.severity !== vscode.InputBoxValidationSeverity.Error) finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
    void check(options.value);
  });
}

type Change = Preview['changes'][number];
interface ChangeItem extends vscode.QuickPickItem {
  change: Change;
}

/**
 * Every change, old beside new, ticked; the user unticks any to leave out and
 * presses Enter to apply. Moving through the list shows each change in the editor.
 */
function pickChanges(uri: vscode.Uri, preview: Preview, noun: string): Promise<Change[] | undefined> {
  const sharedBy = new Map<string, string[]>();
  for (const c of preview.collisions)
    for (const a of c.actions)
      if (a.changed)
        sharedBy.set(
          `${a.method} ${a.path}`,
          c.actions.filter((o) => o !== a).map((o) => `${o.method} ${o.path}`),
        );
  const items: ChangeItem[] = preview.changes.map((change) => {
    const where = `${change.method} ${change.path}${change.file ? ` · in ${change.file}` : ''}`;
    const notes = [
      sharedBy.has(where) ? `$(warning) Same name as ${sharedBy.get(where)!.join(', ')}` : '',
      change.added ? 'Adds a summary (the name was its operationId)' : '',
      change.new.trim() === '' ? '$(warning) Empty name' : '',
    ].filter(Boolean);
    return { label: `${oneLine(change.old)}  →  ${oneLine(change.new)}`, description: where, detail: notes.join(' · ') || undefined, change, picked: true };
  });
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<ChangeItem>();
    pick.title = `${TITLE}: ${preview.changes.length} ${noun}${preview.changes.length === 1 ? '' : 's'} change${preview.collisions.length ? `, ${preview.collisions.length} shared name(s)` : ''}`;
    pick.placeholder = PREVIEW_PLACEHOLDER;
    pick.canSelectMany = true;
    pick.matchOnDescription = true;
    pick.ignoreFocusOut = true;
    pick.items = items;
    pick.selectedItems = items;
    pick.onDidChangeActive(([item]) => {
      const target = item?.change.uri ? vscode.Uri.parse(item.change.uri).toString() : uri.toString();
      const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target);
      if (!item || !editor) return;
      const range = toRange(item.change.edit.range);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    });
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve(pick.selectedItems.map((i) => i.change));
      pick.dispose();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

function oneLine(s: string): string {
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > 120 ? flat.slice(0, 117) + '…' : flat;
}

/** The active JSON/YAML editor, else the spec the actions view shows. */
function targetSpec(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && SPEC_LANGUAGES.has(doc.languageId) && !doc.uri.path.endsWith('.rewst-integration.json')) return doc.uri;
  return specInView()?.uri ?? specInActionsView();
}

/** Collisions and empty names are flagged before the changes are listed or written; the user decides. */
async function acceptProblems(preview: Preview): Promise<boolean> {
  const lines: string[] = [];
  for (const c of preview.collisions.slice(0, 8))
    lines.push(`"${c.name}": ${c.actions.map((a) => `${a.method} ${a.path}${a.changed ? '' : ' (unchanged)'}`).join(', ')}`);
  if (preview.collisions.length > 8) lines.push(`…and ${preview.collisions.length - 8} more names`);
  if (preview.emptyNames) lines.push(`${preview.emptyNames} action(s) would have an empty name.`);
  for (const s of preview.skipped.slice(0, 4)) lines.push(`${s.method} ${s.path} is left out: ${s.reason}.`);
  if (!lines.length) return true;
  const clash = preview.collisions.length ? `${preview.collisions.length} name(s) would be shared by more than one action. ` : '';
  const choice = await vscode.window.showWarningMessage(
    `${clash}Rewst lists actions by name, so users could not tell them apart.`,
    { modal: true, detail: lines.join('\n') },
    'Review the Changes',
  );
  return choice === 'Review the Changes';
}

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
