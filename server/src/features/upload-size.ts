/**
 * The status bar's upload size (rewst/uploadSize, rewst/uploadSizeChanged; the design is stated in
 * protocol.ts): the number of actions, from the cached analysis of the document's version, and the size
 * Prepare for Rewst Upload would write, which costs the whole prepare pipeline (bundle, convert, fix;
 * Spectral's structural check is left out, it changes nothing written): about a second on a 13 MB spec.
 *
 * So the size is measured lazily: only for documents a client asked about, once per version, as the
 * scheduler's last subscriber (after the version's diagnostics are published and Spectral has started in
 * its worker). It yields to the event loop between prepare's steps, where a newer version, a close or a
 * re-run (the scheduler's token) stops it.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cancellable } from '../cancellable';
import { formatOf, type ServerContext } from '../context';
import { operationsOf } from '../engine';
import { CancelledError, ConvertError, prepareForRewst } from '../engine/convert';
import { UploadSizeChangedNotification, UploadSizeRequest, type UploadSizeResult } from '../protocol';
import type { Subscriber, VersionRun } from '../scheduler';
import { bundlingOf } from './open-files';

type Measured = Pick<UploadSizeResult, 'bytes' | 'preparedActions' | 'problem'>;

/** A measurement of one version: running under `token`, or done once `measured` is set. */
interface Entry {
  version: number;
  token: CancellationToken;
  measured?: Measured;
}

export function registerUploadSize(ctx: ServerContext): void {
  const feature = new UploadSizeFeature(ctx);
  ctx.scheduler.subscribe(feature.subscriber);
  ctx.connection.onRequest(UploadSizeRequest, (params, token) => cancellable(token, () => feature.request(params.uri)));
}

class UploadSizeFeature {
  /** Documents a client asked about: measured at each version until they close. */
  private readonly watched = new Set<string>();
  /** The scheduler's latest run of each document: its diagnostics are out, and its token says when it is stale. */
  private readonly runs = new Map<string, { version: number; token: CancellationToken }>();
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ctx: ServerContext) {}

  readonly subscriber: Subscriber = {
    name: 'upload-size',
    run: (run) => this.versionRun(run),
    closed: (uri) => {
      this.watched.delete(uri);
      this.runs.delete(uri);
      this.entries.delete(uri);
    },
  };

  request(uri: string): UploadSizeResult | null {
    const doc = this.ctx.documents.get(uri);
    const answer = doc && this.answer(doc);
    if (!doc || !answer) return null;
    this.watched.add(uri);
    // The version's run is over (it was not watched then): measure now. Otherwise its run, still to come, measures it.
    const run = this.runs.get(uri);
    if (answer.pending && run?.version === doc.version && !run.token.isCancellationRequested) this.measure(doc, run.token);
    return answer;
  }

  private versionRun({ doc, analysis, token }: VersionRun): void {
    this.runs.set(doc.uri, { version: doc.version, token });
    if (!this.watched.has(doc.uri) || !analysis?.isSpec) return;
    this.measure(doc, token);
    this.send(doc);
  }

  /** What is known of the document's current version; null when it is not a spec. */
  private answer(doc: TextDocument): UploadSizeResult | null {
    const analysis = this.ctx.analysisOf(doc);
    if (!analysis?.isSpec) return null;
    const entry = this.entries.get(doc.uri);
    const measured = entry?.version === doc.version ? entry.measured : undefined;
    return { uri: doc.uri, version: doc.version, actions: operationsOf(analysis).operations.length, pending: !measured, ...measured };
  }

  private send(doc: TextDocument): void {
    const answer = this.answer(doc);
    if (answer) void this.ctx.connection.sendNotification(UploadSizeChangedNotification, answer);
  }

  /** Starts measuring this version unless it is measured or being measured under a token still current. */
  private measure(doc: TextDocument, token: CancellationToken): void {
    const current = this.entries.get(doc.uri);
    if (current?.version === doc.version && (current.measured || !current.token.isCancellationRequested)) return;
    const entry: Entry = { version: doc.version, token };
    this.entries.set(doc.uri, entry);
    // The text and format now: a TextDocument is updated in place by later edits.
    const text = doc.getText();
    const format = formatOf(doc);
    const { file: _file, ...bundling } = bundlingOf(this.ctx.documents, doc.uri);
    const isCancelled = () => token.isCancellationRequested;
    void (async () => {
      let measured: Measured;
      try {
        // One turn of the event loop first: the diagnostics just published are written, queued requests answered.
        await new Promise((resolve) => setImmediate(resolve));
        if (isCancelled()) return;
        const r = await prepareForRewst(text, { format, isCancelled, ...bundling });
        measured = { bytes: r.bytes, preparedActions: r.operations };
      } catch (e) {
        if (e instanceof CancelledError) return;
        measured = { problem: e instanceof ConvertError ? e.summary : `rewst-openapi failed: ${e instanceof Error ? e.message : String(e)}` };
      }
      if (isCancelled() || this.entries.get(doc.uri) !== entry) return; // stale: a newer version's measurement answers
      entry.measured = measured;
      const now = this.ctx.documents.get(doc.uri);
      if (now?.version === entry.version) this.send(now);
    })();
  }
}
