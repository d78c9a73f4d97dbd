import type { Finding } from '../engine';
import type { StructuralFinding } from '../engine/convert';
import { panelFindings } from './prepare-lint';
import { SpectralWorker } from './worker-client';

/**
 * The general lint (`spectral:oas`, never the workspace's ruleset: the question
 * is what an importer that validates the document makes of it), run by prepare
 * on the file it writes, in a worker thread that is ended once the check is done.
 * Answers the findings that no Rewst finding in `rewst` already reports, as the
 * Problems panel shows them (./prepare-lint.ts), or why Spectral could not run.
 */
export async function structuralCheck(text: string, rewst: readonly Finding[], isCancelled?: () => boolean): Promise<StructuralFinding[] | string> {
  const worker = new SpectralWorker();
  try {
    const run = worker.lint({ text, format: 'json', source: null });
    const poll = isCancelled ? setInterval(() => (isCancelled() ? run.cancel() : undefined), 200) : undefined;
    try {
      const response = await run.response;
      // What a Rewst finding already reports (an invalid regex fails the schema's format: regex too) is left to it.
      if (response.kind === 'findings') return panelFindings(response.findings, rewst);
      return response.kind === 'cancelled' ? 'cancelled' : response.message;
    } finally {
      clearInterval(poll);
    }
  } finally {
    await worker.terminate();
  }
}
