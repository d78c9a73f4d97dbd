/**
 * The "Rewst Actions" view in the explorer: the actions Rewst will create from
 * the active spec, grouped by tag. The server computes the list (rewst/actions);
 * this file only shows it and keeps it current.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActionsRequest, type ActionsResult, type Range } from '../../common/protocol';
import { actionTooltip } from './action-tooltip';
import { isSpecDocument as isCandidate } from './spec-sniff';

export const ACTIONS_VIEW_ID = 'rewstOpenapi.actions';
export const REVEAL_ACTION_COMMAND = 'rewstOpenapi.revealAction';
export const REFRESH_ACTIONS_COMMAND = 'rewstOpenapi.refreshActions';
/** Context key, true while the view shows a spec's actions. */
const HAS_SPEC_CONTEXT = 'rewstOpenapi.actionsViewHasSpec';
const REFRESH_DELAY_MS = 300;

type Action = ActionsResult['actions'][number];
type Node = { kind: 'group'; tag: string; actions: number[] } | { kind: 'action'; tag: string; index: number };

export class ActionsViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<Node> | undefined;
  /** The spec shown, and the latest answer about it. */
  private target: vscode.Uri | undefined;
  private result: ActionsResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** The spec a show() asked for, until its answer arrives. */
  private wanted: vscode.Uri | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(private readonly client: LanguageClient) {}

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.updateMessage();
  }

  /** The spec the view shows, for commands run from its title bar. */
  get spec(): vscode.Uri | undefined {
    return this.target;
  }

  /** Shows `uri` if the server says it is a spec; a JSON or YAML file that is not one leaves the view as it was. */
  show(uri: vscode.Uri): Promise<void> {
    this.wanted = uri;
    return this.load();
  }

  /** Asks again for the current spec, after a pause so a burst of keystrokes makes one request. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  refresh(): Promise<void> {
    clearTimeout(this.timer);
    return this.load();
  }

  /** Resolves once no request is in flight, so a caller sees the view as the newest request left it. */
  async settled(): Promise<void> {
    let loading: Promise<void>;
    do {
      loading = this.loading;
      await loading;
    } while (loading !== this.loading);
  }

  /**
   * Asks about the spec asked for last (show), else the one shown (refresh). A newer request
   * drops an older one's answer, and because it asks about the newest wish, a refresh cannot
   * overtake a show of another spec and bring the old spec back.
   */
  private load(): Promise<void> {
    this.loading = this.loadOnce();
    return this.loading;
  }

  private async loadOnce(): Promise<void> {
    const uri = this.wanted ?? this.target;
    if (!uri) return this.setResult(undefined);
    const result = await this.fetch(uri);
    if (result === undefined) return; // overtaken: the newer request settles the view
    if (this.wanted?.toString() === uri.toString()) this.wanted = undefined;
    if (!result?.isSpec && this.target && this.target.toString() !== uri.toString()) {
      this.refreshSoon(); // not a spec: the view keeps the spec it shows, asked about again as it may have changed meanwhile
      return;
    }
    this.target = uri;
    this.setResult(result ?? undefined);
    // null: the server has not seen the document yet (it opened a moment ago); ask once more.
    if (result === null) return this.refreshSoon();
    // The server answered for an older version than the editor holds: ask again once it has caught up.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (result && doc && result.version < doc.version) this.refreshSoon();
  }

  /** What the view lists now: the spec and its actions' names, in the server's order. */
  listed(): { spec: vscode.Uri; names: string[] } | undefined {
    return this.target && this.result?.isSpec ? { spec: this.target, names: this.result.actions.map((a) => a.name) } : undefined;
  }

  /** The action a tree item stands for (a context-menu command's argument), with the spec it is in. */
  actionOf(node: unknown): { spec: vscode.Uri; action: Action } | undefined {
    const n = node as Partial<Node> | undefined;
    if (!this.target || !this.result?.isSpec || n?.kind !== 'action' || typeof n.index !== 'number') return undefined;
    const action = this.result.actions[n.index];
    return action && { spec: this.target, action };
  }

  forget(uri: vscode.Uri): void {
    if (this.wanted?.toString() === uri.toString()) this.wanted = undefined;
    if (this.target?.toString() !== uri.toString()) return;
    this.target = undefined;
    this.setResult(undefined);
  }

  /** undefined when a newer request overtook this one (its answer is dropped). */
  private async fetch(uri: vscode.Uri): Promise<ActionsResult | null | undefined> {
    const generation = ++this.generation;
    let result: ActionsResult | null;
    try {
      result = await this.client.sendRequest(ActionsRequest, { uri: this.client.code2ProtocolConverter.asUri(uri) });
    } catch (e) {
      this.client.warn(`Rewst actions: ${e instanceof Error ? e.message : String(e)}`);
      result = null;
    }
    return generation === this.generation ? result : undefined;
  }

  private setResult(result: ActionsResult | undefined): void {
    this.result = result;
    void vscode.commands.executeCommand('setContext', HAS_SPEC_CONTEXT, Boolean(this.target && result?.isSpec));
    this.updateMessage();
    this.changed.fire(undefined);
  }

  private updateMessage(): void {
    if (!this.view) return;
    const r = this.result;
    this.view.description = this.target && r?.isSpec ? path.basename(this.target.path) : undefined;
    if (!r || !r.isSpec) this.view.message = 'Open an OpenAPI or Swagger file to see the actions Rewst will create from it.';
    else if (r.problem) this.view.message = `The file does not parse, so Rewst would create no actions: ${r.problem}`;
    else if (!r.actions.length) this.view.message = 'This spec has no operations, so Rewst would create no actions.';
    else {
      const paginated = r.actions.filter((a) => a.paginated).length;
      const settings = r.settingsUri ? `; ${paginated} paginated per ${path.basename(vscode.Uri.parse(r.settingsUri).path)}` : '';
      this.view.message = `${r.actions.length} action${r.actions.length === 1 ? '' : 's'}${settings}`;
    }
  }

  getChildren(node?: Node): Node[] {
    const r = this.result;
    if (!r?.isSpec) return [];
    if (!node) return r.groups.map((g) => ({ kind: 'group', tag: g.tag, actions: g.actions }));
    return node.kind === 'group' ? node.actions.map((index) => ({ kind: 'action', tag: node.tag, index })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const single = this.result?.groups.length === 1;
      const item = new vscode.TreeItem(node.tag || '(no tag)', single ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `tag:${node.tag}`;
      item.description = String(node.actions.length);
      item.iconPath = new vscode.ThemeIcon('tag');
      item.contextValue = 'rewstActionGroup';
      return item;
    }
    const a = this.result!.actions[node.index];
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.id = `action:${node.tag}:${a.uri ?? ''}#${a.pointer}`;
    item.description = `${a.method} ${a.path}${a.paginated ? ' · paginated' : ''}`;
    item.tooltip = tooltipOf(a);
    item.iconPath = new vscode.ThemeIcon(a.paginated ? 'list-ordered' : a.nameFrom === 'summary' ? 'symbol-method' : 'warning');
    item.contextValue = a.paginated ? 'rewstAction.paginated' : 'rewstAction';
    item.accessibilityInformation = { label: `${a.name}, ${a.method} ${a.path}${a.paginated ? ', paginated' : ''}` };
    if (this.target)
      item.command = { command: REVEAL_ACTION_COMMAND, title: 'Reveal Operation', arguments: [a.uri ? vscode.Uri.parse(a.uri) : this.target, a.range] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

function tooltipOf(a: Action): vscode.MarkdownString {
  return new vscode.MarkdownString(actionTooltip(a, a.uri ? path.basename(vscode.Uri.parse(a.uri).path) : undefined));
}

let shown: ActionsViewProvider | undefined;

/** The action of an Actions view item, for commands in its context menu. */
export function actionInActionsView(node: unknown): { spec: vscode.Uri; action: Action } | undefined {
  return shown?.actionOf(node);
}

/** The spec the actions view shows, so commands in its title bar act on it when no spec editor is active. */
export function specInActionsView(): vscode.Uri | undefined {
  return shown?.spec;
}

export function registerActionsView(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new ActionsViewProvider(client);
  shown = provider;
  const view = vscode.window.createTreeView(ACTIONS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (editor && isCandidate(editor.document)) void provider.show(editor.document.uri);
  };
  context.subscriptions.push(
    provider,
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const uri = e.document.uri.toString();
      if (uri === provider.spec?.toString() || e.document.uri.path.endsWith('.rewst-integration.json')) provider.refreshSoon();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => provider.forget(doc.uri)),
    // The active spec editor's actions, even when the view has not caught up with a switch of editor yet.
    // Returns what the view then lists, for callers (and tests) that go on from it.
    vscode.commands.registerCommand(REFRESH_ACTIONS_COMMAND, async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && isCandidate(editor.document)) await provider.show(editor.document.uri);
      else await provider.refresh();
      await provider.settled();
      return provider.listed();
    }),
    vscode.commands.registerCommand(REVEAL_ACTION_COMMAND, async (uri: vscode.Uri, range: Range) => {
      const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      const editor = await vscode.window.showTextDocument(uri, { selection, preview: true });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
  );
  const settingsWatcher = vscode.workspace.createFileSystemWatcher('**/*.rewst-integration.json');
  context.subscriptions.push(
    settingsWatcher,
    settingsWatcher.onDidChange(() => provider.refreshSoon()),
    settingsWatcher.onDidCreate(() => provider.refreshSoon()),
    settingsWatcher.onDidDelete(() => provider.refreshSoon()),
  );
  follow(vscode.window.activeTextEditor);
}
