/**
 * Prepare's report as Markdown, written beside the upload file
 * (NAME.rewst.report.md) and shown in the editor's preview. The verdict first;
 * then what needs a person, with the same counts as the verdict, each place a
 * link that opens the written file at that line, and why no repair was safe;
 * then the warnings left, the size and what prepare did. Every string from a
 * spec is escaped.
 */
import type { Finding } from '../types';
import { kb, mdCode, mdLink, mdText } from './markdown';
import type { PrepareResult, StructuralFinding } from './prepare';
import { groupBy } from './report';
import { budgetLine, sizeSection } from './size-report';
import { urlRefsLines } from './url-report';

/** How many examples a group shows before the rest are folded. */
const EXAMPLES = 3;
/** How many links to places one message shows before the rest are folded. */
const PLACES = 12;

const s = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;

/** One line that says whether the file can be uploaded, and if not, why: the counts of "Needs a person". */
export function prepareVerdict(r: PrepareResult): string {
  if (r.ready) {
    const checked = [
      'no Rewst error',
      'no reference Rewst cannot follow',
      r.structural ? 'no error of the general lint' : '',
      r.basePath ? `every path starts with the base path ${r.basePath.basePath}` : '',
    ].filter(Boolean);
    return `Ready to upload: ${checked.join(', ')}${r.budget ? `; ${budgetLine(r.budget).replace(/\.$/, '')}` : ''}.`;
  }
  const b = r.blocking;
  const why = [
    b.errors ? `${s(b.errors, 'Rewst error')} left` : '',
    b.references ? `${s(b.references, 'reference')} to other files or URLs that Rewst cannot follow` : '',
    b.structural
      ? `${s(b.structural, 'error')} of the general lint (Spectral, as the Problems panel shows them) that may stop an importer that validates the document`
      : '',
    b.basePath ? `${s(b.basePath, 'path')} without the base path ${r.basePath?.basePath ?? ''}, whose actions would call the wrong URL` : '',
  ].filter(Boolean);
  const budget = r.budget && !r.budget.fits ? budgetLine(r.budget).replace(/\.$/, '') : '';
  if (!why.length) return `Not ready: ${budget}: drop tags with reduce to fit (see Size).`;
  return `Not ready: ${why.join(', ')}${budget ? `; and ${budget}` : ''}. Rewst may reject the file or its actions fail until a person fixes them (see Needs a person).`;
}

/** What became of the server URL's base path, in one line. */
export function basePathLine(r: PrepareResult): string {
  const b = r.basePath;
  if (!b) return '';
  const already = b.already ? `; ${b.already} already started with it (not doubled)` : '';
  const left = r.basePathLeft.length ? `; ${s(r.basePathLeft.length, 'path')} left without it (see Needs a person)` : '';
  if (b.folded) return `${b.basePath} folded into ${s(b.prefixed, 'path')}${already}${left}`;
  if (r.basePathLeft.length)
    return `${b.basePath} is NOT in ${s(r.basePathLeft.length, 'path')}, kept out as asked: Rewst calls the hostname and the path only (prepare without --keep-base-path folds it in)`;
  return `${b.basePath}: every path already starts with it`;
}

/**
 * The report. `output` is the upload file's name as the report reaches it (beside it: its base name);
 * the links to places in it are relative to the report.
 */
export function prepareReport(result: PrepareResult, source: string, output: string): string {
  const lines = [`# Prepared for Rewst: ${mdText(output)}`, ''];
  lines.push(`**${result.ready ? 'Ready to upload' : 'Not ready'}**: ${mdText(prepareVerdict(result).replace(/^[^:]*: /, ''))}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| from | ${mdCode(source)} (${mdText(result.from)}) |`);
  lines.push(`| to | ${mdLink(output, output)} (${mdText(result.to)}) |`);
  lines.push(`| size | ${kb(result.bytes)}, ${s(result.operations, 'operation')}, so ${s(result.operations, 'action')} in Rewst; ${result.bytes} bytes |`);
  if (result.basePath) lines.push(`| base path | ${mdText(basePathLine(result))} |`);
  if (result.budget) lines.push(`| budget | ${result.budget.kb} KB: ${result.budget.fits ? 'fits' : 'over'} |`);
  lines.push('');
  lines.push(...needsPerson(result, output));
  lines.push(...warningsLeft(result, output));
  const byUrl = urlRefsLines(result, 'editor');
  if (byUrl.length) lines.push('## References by URL', '', ...byUrl.map((l) => `- ${mdText(l)}`), '');
  lines.push(...sizeSection(result, output));
  lines.push(...whatPrepareDid(result));
  return lines.join('\n') + '\n';
}

