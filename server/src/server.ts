/**
 * The language server: thin wiring between LSP and the engine. Each feature
 * lives in features/ and registers itself on the shared context; features
 * that work per document version subscribe to the one scheduler.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Configuration } from './configuration';
import { AnalysisCache, type ServerContext } from './context';
import { registerActions } from './features/actions';
import { registerCodeActions } from './features/code-actions';
import { registerConvert } from './features/convert';
import { DiagnosticsPublisher } from './features/diagnostics';
import { registerNavigation } from './features/navigation';
import { registerOpenAhead } from './features/open-ahead';
import { registerReferencedFiles } from './features/referenced-files';
import { registerSettings } from './features/settings';
import { registerSpectral } from './features/spectral';
import { registerStats } from './features/stats';
import { registerTry } from './features/try';
import { registerUploadSize } from './features/upload-size';
import { registerUrlRefs } from './features/url-refs';
import { SettingsChangedNotification } from '../../common/protocol';
import { DocumentScheduler } from './scheduler';
import { timingLine } from '../../common/format';
import { ChangeLog } from './range-shift';
import { updateDocument } from './document-update';
import { OpenTiming } from './open-timing';

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.error(`rewst-openapi: ${message}`);
const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
// Every incremental change passes here first, so diagnostics kept across edits move with the text.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (doc, changes, version) => {
    publisher.textChanged(doc.uri, changes);
    changeLog.record(doc.uri, doc.version, changes);
    return updateDocument(doc, changes, version);
  },
});
// What changed since the last analysis, so the lightbulb can answer from it while the new one is pending.
const changeLog = new ChangeLog();
const analyses = new AnalysisCache((uri, e) => log(`analysis failed for ${uri}: ${describe(e)}`));
// The stages of each document's way from didOpen to its first diagnostics, for the time-to-first-diagnostic scenario.
const timing = new OpenTiming((line) => connection.console.log(line));
documents.onDidOpen((e) => timing.opened(e.document.uri));
documents.onDidClose((e) => {
  analyses.delete(e.document.uri);
  changeLog.delete(e.document.uri);
  timing.closed(e.document.uri);
});
const analysisOf = (doc: TextDocument) => {
  const analysis = analyses.get(doc);
  timing.analysed(doc.uri);
  changeLog.forgetBefore(doc.uri, doc.version);
  return analysis;
};
const staleAnalysisOf = (doc: TextDocument) => {
  const last = analyses.last(doc.uri);
  if (!last || last.version >= doc.version) return undefined;
  const changes = changeLog.since(doc.uri, last.version);
  return changes && { analysis: last.analysis, changes };
};
const scheduler = new DocumentScheduler(documents, analysisOf, (name, uri, e) => log(`${name} failed for ${uri}: ${describe(e)}`));

const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
const ctx: ServerContext = {
  connection,
  documents,
  analysisOf,
  staleAnalysisOf,
  addCapabilities: (more) => Object.assign(capabilities, more),
  scheduler,
  configuration: new Configuration(connection, () => ctx.initParams),
  setExtraDiagnostics: (uri, source, version, diagnostics) => publisher.setExtra(uri, source, version, diagnostics),
};
const publisher = new DiagnosticsPublisher(ctx, (uri, sent) => timing.published(uri, sent));
scheduler.subscribe(publisher.subscriber);

// Features. Each adds its handlers and capabilities here, before the server listens.
const referencedFiles = registerReferencedFiles(ctx, publisher);
const urlRefs = registerUrlRefs(ctx);
registerCodeActions(ctx, referencedFiles, urlRefs);
registerConvert(ctx, urlRefs);
registerActions(ctx);
registerStats(ctx);
registerSettings(ctx);
registerTry(ctx);
const spectral = registerSpectral(ctx);
registerNavigation(ctx);
registerUploadSize(ctx);
registerOpenAhead(ctx, analyses, publisher, (uri, stages) => connection.console.log(timingLine(uri, stages)));

connection.onInitialize((params) => {
  ctx.initParams = params;
  const requested = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
  if (typeof requested === 'number' && requested >= 0) scheduler.debounceMs = requested;
  return { capabilities, serverInfo: { name: 'rewst-openapi' } };
});
connection.onInitialized(() => {
  publisher.readSettings();
  void spectral.warm();
});
// A setting or a workspace ruleset changed: read the settings again and run every open document again.
connection.onNotification(SettingsChangedNotification, () => {
  ctx.configuration.invalidate();
  publisher.readSettings();
  for (const doc of documents.all()) scheduler.rerun(doc.uri);
});

documents.listen(connection);
connection.listen();
