import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { carrySettings, type OperationIdChange } from '../engine/settings';
import { settingsNameFor } from '../engine/spec-files';
import { groupBy, kb, prepareForRewst, preparedFileName, preparedReportName, prepareReport, prepareVerdict, sizeLines, urlRefsLines } from '../engine/convert';
import { toPointer } from '../engine/pointer';
import { bundleReaderWithin } from '../read-within';
import { structuralCheck } from '../spectral/structural';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { settingsBeside } from './settings-check';
import { reportConvertError, writeAtomically } from './out-file';
import { URL_FLAGS, URL_USAGE, urlOptions } from './url-flags';

export const prepareUsage = `rewst-openapi prepare FILE [-o OUT] [--slim] [--budget KB] [--keep-base-path] ${URL_USAGE}`;

/**
 * Writes the file to upload to Rewst: one OpenAPI 3 JSON document (relative
 * `$ref`s to files in FILE's folder bundled in) with every safe fix, as FILE's
 * name with .rewst.json (or OUT), never over FILE. The report goes to stderr:
 * the verdict first, what needs a person one line each (file:line:column),
 * what was done grouped by rule, the size and its largest parts. `--slim` removes
 * what Rewst does not turn into actions (engine/convert/slim.ts); `--budget KB`
 * says whether the file fits, and which tags to drop with `reduce` when not;
 * The server URL's path (`/api/v1`) is written in front of every path, since
 * Rewst's hostname takes none (engine/convert/base-path.ts); `--keep-base-path`
 * keeps the paths as written (and the verdict "Not ready"). `--fold-base-path`,
 * the default now, is still accepted.
 * Exit 0 ready to upload (and within the budget), 1 problems left that need a
 * person or over the budget (the file is still written) or the file could not
 * be prepared, 2 usage or I/O error.
 */
export async function prepareCommand(rest: string[]): Promise<number> {
  const args = parseArgs(rest, {
    ...URL_FLAGS,
    values: { out: undefined, budget: undefined, ...URL_FLAGS.values },
    booleans: ['slim', 'fold-base-path', 'keep-base-path', ...URL_FLAGS.booleans],
    short: { o: 'out' },
  });
  const { files, flags } = args;
  if (files.length !== 1) throw new UsageError(files.length ? 'prepare takes one file' : 'no file given');
  if (flags['fold-base-path'] && flags['keep-base-path']) throw new UsageError('--fold-base-path and --keep-base-path say opposite things: give one');
  const file = files[0];
  const out = typeof flags.out === 'string' ? flags.out : join(dirname(file), preparedFileName(basename(file)));
  if (resolve(out) === resolve(file)) throw new UsageError('the prepared file must not replace the original: choose another -o');
  const budgetKB = flags.budget === undefined ? undefined : Number(flags.budget);
  if (budgetKB !== undefined && !(Number.isFinite(budgetKB) && budgetKB > 0)) throw new UsageError('--budget must be a number of KB greater than 0');
  const text = readText(file);
  const log = (line: string) => process.stderr.write(line + '\n');
  const urls = urlOptions(args, log);
  let result;
  try {
    result = await prepareForRewst(text, {
      format: formatOf(file),
      entry: basename(file),
      read: bundleReaderWithin(dirname(resolve(file))),
      structural: (t, rewst) => structuralCheck(t, rewst),
      slim: flags.slim === true,
      budgetKB,
      foldBasePath: flags['keep-base-path'] !== true,
      urls,
    });
  } catch (e) {
    return reportConvertError(file, e);
  }
  writeAtomically(out, result.text);
  // The report beside the upload file (its links are relative to it), as the editor writes it.
  const reportFile = join(dirname(out), preparedReportName(basename(out)));
  writeAtomically(reportFile, prepareReport(result, basename(file), basename(out)));
  const verdict = prepareVerdict(result);
  log(`${file}: ${result.from} → ${result.to}, written to ${out} (${kb(result.bytes)}, ${result.operations} operation(s))`);
  log(verdict);
  for (const c of result.changes)
    if (c.kind !== 'fix') log(`  ${c.kind === 'warning' ? 'warning' : 'changed'}: ${c.message}${c.pointer ? ` (at ${c.pointer})` : ''}`);
  for (const g of groupBy(
    result.changes.filter((c) => c.kind === 'fix'),
    (c) => c.ruleId ?? '',
  )) {
    const distinct = [...new Set(g.items.map((c) => c.message))];
    log(`  fixed: ${g.key} ×${g.items.length}: ${distinct.slice(0, 3).join('; ')}${distinct.length > 3 ? '; …' : ''}`);
  }
  for (const line of urlRefsLines(result, 'cli')) log(`  references by URL: ${line}`);
  for (const line of sizeLines(result, out)) log(line);
  const folder = dirname(file);
  for (const p of result.unbundled) log(`${join(folder, p.file)}: at ${toPointer(p.path) || '/'}: still needs a person: ${p.message}`);
  for (const f of result.structural ?? [])
    log(
      `${out}:${f.range.start.line + 1}:${f.range.start.character + 1}: error of the general lint (may stop an importer that validates): spectral/${f.rule}: ${f.message}`,
    );
  if (result.structuralUnavailable) log(`  the general lint could not run: ${result.structuralUnavailable}`);
  for (const p of result.basePathLeft)
    log(
      `${out}:${p.range.start.line + 1}:${p.range.start.character + 1}: still needs a person: the path ${p.path} does not start with the base path ${result.basePath?.basePath ?? ''}`,
    );
  for (const f of result.remaining)
    log(
      `${out}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity === 'error' ? 'still needs a person' : f.severity}: ${f.ruleId}: ${f.message}`,
    );
  carrySettingsOver(file, out, result.operationIds, log);
  log(`  report: ${reportFile}`);
  if (result.remaining.length + result.unbundled.length > 3) log(verdict); // again, where a terminal leaves the eye
  return result.ready ? 0 : 1;
}

/** The spec's settings file, if it has one, written beside the prepared file with its operationIds and paths updated. */
function carrySettingsOver(file: string, out: string, operations: OperationIdChange[], log: (line: string) => void): void {
  const from = settingsBeside(file);
  if (!from) return;
  const to = join(dirname(out), settingsNameFor(basename(out)));
  if (resolve(to) === resolve(from)) {
    log(`  settings: not carried over: ${to} is the original's own settings file (choose another -o)`);
    return;
  }
  const relocate = (rel: string) =>
    relative(dirname(resolve(out)), resolve(dirname(file), rel))
      .split(sep)
      .join('/');
  const carried = carrySettings(readText(from), operations, { spec: basename(out), relocate });
  writeAtomically(to, carried.text);
  log(`  settings: ${from} carried over to ${to}${carried.changes.length ? '' : ' as it was'}`);
  for (const c of carried.changes) log(`    ${c}`);
}
