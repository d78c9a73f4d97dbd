/**
 * The upload budget: whether a prepared file fits, and when it does not, which
 * tags to drop with `reduce` (the biggest first) so that it does. The figure
 * given is measured: the reduction is run, not estimated.
 */
import { reduceSpec } from './reduce';
import type { SizeBreakdown } from './size';

export interface BudgetResult {
  /** The budget in KB (1 KB = 1024 bytes). */
  kb: number;
  bytes: number;
  fits: boolean;
  /** When it does not fit: the tags to drop and to keep, and what `reduce` then writes. */
  drop?: { tags: string[]; keep: string[]; bytes: number; operations: number; untaggedDropped: number };
  /** When it does not fit and dropping tags cannot make it fit: why. */
  noDrop?: string;
}

export function checkBudget(text: string, size: SizeBreakdown, kb: number): BudgetResult {
  const limit = kb * 1024;
  const result: BudgetResult = { kb, bytes: size.bytes, fits: size.bytes <= limit };
  if (result.fits) return result;
  const tags = size.tags.map((t) => t.tag);
  if (tags.length < 2) {
    result.noDrop = tags.length
      ? 'every operation has the one tag: keep fewer operations with reduce --path or --method'
      : 'no operation has a tag: keep fewer operations with reduce --path or --method';
    return result;
  }
  // Dropping the k biggest tags: the smallest k whose reduction fits (more tags dropped never makes the file larger).
  const attempt = (k: number) => {
    const keep = tags.slice(k);
    const r = reduceSpec(text, { tags: keep }, { format: 'json' });
    return { tags: tags.slice(0, k), keep, bytes: r.bytes.after, operations: r.operations.after, untaggedDropped: size.untagged.operations };
  };
  let lo = 1;
  let hi = tags.length - 1;
  let best;
  try {
    best = attempt(hi);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    result.noDrop = 'the document nests too deeply to be reduced';
    return result;
  }
  if (best.bytes > limit) {
    result.noDrop = `even the smallest tag alone (${tags[tags.length - 1]}) makes ${best.bytes} bytes: keep fewer operations with reduce --path or --method`;
    return result;
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const got = attempt(mid);
    if (got.bytes <= limit) {
      best = got;
      hi = mid;
    } else lo = mid + 1;
  }
  result.drop = best;
  return result;
}
