import type { Finding } from '../engine';
import type { StructuralFinding } from '../engine/convert';
import { spectralDuplicates } from './dedup';
import { SpectralWorker } from './worker-client';

/**
 * The general lint's structural rules (`spectral:oas`'s `oas2-schema` and
 * `oas3-schema`, never the workspace's ruleset: the question is whether the
 * document follows the OpenAPI schema), run by prepare on the file it writes,
 * in a worker thread that is ended once the check is done.
 * Answers the findings that no Rewst finding in `rewst` already reports, or why Spectral could not run.
 */
export async function structuralCheck(text: string, rewst: readonly Finding[], isCancelled?: () => boolean): Promise<StructuralFinding[] | string> {
  const worker = new SpectralWorker();
  try {
    const run = worker.lint({ text, format: 'json', source: null, structuralOnly: true });
    const poll = isCancelled ? setInterval(() => (isCancelled() ? run.cancel() : undefined), 200) : undefined;
    try {
      const response = await run.response;
      if (response.kind === 'findings') {
        // What a Rewst finding already reports (an invalid regex fails the schema's format: regex too) is left to it.
        const duplicates = spectralDuplicates(response.findings, rewst);
        return response.findings
          .filter((_, i) => !duplicates.has(i))
          .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, pointer: f.pointer, range: f.range }));
      }
      return response.kind === 'cancelled' ? 'cancelled' : response.message;
    } finally {
      clearInterval(poll);
    }
  } finally {
    await worker.terminate();
  }
}
