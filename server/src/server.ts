/**
 * The language server: thin wiring between LSP and the engine. It lints JSON
 * and YAML documents on open and (debounced) on change, drops results that a
 * newer version has made stale, and answers code actions from the engine.
 */
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, fixAll, fixFor, type Analysis, type Format } from './engine';
import { quickFix, SOURCE, toCodeAction, toDiagnostic, type DiagnosticData } from './lsp-convert';

/** Pause after an edit before linting; a client may set `initializationOptions.debounceMs`. */
let debounceMs = 200;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const timers = new Map<string, NodeJS.Timeout>();
const cache = new Map<string, { version: number; analysis: Analysis }>();

function formatOf(doc: TextDocument): Format | undefined {
  if (doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri)) return 'yaml';
  if (doc.languageId === 'json' || doc.languageId === 'jsonc' || /\.json$/i.test(doc.uri)) return 'json';
  return undefined;
}

/** The analysis of the document's current version, computed once per version. */
function analysisOf(doc: TextDocument): Analysis | undefined {
  const format = formatOf(doc);
  if (!format) return undefined;
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit.analysis;
  let analysis: Analysis;
  try {
    analysis = analyze(doc.getText(), { format });
  } catch (e) {
    connection.console.error(`rewst-openapi: analysis failed for ${doc.uri}: ${e instanceof Error ? e.stack : String(e)}`);
    return undefined;
  }
  cache.set(doc.uri, { version: doc.version, analysis });
  return analysis;
}

function validate(uri: string): void {
  timers.delete(uri);
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const analysis = analysisOf(doc);
  // A newer version may have arrived while we worked: its own run will publish.
  if (documents.get(uri)?.version !== version) return;
  const diagnostics: Diagnostic[] = analysis?.isSpec ? analysis.findings.map((f) => toDiagnostic(uri, f)) : [];
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function schedule(uri: string, delay: number): void {
  clearTimeout(timers.get(uri));
  timers.set(uri, setTimeout(() => validate(uri), delay));
}

connection.onInitialize((params) => {
  const requested = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
  if (typeof requested === 'number' && requested >= 0) debounceMs = requested;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
    },
    serverInfo: { name: 'rewst-openapi' },
  };
});

// TextDocuments fires onDidChangeContent for an open as well: lint an opened document at once, an edited one after a pause.
const justOpened = new Set<string>();
documents.onDidOpen((e) => justOpened.add(e.document.uri));
documents.onDidChangeContent((e) => schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : debounceMs));
documents.onDidClose((e) => {
  justOpened.delete(e.document.uri);
  clearTimeout(timers.get(e.document.uri));
  timers.delete(e.document.uri);
  cache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const analysis = analysisOf(doc);
  if (!analysis?.isSpec) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const data = diagnostic.data as DiagnosticData | undefined;
      if (!data?.ruleId || !Array.isArray(data.path)) continue;
      const fix = fixFor(analysis, data.ruleId, { path: data.path, data: data.data });
      if (fix) actions.push(quickFix(doc, fix, diagnostic));
    }
    // One "all operations" action, however many missing-id diagnostics the context holds.
    const missingIds = params.context.diagnostics.filter((d) => d.source === SOURCE && (d.data as DiagnosticData | undefined)?.ruleId === 'operation-id-missing');
    const missing = analysis.findings.filter((f) => f.ruleId === 'operation-id-missing').length;
    if (missingIds.length && missing > 1) {
      const all = fixAll(doc.getText(), { format: analysis.doc.format, rules: ['operation-id-missing'] });
      if (all.edits.length) actions.push(toCodeAction(doc, `Add operationIds to all ${missing} operations without one`, CodeActionKind.QuickFix, all.edits, missingIds));
    }
  }
  if (wants(CodeActionKind.SourceFixAll) && analysis.findings.some((f) => f.fixable)) {
    const all = fixAll(doc.getText(), { format: analysis.doc.format });
    if (all.edits.length) actions.push(toCodeAction(doc, `Fix all Rewst problems (${all.applied.length})`, CodeActionKind.SourceFixAll, all.edits, []));
  }
  return actions;
});

documents.listen(connection);
connection.listen();
