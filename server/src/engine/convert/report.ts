/** Reduce's report as Markdown, and the grouping the reports share (prepare's is prepare-report.ts). Every string from a spec is escaped. */
import type { ReduceResult } from './reduce';
import { kb, mdCode, mdText } from './markdown';

export interface Group<T> {
  key: string;
  items: T[];
}

/** Items grouped by a key, groups in order of first appearance. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Array<Group<T>> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].map(([k, list]) => ({ key: k, items: list }));
}

export function reduceSummary(r: ReduceResult): string {
  return `operations ${r.operations.before} → ${r.operations.after}, components ${r.components.before} → ${r.components.after}, ${kb(r.bytes.before)} → ${kb(r.bytes.after)}`;
}

export function reduceReport(r: ReduceResult, source: string, output: string, selection: string): string {
  const lines = [`# Reduced: ${mdText(output)}`, '', `From ${mdCode(source)}, keeping ${mdText(selection)}.`, ''];
  lines.push('| | before | after |', '|---|---:|---:|');
  lines.push(`| operations | ${r.operations.before} | ${r.operations.after} |`);
  lines.push(`| components | ${r.components.before} | ${r.components.after} |`);
  lines.push(`| bytes | ${r.bytes.before} | ${r.bytes.after} |`, '');
  if (r.droppedTags.length) lines.push(`Tags dropped (${r.droppedTags.length}): ${r.droppedTags.map(mdText).join(', ')}`, '');
  for (const n of r.notes) lines.push(`- ${mdText(n)}`);
  return lines.join('\n') + '\n';
}
