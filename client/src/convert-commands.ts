/**
 * Conversion commands: Swagger 2.0 → OpenAPI 3, YAML → JSON, "Prepare for
 * Rewst Upload" and "Reduce Spec". The language server does the work (custom
 * requests in common/protocol.ts); this file asks, shows progress, and writes
 * files whole (a temporary file renamed into place) only once the work is done.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { specInView } from './rejections';
import { LSPErrorCodes, type LanguageClient, type RequestType } from 'vscode-languageclient/node';
import * as P from '../../common/protocol';
import { kb } from '../../common/format';
import { preparedReportName } from '../../common/file-names';

export const CONVERT_COMMANDS = {
  swagger2: 'rewstOpenapi.convertSwagger2',
  yamlToJson: 'rewstOpenapi.convertYamlToJson',
  prepare: 'rewstOpenapi.prepareForRewst',
  prepareSlim: 'rewstOpenapi.prepareForRewstSlim',
  reduce: 'rewstOpenapi.reduceSpec',
} as const;

export function registerConvertCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const output = vscode.window.createOutputChannel('Rewst Conversions');
  const env: Env = { client, output, storage: context.globalStorageUri };
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(CONVERT_COMMANDS.swagger2, (uri?: vscode.Uri, options?: unknown) => run(env, uri, options, convertSwagger2)),
    vscode.commands.registerCommand(CONVERT_COMMANDS.yamlToJson, (uri?: vscode.Uri, options?: unknown) => run(env, uri, options, yamlToJson)),
    vscode.commands.registerCommand(CONVERT_COMMANDS.prepare, (uri?: vscode.Uri, options?: unknown) => run(env, uri, options, prepare)),
    vscode.commands.registerCommand(CONVERT_COMMANDS.prepareSlim, (uri?: vscode.Uri, options?: unknown) =>
      run(env, uri, options, (e, doc, format, o) => prepare(e, doc, format, { ...o, slim: true })),
    ),
    vscode.commands.registerCommand(CONVERT_COMMANDS.reduce, (uri?: vscode.Uri, options?: unknown) => run(env, uri, options, reduce)),
  );
}

interface Env {
  client: LanguageClient;
  output: vscode.OutputChannel;
  storage: vscode.Uri;
}

/**
 * The answers a command would otherwise ask for, for keybindings, tasks and
 * tests: `executeCommand(id, uri, { ... })`. Menus pass objects of their own
 * as the second argument; only these keys are read.
 */
export interface ConvertOptions {
  /** Convert Swagger 2.0: replace the document or write a new file beside it. */
  target?: 'replace' | 'newFile';
  /** Replace an existing output file without asking. */
  overwrite?: boolean;
  /** Reduce: the tags, methods and path regexes to keep (empty: any). Given, nothing is asked. */
  tags?: string[];
  methods?: string[];
  paths?: string[];
  /** Prepare: the upload budget in KB (else the setting rewstOpenapi.uploadBudgetKB). */
  budgetKB?: number;
  /** Prepare: slim the file (the slim command sets it). */
  slim?: boolean;
  /** Prepare: write the server URL's base path in front of every path (else the setting rewstOpenapi.foldBasePath). */
  foldBasePath?: boolean;
}

/** What a command made: the file written (or the untitled document opened), for callers that go on from it. */
export type ConvertResult = vscode.Uri | undefined;

type Work = (env: Env, doc: vscode.TextDocument, format: P.DocFormat, options: ConvertOptions) => Promise<ConvertResult>;

function optionsOf(value: unknown): ConvertOptions {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const strings = (x: unknown) => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : undefined);
  return {
    target: v.target === 'replace' || v.target === 'newFile' ? v.target : undefined,
    overwrite: typeof v.overwrite === 'boolean' ? v.overwrite : undefined,
    tags: strings(v.tags),
    methods: strings(v.methods),
    paths: strings(v.paths),
    budgetKB: typeof v.budgetKB === 'number' && Number.isFinite(v.budgetKB) && v.budgetKB >= 0 ? v.budgetKB : undefined,
    foldBasePath: typeof v.foldBasePath === 'boolean' ? v.foldBasePath : undefined,
  };
}

