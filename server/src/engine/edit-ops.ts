import type { TextEdit } from './types';

export function applyEdits(text: string, edits: ReadonlyArray<TextEdit>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  return out + text.slice(last);
}

/** Do two edits touch the same text? Insertions at one offset do not (both go in, in order), nor do edits that only meet. */
function clash(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Picks whole fixes, in order, whose edits overlap none picked before: a fix
 * of several edits (a list moved: deleted here, added there) goes in entirely
 * or waits for the next round, never half. The picked edits are returned
 * sorted and apart.
 */
export function compatibleFixes<T extends { edits: ReadonlyArray<TextEdit> }>(fixes: ReadonlyArray<T>): { accepted: T[]; edits: TextEdit[] } {
  // Taken edits sorted by start; those of one start in the order of their fixes.
  const taken: TextEdit[] = [];
  const accepted: T[] = [];
  /** Index of the first taken edit starting after `at` (or at or after it, when `orAt`). */
  const bound = (at: number, orAt: boolean) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start < at || (!orAt && taken[mid].start === at)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const free = (e: TextEdit) => {
    const i = bound(e.start, true);
    // Before it: only edits of the last start there can reach into it (taken edits never overlap one another).
    for (let k = i - 1; k >= 0 && taken[k].start === taken[i - 1].start; k--) if (clash(taken[k], e)) return false;
    for (let k = i; k < taken.length && taken[k].start < Math.max(e.end, e.start + 1); k++) if (clash(taken[k], e)) return false;
    return true;
  };
  for (const fix of fixes) {
    const own = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    if (own.some((e, i) => i > 0 && clash(own[i - 1], e)) || !own.every(free)) continue;
    accepted.push(fix);
    for (const e of own) taken.splice(bound(e.start, false), 0, e);
  }
  // Insertions at one offset joined into one edit, as an editor applies them (in their fixes' order).
  const edits: TextEdit[] = [];
  for (const e of [...taken].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const prev = edits[edits.length - 1];
    if (prev && prev.start === prev.end && e.start === e.end && e.start === prev.start)
      edits[edits.length - 1] = { ...prev, newText: prev.newText + e.newText };
    else edits.push(e);
  }
  return { accepted, edits };
}

/**
 * Composes edits `first` (on text0, giving text1) and `second` (on text1,
 * giving `finalText`) into edits on text0. The result touches only the windows
 * that either set touched, so the rest of the file stays byte for byte.
 */
export function composeEdits(first: ReadonlyArray<TextEdit>, second: ReadonlyArray<TextEdit>, finalText: string): TextEdit[] {
  const e1 = [...first].sort((a, b) => a.start - b.start);
  const toOriginal = (x: number, side: 'start' | 'end'): number => {
    let shift = 0;
    for (const e of e1) {
      const s = e.start + shift;
      if (x < s) return x - shift;
      if (x <= s + e.newText.length) return side === 'start' ? e.start : e.end;
      shift += e.newText.length - (e.end - e.start);
    }
    return x - shift;
  };
  const pieces = [
    ...e1.map((e) => ({ start: e.start, end: e.end, delta: e.newText.length - (e.end - e.start) })),
    ...second.map((e) => ({ start: toOriginal(e.start, 'start'), end: toOriginal(e.end, 'end'), delta: e.newText.length - (e.end - e.start) })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const windows: Array<{ start: number; end: number; delta: number }> = [];
  for (const p of pieces) {
    const w = windows[windows.length - 1];
    if (w && p.start <= w.end) {
      w.end = Math.max(w.end, p.end);
      w.delta += p.delta;
    } else {
      windows.push({ ...p });
    }
  }
  let shift = 0;
  return windows.map((w) => {
    const newText = finalText.slice(w.start + shift, w.end + shift + w.delta);
    shift += w.delta;
    return { start: w.start, end: w.end, newText };
  });
}
