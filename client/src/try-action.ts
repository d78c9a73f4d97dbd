/**
 * "Rewst: Try Action…": pick an action (list operations first), fill its path
 * and required query parameters, give the credentials the settings' auth
 * needs (asked once per integration, kept in VS Code's SecretStorage), and
 * the server sends the requests Rewst would send (rewst/tryAction). The
 * report is a read-only Markdown document shown in the preview, secrets
 * masked; a finding with a settings fix offers "Apply fix", one undoable edit
 * of the settings file.
 *
 * Nothing is sent but from this command: no trigger on opening or editing a
 * file. GET only, unless the user confirms another method in a modal.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Trace, type LanguageClient } from 'vscode-languageclient/node';
import * as P from '../../common/protocol';
import { actionInActionsView, specInActionsView } from './actions-view';
import { isSettingsFile, isSpecDocument } from './spec-sniff';

export const TRY_ACTION_COMMAND = 'rewstOpenapi.tryAction';
export const FORGET_TRY_CREDENTIALS_COMMAND = 'rewstOpenapi.forgetTryCredentials';
const REPORT_SCHEME = 'rewst-try-report';
const TITLE = 'Rewst: Try Action';
const KEEP_REPORTS = 20;

/**
 * The answers the command would otherwise ask for (keybindings, tasks, tests). `credentials` are
 * answers to the credential prompts: kept in SecretStorage like typed ones. `allowMethod` is the
 * confirmation of a method other than GET; `applyFix` the code of the finding whose fix to write.
 */
export interface TryActionArgs {
  uri?: vscode.Uri;
  operationId?: string;
  params?: Record<string, string>;
  pages?: number;
  credentials?: P.TryCredentials;
  allowMethod?: boolean;
  applyFix?: string;
}

/** What the command did, for callers and tests: the (masked) report, where it is shown, and the fix written. */
export type TryActionOutcome = { report: P.TryReportWire; reportUri: vscode.Uri; settingsUri: string; applied?: string } | undefined;

type Action = NonNullable<P.ActionsResult>['actions'][number];

function argsOf(value: unknown): TryActionArgs {
  const fromView = actionInActionsView(value);
  if (fromView) return { uri: fromView.spec, operationId: fromView.action.operationId };
  if (value instanceof vscode.Uri) return { uri: value };
  if (!value || typeof value !== 'object') return {};
  const v = value as Partial<TryActionArgs>;
  const strings = (o: unknown) =>
    o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string')) : undefined;
  return {
    uri: v.uri instanceof vscode.Uri ? v.uri : undefined,
    operationId: typeof v.operationId === 'string' ? v.operationId : undefined,
    params: strings(v.params),
    pages: typeof v.pages === 'number' ? v.pages : undefined,
    credentials: strings(v.credentials) as P.TryCredentials | undefined,
    allowMethod: v.allowMethod === true,
    applyFix: typeof v.applyFix === 'string' ? v.applyFix : undefined,
  };
}

/** The read-only report documents: kept in memory, never written to disk. */
class ReportProvider implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.reports.set(uri.toString(), markdown);
    // The last few tries' reports only: each try has its own, and a session may run many.
    for (const old of [...this.reports.keys()].slice(0, -KEEP_REPORTS)) this.reports.delete(old);
    this.emitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? '# Try report\n\nThis report is gone: run *Rewst: Try Action…* again.\n';
  }
}

/** Credentials per integration (its settings file) and field, in SecretStorage only. */
class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(settingsUri: string, field: P.TryCredentialField): string {
    return `rewstOpenapi.try:${settingsUri}:${field}`;
  }

  /** The saved ones, asking for (and saving) each one missing; undefined when a prompt was cancelled. */
  async get(plan: Extract<P.TryPlanResult, { ok: true }>, given: P.TryCredentials | undefined): Promise<P.TryCredentials | undefined> {
    const out: P.TryCredentials = {};
    for (const need of plan.credentials) {
      const key = this.key(plan.settingsUri, need.field);
      const saved = await this.secrets.get(key);
      let value = given?.[need.field] ?? saved;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: `${TITLE}: ${plan.integration}`,
          prompt: `${need.label} for ${plan.integration}: kept in VS Code's secret storage for this integration, never in the settings file`,
          password: need.secret,
          ignoreFocusOut: true,
          // A password may be empty (Basic auth with a key as the user name); a key, an ID or a token may not.
          validateInput: (v) => (need.field === 'password' || v.trim() ? undefined : `${need.label} is needed for a try`),
        });
        if (value === undefined) return undefined;
      }
      if (value !== saved) await this.secrets.store(key, value);
      out[need.field] = value;
    }
    return out;
  }

  async forget(plan: Extract<P.TryPlanResult, { ok: true }> | { settingsUri: string }): Promise<void> {
    const fields: P.TryCredentialField[] = ['apiKey', 'username', 'password', 'clientId', 'clientSecret', 'accessToken'];
    for (const f of fields) await this.secrets.delete(this.key(plan.settingsUri, f));
  }
}

