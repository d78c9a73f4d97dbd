/**
 * References by URL, client side: the command the quick fix on a URL `$ref`
 * runs (add an entry to `rewstOpenapi.refMap`, written where VS Code keeps
 * this workspace's settings, else the user's), and a settings change sent on
 * to the server so Prepare reads it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SettingsChangedNotification } from '../../common/protocol';
import { ADD_REF_MAP_COMMAND, FETCH_REMOTE_REFS_SETTING, isAddRefMapArgs, REF_MAP_SETTING } from '../../common/ref-map-command';

export function registerRefMap(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ADD_REF_MAP_COMMAND, async (args: unknown) => {
      if (!isAddRefMapArgs(args)) return;
      const config = vscode.workspace.getConfiguration('rewstOpenapi');
      const inWorkspace = Boolean(vscode.workspace.workspaceFolders?.length);
      const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const inspected = config.inspect<Record<string, string>>('refMap');
      const current = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
      await config.update('refMap', { ...current, [args.prefix]: args.dir }, target);
      void vscode.window.showInformationMessage(
        `${REF_MAP_SETTING} (${inWorkspace ? 'workspace' : 'user'} settings): ${args.prefix} → ${args.dir}. Prepare for Rewst Upload now bundles those references from the spec's folder.`,
      );
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if ((e.affectsConfiguration(REF_MAP_SETTING) || e.affectsConfiguration(FETCH_REMOTE_REFS_SETTING)) && client.isRunning())
        void client.sendNotification(SettingsChangedNotification);
    }),
  );
}
