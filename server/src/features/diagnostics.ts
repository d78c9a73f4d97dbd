/**
 * Publishes diagnostics: Rewst's own for each version the scheduler runs
 * (first of its subscribers), merged with other sources' (the settings
 * checks, Spectral) that arrive through `setExtra`. A result for a version
 * that is no longer current is dropped.
 *
 * Another source's last results are kept across edits, moved with the text,
 * until its run for the new version replaces them: Spectral takes seconds on
 * a big file, and its problems should not vanish and come back at each edit.
 * Each rule shows at most `rewstOpenapi.diagnostics.maxPerRule` problems and a
 * summary for the rest, so no class is crowded out of VS Code's 1,000.
 */
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import type { Analysis } from '../engine';
import { DEFAULT_MAX_PER_RULE, limitDiagnostics } from '../diagnostic-limit';
import { toDiagnostic } from '../lsp-convert';
import { shiftRange } from '../range-shift';
import type { Subscriber } from '../scheduler';

type Context = Pick<ServerContext, 'connection' | 'documents' | 'configuration'>;

export class DiagnosticsPublisher {
  private readonly rewst = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly extra = new Map<string, Map<string, { version: number; diagnostics: Diagnostic[] }>>();
  private maxPerRule = DEFAULT_MAX_PER_RULE;

  constructor(
    private readonly ctx: Context,
    /** Told of each publish (the open-to-diagnostic timing); `sent` settles once the message is written. */
    private readonly onPublish: (uri: string, sent: Promise<void>) => void = () => undefined,
  ) {}

  /** The scheduler's first subscriber: Rewst's findings for each version. */
  readonly subscriber: Subscriber = {
    name: 'rewst',
    run: ({ doc, analysis }) => {
      const uri = doc.uri;
      this.rewst.set(uri, { version: doc.version, diagnostics: analysis?.isSpec ? analysis.findings.map((f) => toDiagnostic(uri, f)) : [] });
      this.publish(uri);
    },
    closed: (uri) => {
      this.rewst.delete(uri);
      this.extra.delete(uri);
      void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };

  /** Settings changed: read the limit again and publish every document with it. */
  readSettings(): void {
    void this.ctx.configuration.get('diagnostics.maxPerRule').then((n) => {
      if (n === this.maxPerRule) return;
      this.maxPerRule = n;
      for (const uri of this.rewst.keys()) this.publish(uri);
    });
  }

  /** A document changed: other sources' kept results move with its text. */
  textChanged(uri: string, changes: ReadonlyArray<TextDocumentContentChangeEvent>): void {
    for (const entry of this.extra.get(uri)?.values() ?? []) {
      entry.diagnostics = entry.diagnostics.map((d) => {
        let range = d.range;
        for (const change of changes) range = shiftRange(range, change);
        const related = d.relatedInformation?.map((r) =>
          r.location.uri === uri ? { ...r, location: { uri, range: changes.reduce((rr, c) => shiftRange(rr, c), r.location.range) } } : r,
        );
        return { ...d, range, relatedInformation: related };
      });
    }
  }

  setExtra(uri: string, source: string, version: number, diagnostics: Diagnostic[]): void {
    if (this.ctx.documents.get(uri)?.version !== version) return; // stale
    let bySource = this.extra.get(uri);
    if (!bySource) this.extra.set(uri, (bySource = new Map()));
    bySource.set(source, { version, diagnostics });
    this.publish(uri);
  }

  /** Rewst's diagnostics of a file not open yet, analysed from disk (features/open-ahead.ts); its first version's replace them. */
  publishAhead(uri: string, analysis: Analysis): Promise<void> {
    const diagnostics = analysis.findings.map((f) => toDiagnostic(uri, f));
    return this.ctx.connection.sendDiagnostics({ uri, diagnostics: limitDiagnostics(diagnostics, this.maxPerRule) });
  }

  /** Sends Rewst's diagnostics for the current version with the other sources' latest. */
  private publish(uri: string): void {
    const own = this.rewst.get(uri);
    const version = this.ctx.documents.get(uri)?.version;
    if (!own || own.version !== version) return; // Rewst's run for this version comes first
    const diagnostics = [...own.diagnostics];
    for (const other of this.extra.get(uri)?.values() ?? []) diagnostics.push(...other.diagnostics);
    this.onPublish(uri, this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: limitDiagnostics(diagnostics, this.maxPerRule) }));
  }
}
