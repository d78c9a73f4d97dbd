/**
 * Runs lints in the Spectral worker thread (dist/spectral-worker.js, beside
 * the bundle that uses this). Light on purpose: the language server and the
 * CLI import it; Spectral itself loads only in the worker.
 *
 * A run stops at a cancel request within moments, except inside one rule
 * function that does not return (a catastrophic regex in a schema's
 * `pattern`, checked against an example, can do that, in stock Spectral
 * too). A watchdog handles it: a cancelled run that has not answered after
 * CANCEL_GRACE_MS, or any run past RUN_LIMIT_MS, costs the worker its life;
 * a new one takes the runs still wanted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintRequest, LintResponse } from './worker-protocol';

/** Spectral needs far more than the engine on big files; past this it stops with a message instead of taking the machine. */
export const WORKER_HEAP_MB = 2048;
export const CANCEL_GRACE_MS = 10_000;
export const RUN_LIMIT_MS = 5 * 60_000;

/** Specs small enough to lint in milliseconds, one per format, so each format's schema validator is compiled. */
const WARM_SPECS = ['3.0.3', '3.1.0', '2.0'].map((version) =>
  JSON.stringify({
    [version === '2.0' ? 'swagger' : 'openapi']: version,
    info: { title: 'warm-up', version: '1', description: 'Loads the ruleset before the first document.' },
    paths: { '/a': { get: { operationId: 'a', responses: { '200': { description: 'ok' } } } } },
  }),
);

export type LintParams = Omit<LintRequest, 'id' | 'cancel'>;

export interface Run {
  response: Promise<LintResponse>;
  /** Asks the worker to give up this run; it answers `cancelled`. */
  cancel(): void;
}

interface Pending {
  request: LintRequest;
  resolve(r: LintResponse): void;
  cancelled: boolean;
  timer?: NodeJS.Timeout;
}

export class SpectralWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    /** Told when the watchdog replaces a stuck worker, and why. */
    private readonly onRestart: (reason: string) => void = () => undefined,
    private readonly file = join(__dirname, 'spectral-worker.js'),
  ) {}

  lint(params: LintParams): Run {
    const request: LintRequest = { ...params, id: this.nextId++, cancel: new SharedArrayBuffer(4) };
    const flag = new Int32Array(request.cancel);
    let entry: Pending | undefined;
    const response = new Promise<LintResponse>((resolve) => {
      entry = { request, resolve, cancelled: false };
      this.pending.set(request.id, entry);
      this.post(entry);
    });
    const cancel = () => {
      Atomics.store(flag, 0, 1);
      if (!entry || entry.cancelled || !this.pending.has(request.id)) return;
      entry.cancelled = true;
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => this.restart(`a cancelled run did not stop within ${CANCEL_GRACE_MS / 1000} s`), CANCEL_GRACE_MS);
      entry.timer.unref();
    };
    return { response, cancel };
  }

  /**
   * Starts the thread and has it lint a tiny spec of each format, so Spectral's modules, the `spectral:oas` ruleset and the
   * schema validators are loaded and compiled before the first real document arrives, not after it: on a
   * machine of two cores that load is about half a second of the first file's wait for its markers.
   * The answer is dropped; a real lint sent meanwhile queues behind it.
   */
  warm(): void {
    for (const text of WARM_SPECS) void this.lint({ text, format: 'json', source: null }).response;
  }

  terminate(): Promise<number> | undefined {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    return w?.terminate();
  }

  private post(entry: Pending): void {
    try {
      this.thread().postMessage(entry.request);
      entry.timer = setTimeout(() => this.restart(`Spectral gave up on a file after ${RUN_LIMIT_MS / 60_000} minutes`, entry.request.id), RUN_LIMIT_MS);
      entry.timer.unref();
    } catch (e) {
      this.settle(entry.request.id, { id: entry.request.id, kind: 'error', message: e instanceof Error ? e.message : String(e), ruleset: false });
    }
  }

  private settle(id: number, response: LintResponse): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(response);
  }

  /** Kills a stuck worker: cancelled runs and `culprit` end, the others go to a new worker. */
  private restart(reason: string, culprit?: number): void {
    const stuck = this.worker;
    this.worker = undefined;
    void stuck?.terminate();
    this.onRestart(reason);
    for (const [id, entry] of [...this.pending]) {
      if (entry.cancelled) this.settle(id, { id, kind: 'cancelled' });
      else if (id === culprit) this.settle(id, { id, kind: 'error', message: reason, ruleset: false });
    }
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      this.post(entry);
    }
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    if (!existsSync(this.file)) throw new Error(`${this.file} is missing: run "npm run build"`);
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref(); // never keeps its process alive
    worker.on('message', (r: LintResponse) => this.settle(r.id, r));
    const fail = (message: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const id of [...this.pending.keys()]) this.settle(id, { id, kind: 'error', message, ruleset: false });
    };
    worker.on('error', (e) =>
      fail((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needs more than ${WORKER_HEAP_MB} MB of memory` : e.message),
    );
    worker.on('exit', (code) => fail(`the Spectral worker stopped (exit code ${code})`));
    return (this.worker = worker);
  }
}