/** The document a command acts on: the one clicked in a menu, else the active editor's. */
async function run(env: Env, uri: vscode.Uri | undefined, options: unknown, work: Work): Promise<ConvertResult> {
  // Without a uri: the active editor's document, else a spec in a visible editor (run from the walkthrough, say).
  const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : (vscode.window.activeTextEditor?.document ?? specInView());
  const format = doc && formatOf(doc);
  if (!doc || !format) {
    void vscode.window.showInformationMessage('Open an OpenAPI or Swagger file (JSON or YAML) first.');
    return undefined;
  }
  try {
    return await work(env, doc, format, optionsOf(options));
  } catch (e) {
    if (e instanceof vscode.CancellationError || (e as { code?: number })?.code === LSPErrorCodes.RequestCancelled) return undefined; // the user cancelled: nothing was written
    void vscode.window.showErrorMessage(`Rewst: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function formatOf(doc: vscode.TextDocument): P.DocFormat | undefined {
  if (doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.fileName)) return 'yaml';
  if (doc.languageId === 'json' || doc.languageId === 'jsonc' || /\.json$/i.test(doc.fileName)) return 'json';
  return undefined;
}

/** Sends a request under a cancellable progress notification. */
function withProgress<P, R>(env: Env, title: string, request: RequestType<P, R, void>, params: P): Promise<R> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      // Typed by the RequestType at this boundary; sent by its method name (the client's overloads do not infer through generics).
      const result = await env.client.sendRequest<R>(request.method, params, token);
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      return result;
    }),
  );
}

/** Shows why nothing was produced; the full list of places goes to the output channel. */
function failed(env: Env, doc: vscode.TextDocument, f: P.ConvertFailure): undefined {
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

async function confirmOverwrite(target: vscode.Uri, options: ConvertOptions): Promise<boolean> {
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (!exists || options.overwrite) return true;
  if (options.overwrite === false) return false;
  const pick = await vscode.window.showWarningMessage(`${path.basename(target.path)} exists. Replace it?`, { modal: true }, 'Replace');
  return pick === 'Replace';
}

/** Shows a Markdown report in the preview, from a file in the extension's storage (no unsaved editor left behind). */
/** The report as a file: `beside` (prepare's NAME.rewst.report.md next to the upload file, so it is not lost with its tab), else in the extension's storage. */
async function showReport(env: Env, name: string, markdown: string, beside?: vscode.Uri): Promise<void> {
  const uri = beside ?? vscode.Uri.joinPath(env.storage, 'reports', name.replace(/[^\w.-]+/g, '_') + '.md');
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(markdown, 'utf8'));
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

const swapExt = (base: string, ext: string, tag = '') => base.replace(/\.(json|ya?ml)$/i, '') + tag + ext;

async function convertSwagger2(env: Env, doc: vscode.TextDocument, format: P.DocFormat, options: ConvertOptions): Promise<ConvertResult> {
  const version = doc.version;
  const r = await withProgress(env, 'Rewst: converting Swagger 2.0 to OpenAPI 3…', P.ConvertSwagger2Request, { text: doc.getText(), format });
  if (!r.ok) return failed(env, doc, r);
  const replace = 'Replace this document (one undoable edit)';
  const newFile = 'Write a new file beside it';
  const pick = options.target
    ? { replace, newFile }[options.target]
    : await vscode.window.showQuickPick([replace, newFile], {
        title: `Converted ${r.from} to ${r.to}${r.warnings.length ? ` with ${r.warnings.length} warning(s)` : ''}: where should it go?`,
      });
  if (!pick) return undefined;
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
    return doc.uri;
  }
  const target = besideUri(doc, (b) => swapExt(b, path.extname(b) || (format === 'json' ? '.json' : '.yaml'), '.openapi3'));
  if (!target) return showUntitled(r.text, format);
  if (!(await confirmOverwrite(target, options))) return undefined;
  await writeWhole(target, r.text);
  await vscode.window.showTextDocument(target);
  return target;
}

async function showUntitled(text: string, format: P.DocFormat): Promise<vscode.Uri> {
  const doc = await vscode.workspace.openTextDocument({ content: text, language: format });
  await vscode.window.showTextDocument(doc);
  return doc.uri;
}

async function yamlToJson(env: Env, doc: vscode.TextDocument, format: P.DocFormat, options: ConvertOptions): Promise<ConvertResult> {
  if (format !== 'yaml') {
    void vscode.window.showInformationMessage('This file is JSON already: Convert YAML to JSON works on a YAML file.');
    return undefined;
  }
  const r = await withProgress(env, 'Rewst: converting YAML to JSON…', P.YamlToJsonRequest, { text: doc.getText(), format });
  if (!r.ok) return failed(env, doc, r);
  const target = besideUri(doc, (b) => swapExt(b, '.json'));
  if (!target) return showUntitled(r.text, 'json');
  if (!(await confirmOverwrite(target, options))) return undefined;
  await writeWhole(target, r.text);
  await vscode.window.showTextDocument(target);
  return target;
}

async function prepare(env: Env, doc: vscode.TextDocument, format: P.DocFormat, options: ConvertOptions): Promise<ConvertResult> {
  const target = besideUri(doc, (b) => swapExt(b, '.rewst.json'));
  if (target && target.toString() === doc.uri.toString()) throw new Error('the prepared file would replace the original; rename the file first');
  const source = path.basename(doc.uri.path);
  const output = target ? path.basename(target.path) : 'untitled.rewst.json';
  const r = await withProgress(env, `Rewst: preparing for upload${options.slim ? ' (slim)' : ''}…`, P.PrepareRequest, {
    text: doc.getText(),
    format,
    source,
    output,
    uri: doc.uri.toString(),
    slim: options.slim,
    budgetKB: options.budgetKB,
    foldBasePath: options.foldBasePath,
  });
  if (!r.ok) return failed(env, doc, r);
  const written = target ? (await writeWhole(target, r.text), target) : await showUntitled(r.text, 'json');
  if (target && r.settings) {
    // The spec's integration settings go with the prepared file, its paginated operationIds as prepare left them.
    await writeWhole(vscode.Uri.joinPath(target, '..', r.settings.name), r.settings.text);
    env.output.appendLine(
      `${output}: settings ${r.settings.from} carried over as ${r.settings.name}${r.settings.changes.length ? `: ${r.settings.changes.join(' ')}` : ''}`,
    );
  }
  const reportFile = target && vscode.Uri.joinPath(target, '..', preparedReportName(output));
  await showReport(env, output, r.report, reportFile);
  if (reportFile) env.output.appendLine(`${output}: report written to ${reportFile.fsPath}`);
  const left = [
    r.errorsLeft ? `${r.errorsLeft} error(s) still need a person` : '',
    r.referencesLeft ? `${r.referencesLeft} reference(s) Rewst cannot follow` : '',
    r.structuralLeft ? `${r.structuralLeft} error(s) of the general lint (Spectral, as the Problems panel shows them) that may stop the import` : '',
    r.basePath?.missing ? `${r.basePath.missing} path(s) without the base path ${r.basePath.path}` : '',
    r.budget && !r.budget.fits ? `over the upload budget of ${r.budget.kb} KB (the report says which tags to drop)` : '',
  ].filter(Boolean);
  // Rewst's hostname takes no path: say what became of the server URL's base path, where the notification is read.
  const base = !r.basePath
    ? ''
    : r.basePath.folded
      ? ` Base path ${r.basePath.path} folded into ${r.basePath.prefixed} path(s).`
      : r.basePath.missing
        ? ` Base path ${r.basePath.path} is not in ${r.basePath.missing} path(s): Rewst will call them without it (kept out by the setting rewstOpenapi.foldBasePath, off; on, prepare folds it in).`
        : '';
  const size = `${kb(r.bytes)}${r.budget?.fits ? `, within the budget of ${r.budget.kb} KB` : ''}`; // the report's figure
  const message = r.ready
    ? `${output} is ready to upload (${size}; ${r.changes} change(s)).${base}`
    : `${output} (${size}): ${r.changes} change(s); ${left.join('; ')}.${base}`;
  const open = 'Open file';
  const fold = 'Prepare again with the base path folded in';
  const picks = r.basePath && !r.basePath.folded && r.basePath.missing ? [open, fold] : [open];
  // Not awaited: the command is done once the file is written; the notification stays until the user closes it.
  void (r.ready ? vscode.window.showInformationMessage(message, ...picks) : vscode.window.showWarningMessage(message, ...picks)).then((pick) => {
    if (pick === fold)
      void vscode.commands.executeCommand(options.slim ? CONVERT_COMMANDS.prepareSlim : CONVERT_COMMANDS.prepare, doc.uri, { ...options, foldBasePath: true });
    else if (pick && target) void vscode.window.showTextDocument(target);
  });
  return written;
}

async function reduce(env: Env, doc: vscode.TextDocument, format: P.DocFormat, options: ConvertOptions): Promise<ConvertResult> {
  const choices = await withProgress(env, 'Rewst: reading operations…', P.ReduceChoicesRequest, { text: doc.getText(), format });
  if (!choices.ok) return failed(env, doc, choices);
  const given = options.tags || options.methods || options.paths;
  const selection = given
    ? { tags: options.tags ?? [], methods: (options.methods ?? []).map((m) => m.toLowerCase()), paths: options.paths ?? [] }
    : await askSelection(choices);
  if (!selection) return undefined;
  for (const p of selection.paths) new RegExp(p); // a bad pattern given as an argument fails here, with its message
  const described = [
    selection.tags.length ? `tags ${selection.tags.join(', ')}` : 'any tag',
    selection.methods.length ? `methods ${selection.methods.join(', ').toUpperCase()}` : 'any method',
    selection.paths.length ? `paths matching ${selection.paths.join(' or ')}` : 'any path',
  ].join('; ');
  const target = besideUri(doc, (b) => swapExt(b, path.extname(b) || '.json', '.reduced'));
  if (target && target.toString() === doc.uri.toString()) throw new Error('the reduced file would replace the original; rename the file first');
  const output = target ? path.basename(target.path) : 'untitled.reduced';
  const r = await withProgress(env, 'Rewst: reducing the spec…', P.ReduceRequest, {
    text: doc.getText(),
    format,
    ...selection,
    source: path.basename(doc.uri.path),
    output,
    selection: described,
  });
  if (!r.ok) return failed(env, doc, r);
  let written: vscode.Uri;
  if (target) {
    if (!(await confirmOverwrite(target, options))) return undefined;
    await writeWhole(target, r.text);
    await vscode.window.showTextDocument(target);
    written = target;
  } else written = await showUntitled(r.text, format);
  env.output.appendLine(`${output}: ${r.summary}`);
  void vscode.window
    .showInformationMessage(`Reduced to ${output}: ${r.summary}`, 'Show report')
    .then((pick) => (pick ? showReport(env, output, r.report) : undefined));
  return written;
}

/** Tags, then methods, then path regexes; undefined when the user closes a box. */
async function askSelection(
  choices: Extract<P.ReduceChoicesResult, { ok: true }>,
): Promise<{ tags: string[]; methods: string[]; paths: string[] } | undefined> {
  const tags = choices.tags.length
    ? await vscode.window.showQuickPick(
        choices.tags.map((t) => ({ label: t.name, description: `${t.operations} operation(s)` })),
        { canPickMany: true, title: `Reduce: keep operations with these tags (none picked: any tag) — ${choices.operations} operations`, ignoreFocusOut: true },
      )
    : [];
  if (!tags) return undefined;
  const methods = await vscode.window.showQuickPick(
    choices.methods.map((m) => ({ label: m.method.toUpperCase(), description: `${m.operations} operation(s)` })),
    { canPickMany: true, title: 'Reduce: keep these methods (none picked: any method)', ignoreFocusOut: true },
  );
  if (!methods) return undefined;
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
  if (typed === undefined) return undefined;
  return { tags: tags.map((t) => t.label), methods: methods.map((m) => m.label.toLowerCase()), paths: splitPatterns(typed) };
}

function splitPatterns(value: string): string[] {
  return value.split(/\s+/).filter((p) => p !== '');
}
