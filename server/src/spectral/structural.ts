import type { StructuralFinding } from '../engine/convert';
import { SpectralWorker } from './worker-client';

/**
 * The general lint's structural rules (`spectral:oas`'s `oas2-schema` and
 * `oas3-schema`, never the workspace's ruleset: the question is whether the
 * document follows the OpenAPI schema), run by prepare on the file it writes,
 * in a worker thread that is ended once the check is done.
 * Answers the findings, or why Spectral could not run.
 */
export async function structuralCheck(text: string, isCancelled?: () => boolean): Promise<StructuralFinding[] | string> {
  const worker = new SpectralWorker();
  try {
    const run = worker.lint({ text, format: 'json', source: null, structuralOnly: true });
    const poll = isCancelled ? setInterval(() => (isCancelled() ? run.cancel() : undefined), 200) : undefined;
    try {
      const response = await run.response;
      if (response.kind === 'findings') return response.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, pointer: f.pointer, range: f.range }));
      return response.kind === 'cancelled' ? 'cancelled' : response.message;
    } finally {
      clearInterval(poll);
    }
  } finally {
    await worker.terminate();
  }
}
