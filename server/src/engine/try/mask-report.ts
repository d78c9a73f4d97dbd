/** The last pass before a report leaves the engine: every string in it with the known secrets masked. */
import type { Masker } from './safety';

export function maskDeep<T>(value: T, masker: Masker): T {
  if (typeof value === 'string') return masker.text(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskDeep(v, masker)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[masker.text(k)] = maskDeep(v, masker);
    return out as T;
  }
  return value;
}
