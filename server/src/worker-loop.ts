/**
 * The loop of a worker thread that answers one request at a time (Spectral's
 * lint, the prepared size): requests queue and are answered in turn. A request
 * carries a shared flag the server sets once it is stale: `run` gets a check
 * of it, and a request already stale when its turn comes is answered
 * `cancelled` without running.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';

/** The niceness the workers run at: below the server's thread, which answers the editor at every cursor move. */
export const WORKER_NICENESS = 10;

/**
 * Lowers this worker thread's CPU priority, where the system allows it per thread (Linux: a thread's id is
 * its own scheduling entity, and /proc/thread-self names it). On a machine with few cores Spectral's run and
 * the prepared size would otherwise share them evenly with the server's thread, and a lightbulb request at a
 * cursor move waited seconds behind them. Elsewhere, nothing changes. Returns the niceness set, if any.
 */
export function lowerThreadPriority(): number | undefined {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (!Number.isInteger(tid) || tid <= 0) return undefined;
    setPriority(tid, WORKER_NICENESS);
    return WORKER_NICENESS;
  } catch {
    return undefined; // no /proc (macOS, Windows), or not allowed
  }
}

export interface WorkerRequest {
  id: number;
  /** One Int32: the server stores 1 to cancel this run. */
  cancel: SharedArrayBuffer;
}

/**
 * `beforeFirstAnswer` runs once, just before the first answer is posted (the worker's code cache is written
 * then: after the first answer, a CLI may end the thread at once).
 */
export function answerOneAtATime<Req extends WorkerRequest, Res>(
  name: string,
  run: (request: Req, isCancelled: () => boolean) => Promise<Res>,
  beforeFirstAnswer: () => void = () => undefined,
): void {
  const port = parentPort;
  if (!port) throw new Error(`${name} must run as a worker thread`);
  lowerThreadPriority();
  const queue: Req[] = [];
  let busy = false;
  let first: (() => void) | undefined = beforeFirstAnswer;
  const answer = (request: Req): Promise<Res | { id: number; kind: 'cancelled' }> => {
    const flag = new Int32Array(request.cancel);
    const isCancelled = () => Atomics.load(flag, 0) === 1;
    return isCancelled() ? Promise.resolve({ id: request.id, kind: 'cancelled' }) : run(request, isCancelled);
  };
  const drain = async () => {
    if (busy) return;
    busy = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const response = await answer(next);
        first?.();
        first = undefined;
        port.postMessage(response);
      }
    } finally {
      busy = false;
    }
  };
  port.on('message', (request: Req) => {
    queue.push(request);
    void drain();
  });
}
