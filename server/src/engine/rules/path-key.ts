/**
 * What path-leading-slash and path-trailing-slash share: a path key that
 * should read otherwise is reported at the key (with no fix when the new key
 * is taken: the two path items must be merged by hand), and fixed by renaming
 * the key in place.
 */
import { single, type FixContext, type RuleContext } from '../rule';
import { isObject } from '../spec-index';
import type { Fix } from '../types';

/** `renameTo` gives the key a path should have, or undefined when it is fine; `dataKey` names the new key in the finding's data. */
export function reportPathKeys(
  { root, report }: Pick<RuleContext, 'root' | 'report'>,
  renameTo: (key: string) => string | undefined,
  describe: (key: string, to: string, conflict: boolean) => string,
  dataKey: string,
): void {
  const paths = root.paths;
  if (!isObject(paths)) return;
  for (const key of Object.keys(paths)) {
    const to = renameTo(key);
    if (to === undefined) continue;
    const conflict = to in paths;
    report({ path: ['paths', key], target: 'key', message: describe(key, to, conflict), data: { pathKey: key, [dataKey]: to, conflict }, fixable: !conflict });
  }
}

/** The rename of a reported path key; one fix per new key in a batch (two keys that would become one are left to a person). */
export function renamePathKey(data: Record<string, unknown> | undefined, dataKey: string, { editor, claim }: FixContext): Omit<Fix, 'ruleId'> | undefined {
  if (data?.conflict) return undefined;
  const key = String(data?.pathKey);
  const to = String(data?.[dataKey]);
  if (!claim(`path:${to}`)) return undefined;
  return single(`Rename path to ${to}`, editor.renameKey(['paths'], key, to), { op: 'rename', path: ['paths'], from: key, to });
}
