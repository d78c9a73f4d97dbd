/**
 * A regular expression typed by a user, checked and run so that it cannot hang
 * the caller. Checking only compiles it; running happens in a separate V8
 * context with a time limit, because a pattern like `(a+)+$` can backtrack for
 * longer than the age of the universe on a modest string, and the language
 * server must keep answering.
 */
import { Script, createContext } from 'node:vm';
import { reasonOf } from './schema-pattern';

export type RegexVerdict = { ok: true } | { ok: false; reason: string };

/** How long all the replacements of one request may take together. */
export const DEFAULT_REGEX_TIME_LIMIT_MS = 1000;

const KNOWN_FLAGS = 'dgimsuvy';

/** Compiles (never runs) a user's pattern and says in words what is wrong with it. */
export function checkUserRegex(source: string, flags = ''): RegexVerdict {
  if (source === '') return { ok: false, reason: 'the regular expression is empty: type what action names should match, e.g. (.*?) Get' };
  for (const f of flags) {
    if (!KNOWN_FLAGS.includes(f))
      return { ok: false, reason: `"${f}" is not a regular expression flag: use i (ignore case), g (every match), m, s, u, v, y or d` };
  }
  if (new Set(flags).size !== flags.length) return { ok: false, reason: `a flag is given twice in "${flags}"` };
  if (flags.includes('u') && flags.includes('v')) return { ok: false, reason: 'the u and v flags cannot be used together' };
  try {
    new RegExp(source, flags);
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}

/**
 * Reads what a user typed in a single box: `/pattern/flags` when it is written
 * that way with known flags, otherwise the whole text is the pattern.
 */
export function splitRegexLiteral(typed: string): { source: string; flags: string } {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(typed);
  if (m && [...m[2]].every((f) => KNOWN_FLAGS.includes(f))) return { source: m[1], flags: m[2] };
  return { source: typed, flags: '' };
}

export type ReplaceOutcome = { ok: true; results: Array<string | null> } | { ok: false; reason: string };

// Runs in its own context: `inputs`, `source`, `flags` and `replacement` are its globals.
// `search` first tells "no match" (null) from "matched and replaced by the same text".
const REPLACE_ALL = new Script(`(() => {
  const re = new RegExp(source, flags);
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const s = inputs[i];
    re.lastIndex = 0;
    out[i] = s.search(re) === -1 ? null : (re.lastIndex = 0, s.replace(re, replacement));
  }
  return out;
})()`);

/**
 * `input.replace(new RegExp(source, flags), replacement)` for every input, with
 * JavaScript's own `$1`, `$<name>`, `$&` and `$$`; null where the pattern does
 * not match. Gives up with a reason when the whole run exceeds the time limit.
 */
export function replaceAll(
  inputs: readonly string[],
  source: string,
  flags: string,
  replacement: string,
  timeLimitMs = DEFAULT_REGEX_TIME_LIMIT_MS,
): ReplaceOutcome {
  const verdict = checkUserRegex(source, flags);
  if (!verdict.ok) return verdict;
  const context = createContext({ inputs, source, flags, replacement });
  try {
    const results = REPLACE_ALL.runInContext(context, { timeout: timeLimitMs }) as Array<string | null>;
    return { ok: true, results: Array.from(results) };
  } catch (e) {
    if ((e as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return {
        ok: false,
        reason: `the regular expression ran for more than ${timeLimitMs} ms on ${inputs.length} text(s) and was stopped: it backtracks catastrophically (nested quantifiers such as (a+)+ or (.*)* do this); make the repeated parts unambiguous`,
      };
    }
    return { ok: false, reason: `the regular expression failed while running: ${e instanceof Error ? e.message : String(e)}` };
  }
}
