import { basename, dirname, join, resolve } from 'node:path';
import { findingsInReferencedFiles, foundThroughMessage, type RefMapEntry } from '../engine/bundle';
import { bundleReaderWithin } from '../read-within';
import { analyze, PARSE_ERROR, type Format } from '../engine';
import { spectralDuplicates } from '../spectral/dedup';
import { findRulesetFile } from '../spectral/ruleset-file';
import { SpectralWorker } from '../spectral/worker-client';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { checkSettingsFile, isSettingsName, settingsBeside } from './settings-check';
import { formatJson, formatSarif, formatText, hasErrors, type FileResult } from './lint-output';
import { URL_FLAGS, urlOptions } from './url-flags';

export const lintUsage =
  "rewst-openapi lint FILE... [--format text|json|sarif] [--no-spectral] [--ref-map PREFIX=DIR]...  (also checks FILE's .rewst-integration.json beside it)";

interface SpecInput {
  result: FileResult;
  text: string;
  format: Format;
}

/**
 * Reports what Rewst's importer would reject and, unless `--no-spectral`,
 * what Spectral finds (`spectral:oas`, or `.spectral.yaml`/`.json` in the
 * current directory). Exit 1 when any finding is an error; 2 when the
 * ruleset file cannot be used.
 */
export function lintCommand(rest: string[]): number | Promise<number> {
  const args = parseArgs(rest, { values: { format: ['text', 'json', 'sarif'], ...URL_FLAGS.values }, lists: URL_FLAGS.lists, booleans: ['no-spectral'] });
  const { files, flags } = args;
  // The files a URL map names are checked like relative ones; lint never fetches (--fetch-refs is prepare's and bundle's).
  const { map } = urlOptions(args, () => undefined);
  if (!files.length) throw new UsageError('no files given');
  const specs: SpecInput[] = [];
  const results: FileResult[] = files.flatMap((file): FileResult[] => {
    if (isSettingsName(file)) return [checkSettingsFile(file)];
    const text = readText(file);
    const analysis = analyze(text, { format: formatOf(file) });
    // A settings file beside the spec is checked with it, unless it is named on the command line too.
    const beside = analysis.isSpec ? settingsBeside(file) : undefined;
    const extra = beside && !files.some((f) => resolve(f) === resolve(beside)) ? [checkSettingsFile(beside)] : [];
    const result: FileResult = { file, isSpec: analysis.isSpec, findings: analysis.findings };
    const external = analysis.index?.refs.some((r) => !r.ref.startsWith('#'));
    const referenced = analysis.root && external ? referencedResults(file, analysis.root, result, map) : [];
    // Spectral has nothing to add to a file that is not a spec or does not parse (the parse error says where).
    if (analysis.isSpec && !analysis.findings.some((f) => f.ruleId === PARSE_ERROR)) specs.push({ result, text, format: analysis.doc.format });
    return [result, ...referenced, ...extra];
  });
  const report = (failure?: string): number => {
    const format = flags.format ?? 'text';
    process.stdout.write(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results) : formatText(results));
    if (failure) {
      process.stderr.write(`rewst-openapi: ${failure}\n`);
      return 2;
    }
    return results.some(hasErrors) ? 1 : 0;
  };
  if (flags['no-spectral'] || !specs.length) return report();
  return spectral(specs).then(report);
}

/**
 * What the Rewst rules find in the files a spec's relative `$ref`s name (read only inside its folder),
 * each in its own file at its own line, the message saying which spec it was found through. A reference
 * the spec itself holds that cannot be followed is one of the spec's own findings (`spec`), as the editor shows it.
 */
function referencedResults(file: string, root: Record<string, unknown>, spec: FileResult, map: RefMapEntry[] | undefined): FileResult[] {
  const folder = dirname(resolve(file));
  const entry = basename(file);
  const found = findingsInReferencedFiles(root, { entry, read: bundleReaderWithin(folder), urls: map?.length ? { map } : undefined });
  const byFile = new Map<string, FileResult>();
  for (const f of found) {
    if (f.file === entry) {
      spec.findings.push(f);
      continue;
    }
    const name = join(dirname(file), ...f.file.split('/'));
    let r = byFile.get(name);
    if (!r) byFile.set(name, (r = { file: name, isSpec: true, findings: [] }));
    r.findings.push({ ...f, message: foundThroughMessage(f.message, entry) });
  }
  return [...byFile.values()];
}

/** Adds Spectral's findings to each spec's result; returns why the ruleset could not be used, if it could not. */
async function spectral(specs: SpecInput[]): Promise<string | undefined> {
  const worker = new SpectralWorker();
  const rulesetFile = findRulesetFile(process.cwd());
  try {
    for (const { result, text, format } of specs) {
      const response = await worker.lint({ text, format, source: resolve(result.file), rulesetFile }).response;
      if (response.kind === 'findings') {
        const duplicates = spectralDuplicates(response.findings, result.findings);
        result.spectral = response.findings.filter((_, i) => !duplicates.has(i));
      } else if (response.kind === 'error') {
        if (response.ruleset) return `Spectral is off: ${response.message}`;
        process.stderr.write(`rewst-openapi: Spectral could not lint ${result.file}: ${response.message}\n`);
      }
    }
    return undefined;
  } finally {
    await worker.terminate();
  }
}
