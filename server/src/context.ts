import type { Connection, Diagnostic, InitializeParams, ServerCapabilities, TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
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
  /**
   * The last analysis made, when it is of an older version than the current one, with the
   * content changes since (to move its ranges to the current text); undefined when the
   * current version's analysis is made, none is, or the changes cannot be followed.
   * Costs nothing: for a request that must not wait for a new analysis (the lightbulb).
   */
  staleAnalysisOf?(doc: TextDocument): { analysis: Analysis; changes: TextDocumentContentChangeEvent[] } | undefined;
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

/**
 * Keeps one analysis per open document, for its latest version. A file about
 * to open can be analysed ahead from its text on disk (`analyseAhead`): its
 * document's first version takes that analysis when the texts are equal.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();
  private readonly ahead = new Map<string, { text: string; analysis: Analysis }>();

  constructor(private readonly onError: (uri: string, error: unknown) => void) {}

  get(doc: TextDocument): Analysis | undefined {
    const format = formatOf(doc);
    if (!format) return undefined;
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.analysis;
    const text = doc.getText();
    const early = this.ahead.get(doc.uri);
    this.ahead.delete(doc.uri);
    let analysis: Analysis;
    if (early && early.text === text) {
      analysis = early.analysis;
    } else {
      try {
        analysis = analyze(text, { format });
      } catch (e) {
        this.onError(doc.uri, e);
        return undefined;
      }
    }
    this.entries.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  /** The analysis kept for `uri`, of whichever version it was made for; computes nothing. */
  last(uri: string): { version: number; analysis: Analysis } | undefined {
    return this.entries.get(uri);
  }

  /** Analyses a file's text before its document opens; kept until `get` takes it or `forget` drops it. */
  analyseAhead(uri: string, text: string, format: Format): Analysis | undefined {
    try {
      const analysis = analyze(text, { format });
      this.ahead.set(uri, { text, analysis });
      return analysis;
    } catch (e) {
      this.onError(uri, e);
      return undefined;
    }
  }

  /** Whether this analysis made ahead still waits for its document. */
  waitsAhead(uri: string, analysis: Analysis): boolean {
    return this.ahead.get(uri)?.analysis === analysis;
  }

  forgetAhead(uri: string): void {
    this.ahead.delete(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.ahead.delete(uri);
  }
}
