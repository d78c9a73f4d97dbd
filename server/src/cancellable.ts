/** Requests that a client may cancel: the answer to one cancelled in time is "cancelled", not stale work. */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a request after one turn of the event loop, so that a cancellation
 * already sent is seen, and looks again after the work (a first request on a
 * big file builds the index): a cancelled request is answered "cancelled".
 */
export async function cancellable<T>(token: CancellationToken, work: () => T): Promise<T | ResponseError<void>> {
  await tick();
  if (token.isCancellationRequested) return cancelled();
  const result = work();
  await tick();
  return token.isCancellationRequested ? cancelled() : result;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
