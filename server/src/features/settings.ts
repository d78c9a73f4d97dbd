/**
 * Rewst integration settings files (`*.rewst-integration.json`): diagnostics
 * checked against the spec beside them, quick fixes for the name and the
 * hostname, and the requests behind the auth and pagination forms and the
 * setup sheet. The spec and the icon are read from the open documents when
 * they are open, from disk otherwise.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { analyzeSettings, FIXABLE_CODES, isSettingsName, listOperations, proposeSettings, settingsEdits, settingsFix, settingsNameFor, settingsNamesFor, settingsReports, setupSheet, specNamesFor, svgProblem, type IconContext, type IntegrationSettings, type SettingsCode, type SettingsContext, type SpecContext } from '../engine/settings';
import { parseSpec } from '../engine/parse';
import { quickFix, SOURCE, toDiagnostic, type DiagnosticData } from '../lsp-convert';
import { insideFolder, readCapped } from '../settings-files';
import * as P from './settings-protocol';

type Obj = Record<string, unknown>;

const DEBOUNCE_MS = 150;

export function isSettingsUri(uri: string): boolean {
  return isSettingsName(uri.split(/[?#]/)[0]);
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

class SettingsService {
  private readonly diskSpecs = new Map<string, { stamp: string; spec: Omit<SpecContext, 'name'> }>();
  /** For each open settings file, the spec path its last check used: a change there checks it again. */
  private readonly specOf = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ctx: ServerContext) {}

  openDoc(file: string): TextDocument | undefined {
    return this.ctx.documents.all().find((d) => pathOf(d.uri) === file);
  }

  private exists(file: string): boolean {
    if (this.openDoc(file)) return true;
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  }

  /**
   * The spec for a settings file: its `spec` member (inside the settings file's folder), else a spec with
   * the same base name beside it. `problem` when the member names a file outside that folder.
   */
  specPathFor(settingsPath: string, value: unknown): { file?: string; tried: string[]; problem?: string } {
    const dir = path.dirname(settingsPath);
    const named = value !== null && typeof value === 'object' && typeof (value as Obj).spec === 'string' ? String((value as Obj).spec) : undefined;
    const inside = named === undefined ? undefined : insideFolder(dir, named);
    if (inside?.problem) return { tried: [path.resolve(dir, named!)], problem: inside.problem };
    const tried = inside?.file ? [inside.file] : specNamesFor(path.basename(settingsPath)).map((n) => path.join(dir, n));
    return { file: tried.find((f) => this.exists(f)), tried };
  }

  /** The spec parsed: from its open document (the analysis cache), else from disk (cached by size and mtime). */
  spec(file: string): SpecContext {
    const name = path.basename(file);
    const doc = this.openDoc(file);
    if (doc) {
      const analysis = this.ctx.analysisOf(doc);
      if (analysis?.root) return { name, root: analysis.root };
      return { name, problem: analysis?.isSpec ? `The spec ${name} does not parse.` : `${name} is not an OpenAPI or Swagger document.` };
    }
    let stamp: string;
    try {
      const st = statSync(file);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      return { name, problem: `The spec ${name} cannot be read.` };
    }
    const hit = this.diskSpecs.get(file);
    if (hit?.stamp === stamp) return { name, ...hit.spec };
    let spec: Omit<SpecContext, 'name'>;
    const read = readCapped(file);
    if (read.problem !== undefined) spec = { problem: `The spec cannot be read: ${read.problem}` };
    else {
      const parsed = parseSpec(read.text, /\.ya?ml$/i.test(file) ? 'yaml' : /\.json$/i.test(file) ? 'json' : undefined);
      spec = parsed.problems.length ? { problem: `The spec ${name} does not parse.` } : parsed.version ? { root: parsed.value as Obj } : { problem: `${name} is not an OpenAPI or Swagger document.` };
    }
    this.diskSpecs.set(file, { stamp, spec });
    return { name, ...spec };
  }

  private icon(settingsPath: string, value: unknown): (IconContext & { file: string }) | undefined {
    const icon = value !== null && typeof value === 'object' ? (value as Obj).icon : undefined;
    if (typeof icon !== 'string' || !/\.svg$/i.test(icon)) return undefined;
    const inside = insideFolder(path.dirname(settingsPath), icon);
    if (inside.problem !== undefined) return { exists: false, problem: inside.problem, file: path.resolve(path.dirname(settingsPath), icon) };
    const file = inside.file;
    const doc = this.openDoc(file);
    if (doc) return { exists: true, text: doc.getText(), file };
    const read = readCapped(file);
    if (read.problem === undefined) return { exists: true, text: read.text, file };
    return read.missing ? { exists: false, file } : { exists: true, problem: read.problem, file };
  }

  /** Everything a settings value is checked with. */
  contextFor(settingsUri: string, value: unknown): { context: SettingsContext; specFile?: string; iconFile?: string } {
    const settingsPath = pathOf(settingsUri);
    if (!settingsPath) return { context: {} };
    const { file, tried, problem } = this.specPathFor(settingsPath, value);
    const spec: SpecContext = file ? this.spec(file) : { name: path.basename(tried[0]), problem: problem ?? `No spec found for this settings file (looked for ${tried.map((t) => path.basename(t)).join(', ')}); set "spec" to its path.` };
    const icon = this.icon(settingsPath, value);
    const iconOk = icon?.exists && !icon.problem && !svgProblem(icon.text ?? '');
    return { context: { spec, icon: icon ? { exists: icon.exists, text: icon.text, problem: icon.problem } : undefined }, specFile: file, iconFile: iconOk ? icon?.file : undefined };
  }

  schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(doc.uri, setTimeout(() => this.publish(doc.uri), delay));
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const text = doc.getText();
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      value = undefined;
    }
    const { context, specFile } = this.contextFor(uri, value);
    if (specFile) this.specOf.set(uri, specFile);
    const analysis = analyzeSettings(text, context);
    this.ctx.setExtraDiagnostics(uri, 'rewst-settings', doc.version, analysis.findings.map((f) => toDiagnostic(uri, f)));
  }

  /** A spec changed: check the open settings files that use it again. */
  specChanged(specUri: string): void {
    const file = pathOf(specUri);
    for (const [uri, spec] of this.specOf) {
      const doc = this.ctx.documents.get(uri);
      if (spec === file && doc) this.schedule(doc);
    }
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.specOf.delete(uri);
  }

  settingsText(file: string): string | undefined {
    const doc = this.openDoc(file);
    if (doc) return doc.getText();
    return readCapped(file).text;
  }

  locate(uri: string): P.LocateResult {
    const file = pathOf(uri);
    if (!file) return { settingsUri: uri, settingsExists: false, problem: 'Only files on disk have integration settings beside them.' };
    if (isSettingsName(file)) {
      const text = this.settingsText(file);
      let value: unknown;
      try {
        value = text === undefined ? undefined : JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        value = undefined;
      }
      const { file: spec, tried, problem } = this.specPathFor(file, value);
      return { specUri: spec ? pathToFileURL(spec).href : undefined, settingsUri: uri, settingsExists: text !== undefined, problem: spec ? undefined : (problem ?? `No spec beside ${path.basename(file)} (looked for ${tried.map((t) => path.basename(t)).join(', ')}).`) };
    }
    const dir = path.dirname(file);
    const existing = settingsNamesFor(path.basename(file)).map((n) => path.join(dir, n)).find((f) => this.exists(f));
    const settings = existing ?? path.join(dir, settingsNameFor(path.basename(file)));
    return { specUri: uri, settingsUri: pathToFileURL(settings).href, settingsExists: Boolean(existing) };
  }

  propose(specUri: string): P.ProposeResult {
    const file = pathOf(specUri);
    if (!file) return { ok: false, reason: 'The spec must be a file on disk.' };
    const spec = this.spec(file);
    if (!spec.root) return { ok: false, reason: spec.problem ?? `${spec.name} cannot be read.` };
    const info = spec.root.info as Obj | undefined;
    return { ok: true, specName: spec.name, title: typeof info?.title === 'string' ? info.title : spec.name, proposal: proposeSettings(spec.root, { specName: spec.name }) };
  }

  check(params: P.CheckParams): P.CheckResult {
    const { context, iconFile } = this.contextFor(params.settingsUri, params.settings);
    return { reports: settingsReports(params.settings, context), iconPath: iconFile };
  }

  sheet(settingsUri: string): P.SheetResult {
    const file = pathOf(settingsUri);
    const text = file ? this.settingsText(file) : undefined;
    if (!file || text === undefined) return { ok: false, reason: 'The settings file cannot be read: save the form first.' };
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, reason: `${path.basename(file)} is not valid JSON.` };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: `${path.basename(file)} does not hold an object.` };
    const { context, specFile } = this.contextFor(settingsUri, value);
    const root = context.spec?.root;
    const operations = root ? listOperations(root).map((op) => ({ operationId: op.operationId, method: op.method, path: op.pathKey, summary: op.summary })) : undefined;
    const open = analyzeSettings(text, context).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.pointer || '/'}: ${f.message}`);
    return { ok: true, markdown: setupSheet({ settings: value as IntegrationSettings, settingsName: path.basename(file), specName: specFile ? path.basename(specFile) : undefined, operations, open }) };
  }
}

/** Quick fixes for the settings file's fixable findings (the name and the hostname). */
export function settingsCodeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  const only = params.context.only;
  if (!doc || (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(k + '.')))) return [];
  const analysis = analyzeSettings(doc.getText());
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = diagnostic.data as DiagnosticData | undefined;
    if (diagnostic.source !== SOURCE || !data || !FIXABLE_CODES.has(data.ruleId as SettingsCode)) continue;
    const fix = settingsFix(analysis, { ruleId: data.ruleId, path: data.path, data: data.data });
    if (fix) actions.push(quickFix(doc, fix, diagnostic));
  }
  return actions;
}

export function registerSettings(ctx: ServerContext): void {
  const service = new SettingsService(ctx);
  const justOpened = new Set<string>();
  ctx.documents.onDidOpen((e) => justOpened.add(e.document.uri));
  ctx.documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const opened = justOpened.delete(uri);
    if (isSettingsUri(uri)) service.schedule(e.document, opened ? 0 : DEBOUNCE_MS);
    else service.specChanged(uri);
  });
  ctx.documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    if (isSettingsUri(e.document.uri)) service.closed(e.document.uri);
    else service.specChanged(e.document.uri); // back to the copy on disk
  });
  const { connection } = ctx;
  connection.onRequest(P.SETTINGS_LOCATE_METHOD, (p: P.LocateParams) => service.locate(p.uri));
  connection.onRequest(P.SETTINGS_PROPOSE_METHOD, async (p: P.ProposeParams): Promise<P.ProposeResult> => service.propose(p.specUri));
  connection.onRequest(P.SETTINGS_CHECK_METHOD, (p: P.CheckParams) => service.check(p));
  connection.onRequest(P.SETTINGS_EDIT_METHOD, (p: P.EditParams): P.EditResult => ({ edits: settingsEdits(p.text, p.settings) }));
  connection.onRequest(P.SETTINGS_SHEET_METHOD, async (p: P.SheetParams): Promise<P.SheetResult> => service.sheet(p.settingsUri));
}
