/**
 * What the boxes of Rename Actions with a Regex say, apart from VS Code (so
 * tests read it without an editor). The boxes open empty, the example in
 * the placeholder: a box whose value was the example read as its placeholder,
 * and "/(.*?) Get/ matches 0 of 170" seemed to be about nothing typed. The
 * preview's placeholder is short enough for the quick pick's width.
 */
import type { RenamePreviewResult } from '../../common/protocol';

export type Level = 'info' | 'warning' | 'error';
export interface Verdict {
  message: string;
  level: Level;
}

export const PATTERN_PLACEHOLDER = 'e.g. (.*?) Get   or   /^list (.*)/i';
export const REPLACE_PLACEHOLDER = 'e.g. Get $1   (empty: the match is removed)';
/** The quick pick cuts its placeholder at about 70 characters. */
export const PREVIEW_PLACEHOLDER = 'Untick what to leave out; Enter applies the rest as one edit';
/** What the first run's boxes hold: nothing, so the placeholder shows. */
export const FIRST_ANSWERS = { match: '', replace: '' };

/** The pattern box, as typed: nothing typed gets a hint, not a count of what the example would match. */
export function patternVerdict(typed: string, r: RenamePreviewResult | undefined, noun: string): Verdict {
  if (typed === '' || !r) return { message: `Type a regular expression to run on each ${noun}`, level: 'info' };
  if (!r.ok) return { message: r.reason, level: 'error' };
  return { message: `${r.regex} matches ${r.matched} of ${r.total} ${noun}s`, level: r.matched ? 'info' : 'warning' };
}

/** The replacement box: the first change it makes and how many more; an empty replacement is an answer (it removes the match). */
export function replaceVerdict(typed: string, r: RenamePreviewResult, noun: string): Verdict {
  if (!r.ok) return { message: r.reason, level: 'error' };
  if (!r.changes.length) return { message: `No ${noun} would change`, level: 'warning' };
  const first = r.changes[0];
  const more = r.changes.length > 1 ? `, and ${r.changes.length - 1} more` : '';
  const shared = r.collisions.length;
  const problems = shared ? ` (${shared} name${shared > 1 ? 's' : ''} would be shared by several actions)` : '';
  return { message: `${typed === '' ? '(empty) ' : ''}"${first.old}" → "${first.new}"${more}${problems}`, level: problems ? 'warning' : 'info' };
}
