/**
 * The places of the written file that keep it from working in Rewst and that
 * no repair made: references Rewst cannot follow, by target, and paths without
 * the server URL's base path. Positioned in the written file, for the report's links.
 */
import type { Analysis } from '../engine';
import type { BundleProblem } from '../bundle';
import { getAt } from '../pointer';
import { startsWithPath } from '../server-url';
import { isObject } from '../spec-index';
import type { Range } from '../types';
import type { BasePathResult } from './base-path';

export interface UnfollowedRef {
  /** The `$ref` as written. */
  ref: string;
  /** The file or URL it names (the `$ref` without its fragment): the report groups by it. */
  target: string;
  range: Range;
  /** Why bundling left it, when prepare tried (no such file, outside the folder, …). */
  why?: string;
}

export interface BasePathLeft {
  path: string;
  range: Range;
}

export function placesLeft(
  written: Analysis,
  basePath: BasePathResult | undefined,
  unbundled: readonly BundleProblem[],
): { unfollowed: UnfollowedRef[]; basePathLeft: BasePathLeft[] } {
  const root = written.doc.value;
  const rangeOf = (start: number, end: number): Range => ({ start: written.doc.lines.positionAt(start), end: written.doc.lines.positionAt(end) });
  const targetOf = (ref: string) => ref.split('#')[0];
  const whyByTarget = new Map<string, string>();
  for (const p of unbundled) if (!whyByTarget.has(targetOf(p.ref))) whyByTarget.set(targetOf(p.ref), p.message);
  const unfollowed = written.findings
    .filter((f) => f.ruleId === 'ref-external')
    .map((f) => {
      const value = getAt(root, f.path);
      const ref = typeof value === 'string' ? value : '';
      return { ref, target: targetOf(ref), range: f.range, why: whyByTarget.get(targetOf(ref)) };
    });
  const paths = isObject(root) && isObject(root.paths) ? Object.keys(root.paths).filter((k) => !k.startsWith('x-')) : [];
  const base = basePath?.basePath;
  const left = base ? paths.filter((k) => !startsWithPath(k, base)) : [];
  const spans = written.doc.locate(left.map((k) => ({ path: ['paths', k], target: 'key' as const })));
  return { unfollowed, basePathLeft: left.map((path, i) => ({ path, range: rangeOf(spans[i].start, spans[i].end) })) };
}
