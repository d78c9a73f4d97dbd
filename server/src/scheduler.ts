/**
 * The one per-document scheduler. After an open (at once) or an edit (after a
 * pause), it takes the document's version, has it analysed once (the analysis
 * cache), and hands that to each subscriber in a stated order: Rewst's
 * diagnostics, then the Rewst rules over the files its `$ref`s name, then the
 * settings checks, then Spectral, then the upload size
 * (features/upload-size.ts). The order is the
 * ORDER list, not the order in which features registered.
 *
 * A newer version, a close, or a re-run makes what is in flight for the older
 * version stale: its token is cancelled, and a subscriber that works
 * asynchronously (Spectral) stops and publishes nothing.
 */
import { CancellationTokenSource, type CancellationToken, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './engine';

export const ORDER = ['rewst', 'references', 'settings', 'spectral', 'upload-size'] as const;
export type SubscriberName = (typeof ORDER)[number];

export interface VersionRun {
  doc: TextDocument;
  /** The engine's analysis of this version; undefined for what is neither JSON nor YAML. */
  analysis: Analysis | undefined;
  /** Cancelled once this version is stale (a newer one, a close, a re-run). */
  token: CancellationToken;
}

export interface Subscriber {
  name: SubscriberName;
  run(run: VersionRun): void | Promise<void>;
  /** The document was closed: forget it. */
  closed?(uri: string): void;
}

const DEFAULT_DEBOUNCE_MS = 200;

export class DocumentScheduler {
  /** Pause after an edit before the run; a client may set `initializationOptions.debounceMs`. */
  debounceMs = DEFAULT_DEBOUNCE_MS;
  private readonly subscribers: Subscriber[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly current = new Map<string, CancellationTokenSource>();
  private readonly justOpened = new Set<string>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analysisOf: (doc: TextDocument) => Analysis | undefined,
    private readonly onError: (subscriber: string, uri: string, error: unknown) => void,
  ) {
    documents.onDidOpen((e) => this.justOpened.add(e.document.uri));
    // TextDocuments fires onDidChangeContent for an open as well: run an opened document at once (before the
    // requests queued behind its didOpen, so its diagnostics go out first), an edited one after a pause.
    documents.onDidChangeContent((e) => {
      const uri = e.document.uri;
      if (!this.justOpened.delete(uri)) return this.schedule(uri, this.debounceMs);
      this.stop(uri);
      this.run(uri);
    });
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      this.justOpened.delete(uri);
      this.stop(uri);
      for (const s of this.subscribers) s.closed?.(uri);
    });
  }

  subscribe(subscriber: Subscriber): void {
    this.subscribers.push(subscriber);
    this.subscribers.sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
  }

  /** Runs the subscribers again for the document's current version (a setting or a file it depends on changed). */
  rerun(uri: string, delay = 0): void {
    if (this.documents.get(uri)) this.schedule(uri, delay);
  }

  private schedule(uri: string, delay: number): void {
    this.stop(uri);
    this.timers.set(
      uri,
      setTimeout(() => this.run(uri), delay),
    );
  }

  /** Cancels the pending and the running work for `uri`. */
  private stop(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.current.get(uri)?.cancel();
    this.current.get(uri)?.dispose();
    this.current.delete(uri);
  }

  private run(uri: string): void {
    this.timers.delete(uri);
    const doc = this.documents.get(uri);
    if (!doc) return;
    const source = new CancellationTokenSource();
    this.current.set(uri, source);
    const analysis = this.analysisOf(doc);
    for (const subscriber of this.subscribers) {
      if (source.token.isCancellationRequested) return;
      try {
        const done = subscriber.run({ doc, analysis, token: source.token });
        if (done) done.catch((e: unknown) => this.onError(subscriber.name, uri, e));
      } catch (e) {
        this.onError(subscriber.name, uri, e);
      }
    }
  }
}
