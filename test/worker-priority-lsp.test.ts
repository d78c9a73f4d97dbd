/**
 * The server's worker threads (Spectral's lint, the prepared size) run below
 * the server's own thread, so that a lightbulb request at a cursor move is
 * not shared out with them on a machine of few cores: read from the running
 * server's threads in /proc (Linux, where a thread has its own niceness).
 * Spectral's worker starts when the server is initialized (it loads its ruleset before the first file).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspClient } from './support/lsp-client';
import { readRoot, ROOT } from './support/specs';
import { WORKER_NICENESS } from '../server/src/worker-loop';
import { UploadSizeChangedNotification, UploadSizeRequest } from '../common/protocol';

const SERVER = join(ROOT, 'dist', 'server.js');
const PHOTO = readRoot('examples/photo-records.yaml');

/** Each thread of a process: its name and niceness (fields 2 and 19 of /proc/PID/task/TID/stat). */
function threads(pid: number): Array<{ tid: number; name: string; nice: number }> {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' '); // fields from the 3rd on
    return { tid: Number(tid), name: stat.slice(stat.indexOf('(') + 1, close), nice: Number(fields[16]) };
  });
}

describe('LSP: worker threads below the server thread', { skip: process.platform !== 'linux' && 'threads have their own niceness on Linux only' }, () => {
  it("Spectral's and the prepared size's workers run at a lower priority; the server's thread does not", { timeout: 60_000 }, async () => {
    assert.ok(existsSync(SERVER), 'dist/ is missing: run "npm run build" first');
    const client = LspClient.start(SERVER, ROOT);
    try {
      await client.initialize(null, { debounceMs: 0 });
      const pid = client.pid!;
      // Spectral's worker starts once the server is initialized, before any document asks for it (its warm-up).
      const deadline = Date.now() + 20_000;
      let early = threads(pid).filter((t) => t.nice === WORKER_NICENESS);
      while (early.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        early = threads(pid).filter((t) => t.nice === WORKER_NICENESS);
      }
      assert.equal(early.length, 1, `Spectral's worker alone runs, lowered, with no document open: ${JSON.stringify(threads(pid))}`);
      const uri = pathToFileURL(join(ROOT, 'examples', 'photo-records.yaml')).toString();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: PHOTO } });
      // Spectral's worker has answered once its diagnostics are published; the size's once its size is pushed.
      await client.publishedUntil(
        (all) => all.some((p) => p.uri === uri && p.diagnostics.some((d) => d.source === 'spectral')),
        "Spectral's diagnostics",
        30_000,
      );
      await client.request(UploadSizeRequest, { uri });
      await client.waitForNotification<{ uri: string; pending: boolean }>(UploadSizeChangedNotification, (p) => p.uri === uri && !p.pending, {
        timeoutMs: 30_000,
      });
      const all = threads(pid);
      assert.equal(all.find((t) => t.tid === pid)?.nice, 0, "the server's own thread keeps its priority");
      const lowered = all.filter((t) => t.nice === WORKER_NICENESS);
      assert.equal(lowered.length, 2, `two worker threads lowered: ${JSON.stringify(all)}`);
    } finally {
      await client.shutdown();
    }
  });
});
