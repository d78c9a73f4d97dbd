/**
 * The Spectral worker thread (bundled as dist/spectral-worker.js): runs one
 * lint at a time, off the language server's thread, and gives up on a run
 * as soon as the server flags it cancelled (a newer edit arrived).
 */
import { parentPort } from 'node:worker_threads';
import { Cancelled, lintWithSpectral, RulesetError } from './index';
import type { LintRequest, LintResponse } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('spectral-worker must run as a worker thread');

const queue: LintRequest[] = [];
let busy = false;

async function run(request: LintRequest): Promise<LintResponse> {
  const flag = new Int32Array(request.cancel);
  const isCancelled = () => Atomics.load(flag, 0) === 1;
  if (isCancelled()) return { id: request.id, kind: 'cancelled' };
  try {
    const findings = await lintWithSpectral(request.text, {
      format: request.format,
      source: request.source,
      rulesetFile: request.rulesetFile,
      structuralOnly: request.structuralOnly,
      isCancelled,
    });
    return isCancelled() ? { id: request.id, kind: 'cancelled' } : { id: request.id, kind: 'findings', findings };
  } catch (e) {
    if (e instanceof Cancelled) return { id: request.id, kind: 'cancelled' };
    return { id: request.id, kind: 'error', message: e instanceof Error ? e.message : String(e), ruleset: e instanceof RulesetError };
  }
}

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let next = queue.shift(); next; next = queue.shift()) port!.postMessage(await run(next));
  } finally {
    busy = false;
  }
}

port.on('message', (request: LintRequest) => {
  queue.push(request);
  void drain();
});
