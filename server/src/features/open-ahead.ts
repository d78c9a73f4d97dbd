/**
 * A spec the editor is opening is analysed from disk while its text travels.
 * On a 13 MB file the editor takes seconds to show it and seconds more to
 * hand the text to the extension host and on to this server; the file on
 * disk is here at once. The client says when an editor tab opens on a spec
 * (`rewst/opening`); the server reads the file, analyses it and publishes
 * Rewst's diagnostics for it. When the document's didOpen brings the same
 * text, its first version takes that analysis (AnalysisCache) and publishes
 * at once; a different text (unsaved changes restored) is analysed afresh.
 * A file that does not open within AHEAD_TTL_MS has its diagnostics withdrawn.
 */
import { readFile, stat } from 'node:fs/promises';
import type { AnalysisCache, ServerContext } from '../context';
import type { Format } from '../engine';
import { formatOfName } from '../engine/parse';
import { OpeningNotification } from '../../../common/protocol';
import type { DiagnosticsPublisher } from './diagnostics';
import { pathOf } from './open-files';

export const AHEAD_TTL_MS = 60_000;
/** VS Code does not hand files over 50 MB to extensions: they never open as documents here. */
const MAX_BYTES = 50 * 1024 * 1024;

export interface AheadTiming {
  /** Wall-clock times of the stages, logged by the caller. */
  (uri: string, stages: Record<string, number>): void;
}

export function registerOpenAhead(ctx: ServerContext, analyses: AnalysisCache, publisher: DiagnosticsPublisher, timing: AheadTiming): void {
  const { connection, documents } = ctx;
  connection.onNotification(OpeningNotification, async ({ uri }) => {
    const received = Date.now();
    const file = pathOf(uri);
    const format: Format | undefined = formatOfName(uri);
    if (!file || !format || documents.get(uri)) return;
    let text: string;
    try {
      if ((await stat(file)).size > MAX_BYTES) return;
      // The editor's text has no byte order mark: compare like with like.
      text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    } catch {
      return; // gone or unreadable: the didOpen brings the text
    }
    if (documents.get(uri)) return; // its didOpen came first
    const analysis = analyses.analyseAhead(uri, text, format);
    const analysed = Date.now();
    if (!analysis?.isSpec) return analyses.forgetAhead(uri);
    const sent = publisher.publishAhead(uri, analysis);
    const start = Date.now();
    const done = () =>
      timing(uri, {
        'server-ahead-received': received,
        'server-ahead-analysed': analysed,
        'server-ahead-publish-start': start,
        'server-ahead-publish-written': Date.now(),
      });
    sent.then(done, done);
    setTimeout(() => {
      if (documents.get(uri) || !analyses.waitsAhead(uri, analysis)) return;
      analyses.forgetAhead(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }, AHEAD_TTL_MS).unref();
  });
}
