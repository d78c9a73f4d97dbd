/**
 * Conversion commands: Swagger 2.0 → OpenAPI 3, YAML → JSON, "Prepare for
 * Rewst Upload" and "Reduce Spec". The language server does the work (custom
 * requests in convert-protocol); this file asks, shows progress, and writes
 * files whole (a temporary file renamed into place) only once the work is done.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONVERT_SWAGGER2_METHOD,
  PREPARE_METHOD,
  REDUCE_CHOICES_METHOD,
  REDUCE_METHOD,
  YAML_TO_JSON_METHOD,
  type ConvertFailure,
  type ConvertSwagger2Result,
  type DocFormat,
  type PrepareResponse,
  type ReduceChoicesResult,
  type ReduceResponse,
  type YamlToJsonResult,
} from '../../server/src/features/convert-protocol';

export const CONVERT_COMMANDS = {
  swagger2: 'rewstOpenapi.convertSwagger2',
  yamlToJson: 'rewstOpenapi.convertYamlToJson',
  prepare: 'rewstOpenapi.prepareForRewst',
  reduce: 'rewstOpenapi.reduceSpec',
} as const;

export function registerConvertCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const output = vscode.window.createOutputChannel('Rewst Conversions');
  const env: Env = { client, output, storage: context.globalStorageUri };
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(CONVERT_COMMANDS.swagger2, (uri?: vscode.Uri) => run(env, uri, convertSwagger2)),
    vscode.commands.registerCommand(CONVERT_COMMANDS.yamlToJson, (uri?: vscode.Uri) => run(env, uri, yamlToJson)),
    vscode.commands.registerCommand(CONVERT_COMMANDS.prepare, (uri?: vscode.Uri) => run(env, uri, prepare)),
    vscode.commands.registerCommand(CONVERT_COMMANDS.reduce, (uri?: vscode.Uri) => run(env, uri, reduce)),
  );
}

interface Env {
  client: LanguageClient;
  output: vscode.OutputChannel;
  storage: vscode.Uri;
}

type Work = (env: Env, doc: vscode.TextDocument, format: DocFormat) => Promise<void>;

/** The document a command acts on: the one clicked in a menu, else the active editor's. */
async function run(env: Env, uri: vscode.Uri | undefined, work: Work): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const format = doc && formatOf(doc);
  if (!doc || !format) {
    void vscode.window.showInformationMessage('Open an OpenAPI or Swagger file (JSON or YAML) first.');
    return;
  }
  try {
    await work(env, doc, format);
  } catch (e) {
    if (e instanceof vscode.CancellationError || (e as { code?: number })?.code === -32800) return; // the user cancelled: nothing was written
    void vscode.window.showErrorMessage(`Rewst: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function formatOf(doc: vscode.TextDocument): DocFormat | undefined {
  if (doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.fileName)) return 'yaml';
  if (doc.languageId === 'json' || doc.languageId === 'jsonc' || /\.json$/i.test(doc.fileName)) return 'json';
  return undefined;
}

/** Sends a request under a cancellable progress notification. */
function withProgress<T>(env: Env, title: string, method: string, params: object): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const result = await env.client.sendRequest<T>(method, params, token);
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      return result;
    }),
  );
}

/** Shows why nothing was produced; the full list of places goes to the output channel. */
function failed(env: Env, doc: vscode.TextDocument, f: ConvertFailure): void {
  env.output.appendLine(`${doc.uri.fsPath || doc.uri.toString()}: ${f.message}`);
  for (const p of f.problems) env.output.appendLine(`  line ${p.line}, column ${p.column}: ${p.message}`);
  const first = f.problems[0];
  const where = first ? ` First at line ${first.line}, column ${first.column}: ${first.message}` : '';
  void vscode.window.showErrorMessage(`Rewst: ${f.message}${where}`, ...(f.problems.length ? ['Show all places'] : [])).then((pick) => {
    if (pick) env.output.show(true);
  });
}

/** A file beside `doc` with another ending; untitled documents get one in the workspace's first folder. */
function besideUri(doc: vscode.TextDocument, name: (base: string) => string): vscode.Uri | undefined {
  if (doc.uri.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder && vscode.Uri.joinPath(folder, name(path.basename(doc.fileName)));
  }
  return vscode.Uri.joinPath(doc.uri, '..', name(path.basename(doc.uri.path)));
}

/** Writes the whole file or nothing: a temporary file beside the target, renamed over it. */
async function writeWhole(target: vscode.Uri, text: string): Promise<void> {
  const temp = vscode.Uri.joinPath(target, '..', `.${path.basename(target.path)}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(temp, Buffer.from(text, 'utf8'));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}

async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) return true;
  const pick = await vscode.window.showWarningMessage(`${path.basename(target.path)} exists. Replace it?`, { modal: true }, 'Replace');
  return pick === 'Replace';
}

