/**
 * The language server: thin wiring between LSP and the engine. Each feature
 * lives in features/ and registers itself on the shared context.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type ServerContext } from './context';
import { registerActions } from './features/actions';
import { registerCodeActions } from './features/code-actions';
import { registerConvert } from './features/convert';
import { DiagnosticsPublisher } from './features/diagnostics';
import { registerNavigation } from './features/navigation';
import { registerSettings } from './features/settings';
import { registerSpectral } from './features/spectral';
import { registerStats } from './features/stats';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const analyses = new AnalysisCache((uri, e) => connection.console.error(`rewst-openapi: analysis failed for ${uri}: ${e instanceof Error ? e.stack : String(e)}`));
documents.onDidClose((e) => analyses.delete(e.document.uri));

const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
const base: Omit<ServerContext, 'setExtraDiagnostics'> = {
  connection,
  documents,
  analysisOf: (doc) => analyses.get(doc),
  addCapabilities: (more) => Object.assign(capabilities, more),
};
const publisher = new DiagnosticsPublisher(base);
const ctx: ServerContext = Object.assign(base, {
  setExtraDiagnostics: (uri: string, source: string, version: number, diagnostics: Parameters<ServerContext['setExtraDiagnostics']>[3]) => publisher.setExtra(uri, source, version, diagnostics),
});

// Features. Each adds its handlers and capabilities here, before the server listens.
registerCodeActions(ctx);
registerConvert(ctx);
registerActions(ctx);
registerStats(ctx);
registerSettings(ctx);
registerSpectral(ctx);
registerNavigation(ctx);

connection.onInitialize((params) => {
  ctx.initParams = params;
  const requested = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
  if (typeof requested === 'number' && requested >= 0) publisher.debounceMs = requested;
  return { capabilities, serverInfo: { name: 'rewst-openapi' } };
});

documents.listen(connection);
connection.listen();
