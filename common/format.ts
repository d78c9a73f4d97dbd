/** Small formatting helpers both sides print with. */

/** A size as people read it: `512 B`, `12.3 KB`, `4.56 MB` (1 KB = 1024 bytes). */
export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Every open-timing line starts with this; stages follow as `name=epochMs`, then ` uri=` (server/src/open-timing.ts, client/src/open-timing.ts). */
export const TIMING_PREFIX = 'rewst-openapi timing:';

export function timingLine(uri: string, stages: Record<string, number>): string {
  return `${TIMING_PREFIX} ${Object.entries(stages)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')} uri=${uri}`;
}