export function registerTryAction(context: vscode.ExtensionContext, client: LanguageClient): void {
  const reports = new ReportProvider();
  const store = new CredentialStore(context.secrets);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(TRY_ACTION_COMMAND, async (value?: unknown) => {
      try {
        return await tryActionCommand(client, reports, store, argsOf(value));
      } catch (e) {
        void vscode.window.showErrorMessage(`${TITLE}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(FORGET_TRY_CREDENTIALS_COMMAND, async (uri?: unknown) => {
      const spec = uri instanceof vscode.Uri ? uri : activeSpec();
      if (!spec) return false;
      const located = await client.sendRequest(P.SettingsLocateRequest, { uri: client.code2ProtocolConverter.asUri(spec) });
      await store.forget({ settingsUri: located.settingsUri });
      void vscode.window.showInformationMessage(
        `${TITLE}: the saved credentials for ${path.basename(vscode.Uri.parse(located.settingsUri).path)} are forgotten.`,
      );
      return true;
    }),
  );
}

function activeSpec(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && isSpecDocument(doc) ? doc.uri : specInActionsView();
}

/** The active spec, or the spec of the active settings file. */
async function targetSpec(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && isSettingsFile(doc.uri)) {
    const located = await client.sendRequest(P.SettingsLocateRequest, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
    if (located.specUri) return vscode.Uri.parse(located.specUri);
  }
  return activeSpec();
}

async function tryActionCommand(client: LanguageClient, reports: ReportProvider, store: CredentialStore, args: TryActionArgs): Promise<TryActionOutcome> {
  const spec = args.uri ?? (await targetSpec(client));
  if (!spec) {
    void vscode.window.showInformationMessage('Open an OpenAPI or Swagger file with its integration settings beside it first: a try sends one of its actions.');
    return undefined;
  }
  const specUri = client.code2ProtocolConverter.asUri(spec);
  const operationId = args.operationId ?? (await pickAction(client, spec));
  if (!operationId) return undefined;
  const plan = await client.sendRequest(P.TryPlanRequest, { specUri, operationId });
  if (!plan.ok) throw new Error(plan.reason);
  let allowMethod = false;
  if (plan.method !== 'GET') {
    const send = `Send ${plan.method}`;
    allowMethod =
      args.allowMethod === true ||
      (await vscode.window.showWarningMessage(
        `${operationId} is a ${plan.method} ${plan.path}. A try sends real requests to the vendor's API with your credentials: a ${plan.method} may create, change or delete data there.`,
        { modal: true },
        send,
      )) === send;
    if (!allowMethod) return undefined;
  }
  const params = await fillParams(plan, args.params);
  if (!params) return undefined;
  const credentials = await store.get(plan, args.credentials);
  if (!credentials) return undefined;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${TITLE}: ${plan.method} ${operationId}…` }, () =>
    withoutTrace(client, () => client.sendRequest(P.TryActionRequest, { specUri, operationId, params, pages: args.pages, credentials, allowMethod })),
  );
  if (!result.ok) {
    if (/auth|token|credential/i.test(result.reason)) offerForget(store, plan, result.reason);
    throw new Error(result.reason);
  }
  const reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Try ${operationId}.md`, query: String(Date.now()) });
  reports.set(reportUri, result.markdown);
  await vscode.commands.executeCommand('markdown.showPreview', reportUri);
  const applied = await offerFixes(client, result.settingsUri, result.report, args.applyFix);
  const refused = result.report.requests.find((q) => q.status === 401 || q.status === 403);
  if (refused || result.report.stoppedBecause === 'auth-failed')
    offerForget(
      store,
      plan,
      refused ? `the API answered ${refused.status}: check the credentials.` : 'no access token could be obtained with the credentials.',
    );
  return { report: result.report, reportUri, settingsUri: result.settingsUri, applied };
}

