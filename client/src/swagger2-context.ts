/**
 * Offers Convert Swagger 2.0 on Swagger 2.0 files only: a context key listing the open documents whose head
 * says `swagger: "2.0"` (resource URIs and paths, as settings-forms.ts lists specs), which the command's
 * `when` clauses in package.json test with `resource in …`. Decided without the server, from the head alone.
 */
import * as vscode from 'vscode';
import { looksLikeSwagger2 } from './spec-sniff';

export const SWAGGER2_CONTEXT = 'rewstOpenapi.swagger2Resources';

export function registerSwagger2Context(context: vscode.ExtensionContext): { resources(): string[] } {
  const set = new Set<string>();
  const publish = () => void vscode.commands.executeCommand('setContext', SWAGGER2_CONTEXT, [...set]);
  const update = (doc: vscode.TextDocument, closed = false) => {
    const is = !closed && looksLikeSwagger2(doc);
    const keys = [doc.uri.toString(), doc.uri.fsPath];
    if (is === keys.every((k) => set.has(k))) return;
    for (const k of keys) {
      if (is) set.add(k);
      else set.delete(k);
    }
    publish();
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => update(d)),
    vscode.workspace.onDidChangeTextDocument((e) => update(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => update(d, true)),
  );
  for (const d of vscode.workspace.textDocuments) update(d);
  return { resources: () => [...set] };
}
