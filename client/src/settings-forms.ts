/**
 * The Auth and Pagination forms (webviews) and the setup sheet. The server
 * proposes, checks and computes edits (common/protocol.ts); this file opens the
 * panels, relays messages (forms-protocol), saves through one undoable
 * WorkspaceEdit of the settings file, and sends the page every change made to
 * that file by hand.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { FormKind } from '../../common/settings/form';
import type { IntegrationSettings } from '../../common/settings/model';
import * as P from '../../common/protocol';
import { parseSettingsText } from '../../common/settings/settings-text';
import { makeNonce, renderForm } from './forms-html';
import { checkPageMessage, checkPageState } from './forms-messages';
import { insideFolder, MAX_READ_BYTES } from '../../common/inside-folder';
import { PageWatchdog } from './page-watchdog';
import { isSettingsFile, looksLikeSpec } from './spec-sniff';
import { TRY_ACTION_COMMAND } from './try-action';
import { VIEW_TYPES, type FormInit, type HostMessage, type PageMessage, type PageState } from './forms-protocol';

export const SETTINGS_COMMANDS = {
  auth: 'rewstOpenapi.openAuthForm',
  pagination: 'rewstOpenapi.openPaginationForm',
  sheet: 'rewstOpenapi.showSetupSheet',
} as const;

const SHEET_SCHEME = 'rewst-setup';
/** How many times a form whose page never starts is opened again in a new webview (see page-watchdog.ts). */
const MAX_REOPENS = 3;
/** How long a visible form's page has to say it started. */
const WATCHDOG_MS = 8000;
const SPEC_CONTEXT = 'rewstOpenapi.specResources';

export function registerSettingsForms(context: vscode.ExtensionContext, client: LanguageClient): void {
  const log = vscode.window.createOutputChannel('Rewst Settings Forms', { log: true });
  const forms = new Forms(context, client, log);
  const sheets = new SheetProvider(client);
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(SETTINGS_COMMANDS.auth, (uri?: vscode.Uri, options?: unknown) => forms.open('auth', uri, openOptions(options))),
    vscode.commands.registerCommand(SETTINGS_COMMANDS.pagination, (uri?: vscode.Uri, options?: unknown) => forms.open('pagination', uri, openOptions(options))),
    vscode.commands.registerCommand(SETTINGS_COMMANDS.sheet, (uri?: vscode.Uri) => sheets.show(uri)),
    vscode.workspace.registerTextDocumentContentProvider(SHEET_SCHEME, sheets),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPES.auth, forms.serializer('auth')),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPES.pagination, forms.serializer('pagination')),
    vscode.workspace.onDidChangeTextDocument((e) => (sheets.changed(e.document.uri), specResources.update(e.document))),
    vscode.workspace.onDidOpenTextDocument((d) => specResources.update(d)),
    vscode.workspace.onDidCloseTextDocument((d) => specResources.remove(d)),
  );
  for (const d of vscode.workspace.textDocuments) specResources.update(d);
}

/**
 * Shows the editor-title buttons on specs and settings files only: a context
 * key listing their resources, so the buttons follow each editor group's own
 * file (not whichever editor has focus).
 */
const specResources = new (class {
  private readonly set = new Set<string>();

  update(doc: vscode.TextDocument): void {
    const is = doc.uri.scheme === 'file' && (isSettingsFile(doc.uri) || looksLikeSpec(doc));
    const keys = [doc.uri.toString(), doc.uri.fsPath];
    if (is === keys.every((k) => this.set.has(k))) return;
    for (const k of keys) {
      if (is) this.set.add(k);
      else this.set.delete(k);
    }
    this.publish();
  }

  has(uri: vscode.Uri): boolean {
    return this.set.has(uri.toString());
  }

  remove(doc: vscode.TextDocument): void {
    if (this.set.delete(doc.uri.toString()) && this.set.delete(doc.uri.fsPath)) this.publish();
  }

  private publish(): void {
    void vscode.commands.executeCommand('setContext', SPEC_CONTEXT, [...this.set]);
  }
})();

