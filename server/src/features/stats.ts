import type { ServerContext } from '../context';

/** What `rewst/serverStats` answers: enough to see, from a test or a bug report, that memory stays bounded. */
export interface ServerStats {
  heapUsed: number;
  rss: number;
  openDocuments: number;
}

/**
 * `rewst/serverStats`: memory and document counts. When the server runs with
 * --expose-gc (tests do), it collects garbage first so that numbers compare.
 */
export function registerStats(ctx: ServerContext): void {
  ctx.connection.onRequest('rewst/serverStats', (): ServerStats => {
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    return { heapUsed: mem.heapUsed, rss: mem.rss, openDocuments: ctx.documents.all().length };
  });
}
