/**
 * Checks a schema `pattern` as ECMA-262 would read it. The pattern is compiled,
 * never run: `new RegExp` only parses, so a catastrophic pattern like `(a+)+$`
 * costs nothing here.
 */

export type PatternVerdict = { ok: true } | { ok: false; severity: 'error' | 'warning'; reason: string; fixed?: string };

const REASONS: Array<[RegExp, string]> = [
  [/Range out of order in character class/, 'character range is out of order'],
  [/numbers out of order in \{\} quantifier/, 'the numbers of a {min,max} quantifier are out of order'],
  [/Unterminated group/, 'a group opened with "(" is never closed'],
  [/Unmatched '\)'/, 'a ")" has no "(" to close'],
  [/Unterminated character class/, 'a character class opened with "[" is never closed'],
  [/Nothing to repeat/, 'a quantifier (*, +, ? or {n}) has nothing before it to repeat'],
  [/\\ at end of pattern/, 'the pattern ends with a lone backslash'],
  [/Lone quantifier brackets/, 'a "{" or "}" stands alone; escape it as \\{ or \\}'],
  [/Incomplete quantifier/, 'a {n,m} quantifier is not finished'],
  [/Invalid group/, 'a group starts with "(?" followed by something that is not a kind of group'],
  [/Duplicate capture group name/, 'two capture groups have the same name'],
  [/Invalid capture group name/, 'a capture group name is not a valid identifier'],
  [/Invalid named (capture )?reference/, 'a \\k<name> back-reference names no capture group'],
  [/Invalid property name/, 'a \\p{...} names no Unicode property'],
  [/Invalid Unicode escape/, 'a \\u or \\c escape is not complete'],
  [/Invalid character class/, 'a class escape like \\d or \\w cannot be the end of a range'],
  [/Invalid escape/, 'a backslash escapes a character that needs no escape'],
  [/Invalid decimal escape/, 'a back-reference like \\1 refers to no group'],
  [/Invalid class escape/, 'an escape inside [...] is not valid'],
];

export function reasonOf(error: unknown): string {
  const msg = error instanceof Error ? error.message : String(error);
  for (const [re, words] of REASONS) if (re.test(msg)) return words;
  const tail = msg.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  return tail.charAt(0).toLowerCase() + tail.slice(1);
}

function compiles(pattern: string, flags: string): unknown {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (e) {
    return e ?? new Error('invalid');
  }
}

/** Finds the first `[...]` range like `z-a` whose ends are out of order, for a precise message. */
function outOfOrderRange(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (!inClass) {
      if (c === '[') inClass = true;
      continue;
    }
    if (c === ']') inClass = false;
    else if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']' && pattern[i + 2] !== '\\') {
      if (c.codePointAt(0)! > pattern.codePointAt(i + 2)!) return `${c}-${pattern[i + 2]}`;
      i += 2;
    }
  }
  return undefined;
}

/** Offsets of `/` characters that are not escaped. */
function unescapedSlashes(pattern: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '/') out.push(i);
  }
  return out;
}

export function checkPattern(pattern: string): PatternVerdict {
  const uError = compiles(pattern, 'u');
  if (uError === undefined) {
    const slashes = unescapedSlashes(pattern);
    if (!slashes.length) return { ok: true };
    let fixed = '';
    let last = 0;
    for (const at of slashes) {
      fixed += pattern.slice(last, at) + '\\/';
      last = at + 1;
    }
    fixed += pattern.slice(last);
    return {
      ok: false,
      severity: 'warning',
      reason: `unescaped delimiter "/" at position ${slashes[0] + 1}: tools that write patterns as /.../ (such as regex101, which Rewst's docs point to) read it as the end of the pattern; escape it as \\/`,
      fixed,
    };
  }
  const plainError = compiles(pattern, '');
  if (plainError === undefined) {
    return { ok: false, severity: 'warning', reason: `valid only without the "u" (Unicode) flag: ${reasonOf(uError)}` };
  }
  let reason = reasonOf(plainError);
  const range = reason === 'character range is out of order' ? outOfOrderRange(pattern) : undefined;
  if (range) reason += ` (${range}): put the lower character first`;
  return { ok: false, severity: 'error', reason };
}
