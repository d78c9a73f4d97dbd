/**
 * Runs lints in the Spectral worker thread (dist/spectral-worker.js, beside
 * the bundle that uses this). Light on purpose: the language server and the
 * CLI import it; Spectral itself loads only in the worker.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintRequest, LintResponse } from './worker-protocol';

/** Spectral needs far more than the engine on big files; past this it stops with a message instead of taking the machine. */
export const WORKER_HEAP_MB = 2048;

export type LintParams = Omit<LintRequest, 'id' | 'cancel'>;

export interface Run {
  response: Promise<LintResponse>;
  /** Asks the worker to give up this run; it answers `cancelled`. */
  cancel(): void;
}

export class SpectralWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (r: LintResponse) => void>();

  constructor(private readonly file = join(__dirname, 'spectral-worker.js')) {}

  lint(params: LintParams): Run {
    const request: LintRequest = { ...params, id: this.nextId++, cancel: new SharedArrayBuffer(4) };
    const flag = new Int32Array(request.cancel);
    const response = new Promise<LintResponse>((resolve) => {
      this.pending.set(request.id, resolve);
      try {
        this.thread().postMessage(request);
      } catch (e) {
        this.pending.delete(request.id);
        resolve({ id: request.id, kind: 'error', message: e instanceof Error ? e.message : String(e), ruleset: false });
      }
    });
    return { response, cancel: () => Atomics.store(flag, 0, 1) };
  }

  terminate(): Promise<number> | undefined {
    const w = this.worker;
    this.worker = undefined;
    return w?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    if (!existsSync(this.file)) throw new Error(`${this.file} is missing: run "npm run build"`);
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref(); // never keeps its process alive
    worker.on('message', (r: LintResponse) => {
      const done = this.pending.get(r.id);
      this.pending.delete(r.id);
      done?.(r);
    });
    const fail = (message: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const [id, done] of this.pending) done({ id, kind: 'error', message, ruleset: false });
      this.pending.clear();
    };
    worker.on('error', (e) => fail((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needs more than ${WORKER_HEAP_MB} MB of memory` : e.message));
    worker.on('exit', (code) => fail(`the Spectral worker stopped (exit code ${code})`));
    return (this.worker = worker);
  }
}
