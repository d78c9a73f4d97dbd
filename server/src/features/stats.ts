import type { ServerContext } from '../context';
import { ServerStatsRequest, type ServerStatsResult } from '../../../common/protocol';

/**
 * `rewst/serverStats`: memory and document counts. When the server runs with
 * --expose-gc (tests do), it collects garbage first so that numbers compare.
 */
export function registerStats(ctx: ServerContext): void {
  ctx.connection.onRequest(ServerStatsRequest, (): ServerStatsResult => {
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    return { heapUsed: mem.heapUsed, rss: mem.rss, openDocuments: ctx.documents.all().length };
  });
}
