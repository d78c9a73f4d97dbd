import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyzeSettings, proposeSettings, serializeSettings, svgProblem } from '../engine/settings';
import { settingsNameFor } from '../engine/spec-files';
import { diskFiles, readIcon } from '../engine/spec-files';
import { IoError, parseArgs, UsageError } from './args';
import { writeText } from './io';
import { readSpec, settingsContext } from './settings-check';

export const initUsage = 'rewst-openapi init FILE [-o OUT|-] [--force]';

/**
 * Writes the integration settings the spec suggests (name, hostname, auth,
 * pagination, paginated actions) beside it, or to OUT ("-" for stdout).
 * Notes on what still needs a person go to stderr. An existing file is kept
 * unless --force.
 */
export function initCommand(rest: string[]): number {
  const { files, flags } = parseArgs(rest, { values: { out: undefined }, booleans: ['force'], short: { o: 'out' } });
  if (files.length !== 1) throw new UsageError(files.length ? 'init takes one spec' : 'no file given');
  const file = files[0];
  const spec = readSpec(file);
  if (!spec.root) throw new IoError(`${file}: ${spec.problem}`);
  const out = typeof flags.out === 'string' ? flags.out : path.join(path.dirname(file), settingsNameFor(path.basename(file)));
  const toStdout = out === '-';
  if (!toStdout && existsSync(out) && !flags.force) throw new IoError(`${out} exists: it is kept (use --force to replace it)`);
  const outDir = toStdout ? process.cwd() : path.dirname(path.resolve(out));
  const proposal = proposeSettings(spec.root, { specName: relative(outDir, path.resolve(file)) });
  const settings = proposal.settings;
  // An SVG with the spec's base name beside it is taken as the icon.
  const svg = path.resolve(path.dirname(file), path.basename(file).replace(/\.(json|ya?ml)$/i, '') + '.svg');
  if (isSvg(svg)) settings.icon = relative(outDir, svg);
  const text = serializeSettings(settings);
  if (toStdout) process.stdout.write(text);
  else writeText(out, text);
  const where = toStdout ? 'stdout' : out;
  for (const note of proposal.notes) process.stderr.write(`${where}: ${note.level ?? 'note'} (${note.field}): ${note.message}\n`);
  const findings = analyzeSettings(text, settingsContext(toStdout ? path.join(outDir, 'stdout') : path.resolve(out), settings)).findings;
  for (const f of findings)
    process.stderr.write(`${where}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.ruleId}: ${f.message}\n`);
  if (!toStdout)
    process.stderr.write(
      `wrote ${out}: ${settings.auth?.method} auth, ${settings.pagination?.type} pagination, ${settings.paginatedActions?.length ?? 0} paginated action(s)\n`,
    );
  return 0;
}

function relative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/') || path.basename(to);
}

function isSvg(file: string): boolean {
  const icon = readIcon(diskFiles, file);
  return icon.exists && !svgProblem(icon.text ?? '');
}