const at = (output: string, range: Finding['range']) => mdLink(`line ${range.start.line + 1}`, output, range.start.line + 1, range.start.character + 1);

/** Links to places, the first PLACES shown, the rest folded. */
function placeLinks(output: string, ranges: ReadonlyArray<Finding['range']>): string {
  const links = ranges.map((r) => at(output, r));
  if (links.length <= PLACES) return links.join(', ');
  return `${links.slice(0, PLACES).join(', ')} <details><summary>${links.length - PLACES} more</summary>${links.slice(PLACES).join(', ')}</details>`;
}

/** Findings of one rule, grouped by message: each message once, with the places it is at. */
function byMessage(output: string, items: ReadonlyArray<{ message: string; range: Finding['range'] }>): string[] {
  const out: string[] = [];
  for (const g of groupBy(items, (f) => f.message))
    out.push(
      `- ${mdText(g.key)} (${s(g.items.length, 'place')}): ${placeLinks(
        output,
        g.items.map((f) => f.range),
      )}`,
    );
  return [...out, ''];
}

function needsPerson(r: PrepareResult, output: string): string[] {
  const b = r.blocking;
  const total = b.errors + b.references + b.structural + b.basePath;
  const lines = [`## Needs a person (${total})`, ''];
  if (!total) lines.push(r.structuralUnavailable ? 'Nothing that prepare could check.' : 'Nothing.', '');
  if (r.basePathLeft.length && r.basePath) {
    const base = r.basePath.basePath;
    lines.push(`### Paths without the base path ${mdCode(base)} (${r.basePathLeft.length})`, '');
    lines.push(
      r.basePath.folded
        ? `Why no repair was safe: with ${mdCode(base)} in front, each of these would be a path the spec already has; merging two path items under one path could make two actions collide or lose one. Rewst calls them without the base path: rename one of each pair.`
        : `Why no repair was made: the paths were kept as written (--keep-base-path, or the setting rewstOpenapi.foldBasePath off), so each action calls the hostname without ${mdCode(base)}. Prepare without it to fold the base path in.`,
      '',
    );
    lines.push(`- ${r.basePathLeft.map((p) => `${mdCode(p.path)} at ${at(output, p.range)}`).join(', ')}`, '');
  }
  if (r.unfollowed.length) {
    const targets = groupBy(r.unfollowed, (u) => u.target);
    lines.push(`### References Rewst cannot follow (${r.unfollowed.length}, to ${s(targets.length, 'file or URL', 'files or URLs')})`, '');
    lines.push(
      "Why no repair was safe: Rewst imports one self-contained file, and what these point at is not here to copy in: a URL is never fetched, and a file that is missing or outside the spec's folder is not read. Copy it into the spec's folder (or what it points at into the file) and prepare again.",
      '',
    );
    for (const g of targets) {
      const why = g.items.find((u) => u.why)?.why;
      lines.push(
        `- ${mdCode(g.key || '(empty)')} (${s(g.items.length, 'reference')}${why ? `; ${mdText(why)}` : ''}): ${placeLinks(
          output,
          g.items.map((u) => u.range),
        )}`,
      );
    }
    lines.push('');
    const unmatched = r.unbundled.filter((p) => !r.unfollowed.some((u) => u.target === p.ref.split('#')[0]));
    if (unmatched.length) {
      lines.push('Not bundled on the way (in the files read):', '');
      for (const p of unmatched) lines.push(`- in ${mdLink(p.file, p.file)} at ${mdCode(p.ref)}: ${mdText(p.message)}`);
      lines.push('');
    }
  }
  const errors = r.remaining.filter((f) => f.severity === 'error');
  if (errors.length) {
    lines.push(`### Rewst errors (${errors.length})`, '');
    lines.push(
      "Why no repair was safe: each rule's fix applies only where it keeps every operation, parameter and value; these need a choice only a person can make (the message says which).",
      '',
    );
    for (const g of groupBy(errors, (f) => f.ruleId)) lines.push(`#### ${mdCode(g.key)}: ${g.items.length}`, '', ...byMessage(output, g.items));
  }
  if (r.structural?.length) lines.push(...lintSection(r.structural, output));
  if (r.structuralUnavailable) lines.push(`The general lint could not run, so its errors are not counted: ${mdText(r.structuralUnavailable)}`, '');
  return lines;
}