/** How a form is opened from the other form of the same spec (its "Pagination form" / "Auth form" button). */
export interface OpenOptions {
  /** The form it is opened from: the new one takes its place, in its editor group, instead of opening beside it. */
  replacing?: FormKind;
  /** Keep the form it is opened from (it has unsaved changes, which closing it would lose): the new one opens in the same group. */
  keep?: boolean;
}

/** A command's second argument, if it is OpenOptions (an editor-title command gets other things there). */
function openOptions(v: unknown): OpenOptions | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const { replacing, keep } = v as Record<string, unknown>;
  if (replacing !== 'auth' && replacing !== 'pagination') return undefined;
  return { replacing, keep: keep === true };
}

/** The spec of the form panel that has focus, if one has. */
let activeFormSpec: () => vscode.Uri | undefined = () => undefined;

/**
 * What a command acts on: the file it was invoked on (editor title), else the
 * active editor's, else the spec of the focused form, else a spec in a
 * visible editor; as a last resort, the user picks one.
 */
async function targetUri(uri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const visibleSpec = vscode.window.visibleTextEditors.map((e) => e.document.uri).find((u) => specResources.has(u));
  const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? activeFormSpec() ?? visibleSpec;
  if (target) return target;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { 'OpenAPI or Swagger': ['json', 'yaml', 'yml'] },
    openLabel: 'Open the spec',
  });
  return picked?.[0];
}

