/**
 * The loop of a worker thread that answers one request at a time (Spectral's
 * lint, the prepared size): requests queue and are answered in turn. A request
 * carries a shared flag the server sets once it is stale: `run` gets a check
 * of it, and a request already stale when its turn comes is answered
 * `cancelled` without running.
 */
import { parentPort } from 'node:worker_threads';

export interface WorkerRequest {
  id: number;
  /** One Int32: the server stores 1 to cancel this run. */
  cancel: SharedArrayBuffer;
}

export function answerOneAtATime<Req extends WorkerRequest, Res>(name: string, run: (request: Req, isCancelled: () => boolean) => Promise<Res>): void {
  const port = parentPort;
  if (!port) throw new Error(`${name} must run as a worker thread`);
  const queue: Req[] = [];
  let busy = false;
  const answer = (request: Req): Promise<Res | { id: number; kind: 'cancelled' }> => {
    const flag = new Int32Array(request.cancel);
    const isCancelled = () => Atomics.load(flag, 0) === 1;
    return isCancelled() ? Promise.resolve({ id: request.id, kind: 'cancelled' }) : run(request, isCancelled);
  };
  const drain = async () => {
    if (busy) return;
    busy = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) port.postMessage(await answer(next));
    } finally {
      busy = false;
    }
  };
  port.on('message', (request: Req) => {
    queue.push(request);
    void drain();
  });
}
