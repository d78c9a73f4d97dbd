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
 *
 * A spec also puts diagnostics on the files its `$ref`s read (`setReferenced`):
 * shown with that file's own when it is open, alone when it is not (VS Code's
 * Problems view lists a file that is not open too).
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
  /** Diagnostics specs put on the files they refer to: file's uri → spec's uri → diagnostics. */
  private readonly referenced = new Map<string, Map<string, Diagnostic[]>>();
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
      // What an open spec found in this file stays in the Problems view.
      void this.ctx.connection.sendDiagnostics({ uri, diagnostics: limitDiagnostics(this.referencedIn(uri), this.maxPerRule) });
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

  /** A document changed: other sources' kept results, and what specs found in it, move with its text. */
  textChanged(uri: string, changes: ReadonlyArray<TextDocumentContentChangeEvent>): void {
    const shift = (diagnostics: Diagnostic[]) =>
      diagnostics.map((d) => {
        let range = d.range;
        for (const change of changes) range = shiftRange(range, change);
        const related = d.relatedInformation?.map((r) =>
          r.location.uri === uri ? { ...r, location: { uri, range: changes.reduce((rr, c) => shiftRange(rr, c), r.location.range) } } : r,
        );
        return { ...d, range, relatedInformation: related };
      });
    for (const entry of this.extra.get(uri)?.values() ?? []) entry.diagnostics = shift(entry.diagnostics);
    const bySpec = this.referenced.get(uri);
    for (const [spec, diagnostics] of bySpec ?? []) bySpec!.set(spec, shift(diagnostics));
  }

  setExtra(uri: string, source: string, version: number, diagnostics: Diagnostic[]): void {
    if (this.ctx.documents.get(uri)?.version !== version) return; // stale
    let bySource = this.extra.get(uri);
    if (!bySource) this.extra.set(uri, (bySource = new Map()));
    bySource.set(source, { version, diagnostics });
    this.publish(uri);
  }

  /**
   * What a spec found in the files it refers to, by file uri; replaces what it found before.
   * Each file touched is published again: with its own diagnostics when it is open, alone when not.
   */
  setReferenced(spec: string, byFile: ReadonlyMap<string, Diagnostic[]>): void {
    const touched = new Set<string>();
    for (const [file, bySpec] of this.referenced) {
      if (!bySpec.delete(spec)) continue;
      touched.add(file);
      if (!bySpec.size) this.referenced.delete(file);
    }
    for (const [file, diagnostics] of byFile) {
      if (!diagnostics.length) continue;
      let bySpec = this.referenced.get(file);
      if (!bySpec) this.referenced.set(file, (bySpec = new Map()));
      bySpec.set(spec, diagnostics);
      touched.add(file);
    }
    for (const file of touched) {
      if (this.ctx.documents.get(file))
        this.publish(file); // waits for the file's own run if it has not come yet
      else void this.ctx.connection.sendDiagnostics({ uri: file, diagnostics: limitDiagnostics(this.referencedIn(file), this.maxPerRule) });
    }
  }

  private referencedIn(uri: string): Diagnostic[] {
    return [...(this.referenced.get(uri)?.values() ?? [])].flat();
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
    diagnostics.push(...this.referencedIn(uri));
    this.onPublish(uri, this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: limitDiagnostics(diagnostics, this.maxPerRule) }));
  }
}