/** Shows a Markdown report in the preview, from a file in the extension's storage (no unsaved editor left behind). */
async function showReport(env: Env, name: string, markdown: string): Promise<void> {
  const uri = vscode.Uri.joinPath(env.storage, 'reports', name.replace(/[^\w.-]+/g, '_') + '.md');
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(markdown, 'utf8'));
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

const swapExt = (base: string, ext: string, tag = '') => base.replace(/\.(json|ya?ml)$/i, '') + tag + ext;

async function convertSwagger2(env: Env, doc: vscode.TextDocument, format: DocFormat): Promise<void> {
  const version = doc.version;
  const r = await withProgress<ConvertSwagger2Result>(env, 'Rewst: converting Swagger 2.0 to OpenAPI 3…', CONVERT_SWAGGER2_METHOD, { text: doc.getText(), format });
  if (!r.ok) return failed(env, doc, r);
  const replace = 'Replace this document (one undoable edit)';
  const newFile = 'Write a new file beside it';
  const pick = await vscode.window.showQuickPick([replace, newFile], { title: `Converted ${r.from} to ${r.to}${r.warnings.length ? ` with ${r.warnings.length} warning(s)` : ''}: where should it go?` });
  if (!pick) return;
  if (r.warnings.length) {
    env.output.appendLine(`${doc.uri.fsPath}: ${r.from} → ${r.to}, ${r.warnings.length} warning(s):`);
    for (const w of r.warnings) env.output.appendLine(`  at ${w.pointer || '/'}: ${w.message}`);
    env.output.show(true);
  }
  if (pick === replace) {
    if (doc.version !== version) throw new Error('the document changed while it was being converted; run the command again');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), r.text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the edit could not be applied');
    return;
  }
  const target = besideUri(doc, (b) => swapExt(b, path.extname(b) || (format === 'json' ? '.json' : '.yaml'), '.openapi3'));
  if (!target) return showUntitled(r.text, format);
  if (!(await confirmOverwrite(target))) return;
  await writeWhole(target, r.text);
  await vscode.window.showTextDocument(target);
}

async function showUntitled(text: string, format: DocFormat): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ content: text, language: format });
  await vscode.window.showTextDocument(doc);
}

async function yamlToJson(env: Env, doc: vscode.TextDocument, format: DocFormat): Promise<void> {
  if (format !== 'yaml') {
    void vscode.window.showInformationMessage('This file is JSON already: Convert YAML to JSON works on a YAML file.');
    return;
  }
  const r = await withProgress<YamlToJsonResult>(env, 'Rewst: converting YAML to JSON…', YAML_TO_JSON_METHOD, { text: doc.getText(), format });
  if (!r.ok) return failed(env, doc, r);
  const target = besideUri(doc, (b) => swapExt(b, '.json'));
  if (!target) return showUntitled(r.text, 'json');
  if (!(await confirmOverwrite(target))) return;
  await writeWhole(target, r.text);
  await vscode.window.showTextDocument(target);
}

