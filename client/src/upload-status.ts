/**
 * The status bar item on the active spec: the number of actions Rewst will create from it and the size of
 * the file Prepare for Rewst Upload would write, against `rewstOpenapi.uploadBudgetKB` when that is set.
 * Clicking it runs Prepare. The server measures: this file asks once when a spec becomes active
 * (rewst/uploadSize) and then takes what the server pushes for each version (rewst/uploadSizeChanged);
 * the design is stated in common/protocol.ts.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { kb } from '../../common/format';
import { UploadSizeChangedNotification, UploadSizeRequest, type UploadSizeResult } from '../../common/protocol';
import { CONVERT_COMMANDS } from './convert-commands';
// Only documents that look like specs are asked about: asking would start the language server for any JSON file.
import { isSpecDocument as isCandidate } from './spec-sniff';

export const UPLOAD_BUDGET_SETTING = 'uploadBudgetKB';
/** A document opened a moment ago may not have reached the server: asked again this often, this many times. */
const RETRY_MS = 300;
const RETRIES = 5;

/** What the item shows, for the extension's API (its tests read it). */
export interface UploadStatusShown {
  visible: boolean;
  text: string;
  tooltip: string;
  overBudget: boolean;
  /** The spec it is about, and what clicking it runs. */
  uri?: string;
  command?: vscode.Command;
}

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

export class UploadStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rewstOpenapi.uploadSize', vscode.StatusBarAlignment.Right, 100);
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires whenever what the item shows may have changed. */
  readonly onDidChange = this.changed.event;
  private target: vscode.Uri | undefined;
  private result: UploadSizeResult | undefined;
  /** The editor's text changed after `result`'s version: its size is not the text's. */
  private stale = false;
  private timer: NodeJS.Timeout | undefined;
  private shownNow: UploadStatusShown = { visible: false, text: '', tooltip: '', overBudget: false };

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Rewst Upload Size';
  }

  get shown(): UploadStatusShown {
    return this.shownNow;
  }

  /** The active editor changed: follow it when it shows a spec, hide otherwise. */
  follow(editor: vscode.TextEditor | undefined): void {
    const doc = editor?.document;
    if (!doc || !isCandidate(doc)) return this.show(undefined);
    if (this.target?.toString() === doc.uri.toString()) return;
    this.show(doc.uri);
  }

  /** The text of a document changed: the item says its size is being measured, or hides when it is no longer a spec. */
  edited(doc: vscode.TextDocument): void {
    if (this.target?.toString() !== doc.uri.toString()) {
      // The active document is a spec again after an edit made it none for a moment (select all, `{}`, undo).
      if (!this.target && vscode.window.activeTextEditor?.document === doc && isCandidate(doc)) this.show(doc.uri);
      return;
    }
    if (!isCandidate(doc)) return this.show(undefined);
    this.stale = true;
    this.render();
  }

  /** What the server pushed for a version of a document. */
  take(r: UploadSizeResult): void {
    if (!this.target || r.uri !== this.client.code2ProtocolConverter.asUri(this.target)) return;
    const known = this.result;
    if (known && (r.version < known.version || (r.version === known.version && r.pending && !known.pending))) return; // older than what is shown
    this.result = r;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.target?.toString());
    this.stale = Boolean(doc && doc.version > r.version);
    this.render();
  }

  render(): void {
    const r = this.result;
    if (!this.target || !r) {
      this.item.hide();
      return this.update({ visible: false, text: '', tooltip: '', overBudget: false });
    }
    const measuring = this.stale || r.pending;
    const actions = !measuring && r.preparedActions !== undefined ? r.preparedActions : r.actions;
    const size = measuring ? 'size …' : r.bytes !== undefined ? kb(r.bytes) : 'no upload file';
    const budgetKB = vscode.workspace.getConfiguration('rewstOpenapi').get<number>(UPLOAD_BUDGET_SETTING) || 0;
    const overBudget = !measuring && budgetKB > 0 && r.bytes !== undefined && r.bytes > budgetKB * 1024;
    const lines = [
      `Rewst will create ${count(actions, 'action')} from this spec (one per operation).`,
      measuring
        ? 'Measuring the file Prepare for Rewst Upload would write…'
        : r.bytes !== undefined
          ? `Prepare for Rewst Upload would write ${kb(r.bytes)} (${count(r.bytes, 'byte')}): the spec bundled into one file, converted to OpenAPI 3 JSON, with every safe fix applied.`
          : `Prepare for Rewst Upload would write nothing: ${r.problem ?? 'the spec could not be prepared'}`,
    ];
    if (!measuring && r.preparedActions !== undefined && r.preparedActions !== r.actions)
      lines.push(`${count(r.actions, 'operation')} in this file, ${r.preparedActions} once the files it refers to are bundled.`);
    if (budgetKB > 0 && !measuring && r.bytes !== undefined)
      lines.push(
        overBudget
          ? `Over the upload budget of ${budgetKB.toLocaleString('en-US')} KB (rewstOpenapi.uploadBudgetKB) by ${kb(r.bytes - budgetKB * 1024)}.`
          : `Within the upload budget of ${budgetKB.toLocaleString('en-US')} KB (rewstOpenapi.uploadBudgetKB).`,
      );
    lines.push('Click to prepare it.');
    const text = `$(package) ${count(actions, 'action')} · ${size}`;
    const tooltip = lines.join('\n\n');
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = overBudget ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = {
      label: `Rewst upload: ${count(actions, 'action')}, ${measuring ? 'size being measured' : size}${overBudget ? ', over budget' : ''}`,
    };
    const command = { command: CONVERT_COMMANDS.prepare, title: 'Prepare for Rewst Upload', arguments: [this.target] };
    this.item.command = command;
    this.item.show();
    this.update({ visible: true, text, tooltip, overBudget, uri: this.target.toString(), command });
  }

  private show(uri: vscode.Uri | undefined): void {
    clearTimeout(this.timer);
    this.target = uri;
    this.result = undefined;
    this.stale = false;
    this.render();
    if (uri) void this.ask(uri, RETRIES);
  }

  private async ask(uri: vscode.Uri, retries: number): Promise<void> {
    let r: UploadSizeResult | null;
    try {
      r = await this.client.sendRequest(UploadSizeRequest, { uri: this.client.code2ProtocolConverter.asUri(uri) });
    } catch (e) {
      this.client.warn(`Rewst upload size: ${e instanceof Error ? e.message : String(e)}`);
      r = null;
    }
    if (this.target?.toString() !== uri.toString()) return; // another editor is active now
    if (r) return this.take(r);
    // null: not a spec for the server, or not open on it yet (the editor opened a moment ago).
    if (retries > 0) this.timer = setTimeout(() => void this.ask(uri, retries - 1), RETRY_MS);
  }

  private update(shown: UploadStatusShown): void {
    this.shownNow = shown;
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    this.changed.dispose();
  }
}

export function registerUploadStatus(context: vscode.ExtensionContext, client: LanguageClient): UploadStatus {
  const status = new UploadStatus(client);
  context.subscriptions.push(
    status,
    client.onNotification(UploadSizeChangedNotification, (r) => status.take(r)),
    vscode.window.onDidChangeActiveTextEditor((editor) => status.follow(editor)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) status.edited(e.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`rewstOpenapi.${UPLOAD_BUDGET_SETTING}`)) status.render();
    }),
  );
  status.follow(vscode.window.activeTextEditor);
  return status;
}
