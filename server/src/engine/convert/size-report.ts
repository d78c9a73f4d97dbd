/** The size part of prepare's report: the size, the budget, what slimming saved, the largest parts. Markdown and plain lines. */
import type { BudgetResult } from './budget';
import type { PrepareResult } from './prepare';
import { kb, mdCode, mdText } from './markdown';

/** How many components and tags the report lists. */
const TOP = 5;

/** One line on the budget: fits, or over by how much. */
export function budgetLine(b: BudgetResult): string {
  return b.fits
    ? `${kb(b.bytes)} fits the upload budget of ${b.kb} KB.`
    : `${kb(b.bytes)} is over the upload budget of ${b.kb} KB by ${kb(b.bytes - b.kb * 1024)}.`;
}

interface Style {
  text: (s: string) => string;
  code: (s: string) => string;
}
const PLAIN: Style = { text: (s) => s, code: (s) => s };

/** What to do when the file is over budget: the `reduce` command that drops the biggest tags, and what it leaves. */
export function dropAdvice(b: BudgetResult, output: string, style: Style = PLAIN): string | undefined {
  if (b.fits) return undefined;
  if (!b.drop) return style.text(`Dropping tags cannot make it fit: ${b.noDrop ?? ''}.`);
  const d = b.drop;
  const keep = d.keep.map((t) => `--tag ${shellQuote(t)}`).join(' ');
  const command = `rewst-openapi reduce ${shellQuote(output)} ${keep} -o ${shellQuote(output.replace(/\.json$/i, '') + '.reduced.json')}`;
  return (
    style.text(`To fit, drop the ${d.tags.length} biggest tag(s) (${d.tags.join(', ')}) with reduce: `) +
    style.code(command) +
    style.text(
      ` leaves ${d.operations} operation(s) in ${kb(d.bytes)}` +
        (d.untaggedDropped ? ` (the ${d.untaggedDropped} operation(s) without a tag are dropped too)` : '') +
        '.',
    )
  );
}

function shellQuote(s: string): string {
  return /^[\w./@:=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Over budget without slimming: slimming comes before dropping actions. */
const TRY_SLIM = 'Slimming first may be enough, and keeps every action: prepare --slim, or Prepare for Rewst Upload (slim).';

export function sizeSection(r: PrepareResult, output: string): string[] {
  // Kept short: the size itself is in the table at the top.
  const lines = ['## Size', ''];
  if (r.budget) {
    lines.push(mdText(budgetLine(r.budget)), '');
    const advice = dropAdvice(r.budget, output, { text: mdText, code: mdCode });
    if (!r.budget.fits && !r.slim) lines.push(mdText(TRY_SLIM), '');
    if (advice) lines.push(advice, '');
  }
  if (r.slim) {
    lines.push(`Slimmed from ${kb(r.slim.before)} to ${kb(r.slim.after)}:`, '', '| step | saved | what |', '|---|---:|---|');
    for (const s of r.slim.steps) lines.push(`| ${s.step} | ${kb(s.saved)} | ${mdText(s.detail)} |`);
    lines.push('');
  }
  const { components, tags, untagged } = r.size;
  if (components.length)
    lines.push(
      `Largest components (of ${components.length}): ${components
        .slice(0, TOP)
        .map((c) => `${mdCode(c.pointer)} ${kb(c.bytes)}`)
        .join(', ')}.`,
      '',
    );
  const none = untagged.operations ? `${untagged.operations} operation(s) without a tag, ${kb(untagged.bytes)}` : '';
  if (tags.length) {
    const listed = tags.slice(0, TOP).map((t) => `${mdText(t.tag)} (${t.operations} operation(s), ${kb(t.bytes)})`);
    const of = tags.length > TOP ? `the ${TOP} largest of ${tags.length}` : `all ${tags.length}`;
    lines.push(`Tags by size (${of}; the operations that carry each, written out): ${listed.join(', ')}${none ? `; and ${none}` : ''}.`, '');
  } else if (none) lines.push(`No operation has a tag (${none}).`, '');
  return lines;
}

/** The same, as plain lines for the CLI. */
export function sizeLines(r: PrepareResult, output: string): string[] {
  const lines: string[] = [];
  if (r.slim) lines.push(`  slimmed: ${kb(r.slim.before)} → ${kb(r.slim.after)}: ${r.slim.steps.map((s) => `${s.step} −${kb(s.saved)}`).join(', ')}`);
  const top = r.size.components.slice(0, TOP).map((c) => `${c.pointer} ${kb(c.bytes)}`);
  if (top.length) lines.push(`  largest components: ${top.join(', ')}`);
  const tags = r.size.tags.slice(0, TOP).map((t) => `${t.tag} (${t.operations} op, ${kb(t.bytes)})`);
  if (tags.length) lines.push(`  largest tags: ${tags.join(', ')}`);
  if (r.budget) {
    lines.push(`  budget: ${budgetLine(r.budget)}`);
    if (!r.budget.fits && !r.slim) lines.push(`  ${TRY_SLIM}`);
    const advice = dropAdvice(r.budget, output);
    if (advice) lines.push(`  ${advice}`);
  }
  return lines;
}
