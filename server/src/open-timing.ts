/**
 * Where the time to a document's first diagnostics goes, on the server's
 * side: the wall-clock times (Date.now(), comparable across the editor's
 * processes) at which its didOpen arrived, its first analysis was done and
 * its first diagnostics were sent. Logged once per open as one line that the
 * end-to-end suite reads from the output channel's log file
 * (test/e2e/scenarios/90-time-to-first-diagnostic.ts); the client logs its
 * own stages the same way (client/src/open-timing.ts).
 */

import { timingLine } from '../../common/format';

export class OpenTiming {
  private readonly pending = new Map<string, { opened: number; analysed?: number }>();

  constructor(private readonly log: (line: string) => void) {}

  opened(uri: string): void {
    this.pending.set(uri, { opened: Date.now() });
  }

  analysed(uri: string): void {
    const p = this.pending.get(uri);
    if (p && p.analysed === undefined) p.analysed = Date.now();
  }

  /** The first diagnostics since the open are being sent (`sent` settles once they are written): log the line and forget the document. */
  published(uri: string, sent: Promise<void>): void {
    const p = this.pending.get(uri);
    if (!p) return;
    this.pending.delete(uri);
    const start = Date.now();
    const done = () =>
      this.log(
        timingLine(uri, {
          'server-open-received': p.opened,
          'server-analysis-done': p.analysed ?? -1,
          'server-publish-start': start,
          'server-publish-written': Date.now(),
        }),
      );
    sent.then(done, done);
  }

  closed(uri: string): void {
    this.pending.delete(uri);
  }
}
