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

/**
 * Picks edits that do not overlap, in order. Two insertions at the same offset
 * are joined; any other overlap is left out (the caller may try it again on
 * the edited text).
 */
export function nonOverlapping(edits: ReadonlyArray<TextEdit>): { accepted: TextEdit[]; deferred: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: TextEdit[] = [];
  let deferred = 0;
  for (const e of sorted) {
    const prev = accepted[accepted.length - 1];
    if (prev && prev.start === prev.end && e.start === e.end && e.start === prev.start) {
      accepted[accepted.length - 1] = { start: prev.start, end: prev.end, newText: prev.newText + e.newText };
    } else if (!prev || e.start >= prev.end) {
      accepted.push(e);
    } else {
      deferred++;
    }
  }
  return { accepted, deferred };
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
