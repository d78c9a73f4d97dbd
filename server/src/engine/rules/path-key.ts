/**
 * What path-leading-slash and path-trailing-slash share: a path key that
 * should read otherwise is reported at the key, and fixed by renaming the key
 * in place; when the new key is taken, by merging the two path items (what
 * one has moved into the other) unless both have a method or field, which a
 * person must then merge.
 */
import { isDeepStrictEqual } from 'node:util';
import { single, type FixContext, type RuleContext } from '../rule';
import { isObject } from '../spec-index';
import type { Fix, FixIntent, TextEdit } from '../types';

/** The fields both path items have, with different values (a method, parameters, summary…); undefined when they cannot be merged at all. */
export function collisions(from: unknown, to: unknown): string[] | undefined {
  if (!isObject(from) || !isObject(to)) return undefined;
  // A path item that is a $ref is another one's: merging into or out of it changes what the reference means.
  if (typeof from.$ref === 'string' || typeof to.$ref === 'string') return ['$ref'];
  return Object.keys(from).filter((k) => k in to && !isDeepStrictEqual(from[k], to[k]));
}

/**
 * `renameTo` gives the key a path should have, or undefined when it is fine; `dataKey` names the new key in the finding's data.
 * `describe` gets the fields that collide when the new key is taken (none: the items merge), undefined when it is free.
 */
export function reportPathKeys(
  { root, report }: Pick<RuleContext, 'root' | 'report'>,
  renameTo: (key: string) => string | undefined,
  describe: (key: string, to: string, clash: string[] | undefined) => string,
  dataKey: string,
): void {
  const paths = root.paths;
  if (!isObject(paths)) return;
  for (const key of Object.keys(paths)) {
    const to = renameTo(key);
    if (to === undefined) continue;
    const conflict = to in paths;
    const clash = conflict ? (collisions(paths[key], paths[to]) ?? ['(not a path item)']) : undefined;
    const merge = conflict && clash!.length === 0;
    report({
      path: ['paths', key],
      target: 'key',
      message: describe(key, to, clash),
      data: { pathKey: key, [dataKey]: to, conflict, merge },
      fixable: !conflict || merge,
    });
  }
}

/** How the messages say a clash: what happens when the new key is taken. */
export function clashText(to: string, clash: string[]): string {
  return clash.length
    ? `${to} also exists, and both have ${clash.join(', ')}, so the two paths must be merged by hand (no automatic fix).`
    : `${to} also exists: the two path items are merged, since none of their methods or fields collide.`;
}

/** The rename of a reported path key (or the merge into the one it should be); one fix per new key in a batch (two keys that would become one go one per round). */
export function renamePathKey(data: Record<string, unknown> | undefined, dataKey: string, ctx: FixContext): Omit<Fix, 'ruleId'> | undefined {
  const key = String(data?.pathKey);
  const to = String(data?.[dataKey]);
  if (!ctx.claim(`path:${to}`)) return undefined;
  if (data?.merge) return mergePathItems(key, to, ctx);
  if (data?.conflict) return undefined;
  return single(`Rename path to ${to}`, ctx.editor.renameKey(['paths'], key, to), { op: 'rename', path: ['paths'], from: key, to });
}

/** Moves what path item `from` has and `to` lacks into `to` (as written, when both are laid out alike), and removes `from`. */
function mergePathItems(from: string, to: string, { root, editor }: FixContext): Omit<Fix, 'ruleId'> | undefined {
  const paths = root.paths as Record<string, unknown>;
  const a = paths[from];
  const b = paths[to];
  if (!isObject(a) || !isObject(b) || collisions(a, b)?.length !== 0) return undefined;
  const moved = Object.keys(a).filter((k) => !(k in b));
  const edits: Array<TextEdit | undefined> = [];
  const intent: FixIntent[] = moved.map((k) => ({ op: 'set', path: ['paths', to, k], value: a[k] }));
  if (moved.length && Object.keys(b).length === 0) {
    edits.push(editor.replaceValue(['paths', to], Object.fromEntries(moved.map((k) => [k, a[k]]))));
  } else if (moved.length) {
    const copied = editor.copyMembers(['paths', from], moved, ['paths', to]);
    if (copied) edits.push(copied);
    else for (const k of moved) edits.push(editor.insertMember(['paths', to], k, a[k], 'end'));
  }
  edits.push(editor.removeMember(['paths'], from));
  intent.push({ op: 'delete', path: ['paths', from] });
  if (edits.some((e) => !e)) return undefined;
  const what = moved.length ? moved.join(', ') : 'nothing new';
  return { title: `Merge ${from} into ${to} (${what})`, edits: edits as TextEdit[], intent };
}