function lintSection(found: readonly StructuralFinding[], output: string): string[] {
  const lines = [`### Errors of the general lint (${found.length})`, ''];
  lines.push(
    "Spectral's `spectral:oas`, as the Problems panel shows it for the written file: an importer that validates the document may stop at these. Why no repair was safe: no Rewst rule covers them, and what the vendor meant is not in the file.",
    '',
  );
  for (const g of groupBy(found, (f) => f.rule)) lines.push(`#### ${mdCode(g.key)}: ${g.items.length}`, '', ...byMessage(output, g.items));
  return lines;
}

function warningsLeft(r: PrepareResult, output: string): string[] {
  const left = r.remaining.filter((f) => f.severity !== 'error' && f.ruleId !== 'ref-external');
  const other = r.lintNotBlocking ?? [];
  if (!left.length && !other.length) return [];
  const lines = [`## Left that does not block (${left.length + other.length})`, ''];
  if (other.length) {
    const panel = other.length + (r.structural?.length ?? 0);
    lines.push(
      `### Other errors of the general lint (${other.length})`,
      '',
      `The Problems panel shows these as errors too (${s(panel, 'error')} of the general lint in all, ${r.structural?.length ?? 0} of them above), but they do not block: examples that do not match their schema (no importer validates examples, and no action sends them) and keywords beside a \`$ref\` (OpenAPI 3.0 says to ignore them).`,
      '',
    );
    for (const g of groupBy(other, (f) => f.rule)) lines.push(`#### ${mdCode(g.key)}: ${g.items.length}`, '', ...byMessage(output, g.items));
  }
  if (left.length) lines.push(`### Rewst warnings (${left.length})`, '', 'Rewst takes the file with these; worth a look.', '');
  for (const g of groupBy(left, (f) => `${f.ruleId}\u0000${f.severity}`)) {
    const [ruleId, severity] = g.key.split('\u0000');
    lines.push(`#### ${mdCode(ruleId)}: ${s(g.items.length, severity)}`, '', ...byMessage(output, g.items));
  }
  return lines;
}

function whatPrepareDid(r: PrepareResult): string[] {
  const fixes = r.changes.filter((c) => c.kind === 'fix');
  const warnings = r.changes.filter((c) => c.kind === 'warning');
  const steps = r.changes.filter((c) => c.kind !== 'fix' && c.kind !== 'warning');
  const parts = [s(fixes.length, 'fix', 'fixes'), steps.length ? s(steps.length, 'other step') : '', warnings.length ? s(warnings.length, 'warning') : ''];
  const lines = [`## What prepare did (${s(r.changes.length, 'change')}: ${parts.filter(Boolean).join(', ')})`, ''];
  for (const c of steps) lines.push(`- ${mdText(c.message)}`);
  if (!r.changes.length) lines.push('- nothing: the file was already OpenAPI 3 JSON with no fixable problem');
  if (fixes.length) {
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push('| Rewst rule | fixes | for example |', '|---|---:|---|');
    for (const g of groupBy(fixes, (c) => c.ruleId ?? ''))
      lines.push(`| ${mdCode(g.key)} | ${g.items.length} | ${[...new Set(g.items.map((c) => c.message))].slice(0, EXAMPLES).map(mdText).join('; ')} |`);
  }
  if (warnings.length) {
    lines.push('', `Warnings on the way (${warnings.length}):`, '');
    const items = warnings.map((c) => `- ${mdText(c.message)}${c.pointer ? ` at ${mdCode(c.pointer)}` : ''}`);
    lines.push(...items.slice(0, EXAMPLES));
    if (items.length > EXAMPLES) lines.push('', `<details><summary>${items.length - EXAMPLES} more</summary>`, '', ...items.slice(EXAMPLES), '', '</details>');
  }
  if (fixes.length > EXAMPLES) {
    lines.push('', `<details><summary>Every fix (${fixes.length})</summary>`, '');
    for (const c of fixes) lines.push(`- ${mdCode(c.ruleId ?? '')} ${mdText(c.message)}`);
    lines.push('', '</details>');
  }
  lines.push('');
  return lines;
}
