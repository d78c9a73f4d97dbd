/**
 * Tells the language server that an editor tab opened on a spec file, before
 * the document reaches the extension host: on a big file the editor takes
 * seconds to show the text and to hand it over, while the server can read
 * the file from disk at once and publish its diagnostics
 * (server/src/features/open-ahead.ts). Only files on disk whose head looks
 * like a spec; the server is started for them as for an opened spec.
 */
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OpeningNotification } from '../../common/protocol';
import { HEAD_BYTES, isSettingsFile, looksLikeSpecHead } from './spec-sniff';

async function headOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function registerOpenAhead(context: vscode.ExtensionContext, client: LanguageClient, start: () => void, opening: (uri: string) => void): void {
  const ahead = async (uri: vscode.Uri) => {
    try {
      if (!looksLikeSpecHead(await headOf(uri.fsPath))) return;
    } catch {
      return; // unreadable here: its document, when it comes, says more
    }
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    opening(uri.toString());
    start();
    await client.sendNotification(OpeningNotification, { uri: uri.toString() });
  };
  context.subscriptions.push(
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.opened) {
        const input = tab.input;
        if (!(input instanceof vscode.TabInputText)) continue;
        const uri = input.uri;
        if (uri.scheme !== 'file' || !/\.(json|ya?ml)$/i.test(uri.path) || isSettingsFile(uri)) continue;
        if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) continue;
        ahead(uri).catch(() => undefined); // the client stopped: the didOpen path still works
      }
    }),
  );
}
