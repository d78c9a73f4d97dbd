/**
 * What the extension-host tests share: the workspace's files, opening them,
 * waiting on diagnostics by event (never by sleeping), running commands (each
 * recorded, so the last test can check every contributed command was run),
 * and the built CLI, whose answers the commands' results are compared with.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'rewst-openapi.rewst-openapi';
/** How long an event may take before a wait fails: a guard, not a pause; the waits return as soon as the event comes. */
const GUARD_MS = 45_000;

export function extension(): vscode.Extension<{ languageServerStarted(): boolean }> {
  const ext = vscode.extensions.getExtension<{ languageServerStarted(): boolean }>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite runs with a workspace folder open (see test/exthost/workspace.ts)');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function rewstDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rewst');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Resolves with `probe()` once `ok` holds, checking now and on every
 * diagnostics change (and `also` events); fails after the guard with what was seen last.
 */
export function waitFor<T>(what: string, probe: () => T, ok: (value: T) => boolean, also: vscode.Event<unknown>[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    let last: T | undefined;
    const done = (f: () => void) => {
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      f();
    };
    const check = () => {
      try {
        last = probe();
        if (ok(last)) done(() => resolve(last as T));
      } catch (e) {
        done(() => reject(e));
      }
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`timed out after ${GUARD_MS / 1000} s waiting for ${what}; last seen: ${shown(last)}`))),
      GUARD_MS,
    );
    subs.push(vscode.languages.onDidChangeDiagnostics(check), ...also.map((e) => e(check)));
    check();
  });
}

/** A value as the failure message shows it (ranges as line:character). */
function shown(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) => (v instanceof vscode.Range ? `${v.start.line}:${v.start.character}-${v.end.line}:${v.end.character}` : v));
  return text && text.length > 2000 ? text.slice(0, 2000) + '…' : String(text);
}

/** Waits until the language server has published Rewst diagnostics for `uri` that satisfy `ok`. */
export function waitForRewst(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} (${path.basename(uri.path)})`, () => rewstDiagnostics(uri), ok);
}

/** A line in the suite's report (code-server's extension host has no terminal of its own; see index.ts). */
export function log(line: string): void {
  const file = process.env.REWST_EXTHOST_LOG;
  if (file) appendFileSync(file, `      ${line}\n`);
  else console.log(`      ${line}`);
}

/** Commands run through `run`, for the coverage check in the last test file. */
export const exercised = new Set<string>();

export async function run<T = unknown>(command: string, ...args: unknown[]): Promise<T> {
  exercised.add(command);
  return vscode.commands.executeCommand<T>(command, ...args);
}

/** The built CLI (same engine) on a file; stdout. Exit code 1 (errors found) is an answer, not a failure. */
export function cli(...args: string[]): string {
  const script = path.join(extension().extensionPath, 'dist', 'cli.js');
  try {
    // The extension host's executable is Node in code-server and Electron on the desktop: run it as Node either way.
    return execFileSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const r = e as { status?: number; stdout?: string; stderr?: string };
    if (r.status === 1 && typeof r.stdout === 'string') return r.stdout;
    throw new Error(`CLI ${args.join(' ')} failed (exit ${r.status}): ${r.stderr ?? String(e)}`, { cause: e });
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Closes every editor, discarding unsaved changes (closing a changed editor would otherwise ask, and wait for an answer). */
export async function closeAll(): Promise<void> {
  for (let i = 0; vscode.window.activeTextEditor && i < 50; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
