/**
 * The extension client. VS Code activates it for any JSON or YAML file; the
 * language server starts only once a spec or a settings file is open (or a
 * command needs it), so an unrelated JSON file costs no process. Each command
 * or view lives in its own module under client/src and registers itself here.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerConvertCommands } from './convert-commands';
import { registerActionsView } from './actions-view';
import { registerRenameActions } from './rename-actions';
import { registerSettingsForms } from './settings-forms';
import { registerOpenAhead } from './open-ahead';
import { openTiming } from './open-timing';
import { isOurs } from './spec-sniff';
import { registerRefMap } from './ref-map';
import { registerSpectral } from './spectral';
import { registerSwagger2Context } from './swagger2-context';
import { registerRejections, type RejectionsShown } from './rejections';
import { registerTryAction } from './try-action';
import { registerUploadStatus, type UploadStatusShown } from './upload-status';

/** What the extension exports to other extensions (and to its extension-host tests). */
export interface RewstOpenapiApi {
  /** True once the language server has been started: a spec or settings file was opened, or a command ran. */
  languageServerStarted(): boolean;
  /** What the upload-size status bar item shows now, and an event when that may have changed. */
  uploadStatus(): UploadStatusShown;
  onDidChangeUploadStatus: vscode.Event<void>;
  /** The documents Convert Swagger 2.0 is offered on (the `rewstOpenapi.swagger2Resources` context key). */
  swagger2Resources(): string[];
  /** What the "Rewst will reject" status bar item shows now, and an event when that may have changed. */
  rejections(): RejectionsShown;
  onDidChangeRejections: vscode.Event<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): RewstOpenapiApi {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Logged to the client's output channel, which exists once the client does (hence the late binding).
  const timing = openTiming((line) => lc.outputChannel.appendLine(line));
  // Saved, created and deleted JSON/YAML files: the server runs again a spec whose $refs read one of them.
  const referencedFiles = vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml}');
  context.subscriptions.push(referencedFiles);
  const clientOptions: LanguageClientOptions = {
    middleware: timing.middleware,
    // VS Code's JSON outline is there already: the server then outlines YAML specs only (a JSON spec's entries showed twice).
    initializationOptions: { jsonOutlineFromEditor: Boolean(vscode.extensions.getExtension('vscode.json-language-features')) },
    synchronize: { fileEvents: referencedFiles },
    documentSelector: ['json', 'jsonc', 'yaml'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
  };
  const lc = new LanguageClient('rewstOpenapi', 'Rewst OpenAPI', serverOptions, clientOptions);
  client = lc;
  timing.listen(context);
  // Not started here: a request from a command starts it (the client starts itself on its first request), and so does the first spec opened.
  let started = false;
  lc.onDidChangeState((e) => {
    if (e.newState !== State.Stopped) started = true;
  });
  const start = () => {
    if (started) return;
    started = true;
    lc.start().catch(
      (e) => void vscode.window.showErrorMessage(`Rewst OpenAPI: the language server did not start: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const startFor = (doc: vscode.TextDocument) => {
    if (!started && isOurs(doc)) start();
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startFor),
    vscode.workspace.onDidChangeTextDocument((e) => startFor(e.document)),
  );
  for (const doc of vscode.workspace.textDocuments) startFor(doc);
  // A spec's tab opening: the server reads it from disk while the editor loads it.
  registerOpenAhead(context, lc, start, timing.tabOpened);

  // Features: each registers its commands, views and listeners on `context`.
  registerConvertCommands(context, lc);
  const swagger2 = registerSwagger2Context(context);
  registerActionsView(context, lc);
  registerRenameActions(context, lc);
  registerSettingsForms(context, lc);
  registerTryAction(context, lc);
  registerSpectral(context, lc);
  registerRefMap(context, lc);
  const uploadStatus = registerUploadStatus(context, lc);
  const rejections = registerRejections(context);
  return {
    languageServerStarted: () => started,
    uploadStatus: () => uploadStatus.shown,
    onDidChangeUploadStatus: uploadStatus.onDidChange,
    swagger2Resources: swagger2.resources,
    rejections: rejections.shown,
    onDidChangeRejections: rejections.onDidChange,
  };
}

export async function deactivate(): Promise<void> {
  // A window reload delivers the editor's last requests (a lightbulb re-asked as markers clear) in the same turn as
  // the deactivation: stopping at once left them between "started" and "connected", and each was logged as
  // "[error] Request textDocument/codeAction failed. Starting server failed". One turn later they are on the
  // connection, and the stop answers them quietly.
  await new Promise((resolve) => setImmediate(resolve));
  if (client?.needsStop()) await client.stop();
}
