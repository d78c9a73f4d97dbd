/**
 * Path patterns typed by a user, matched so that they cannot hang us: each
 * pattern runs over all the paths in its own V8 context with a time limit,
 * since a pattern like `(a+)+$` can backtrack for longer than anyone waits.
 */
import { Script, createContext } from 'node:vm';
import { ConvertError } from './problems';

export const DEFAULT_MATCH_TIME_LIMIT_MS = 1000;

// Globals of the context: `source` (the pattern) and `inputs` (the path keys).
const MATCH_ALL = new Script(`(() => {
  const re = new RegExp(source);
  const out = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) out[i] = re.test(inputs[i]);
  return out;
})()`);

/** For each input, whether any of the patterns matches it (unanchored, case-sensitive, as RegExp.test). */
export function matchAny(patterns: ReadonlyArray<string>, inputs: ReadonlyArray<string>, timeLimitMs = DEFAULT_MATCH_TIME_LIMIT_MS): boolean[] {
  const hits = inputs.map(() => false);
  for (const source of patterns) {
    const context = createContext({ source, inputs: [...inputs] });
    let result: unknown;
    try {
      result = MATCH_ALL.runInContext(context, { timeout: timeLimitMs });
    } catch (e) {
      const err = e as { code?: string; name?: string; message?: string };
      if (err.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new ConvertError(
          `The path pattern ${JSON.stringify(source)} took more than ${timeLimitMs} ms on ${inputs.length} paths and was stopped: it backtracks catastrophically (nested repetition such as (a+)+). Simplify it.`,
        );
      }
      if (err.name === 'SyntaxError')
        throw new ConvertError(
          `The path pattern ${JSON.stringify(source)} is not a valid regular expression: ${String(err.message).replace(/^Invalid regular expression: /, '')}`,
        );
      throw e;
    }
    (result as boolean[]).forEach((hit, i) => {
      if (hit) hits[i] = true;
    });
  }
  return hits;
}
