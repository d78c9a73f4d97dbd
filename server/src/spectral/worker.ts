/**
 * The Spectral worker thread (bundled as dist/spectral-worker-main.js, loaded by
 * ./worker-start through V8's code cache): runs one
 * lint at a time, off the language server's thread, and gives up on a run
 * as soon as the server flags it cancelled (a newer edit arrived).
 */
import { Cancelled, lintWithSpectral, RulesetError } from './index';
import type { LintRequest, LintResponse } from './worker-protocol';
import { answerOneAtATime } from '../worker-loop';

async function run(request: LintRequest, isCancelled: () => boolean): Promise<LintResponse> {
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

/** Started by ./worker-start, which writes the code cache just before the first lint is answered. */
export function start(beforeFirstAnswer: () => void): void {
  answerOneAtATime('spectral-worker', run, beforeFirstAnswer);
}
