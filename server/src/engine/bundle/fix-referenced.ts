/**
 * "Fix all" for what the Rewst rules find in a spec's referenced files: one
 * fix at a time, each computed on the bundle as the files then read (so every
 * new operationId is unique across all the files, those added just before
 * included), until nothing fixable is left. The spec's own text is its own
 * fix-all's business. Texts are kept in memory: the caller writes them.
 */
import { applyEdits } from '../edit-ops';
import { toPointer } from '../pointer';
import type { ReadFile } from './bundle';
import { checkReferencedFiles, type ReferencedFinding } from './cross-file';

/** Each fix re-bundles the spec: a spec with more to fix than this gets the rest from the next run. */
export const MAX_REFERENCED_FIXES = 500;

export interface ReferencedFixes {
  /** The new text of each referenced file that changed, by its name relative to the spec's folder. */
  texts: Map<string, string>;
  applied: Array<{ file: string; title: string; ruleId: string }>;
  /** What is left in the referenced files (and references of the spec that cannot be followed). */
  remaining: ReferencedFinding[];
}

export function fixReferencedFiles(root: Record<string, unknown>, options: { entry: string; read: ReadFile }): ReferencedFixes {
  const texts = new Map<string, string>();
  const read: ReadFile = (file) => texts.get(file) ?? options.read(file);
  const applied: ReferencedFixes['applied'] = [];
  const tried = new Set<string>();
  const keyOf = (f: ReferencedFinding) => `${f.file}\u0000${f.ruleId}\u0000${toPointer(f.path)}`;
  let remaining: ReferencedFinding[] = [];
  for (let round = 0; round <= MAX_REFERENCED_FIXES; round++) {
    const check = checkReferencedFiles(root, { entry: options.entry, read });
    remaining = check?.findings ?? [];
    // A finding fixed once and still there (or whose fix cannot be made) is left for a person, not tried again.
    const next = round < MAX_REFERENCED_FIXES ? remaining.find((f) => f.fixable && f.file !== options.entry && !tried.has(keyOf(f))) : undefined;
    if (!check || !next) break;
    tried.add(keyOf(next));
    const fix = check.fixFor(next);
    if (!fix) continue;
    texts.set(next.file, applyEdits(fix.doc.text, fix.edits));
    applied.push({ file: next.file, title: fix.title, ruleId: next.ruleId });
  }
  return { texts, applied, remaining };
}
