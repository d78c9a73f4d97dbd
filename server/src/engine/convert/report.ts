/** Reports of the conversions as Markdown, for an editor to show. Every string from a spec is escaped. */
import type { PrepareResult } from './prepare';
import type { ReduceResult } from './reduce';

/** Text that Markdown shows as written: no HTML, no emphasis, no links. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>&~-]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c)).replace(/\r?\n/g, ' ');
}

/** A code span that no backtick in `s` can close early. */
export function mdCode(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${s.replace(/\r?\n/g, ' ')} ${fence}`;
}

export function prepareReport(result: PrepareResult, source: string, output: string): string {
  const errors = result.remaining.filter((f) => f.severity === 'error');
  const lines = [`# Prepared for Rewst: ${mdText(output)}`, '', `From ${mdCode(source)} (${mdText(result.from)}) to ${mdCode(output)} (${mdText(result.to)}).`, ''];
  lines.push(errors.length ? `**${errors.length} error(s) left**: Rewst will reject the file until a person fixes them (listed below).` : '**Ready to upload**: no Rewst errors left.', '');
  lines.push(`## Changes made (${result.changes.length})`, '');
  for (const c of result.changes) lines.push(`- ${c.kind === 'warning' ? '⚠ ' : ''}${mdText(c.message)}${c.pointer ? ` at ${mdCode(c.pointer)}` : ''}`);
  if (!result.changes.length) lines.push('- none: the file was already OpenAPI 3 JSON with no fixable problem');
  if (result.fixed.length) {
    lines.push('', `## Problems fixed (${result.fixed.length})`, '');
    for (const f of result.fixed) lines.push(`- ${mdCode(f.ruleId)} ${mdText(f.message)}`);
  }
  lines.push('', `## Left for a person (${result.remaining.length})`, '');
  for (const f of result.remaining) lines.push(`- line ${f.range.start.line + 1}, column ${f.range.start.character + 1}: **${f.severity}** ${mdCode(f.ruleId)} ${mdText(f.message)}`);
  if (!result.remaining.length) lines.push('- nothing');
  return lines.join('\n') + '\n';
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

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
