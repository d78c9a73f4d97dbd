import { analyze } from '../engine';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { formatJson, formatSarif, formatText, type FileResult } from './report';

export const lintUsage = 'rewst-openapi lint FILE... [--format text|json|sarif]';

/** Reports what Rewst's importer would reject. Exit 1 when any finding is an error. */
export function lintCommand(rest: string[]): number {
  const { files, flags } = parseArgs(rest, { values: { format: ['text', 'json', 'sarif'] } });
  if (!files.length) throw new UsageError('no files given');
  const results: FileResult[] = files.map((file) => {
    const analysis = analyze(readText(file), { format: formatOf(file) });
    return { file, isSpec: analysis.isSpec, findings: analysis.findings };
  });
  const format = flags.format ?? 'text';
  process.stdout.write(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results) : formatText(results));
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