/** The actions with an operationId (a try names its action by it), list operations first: paginated ones, then other GETs. */
async function pickAction(client: LanguageClient, spec: vscode.Uri): Promise<string | undefined> {
  const ask = () => client.sendRequest(P.ActionsRequest, { uri: client.code2ProtocolConverter.asUri(spec) });
  let list = await ask();
  if (!list) {
    await vscode.workspace.openTextDocument(spec); // the server answers for open documents
    list = await ask();
  }
  if (!list?.isSpec) throw new Error(`${path.basename(spec.path)} is not an OpenAPI or Swagger document`);
  if (list.problem) throw new Error(`the spec does not parse: ${list.problem}`);
  const rank = (a: Action) => (a.paginated ? 0 : a.method === 'GET' && !a.path.trim().endsWith('}') ? 1 : a.method === 'GET' ? 2 : 3);
  const tryable = list.actions.filter((a) => a.operationId).sort((a, b) => rank(a) - rank(b));
  if (!tryable.length) throw new Error('no action of this spec has an operationId, which a try names its action by');
  const picked = await vscode.window.showQuickPick(
    tryable.map((a) => ({
      label: a.name,
      description: `${a.method} ${a.path}`,
      detail: [a.operationId, a.paginated ? 'paginated' : '', a.method !== 'GET' ? `${a.method}: asks before sending` : ''].filter(Boolean).join(' · '),
      operationId: a.operationId!,
    })),
    { title: `${TITLE}: which action?`, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.operationId;
}

/** Each path and required query parameter: given, else asked with the spec's default or example filled in. */
async function fillParams(
  plan: Extract<P.TryPlanResult, { ok: true }>,
  given: Record<string, string> | undefined,
): Promise<Record<string, string> | undefined> {
  const out: Record<string, string> = { ...given };
  for (const p of plan.params) {
    // Answers given: what they leave out, the server fills with the spec's value; only a parameter without one is asked.
    if (out[p.name] !== undefined || (given && p.value !== undefined)) continue;
    const value = await vscode.window.showInputBox({
      title: `${TITLE}: ${plan.method} ${plan.path}`,
      prompt: `${p.in === 'path' ? 'Path' : 'Required query'} parameter "${p.name}"${p.value === undefined ? '' : " (the spec's default or example)"}`,
      value: p.value ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : `"${p.name}" is required`),
    });
    if (value === undefined) return undefined;
    out[p.name] = value;
  }
  return out;
}

/** A finding's fix written into the settings file: one WorkspaceEdit, undone in that file's editor. Returns the code of the finding fixed. */
async function offerFixes(client: LanguageClient, settingsUri: string, report: P.TryReportWire, answer: string | undefined): Promise<string | undefined> {
  const fixable = report.findings.filter((f): f is P.TryFinding & { edit: P.TrySettingsEdit } => f.edit !== undefined);
  if (!fixable.length) return undefined;
  let chosen: (typeof fixable)[number] | undefined;
  if (answer !== undefined) chosen = fixable.find((f) => f.code === answer);
  else {
    const apply = fixable.length === 1 ? 'Apply fix' : 'Apply a fix…';
    const first = fixable[0];
    const pick = await vscode.window.showWarningMessage(
      fixable.length === 1 ? `${TITLE}: ${first.fix ?? first.message}` : `${TITLE}: ${fixable.length} findings have a settings fix.`,
      apply,
    );
    if (pick !== apply) return undefined;
    chosen =
      fixable.length === 1
        ? first
        : (
            await vscode.window.showQuickPick(
              fixable.map((f) => ({ label: `${f.edit.key} = ${JSON.stringify(f.edit.value)}`, detail: f.fix ?? f.message, finding: f })),
              { title: `${TITLE}: which fix?` },
            )
          )?.finding;
  }
  if (!chosen) return undefined;
  const uri = vscode.Uri.parse(settingsUri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const r = await client.sendRequest(P.TryFixEditsRequest, { text: doc.getText(), edit: chosen.edit });
  if (!r.ok) throw new Error(`the fix was not written: ${r.reason}`);
  const edit = new vscode.WorkspaceEdit();
  for (const e of r.edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  if (r.edits.length && !(await vscode.workspace.applyEdit(edit))) throw new Error('VS Code refused the edit of the settings file');
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  void vscode.window.showInformationMessage(
    `${TITLE}: ${chosen.edit.key} written into ${path.basename(uri.path)} (unsaved; Undo in its editor reverts it). Try again to check it.`,
  );
  return chosen.code;
}

function offerForget(store: CredentialStore, plan: Extract<P.TryPlanResult, { ok: true }>, why: string): void {
  if (!plan.credentials.length) return;
  const forget = 'Forget saved credentials';
  void vscode.window.showWarningMessage(`${TITLE}: ${why}`, forget).then((pick) => {
    if (pick === forget) void store.forget(plan);
  });
}

/**
 * The try's params carry credentials: a message trace (`rewstOpenapi.trace.server`) would write them
 * into its output channel, so tracing is off while the request is on its way.
 */
async function withoutTrace<T>(client: LanguageClient, send: () => Promise<T>): Promise<T> {
  // The setting is a verbosity, or an object holding one (vscode-languageclient reads both).
  const setting = vscode.workspace.getConfiguration('rewstOpenapi').get<unknown>('trace.server');
  const verbosity = typeof setting === 'string' ? setting : (setting as { verbosity?: unknown } | undefined)?.verbosity;
  const on = typeof verbosity === 'string' && verbosity !== 'off';
  if (on) await client.setTrace(Trace.Off);
  try {
    return await send();
  } finally {
    if (on) await client.setTrace(Trace.fromString(verbosity));
  }
}
