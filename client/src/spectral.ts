/**
 * Spectral lint runs in the language server; the client only tells it when
 * to look again: the `rewstOpenapi.spectral.enable` setting changed, or a
 * workspace `.spectral.yaml`/`.yml`/`.json` was created, changed or deleted.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MAX_PER_RULE_SETTING, SettingsChangedNotification, SPECTRAL_ENABLE_SETTING } from '../../common/protocol';

export function registerSpectral(context: vscode.ExtensionContext, client: LanguageClient): void {
  // Nothing to refresh before the server runs (and sending would start it).
  const refresh = () => void (client.isRunning() ? client.sendNotification(SettingsChangedNotification) : undefined);
  const rulesets = vscode.workspace.createFileSystemWatcher('**/.spectral.{yaml,yml,json}');
  context.subscriptions.push(
    rulesets,
    rulesets.onDidCreate(refresh),
    rulesets.onDidChange(refresh),
    rulesets.onDidDelete(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SPECTRAL_ENABLE_SETTING) || e.affectsConfiguration(MAX_PER_RULE_SETTING)) refresh();
    }),
  );
}