class Forms {
  private readonly panels = new Map<string, FormPanel>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    activeFormSpec = () => {
      for (const [key, form] of this.panels) if (form.panel.active) return vscode.Uri.parse(key.slice(key.indexOf(' ') + 1));
      return undefined;
    };
  }

  /**
   * Opens (or shows) the form; returns what it starts from, for callers that go on from it. Opened from the
   * other form (`options.replacing`), it shows in that form's editor group and, unless `options.keep`, closes
   * that form: the two take turns in one group rather than adding a column each.
   */
  async open(kind: FormKind, uri?: vscode.Uri, options?: OpenOptions): Promise<FormInit | undefined> {
    const target = await targetUri(uri);
    if (!target) return undefined;
    const located = await this.client.sendRequest(P.SettingsLocateRequest, { uri: target.toString() });
    if (!located.specUri) return void vscode.window.showErrorMessage(located.problem ?? 'No spec found for this file.');
    const key = `${kind} ${located.specUri}`;
    const from = options?.replacing && options.replacing !== kind ? this.panels.get(`${options.replacing} ${located.specUri}`) : undefined;
    const column = from?.panel.viewColumn;
    // Closed only once the new form is in the group, so the group (and its column) stays.
    const replace = () => {
      if (from && !options?.keep) from.panel.dispose();
    };
    const open = this.panels.get(key);
    if (open) {
      open.panel.reveal(column);
      replace();
      return open.init;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPES[kind],
      kind === 'auth' ? 'Rewst: Auth' : 'Rewst: Pagination',
      column ?? vscode.ViewColumn.Beside,
      formOptions(this.context.extensionUri),
    );
    const form = await this.attach(panel, kind, located.specUri);
    if (form) replace();
    return form?.init;
  }

  serializer(kind: FormKind): vscode.WebviewPanelSerializer<PageState> {
    return {
      deserializeWebviewPanel: async (panel, saved: unknown) => {
        const state = checkPageState(saved, kind);
        if (!state.ok) {
          this.log.warn(`not restoring a ${kind} form: ${state.reason}`);
          return panel.dispose();
        }
        this.log.info(`restoring the ${kind} form for ${state.value.specUri}`);
        panel.webview.options = formOptions(this.context.extensionUri);
        await this.attach(panel, kind, state.value.specUri, state.value);
      },
    };
  }

  /** `state`: what the page kept before a window reload, or what a stalled page was given (`reopens` times so far). */
  private async attach(panel: vscode.WebviewPanel, kind: FormKind, specUri: string, state?: PageState, reopens = 0): Promise<FormPanel | undefined> {
    const key = `${kind} ${specUri}`;
    try {
      const stalled = (form: FormPanel) => void this.reopen(form, kind, specUri, state, reopens + 1);
      const form = await FormPanel.create(
        panel,
        kind,
        specUri,
        this.client,
        this.context.extensionUri,
        (k, unsaved) => void this.open(k, vscode.Uri.parse(specUri), { replacing: kind, keep: unsaved }),
        stalled,
        this.log,
        reopens ? state : undefined,
      );
      this.panels.set(key, form);
      panel.onDidDispose(() => this.panels.get(key) === form && this.panels.delete(key));
      this.log.info(`${kind} form open for ${specUri}`);
      return form;
    } catch (e) {
      this.log.error(`${kind} form for ${specUri}: ${e instanceof Error ? e.stack : String(e)}`);
      panel.dispose();
      void vscode.window.showErrorMessage(`Rewst settings form: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /**
   * A form whose page never started (page-watchdog.ts says why): the same form, from the same state, in a new
   * webview in the same editor group; then the stalled one is closed.
   */
  private async reopen(stalled: FormPanel, kind: FormKind, specUri: string, state: PageState | undefined, reopens: number): Promise<void> {
    const title = stalled.panel.title;
    if (reopens > MAX_REOPENS) return void this.log.error(`the "${title}" page did not start, even in ${MAX_REOPENS} new webviews; close it and open it again`);
    this.log.warn(`the "${title}" page did not start within ${WATCHDOG_MS / 1000} s; opening it in a new webview (${reopens} of ${MAX_REOPENS})`);
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPES[kind],
      title,
      { viewColumn: stalled.panel.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: !stalled.panel.active },
      formOptions(this.context.extensionUri),
    );
    await this.attach(panel, kind, specUri, state, reopens);
    stalled.panel.dispose();
  }
}

/**
 * What a form's webview may do: run its script, and load files from the extension's webview folder (its
 * script and stylesheet) and, once the settings file is known, from that file's folder (the icon preview;
 * the icon must be there). Nothing else: not the extension's other files, not the rest of the workspace.
 */
function formOptions(extensionUri: vscode.Uri, settingsUri?: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  const roots = [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
  if (settingsUri) roots.push(vscode.Uri.file(path.dirname(settingsUri.fsPath)));
  return { enableScripts: true, localResourceRoots: roots };
}

function parseSettings(text: string): IntegrationSettings | string {
  const value = parseSettingsText(text);
  if (value === undefined) return 'The settings file is not valid JSON right now; the form keeps its values until it is.';
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as IntegrationSettings)
    : 'The settings file does not hold a JSON object; the form keeps its values.';
}

class FormPanel {
  private lastDraft: IntegrationSettings | undefined;
  private checkSeq = 0;
  private watchdog: PageWatchdog | undefined;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly init: FormInit,
    private readonly client: LanguageClient,
    private readonly openForm: (kind: FormKind, unsaved: boolean) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static async create(
    panel: vscode.WebviewPanel,
    kind: FormKind,
    specUri: string,
    client: LanguageClient,
    extensionUri: vscode.Uri,
    openForm: (kind: FormKind, unsaved: boolean) => void,
    stalled: (form: FormPanel) => void,
    log: vscode.LogOutputChannel,
    state?: PageState,
  ): Promise<FormPanel> {
    const located = await client.sendRequest(P.SettingsLocateRequest, { uri: specUri });
    const proposed = await client.sendRequest(P.SettingsProposeRequest, { specUri });
    if (!proposed.ok) throw new Error(proposed.reason);
    const settingsUri = vscode.Uri.parse(located.settingsUri);
    let settings = proposed.proposal.settings;
    let exists = false;
    if (located.settingsExists) {
      const parsed = parseSettings((await vscode.workspace.openTextDocument(settingsUri)).getText());
      if (typeof parsed !== 'string') {
        settings = parsed;
        exists = true;
      }
    }
    const init: FormInit = {
      kind,
      specUri,
      settingsUri: located.settingsUri,
      specName: proposed.specName,
      settingsName: path.basename(settingsUri.fsPath),
      title: proposed.title,
      settingsExists: exists,
      settings,
      proposal: proposed.proposal,
      state,
    };
    const form = new FormPanel(panel, init, client, openForm, log);
    panel.title = `Rewst ${kind === 'auth' ? 'Auth' : 'Pagination'}: ${proposed.title}`;
    const webview = panel.webview;
    webview.options = formOptions(extensionUri, settingsUri);
    webview.html = renderForm(init, {
      nonce: makeNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'forms.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'forms.css')).toString(),
    });
    form.watchdog = new PageWatchdog(panel, () => stalled(form), WATCHDOG_MS);
    form.listen();
    return form;
  }

  private get settingsUri(): vscode.Uri {
    return vscode.Uri.parse(this.init.settingsUri);
  }

  private post(m: HostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private listen(): void {
    const subs: vscode.Disposable[] = [];
    subs.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        const checked = checkPageMessage(m);
        if (checked.ok) void this.onMessage(checked.value);
        else this.log.warn(`ignored a message from the ${this.init.kind} form: ${checked.reason}`);
      }),
    );
    // The file edited by hand (open in an editor) or changed on disk: the form follows.
    subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.fsPath === this.settingsUri.fsPath && e.contentChanges.length) this.sendFile(e.document.getText(), true);
        else if (e.document.uri.fsPath === vscode.Uri.parse(this.init.specUri).fsPath && this.lastDraft) void this.check(this.checkSeq, this.lastDraft);
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(path.dirname(this.settingsUri.fsPath)), path.basename(this.settingsUri.fsPath)),
    );
    const fromDisk = async () => {
      if (vscode.workspace.textDocuments.some((d) => d.uri.fsPath === this.settingsUri.fsPath)) return; // the document event covers it
      try {
        const { size } = await vscode.workspace.fs.stat(this.settingsUri);
        if (size > MAX_READ_BYTES)
          return this.post({ type: 'fileBroken', message: `The settings file is larger than ${MAX_READ_BYTES >> 20} MB; the form keeps its values.` });
        this.sendFile(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.settingsUri)), true);
      } catch {
        this.post({ type: 'file', settings: {}, exists: false });
      }
    };
    subs.push(watcher, watcher.onDidChange(fromDisk), watcher.onDidCreate(fromDisk), watcher.onDidDelete(fromDisk));
    this.panel.onDidDispose(() => (subs.forEach((d) => d.dispose()), this.watchdog?.dispose()));
  }

  private sendFile(text: string, exists: boolean): void {
    const parsed = parseSettings(text);
    this.post(typeof parsed === 'string' ? { type: 'fileBroken', message: parsed } : { type: 'file', settings: parsed, exists });
  }

  private async onMessage(m: PageMessage): Promise<void> {
    switch (m.type) {
      case 'draft':
        this.lastDraft = m.draft;
        this.checkSeq = m.seq;
        return this.check(m.seq, m.draft);
      case 'save':
        return this.save(m.draft);
      case 'pickIcon':
        return this.pickIcon();
      case 'showSheet':
        return void vscode.commands.executeCommand(SETTINGS_COMMANDS.sheet, this.settingsUri);
      case 'openFile':
        return this.openFile();
      case 'trySettings':
        return this.trySettings(m.draft);
      case 'openForm':
        return this.openForm(m.kind, m.unsaved === true);
      case 'ready':
        return this.watchdog?.pageReady();
    }
  }

  private async check(seq: number, draft: IntegrationSettings): Promise<void> {
    try {
      const result = await this.client.sendRequest(P.SettingsCheckRequest, { settingsUri: this.init.settingsUri, settings: draft });
      const iconSrc = result.iconPath ? this.panel.webview.asWebviewUri(vscode.Uri.file(result.iconPath)).toString() : undefined;
      this.post({ type: 'reports', seq, reports: result.reports, iconSrc });
    } catch {
      // The server restarting or the panel closing: the next draft asks again.
    }
  }

  /** One WorkspaceEdit: undoable in the settings file's editor, and only the members that changed are touched. */
  private async save(draft: IntegrationSettings): Promise<void> {
    const uri = this.settingsUri;
    try {
      let doc: vscode.TextDocument | undefined;
      try {
        doc = await vscode.workspace.openTextDocument(uri);
      } catch {
        doc = undefined; // not created yet
      }
      const text = doc?.getText() ?? '';
      const { edits } = await this.client.sendRequest(P.SettingsEditRequest, { text, settings: draft });
      if (!edits.length && doc) return this.post({ type: 'saved', ok: true, message: 'Saved: no changes.' });
      const edit = new vscode.WorkspaceEdit();
      if (!doc) {
        edit.createFile(uri, { ignoreIfExists: true });
        edit.insert(uri, new vscode.Position(0, 0), edits.map((e) => e.newText).join(''));
      } else {
        for (const e of edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
      }
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code refused the edit');
      const saved = await (await vscode.workspace.openTextDocument(uri)).save();
      this.post({
        type: 'saved',
        ok: true,
        message: `Saved to ${path.basename(uri.fsPath)}${saved ? '' : ' (unsaved in its editor)'}. Undo in that file's editor reverts it.`,
      });
    } catch (e) {
      this.post({ type: 'saved', ok: false, message: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private async pickIcon(): Promise<void> {
    const dir = vscode.Uri.file(path.dirname(this.settingsUri.fsPath));
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: dir, filters: { 'SVG image': ['svg'] }, openLabel: 'Use as icon' });
    if (!picked?.[0]) return;
    const relative = path.relative(dir.fsPath, picked[0].fsPath).split(path.sep).join('/');
    const inside = insideFolder(dir.fsPath, relative);
    if (inside.problem !== undefined)
      return void vscode.window.showWarningMessage(`Choose an SVG in the settings file's folder (${dir.fsPath}) or below it: ${inside.problem}`);
    this.post({ type: 'iconPicked', path: relative });
  }

  /** A try reads the settings file, not the form: with changes unsaved (the page's `draft`), it asks first whether to save them. */
  private async trySettings(draft: IntegrationSettings | undefined): Promise<void> {
    if (draft) {
      const save = 'Save, then try';
      const pick = await vscode.window.showWarningMessage(
        'The form has changes the settings file does not hold yet, and a try uses the file. Save them first, or try the file as it is?',
        save,
        'Try the file as it is',
      );
      if (!pick) return;
      if (pick === save) await this.save(draft);
    }
    await vscode.commands.executeCommand(TRY_ACTION_COMMAND, vscode.Uri.parse(this.init.specUri));
  }

  private async openFile(): Promise<void> {
    try {
      await vscode.window.showTextDocument(this.settingsUri, { viewColumn: vscode.ViewColumn.One });
    } catch {
      void vscode.window.showInformationMessage(`${path.basename(this.settingsUri.fsPath)} does not exist yet: Save creates it.`);
    }
  }
}

