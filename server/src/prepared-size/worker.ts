/**
 * The prepared-size worker thread (bundled as dist/prepared-size-worker.js): measures what Prepare for
 * Rewst Upload would write, one spec at a time, off the language server's thread (the pipeline holds the
 * thread for up to half a second at a time on a 13 MB spec), and gives up on a run as soon as the server
 * flags it stale.
 */
import { CancelledError, ConvertError, prepareForRewst } from '../engine/convert';
import { bundlingFor } from '../read-within';
import type { SizeRequest, SizeResponse } from './measurer';
import { answerOneAtATime } from '../worker-loop';

async function run(request: SizeRequest, isCancelled: () => boolean): Promise<SizeResponse> {
  // The spec's folder is read through the one confined reader; open editors' texts (sent along) win over the disk.
  const opened = new Map(request.opened);
  const bundling = request.file ? bundlingFor(request.file, (f) => opened.get(f)) : {};
  try {
    const r = await prepareForRewst(request.text, { format: request.format, isCancelled, foldBasePath: request.foldBasePath, ...bundling });
    return isCancelled() ? { id: request.id, kind: 'cancelled' } : { id: request.id, kind: 'measured', bytes: r.bytes, operations: r.operations };
  } catch (e) {
    if (e instanceof CancelledError) return { id: request.id, kind: 'cancelled' };
    return {
      id: request.id,
      kind: 'problem',
      message: e instanceof ConvertError ? e.summary : `rewst-openapi failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

answerOneAtATime('prepared-size-worker', run);
