import { resolve } from 'node:path';
import { analyze } from '../engine';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { checkSettingsFile, isSettingsName, settingsBeside } from './settings-check';
import { formatJson, formatSarif, formatText, type FileResult } from './report';

export const lintUsage = 'rewst-openapi lint FILE... [--format text|json|sarif]  (also checks FILE\'s .rewst-integration.json beside it)';

/** Reports what Rewst's importer would reject. Exit 1 when any finding is an error. */
export function lintCommand(rest: string[]): number {
  const { files, flags } = parseArgs(rest, { values: { format: ['text', 'json', 'sarif'] } });
  if (!files.length) throw new UsageError('no files given');
  const results: FileResult[] = files.flatMap((file): FileResult[] => {
    if (isSettingsName(file)) return [checkSettingsFile(file)];
    const analysis = analyze(readText(file), { format: formatOf(file) });
    // A settings file beside the spec is checked with it, unless it is named on the command line too.
    const beside = analysis.isSpec ? settingsBeside(file) : undefined;
    const extra = beside && !files.some((f) => resolve(f) === resolve(beside)) ? [checkSettingsFile(beside)] : [];
    return [{ file, isSpec: analysis.isSpec, findings: analysis.findings }, ...extra];
  });
  const format = flags.format ?? 'text';
  process.stdout.write(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results) : formatText(results));
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
