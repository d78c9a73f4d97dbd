/**
 * Comparing what the Problems panel shows with what the engine (through the
 * CLI) finds, and waiting until they agree.
 */
import type { CliFinding } from './cli';
import type { Marker, StatusCounts, Workbench } from './workbench';

export const SOURCE = 'rewst';

/** How a finding appears in the Problems panel: hints are not listed there. */
function keyOfFinding(f: CliFinding, source: string): string | undefined {
  const severity = { error: 'error', warning: 'warning', information: 'info', hint: undefined }[f.severity];
  return severity && `${severity} ${source}(${f.ruleId}) [Ln ${f.line}, Col ${f.column}] ${f.message}`;
}

function keyOfMarker(m: Marker): string {
  return `${m.severity} ${m.source}(${m.code}) [Ln ${m.line}, Col ${m.column}] ${m.message}`;
}

/** Rewst's markers (or another source's) for one file. */
export function rewstMarkers(markers: Marker[], file: string, source = SOURCE): Marker[] {
  return markers.filter((m) => m.file === file && m.source === source);
}

/** What the panel lacks and what it has beyond the engine's findings (as sorted lines); both empty when they agree. */
export function compare(markers: Marker[], findings: CliFinding[], source = SOURCE): { missing: string[]; extra: string[] } {
  const expected = findings
    .map((f) => keyOfFinding(f, source))
    .filter((k): k is string => !!k)
    .sort();
  const shown = markers.map(keyOfMarker).sort();
  const missing = [...expected];
  const extra: string[] = [];
  for (const k of shown) {
    const i = missing.indexOf(k);
    if (i >= 0) missing.splice(i, 1);
    else extra.push(k);
  }
  return { missing, extra };
}

/** Waits until the panel's Rewst markers (or `source`'s) for `file` are exactly the CLI's findings; returns them. */
export async function waitForFindings(wb: Workbench, file: string, findings: CliFinding[], timeoutMs = 30_000, source = SOURCE): Promise<Marker[]> {
  const all = await wb.waitFor(
    `the Problems panel to show exactly the ${findings.length} ${source} finding(s) the CLI reports for ${file}`,
    async () => {
      const markers = rewstMarkers(await wb.problems(), file, source);
      return { markers, ...compare(markers, findings, source) };
    },
    (r) => !r.missing.length && !r.extra.length,
    timeoutMs,
  );
  return all.markers;
}

/** Counts markers by severity, as the status bar does. */
export function countBySeverity(markers: Marker[]): StatusCounts {
  return {
    errors: markers.filter((m) => m.severity === 'error').length,
    warnings: markers.filter((m) => m.severity === 'warning').length,
    infos: markers.filter((m) => m.severity === 'info').length,
  };
}
