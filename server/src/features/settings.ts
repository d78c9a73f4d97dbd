/**
 * Rewst integration settings files (`*.rewst-integration.json`): diagnostics
 * checked against the spec beside them, quick fixes for the name and the
 * hostname, and the requests behind the auth and pagination forms and the
 * setup sheet. The spec and the icon are read from the open documents when
 * they are open, from disk otherwise.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import {
  analyzeSettings,
  FIXABLE_CODES,
  listSummaries,
  operationModelsOf,
  parseSettingsText,
  proposeSettings,
  settingsEdits,
  settingsFix,
  settingsReports,
  setupSheet,
  type IntegrationSettings,
  type SettingsCode,
  type SettingsContext,
  type SpecContext,
} from '../engine/settings';
import { isSettingsName } from '../engine/spec-files';
import { diskFiles, readSpecFile, settingsContextFor, settingsFileFor, specFileFor, textOf, type SpecCache } from '../engine/spec-files';
import { quickFix, SOURCE, toDiagnostic, type DiagnosticData } from '../lsp-convert';
import { openFiles, pathOf, type OpenFiles } from './open-files';
import { withReferencedFiles } from '../read-within';
import * as P from '../../../common/protocol';

type Obj = Record<string, unknown>;

export function isSettingsUri(uri: string): boolean {
  return isSettingsName(uri.split(/[?#]/)[0]);
}

class SettingsService {
  private readonly diskSpecs: SpecCache = new Map();
  /** Each spec (an analysis's root, or a cached read from disk) with the files it refers to bundled in. */
  private readonly bundled = new WeakMap<object, SpecContext>();
  /** For each open settings file, the spec path its last check used: a change there checks it again. */
  private readonly specOf = new Map<string, string>();

  /** Open documents first, else disk. */
  private readonly files: OpenFiles;

  constructor(private readonly ctx: ServerContext) {
    this.files = openFiles(ctx.documents);
  }

  /**
   * The spec parsed: from its open document (the analysis cache), else from disk (cached by size and mtime);
   * with the files its `$ref`s name bundled in, as Rewst gets it after Prepare.
   */
  spec(file: string): SpecContext {
    const name = path.basename(file);
    const doc = this.files.openDoc(file);
    if (doc) {
      const analysis = this.ctx.analysisOf(doc);
      if (analysis?.root) return this.withReferencedFiles(analysis.root, { name, root: analysis.root }, file);
      return { name, problem: analysis?.isSpec ? `The spec ${name} does not parse.` : `${name} is not an OpenAPI or Swagger document.` };
    }
    const read = readSpecFile(diskFiles, file, this.diskSpecs);
    return this.withReferencedFiles(read, read, file);
  }

  private withReferencedFiles(key: object, spec: SpecContext, file: string): SpecContext {
    let hit = this.bundled.get(key);
    if (!hit) this.bundled.set(key, (hit = withReferencedFiles(spec, file, (f) => this.files.openDoc(f)?.getText())));
    return hit;
  }

  /** Everything a settings value is checked with. */
  contextFor(settingsUri: string, value: unknown): { context: SettingsContext; specFile?: string; iconFile?: string } {
    const settingsPath = pathOf(settingsUri);
    if (!settingsPath) return { context: {} };
    return settingsContextFor(this.files, settingsPath, value, (file) => this.spec(file));
  }

  /** Checks a settings file's version against its spec and icon; publishes through the Rewst publisher. */
  publish(doc: TextDocument): void {
    const uri = doc.uri;
    const text = doc.getText();
    const { context, specFile } = this.contextFor(uri, parseSettingsText(text));
    if (specFile) this.specOf.set(uri, specFile);
    const analysis = analyzeSettings(text, context);
    this.ctx.setExtraDiagnostics(
      uri,
      'rewst-settings',
      doc.version,
      analysis.findings.map((f) => toDiagnostic(uri, f)),
    );
  }

  /** A spec changed: check the open settings files that use it again. */
  specChanged(specUri: string): void {
    const file = pathOf(specUri);
    for (const [uri, spec] of this.specOf) if (spec === file) this.ctx.scheduler.rerun(uri);
  }

  closed(uri: string): void {
    this.specOf.delete(uri);
  }

  settingsText(file: string): string | undefined {
    return textOf(this.files, file);
  }

  locate(uri: string): P.SettingsLocateResult {
    const file = pathOf(uri);
    if (!file) return { settingsUri: uri, settingsExists: false, problem: 'Only files on disk have integration settings beside them.' };
    if (isSettingsName(file)) {
      const text = this.settingsText(file);
      const { file: spec, tried } = specFileFor(this.files, file, parseSettingsText(text));
      return {
        specUri: spec ? pathToFileURL(spec).href : undefined,
        settingsUri: uri,
        settingsExists: text !== undefined,
        problem: spec ? undefined : `No spec beside ${path.basename(file)} (looked for ${tried.map((t) => path.basename(t)).join(', ')}).`,
      };
    }
    const settings = settingsFileFor(this.files, file);
    return { specUri: uri, settingsUri: pathToFileURL(settings.file).href, settingsExists: settings.exists };
  }

  propose(specUri: string): P.SettingsProposeResult {
    const file = pathOf(specUri);
    if (!file) return { ok: false, reason: 'The spec must be a file on disk.' };
    const spec = this.spec(file);
    if (!spec.root) return { ok: false, reason: spec.problem ?? `${spec.name} cannot be read.` };
    const info = spec.root.info as Obj | undefined;
    return {
      ok: true,
      specName: spec.name,
      title: typeof info?.title === 'string' ? info.title : spec.name,
      proposal: proposeSettings(spec.root, { specName: spec.name }),
    };
  }

  check(params: P.SettingsCheckParams): P.SettingsCheckResult {
    const { context, iconFile } = this.contextFor(params.settingsUri, params.settings);
    return { reports: settingsReports(params.settings, context), iconPath: iconFile };
  }

  sheet(settingsUri: string): P.SettingsSheetResult {
    const file = pathOf(settingsUri);
    const text = file ? this.settingsText(file) : undefined;
    if (!file || text === undefined) return { ok: false, reason: 'The settings file cannot be read: save the form first.' };
    const value = parseSettingsText(text);
    if (value === undefined) return { ok: false, reason: `${path.basename(file)} is not valid JSON.` };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: `${path.basename(file)} does not hold an object.` };
    const { context, specFile } = this.contextFor(settingsUri, value);
    const root = context.spec?.root;
    const operations = root
      ? operationModelsOf(root).map((op) => ({ operationId: op.operationId, method: op.method, path: op.pathKey, summary: op.summary }))
      : undefined;
    const open = analyzeSettings(text, context)
      .findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => `${f.pointer || '/'}: ${f.message}`);
    const lists = root ? listSummaries(root, value as IntegrationSettings) : undefined;
    return {
      ok: true,
      markdown: setupSheet({
        settings: value as IntegrationSettings,
        settingsName: path.basename(file),
        specName: specFile ? path.basename(specFile) : undefined,
        operations,
        lists,
        open,
      }),
    };
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
  // The scheduler's second subscriber: after Rewst's diagnostics of the same version, before Spectral.
  ctx.scheduler.subscribe({
    name: 'settings',
    run: ({ doc }) => (isSettingsUri(doc.uri) ? service.publish(doc) : service.specChanged(doc.uri)),
    closed: (uri) => (isSettingsUri(uri) ? service.closed(uri) : service.specChanged(uri)), // a closed spec: back to the copy on disk
  });
  const { connection } = ctx;
  connection.onRequest(P.SettingsLocateRequest, (p) => service.locate(p.uri));
  connection.onRequest(P.SettingsProposeRequest, (p) => service.propose(p.specUri));
  connection.onRequest(P.SettingsCheckRequest, (p) => service.check(p));
  connection.onRequest(P.SettingsEditRequest, (p) => ({ edits: settingsEdits(p.text, p.settings) }));
  connection.onRequest(P.SettingsSheetRequest, (p) => service.sheet(p.settingsUri));
}
