/**
 * The Spectral worker thread's entry (dist/spectral-worker.js): loads the 9 MB Spectral bundle
 * (dist/spectral-worker-main.js, from ./worker) through V8's code cache, and writes the cache just before
 * the first lint is answered, so the next worker, in this process or the next CLI run, starts in a tenth of
 * the time. See ../code-cache.
 */
import { join } from 'node:path';
import { requireWithCodeCache } from '../code-cache';

const loaded = requireWithCodeCache(join(__dirname, 'spectral-worker-main.js'));
(loaded.exports as { start(beforeFirstAnswer: () => void): void }).start(() => loaded.save());
