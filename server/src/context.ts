import type { Connection, Diagnostic, InitializeParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Configuration } from './configuration';
import { analyze, type Analysis, type Format } from './engine';
import type { DocumentScheduler } from './scheduler';

/** What every server feature gets: the connection, the open documents and their analyses. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The engine's analysis of a document's current version, computed once per version. */
  analysisOf(doc: TextDocument): Analysis | undefined;
  /** Set once `initialize` has arrived. */
  initParams?: InitializeParams;
  /** Capabilities a feature adds to the `initialize` answer; call before the server listens. */
  addCapabilities(capabilities: ServerCapabilities): void;
  /** The one per-document scheduler: features that work per version subscribe to it. */
  scheduler: DocumentScheduler;
  /** The extension's settings (`rewstOpenapi.*`). */
  configuration: Configuration;
  /** Diagnostics from another source (Spectral, say) for one version; merged with Rewst's on publish. */
  setExtraDiagnostics(uri: string, source: string, version: number, diagnostics: Diagnostic[]): void;
}

export function formatOf(doc: TextDocument): Format | undefined {
  if (doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri)) return 'yaml';
  if (doc.languageId === 'json' || doc.languageId === 'jsonc' || /\.json$/i.test(doc.uri)) return 'json';
  return undefined;
}

/** Keeps one analysis per open document, for its latest version. */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();

  constructor(private readonly onError: (uri: string, error: unknown) => void) {}

  get(doc: TextDocument): Analysis | undefined {
    const format = formatOf(doc);
    if (!format) return undefined;
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    let analysis: Analysis;
    try {
      analysis = analyze(doc.getText(), { format });
    } catch (e) {
      this.onError(doc.uri, e);
      return undefined;
    }
    this.entries.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
