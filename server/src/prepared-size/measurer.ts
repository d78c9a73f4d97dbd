/**
 * Measures, in a worker thread (dist/prepared-size-worker.js, beside the bundle that uses this), the size
 * of what Prepare for Rewst Upload would write: prepare without Spectral's structural check, which changes
 * nothing written. The worker starts on the first measurement; if it dies (out of memory, say), the runs
 * it held end with the reason and the next measurement starts a new one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Format } from '../engine';

/** Prepare on a big spec holds several copies of it; past this the worker stops with a message instead of taking the machine. */
export const WORKER_HEAP_MB = 2048;

export interface SizeRequest {
  id: number;
  text: string;
  format?: Format;
  /** The spec's path when it is saved: its relative `$ref`s are bundled from its folder. */
  file?: string;
  /** Open editors' texts of files in that folder, [path, text]: they win over the disk. */
  opened: Array<[string, string]>;
  /** Prepare folds the server URL's base path into the paths (the setting rewstOpenapi.foldBasePath). */
  foldBasePath?: boolean;
  /** Set to 1 when the run is no longer wanted. */
  cancel: SharedArrayBuffer;
}

export type SizeResponse =
  { id: number; kind: 'measured'; bytes: number; operations: number } | { id: number; kind: 'problem'; message: string } | { id: number; kind: 'cancelled' };

export interface Measurement {
  response: Promise<SizeResponse>;
  /** The worker gives the run up at its next step; it answers `cancelled`. */
  cancel(): void;
}

export class PreparedSizeWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (r: SizeResponse) => void>();

  constructor(private readonly file = join(__dirname, 'prepared-size-worker.js')) {}

  measure(params: Omit<SizeRequest, 'id' | 'cancel'>): Measurement {
    const request: SizeRequest = { ...params, id: this.nextId++, cancel: new SharedArrayBuffer(4) };
    const response = new Promise<SizeResponse>((resolve) => {
      this.pending.set(request.id, resolve);
      try {
        this.thread().postMessage(request);
      } catch (e) {
        this.settle({ id: request.id, kind: 'problem', message: `the size could not be measured: ${e instanceof Error ? e.message : String(e)}` });
      }
    });
    return { response, cancel: () => Atomics.store(new Int32Array(request.cancel), 0, 1) };
  }

  terminate(): Promise<number> | undefined {
    const w = this.worker;
    this.worker = undefined;
    return w?.terminate();
  }

  private settle(r: SizeResponse): void {
    const resolve = this.pending.get(r.id);
    this.pending.delete(r.id);
    resolve?.(r);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    if (!existsSync(this.file)) throw new Error(`${this.file} is missing: run "npm run build"`);
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref(); // never keeps its process alive
    worker.on('message', (r: SizeResponse) => this.settle(r));
    const fail = (message: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const id of [...this.pending.keys()]) this.settle({ id, kind: 'problem', message: `the size could not be measured: ${message}` });
    };
    worker.on('error', (e) =>
      fail((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needs more than ${WORKER_HEAP_MB} MB of memory` : e.message),
    );
    worker.on('exit', (code) => fail(`the worker stopped (exit code ${code})`));
    return (this.worker = worker);
  }
}
