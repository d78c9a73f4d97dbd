/**
 * Where the time to a document's first diagnostics goes, on the client's
 * side: when the extension host learnt of the document, when the client
 * began sending its didOpen and when that was written, and when its first
 * diagnostics came back. One line per open in the language client's output
 * channel, in the form the server logs its own stages
 * (server/src/open-timing.ts); the end-to-end suite reads both from the
 * channel's log file (test/e2e/scenarios/90-time-to-first-diagnostic.ts).
 * Also a line for each code-action request slower than 50 ms (a cursor move
 * asks one), or for every one with rewstOpenapi.logRequestTimes, which
 * scenario 91 reads to tell the lightbulb's wait ours or VS Code's.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { timingLine } from '../../common/format';

const SYNCED_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);
/**
 * A code-action request (every cursor move asks one) slower than this is logged, every one with the setting
 * rewstOpenapi.logRequestTimes, so a slow lightbulb can be told ours or VS Code's.
 */
const SLOW_CODE_ACTIONS_MS = 50;
const REQUEST_PREFIX = 'rewst-openapi request time:';

export function openTiming(log: (line: string) => void): {
  middleware: Middleware;
  listen(context: vscode.ExtensionContext): void;
  tabOpened(uri: string): void;
} {
  const pending = new Map<string, Record<string, number>>();
  const middleware: Middleware = {
    provideCodeActions: async (doc, range, context, token, next) => {
      const sent = Date.now();
      const answer = await next(doc, range, context, token);
      const answered = Date.now();
      if (answered - sent > SLOW_CODE_ACTIONS_MS || vscode.workspace.getConfiguration('rewstOpenapi').get<boolean>('logRequestTimes'))
        log(`${REQUEST_PREFIX} code-actions-sent=${sent} code-actions-answered=${answered} line=${range.start.line + 1} uri=${doc.uri.toString()}`);
      return answer;
    },
    didOpen: async (doc, next) => {
      const uri = doc.uri.toString();
      const stages = pending.get(uri) ?? {};
      pending.set(uri, stages);
      stages['client-open-start'] = Date.now();
      await next(doc);
      stages['client-open-written'] = Date.now();
    },
    handleDiagnostics: (uri, diagnostics, next) => {
      const stages = pending.get(uri.toString());
      if (stages?.['client-open-start']) {
        pending.delete(uri.toString());
        log(timingLine(uri.toString(), { ...stages, 'client-diagnostics-received': Date.now() }));
      } else if (stages?.['client-tab-opened'] && !stages['client-ahead-diagnostics-received']) {
        // Diagnostics from the file on disk, before its document opened (open-ahead.ts).
        stages['client-ahead-diagnostics-received'] = Date.now();
      }
      next(uri, diagnostics);
    },
  };
  return {
    middleware,
    tabOpened: (uri) => pending.set(uri, { 'client-tab-opened': Date.now() }),
    listen: (context) =>
      context.subscriptions.push(
        vscode.workspace.onDidOpenTextDocument((doc) => {
          // Only documents the client syncs: output channels and other editors' documents open and close all the time.
          if (!SYNCED_LANGUAGES.has(doc.languageId) || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return;
          pending.set(doc.uri.toString(), { ...pending.get(doc.uri.toString()), 'client-document-opened': Date.now() });
        }),
        vscode.workspace.onDidCloseTextDocument((doc) => pending.delete(doc.uri.toString())),
      ),
  };
}
