/**
 * Spectral's `given` JSONPath expressions, compiled to what nimma (the
 * JSONPath engine Spectral runs them with) actually tests at each node.
 *
 * nimma turns every expression it can into a predicate over the current
 * node's path, depth, key and value: fixed positions from the root
 * (`path[0] === "paths"`), positions from the end (`path[depth - 3] ===
 * "content"`), the first occurrence of a key among the ancestors, a minimum
 * or exact depth, and a filter script on the value. This module compiles the
 * same shapes to the same tests, as plain data the walker can reason about
 * (it needs to know which part of a path a test can see, to skip subtrees it
 * has already walked in an equivalent position). Expressions of any other
 * shape return null, and the caller runs them with nimma itself.
 */
import { parse } from 'nimma/parser';

export type Key = string | number;

export interface FixedTest {
  index: number;
  /** The key at `index` must be one of these (a wildcard has no test). */
  values: ReadonlySet<Key>;
}

export interface Predicate {
  expression: string;
  /** `$` (emit the root) or a member chain from the root (nimma's fork: every step defined, the parent an object). */
  kind: 'root' | 'fork' | 'walk';
  fork?: string[];
  /** Depth of the node: the length of its path minus one. */
  depthEq?: number;
  depthMin?: number;
  /** Tests on the key at a fixed index from the root. */
  fromRoot: FixedTest[];
  /** Tests on the key at `depth - index`; index 0 is the node's own key. */
  fromEnd: FixedTest[];
  /** The first occurrence of this key in the path must be above the node (nimma's `..member..`). */
  ancestor?: string;
  filter?: Filter;
}

export type Filter = (value: unknown, property: Key | undefined) => boolean;

interface Step {
  type: string;
  value?: unknown;
  deep: boolean;
}

const filters = new Map<string, Filter | null>();

/**
 * A filter script as nimma evaluates it: `@` is the value, `@property` its key.
 * Only scripts made of member accesses, literals and operators are compiled;
 * anything else (other sandbox names, `@` in a string) is left to nimma.
 */
export function compileFilter(script: string): Filter | null {
  const hit = filters.get(script);
  if (hit !== undefined) return hit;
  let fn: Filter | null = null;
  const strings = /'[^'\\]*'|"[^"\\]*"/g;
  const bare = script.replace(strings, '""');
  const safe =
    !/@(?!property\b)[a-zA-Z_]/.test(bare) &&
    !/[`;{}]|=>|\bfunction\b|\bnew\b|\bthis\b/.test(bare) &&
    [...script.matchAll(strings)].every((m) => !m[0].includes('@')) &&
    // bare identifiers (not after a dot) must be harmless words
    [...bare.matchAll(/(?<![.\w$@])([A-Za-z_$][\w$]*)/g)].every((m) => ['void', 'true', 'false', 'null', 'undefined', 'typeof'].includes(m[1]));
  if (safe) {
    const body = script.replace(/@property\b/g, '__property').replace(/@/g, '__value');
    try {
      fn = new Function('__value', '__property', `return (${body});`) as Filter;
    } catch {
      fn = null;
    }
  }
  filters.set(script, fn);
  return fn;
}

function memberValues(step: Step): ReadonlySet<Key> | null | undefined {
  // undefined: a wildcard (no test); null: a step this compiler does not handle
  if (step.type === 'WildcardExpression') return undefined;
  if (step.type === 'MemberExpression' && typeof step.value === 'string') return new Set([step.value]);
  if (step.type === 'MultipleMemberExpression' && Array.isArray(step.value) && step.value.every((v) => typeof v === 'string'))
    return new Set(step.value as string[]);
  return null;
}

const isFilter = (s: Step) => s.type === 'ScriptFilterExpression' && typeof s.value === 'string';

/** Fixed-position tests for non-deep member/wildcard steps; null if a step is of another kind. */
function fixedTests(steps: Step[], indexOf: (i: number) => number): FixedTest[] | null {
  const tests: FixedTest[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (steps[i].deep) return null;
    const values = memberValues(steps[i]);
    if (values === null) return null;
    if (values) tests.push({ index: indexOf(i), values });
  }
  return tests;
}

export function compileGiven(expression: string): Predicate | null {
  let steps: Step[];
  try {
    steps = parse(expression) as Step[];
  } catch {
    return null;
  }
  const base = { expression, fromRoot: [] as FixedTest[], fromEnd: [] as FixedTest[] };
  if (steps.length === 0) return { ...base, kind: 'root' };
  const n = steps.length;
  const last = steps[n - 1];
  const lastFilter = isFilter(last) ? compileFilter(last.value as string) : undefined;
  if (lastFilter === null) return null;
  const deepAt = steps.map((s, i) => (s.deep ? i : -1)).filter((i) => i >= 0);

  if (deepAt.length === 0) {
    // `$.a.b`: nimma forks to the member chain instead of walking.
    if (steps.every((s) => s.type === 'MemberExpression' && typeof s.value === 'string'))
      return { ...base, kind: 'fork', fork: steps.map((s) => s.value as string) };
    // `$.a[*][b,c]` (a filter only as the last step): exact depth, tests from the root.
    const tests = fixedTests(lastFilter ? steps.slice(0, -1) : steps, (i) => i);
    if (!tests) return null;
    return { ...base, kind: 'walk', depthEq: n - 1, fromRoot: tests, filter: lastFilter };
  }

  if (deepAt.length === 1) {
    const d = deepAt[0];
    const deep = steps[d];
    if (isFilter(deep)) {
      // `$.a.b..[?(...)]` or `$..[?(...)]`: the filter must be the last step, after a fixed prefix.
      if (d !== n - 1) return null;
      const tests = fixedTests(steps.slice(0, d), (i) => i);
      if (!tests) return null;
      return { ...base, kind: 'walk', depthMin: d, fromRoot: tests, filter: lastFilter };
    }
    const values = memberValues(deep);
    if (!values) return null;
    // `$.a[*]..member[*].b[?(...)]`: a fixed prefix from the root, the rest tested from the end.
    const prefix = fixedTests(steps.slice(0, d), (i) => i);
    const suffixSteps = steps.slice(d + 1);
    const suffix = fixedTests(lastFilter ? suffixSteps.slice(0, -1) : suffixSteps, (i) => suffixSteps.length - 1 - i);
    if (!prefix || !suffix) return null;
    if (deep.type === 'MultipleMemberExpression' && (d !== 0 || n !== 1)) return null; // only `$..[a,b]` has been checked against nimma
    return { ...base, kind: 'walk', depthMin: n - 1, fromRoot: prefix, fromEnd: [{ index: suffixSteps.length, values }, ...suffix], filter: lastFilter };
  }

  if (
    deepAt.length === 2 &&
    deepAt[0] === 0 &&
    deepAt[1] === 1 &&
    n === 2 &&
    steps[0].type === 'MemberExpression' &&
    typeof steps[0].value === 'string' &&
    lastFilter
  ) {
    // `$..member..[?(...)]`: below the first `member` in the path, wherever it is.
    return { ...base, kind: 'walk', depthMin: 1, ancestor: steps[0].value as string, filter: lastFilter };
  }
  return null;
}
