/**
 * The extension client: starts the language server for JSON and YAML
 * documents. Each command or view lives in its own module under client/src
 * and registers itself here.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerConvertCommands } from './convert-commands';
import { registerActionsView } from './actions-view';
import { registerRenameActions } from './rename-actions';
import { registerSettingsForms } from './settings-forms';
import { registerSpectral } from './spectral';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['json', 'jsonc', 'yaml'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
  };
  client = new LanguageClient('rewstOpenapi', 'Rewst OpenAPI', serverOptions, clientOptions);
  await client.start();

  // Features: each registers its commands, views and listeners on `context`.
  registerConvertCommands(context, client);
  registerActionsView(context, client);
  registerRenameActions(context, client);
  registerSettingsForms(context, client);
  registerSpectral(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
