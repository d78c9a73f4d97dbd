/** Reports of the conversions as Markdown, for an editor to show. Every string from a spec is escaped. */
import { toPointer } from '../pointer';
import type { PrepareResult } from './prepare';
import type { ReduceResult } from './reduce';
import { budgetLine, sizeSection } from './size-report';
import { urlRefsLines } from './url-report';

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

/** How many examples a group shows before the rest are folded. */
const EXAMPLES = 3;

/** One line that says whether the file can be uploaded, and if not, why. */
export function prepareVerdict(r: PrepareResult): string {
  if (r.ready)
    return `Ready to upload: no Rewst errors, no reference Rewst cannot follow${r.structural ? ' and no structural error' : ''}${r.budget ? `; ${budgetLine(r.budget).replace(/\.$/, '')}` : ''}.`;
  const why = [
    r.blocking.errors ? `${r.blocking.errors} Rewst error(s) left` : '',
    r.blocking.references ? `${r.blocking.references} reference(s) to other files or URLs that Rewst cannot follow` : '',
    r.blocking.structural ? `${r.blocking.structural} structural error(s) (oas3-schema) that may stop an importer that validates the document` : '',
  ].filter(Boolean);
  const budget = r.budget && !r.budget.fits ? budgetLine(r.budget).replace(/\.$/, '') : '';
  if (!why.length) return `Not ready: ${budget}: drop tags with reduce to fit (see Size).`;
  return `Not ready: ${why.join(', ')}${budget ? `; and ${budget}` : ''}. Rewst may reject the file or lose actions until a person fixes them.`;
}

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

export function prepareReport(result: PrepareResult, source: string, output: string): string {
  const lines = [`# Prepared for Rewst: ${mdText(output)}`, ''];
  lines.push(`**${result.ready ? 'Ready to upload' : 'Not ready'}**: ${mdText(prepareVerdict(result).replace(/^[^:]*: /, ''))}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| from | ${mdCode(source)} (${mdText(result.from)}) |`);
  lines.push(`| to | ${mdCode(output)} (${mdText(result.to)}) |`);
  lines.push(`| size | ${kb(result.bytes)}, ${result.operations} operation(s), so ${result.operations} action(s) in Rewst; ${result.bytes} bytes |`);
  if (result.basePath) lines.push(`| base path | ${mdText(basePathLine(result))} |`);
  if (result.budget) lines.push(`| budget | ${result.budget.kb} KB: ${result.budget.fits ? 'fits' : 'over'} |`);
  lines.push('');

  const where = (f: PrepareResult['remaining'][number]) => `line ${f.range.start.line + 1}, column ${f.range.start.character + 1}`;
  const left = result.remaining.length + result.unbundled.length + (result.structural?.length ?? 0);
  lines.push(`## Left for a person (${left})`, '');
  if (!left) lines.push('Nothing.', '');
  if (result.unbundled.length) {
    lines.push(`### References that could not be bundled (${result.unbundled.length})`, '');
    const item = (p: PrepareResult['unbundled'][number]) => `- in ${mdCode(p.file)} at ${mdCode(toPointer(p.path) || '/')}: ${mdText(p.message)}`;
    folded(lines, result.unbundled.map(item));
  }
  if (result.structural?.length) {
    lines.push(`### Structural errors the general lint finds (${result.structural.length})`, '');
    lines.push('Not what Rewst names, but the OpenAPI schema says no: an importer that validates the document may stop here.', '');
    for (const g of groupBy(result.structural, (f) => f.rule)) {
      lines.push(`${mdCode(g.key)}: ${g.items.length}`, '');
      folded(
        lines,
        g.items.map((f) => `- line ${f.range.start.line + 1}, column ${f.range.start.character + 1} (${mdCode(f.pointer || '/')}): ${mdText(f.message)}`),
      );
    }
  }
  if (result.structuralUnavailable) lines.push(`The general lint (structural errors) could not run: ${mdText(result.structuralUnavailable)}`, '');
  for (const g of groupBy(result.remaining, (f) => `${f.ruleId}\u0000${f.severity}`)) {
    const [ruleId, severity] = g.key.split('\u0000');
    lines.push(`### ${mdCode(ruleId)}: ${g.items.length} ${severity}(s)`, '');
    folded(
      lines,
      g.items.map((f) => `- ${where(f)}: ${mdText(f.message)}`),
    );
  }

  const byUrl = urlRefsLines(result, 'editor');
  if (byUrl.length) lines.push('## References by URL', '', ...byUrl.map((l) => `- ${mdText(l)}`), '');

  lines.push(...sizeSection(result, output));

  const fixes = result.changes.filter((c) => c.kind === 'fix');
  const others = result.changes.filter((c) => c.kind !== 'fix');
  lines.push(`## What prepare did (${result.changes.length} change(s))`, '');
  for (const c of others.filter((c) => c.kind !== 'warning')) lines.push(`- ${mdText(c.message)}`);
  if (!result.changes.length) lines.push('- nothing: the file was already OpenAPI 3 JSON with no fixable problem');
  if (fixes.length) {
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push('| Rewst rule | fixes | for example |', '|---|---:|---|');
    for (const g of groupBy(fixes, (c) => c.ruleId ?? ''))
      lines.push(`| ${mdCode(g.key)} | ${g.items.length} | ${[...new Set(g.items.map((c) => c.message))].slice(0, EXAMPLES).map(mdText).join('; ')} |`);
  }
  const warnings = others.filter((c) => c.kind === 'warning');
  if (warnings.length) {
    lines.push('', `Warnings on the way (${warnings.length}):`, '');
    folded(
      lines,
      warnings.map((c) => `- ${mdText(c.message)}${c.pointer ? ` at ${mdCode(c.pointer)}` : ''}`),
    );
  }
  if (fixes.length > EXAMPLES) {
    lines.push('', `<details><summary>Every fix (${fixes.length})</summary>`, '');
    for (const c of fixes) lines.push(`- ${mdCode(c.ruleId ?? '')} ${mdText(c.message)}`);
    lines.push('', '</details>');
  }
  return lines.join('\n') + '\n';
}

/** What became of the server URL's base path, in one line. */
export function basePathLine(r: PrepareResult): string {
  const b = r.basePath;
  if (!b) return '';
  const already = b.already ? `; ${b.already} already started with it (not doubled)` : '';
  if (b.folded) return `${b.basePath} folded into ${b.prefixed} path${b.prefixed === 1 ? '' : 's'}${already}`;
  if (b.missing) return `${b.basePath} is NOT in ${b.missing} path(s): Rewst calls the hostname and the path only (fold it in with --fold-base-path)`;
  return `${b.basePath}: every path already starts with it`;
}

/** A list whose first few items show and the rest fold away. */
function folded(lines: string[], items: string[]): void {
  lines.push(...items.slice(0, EXAMPLES));
  if (items.length > EXAMPLES) lines.push('', `<details><summary>${items.length - EXAMPLES} more</summary>`, '', ...items.slice(EXAMPLES), '', '</details>');
  lines.push('');
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

export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
