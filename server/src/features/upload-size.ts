/**
 * The status bar's upload size (rewst/uploadSize, rewst/uploadSizeChanged; the design is stated in
 * common/protocol.ts): the number of actions, from the cached analysis of the document's version, and the size
 * Prepare for Rewst Upload would write, which costs the whole prepare pipeline (bundle, convert, fix;
 * Spectral's structural check is left out, it changes nothing written): about a second on a 13 MB spec,
 * in steps that hold a thread for up to half a second each.
 *
 * So the size is measured lazily, only for documents a client asked about, once per version, as the
 * scheduler's last subscriber (after the version's diagnostics are published), and in a worker thread
 * (prepared-size/), so that no request waits for it. A newer version, a close or a re-run (the scheduler's
 * token) stops the worker's run at its next step.
 */
import { dirname } from 'node:path';
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cancellable } from '../cancellable';
import { formatOf, type ServerContext } from '../context';
import type { Analysis } from '../engine';
import { outside } from '../engine/spec-files';
import { PreparedSizeWorker } from '../prepared-size/measurer';
import { UploadSizeChangedNotification, UploadSizeRequest, type UploadSizeResult } from '../../../common/protocol';
import type { Subscriber, VersionRun } from '../scheduler';
import { pathOf } from './open-files';
import { specOperationsWithElsewhere } from './spec-operations';

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
  private readonly worker = new PreparedSizeWorker();

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
    return { uri: doc.uri, version: doc.version, actions: this.actionCount(doc, analysis), pending: !measured, ...measured };
  }

  /** The spec's operations and those of path items written in other files of its folder (a cheap read of those files alone). */
  private actionCount(doc: TextDocument, analysis: Analysis): number {
    const { spec } = specOperationsWithElsewhere(this.ctx.documents, doc, analysis);
    return spec.operations.length + (spec.elsewhere?.length ?? 0);
  }

  private send(doc: TextDocument): void {
    const answer = this.answer(doc);
    if (answer) void this.ctx.connection.sendNotification(UploadSizeChangedNotification, answer);
  }

  /**
   * Starts measuring this version under this run unless that is done or under way. A re-run of the same
   * version (a setting or a referenced file changed) has a new token: measured again.
   */
  private measure(doc: TextDocument, token: CancellationToken): void {
    const current = this.entries.get(doc.uri);
    if (current?.version === doc.version && current.token === token && (current.measured || !token.isCancellationRequested)) return;
    const entry: Entry = { version: doc.version, token };
    this.entries.set(doc.uri, entry);
    void this.ctx.configuration.get('foldBasePath').then((foldBasePath) => {
      if (this.entries.get(doc.uri) === entry && !token.isCancellationRequested) this.start(doc, entry, foldBasePath);
    });
  }

  /** Has the worker measure what Prepare would write as the settings say (the base path folded in or not). */
  private start(doc: TextDocument, entry: Entry, foldBasePath: boolean): void {
    const { token } = entry;
    const file = pathOf(doc.uri);
    const run = this.worker.measure({ text: doc.getText(), format: formatOf(doc), file, opened: file ? this.openedBeside(file) : [], foldBasePath });
    // A newer version, a close or a re-run: the worker gives the run up at its next step.
    const stop = token.onCancellationRequested(() => run.cancel());
    void run.response.then((r) => {
      stop.dispose();
      if (r.kind === 'cancelled' || token.isCancellationRequested || this.entries.get(doc.uri) !== entry) return; // stale: a newer version's answers
      entry.measured = r.kind === 'measured' ? { bytes: r.bytes, preparedActions: r.operations } : { problem: r.message };
      const now = this.ctx.documents.get(doc.uri);
      if (now?.version === entry.version) this.send(now);
    });
  }

  /** The open editors' texts of the files in the spec's folder tree (the spec's own text goes apart): bundling reads them, not the disk. */
  private openedBeside(file: string): Array<[string, string]> {
    const folder = dirname(file);
    const opened: Array<[string, string]> = [];
    for (const d of this.ctx.documents.all()) {
      const path = pathOf(d.uri);
      if (path !== undefined && path !== file && !outside(folder, path)) opened.push([path, d.getText()]);
    }
    return opened;
  }
}