/** The setup sheet: a Markdown document the server writes, shown in the Markdown preview. */
class SheetProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly shown = new Map<string, vscode.Uri>();

  constructor(private readonly client: LanguageClient) {}

  /** Shows the sheet in the Markdown preview; returns its (virtual) document's URI. */
  async show(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const target = await targetUri(uri);
    if (!target) return undefined;
    const located = await this.client.sendRequest(P.SettingsLocateRequest, { uri: target.toString() });
    if (!located.settingsExists) {
      // Not awaited: the command ends here; the notification waits for the user.
      void vscode.window
        .showInformationMessage('There is no integration settings file yet: fill and save the Auth form first.', 'Open the Auth form')
        .then((choice) => {
          if (choice) void vscode.commands.executeCommand(SETTINGS_COMMANDS.auth, target);
        });
      return undefined;
    }
    const name = path.basename(vscode.Uri.parse(located.settingsUri).fsPath).replace(/\.json$/i, '');
    const sheet = vscode.Uri.from({ scheme: SHEET_SCHEME, path: `/${name} setup sheet.md`, query: located.settingsUri });
    this.shown.set(located.settingsUri, sheet);
    this.emitter.fire(sheet);
    await vscode.commands.executeCommand('markdown.showPreview', sheet);
    return sheet;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.client.sendRequest(P.SettingsSheetRequest, { settingsUri: uri.query });
    return result.ok
      ? result.markdown
      : `# Setup sheet unavailable\n\n${result.reason.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}\n`;
  }

  changed(uri: vscode.Uri): void {
    const sheet = [...this.shown].find(([settings]) => vscode.Uri.parse(settings).fsPath === uri.fsPath)?.[1];
    if (sheet) this.emitter.fire(sheet);
  }
}
