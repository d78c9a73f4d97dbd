import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../lsp-convert';

/**
 * Publishes diagnostics: Rewst's own at once on open and, debounced, after
 * edits; a newer version always wins and stale results are dropped. Other
 * sources add theirs through `setExtraDiagnostics`, merged into one publish.
 */
export class DiagnosticsPublisher {
  /** Pause after an edit before linting; a client may set `initializationOptions.debounceMs`. */
  debounceMs = 200;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly justOpened = new Set<string>();
  private readonly rewst = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly extra = new Map<string, Map<string, { version: number; diagnostics: Diagnostic[] }>>();

  constructor(private readonly ctx: Omit<ServerContext, 'setExtraDiagnostics'>) {
    const { documents } = ctx;
    documents.onDidOpen((e) => this.justOpened.add(e.document.uri));
    // TextDocuments fires onDidChangeContent for an open as well: lint an opened document at once, an edited one after a pause.
    documents.onDidChangeContent((e) => this.schedule(e.document.uri, this.justOpened.delete(e.document.uri) ? 0 : this.debounceMs));
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.justOpened.delete(uri);
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      this.rewst.delete(uri);
      this.extra.delete(uri);
      void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    });
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => this.validate(uri), delay));
  }

  private validate(uri: string): void {
    this.timers.delete(uri);
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const analysis = this.ctx.analysisOf(doc);
    // A newer version may have arrived while we worked: its own run will publish.
    if (this.ctx.documents.get(uri)?.version !== version) return;
    this.rewst.set(uri, { version, diagnostics: analysis?.isSpec ? analysis.findings.map((f) => toDiagnostic(uri, f)) : [] });
    this.publish(uri);
  }

  setExtra(uri: string, source: string, version: number, diagnostics: Diagnostic[]): void {
    if (this.ctx.documents.get(uri)?.version !== version) return; // stale
    let bySource = this.extra.get(uri);
    if (!bySource) this.extra.set(uri, (bySource = new Map()));
    bySource.set(source, { version, diagnostics });
    this.publish(uri);
  }

  /** Sends Rewst's diagnostics with any other source's for the same version. */
  private publish(uri: string): void {
    const own = this.rewst.get(uri);
    const version = this.ctx.documents.get(uri)?.version;
    if (!own || own.version !== version) return; // Rewst's run for this version comes first
    const diagnostics = [...own.diagnostics];
    for (const other of this.extra.get(uri)?.values() ?? []) if (other.version === version) diagnostics.push(...other.diagnostics);
    void this.ctx.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