async function prepare(env: Env, doc: vscode.TextDocument, format: DocFormat): Promise<void> {
  const target = besideUri(doc, (b) => swapExt(b, '.rewst.json'));
  if (target && target.toString() === doc.uri.toString()) throw new Error('the prepared file would replace the original; rename the file first');
  const source = path.basename(doc.uri.path);
  const output = target ? path.basename(target.path) : 'untitled.rewst.json';
  const r = await withProgress<PrepareResponse>(env, 'Rewst: preparing for upload…', PREPARE_METHOD, { text: doc.getText(), format, source, output });
  if (!r.ok) return failed(env, doc, r);
  if (target) await writeWhole(target, r.text);
  else await showUntitled(r.text, 'json');
  await showReport(env, output, r.report);
  const message = r.errorsLeft ? `${output}: ${r.changes} change(s); ${r.errorsLeft} error(s) still need a person.` : `${output} is ready to upload (${r.changes} change(s)).`;
  const open = 'Open file';
  const pick = await (r.errorsLeft ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open));
  if (pick && target) await vscode.window.showTextDocument(target);
}

async function reduce(env: Env, doc: vscode.TextDocument, format: DocFormat): Promise<void> {
  const choices = await withProgress<ReduceChoicesResult>(env, 'Rewst: reading operations…', REDUCE_CHOICES_METHOD, { text: doc.getText(), format });
  if (!choices.ok) return failed(env, doc, choices);
  const tags = choices.tags.length
    ? await vscode.window.showQuickPick(
        choices.tags.map((t) => ({ label: t.name, description: `${t.operations} operation(s)` })),
        { canPickMany: true, title: `Reduce: keep operations with these tags (none picked: any tag) — ${choices.operations} operations`, ignoreFocusOut: true },
      )
    : [];
  if (!tags) return;
  const methods = await vscode.window.showQuickPick(
    choices.methods.map((m) => ({ label: m.method.toUpperCase(), description: `${m.operations} operation(s)` })),
    { canPickMany: true, title: 'Reduce: keep these methods (none picked: any method)', ignoreFocusOut: true },
  );
  if (!methods) return;
  const typed = await vscode.window.showInputBox({
    title: 'Reduce: keep paths matching these regular expressions (separated by spaces; empty: any path)',
    placeHolder: '^/users ^/groups/\\{id\\}$',
    ignoreFocusOut: true,
    validateInput: (value) => {
      for (const p of splitPatterns(value)) {
        try {
          new RegExp(p);
        } catch (e) {
          return `${p}: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      return undefined;
    },
  });
  if (typed === undefined) return;
  const selection = { tags: tags.map((t) => t.label), methods: methods.map((m) => m.label.toLowerCase()), paths: splitPatterns(typed) };
  const described = [
    selection.tags.length ? `tags ${selection.tags.join(', ')}` : 'any tag',
    selection.methods.length ? `methods ${selection.methods.join(', ').toUpperCase()}` : 'any method',
    selection.paths.length ? `paths matching ${selection.paths.join(' or ')}` : 'any path',
  ].join('; ');
  const target = besideUri(doc, (b) => swapExt(b, path.extname(b) || '.json', '.reduced'));
  if (target && target.toString() === doc.uri.toString()) throw new Error('the reduced file would replace the original; rename the file first');
  const output = target ? path.basename(target.path) : 'untitled.reduced';
  const r = await withProgress<ReduceResponse>(env, 'Rewst: reducing the spec…', REDUCE_METHOD, { text: doc.getText(), format, ...selection, source: path.basename(doc.uri.path), output, selection: described });
  if (!r.ok) return failed(env, doc, r);
  if (target) {
    if (!(await confirmOverwrite(target))) return;
    await writeWhole(target, r.text);
    await vscode.window.showTextDocument(target);
  } else await showUntitled(r.text, format);
  env.output.appendLine(`${output}: ${r.summary}`);
  void vscode.window.showInformationMessage(`Reduced to ${output}: ${r.summary}`, 'Show report').then((pick) => (pick ? showReport(env, output, r.report) : undefined));
}

function splitPatterns(value: string): string[] {
  return value.split(/\s+/).filter((p) => p !== '');
}
