/**
 * What the engine says about a file, through the built CLI (dist/cli.js):
 * the expectations the editor is checked against. The UI must show what
 * the engine finds, no more and no less.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  line: number;
  column: number;
  fixable: boolean;
}

interface LintReport {
  files: Array<{ file: string; findings: CliFinding[]; spectral?: Array<Omit<CliFinding, 'ruleId' | 'fixable'> & { rule: string }> }>;
}

function lintReport(file: string, spectral: boolean): LintReport {
  const args = [CLI, 'lint', '--format', 'json', file, ...(spectral ? [] : ['--no-spectral'])];
  // Spectral reads a ruleset from the current directory: the file's own, as in its workspace.
  const r = spawnSync(process.execPath, args, { cwd: path.dirname(file), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rewst-openapi lint ${file} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as LintReport;
}

/** Rewst's findings: `rewst-openapi lint --format json --no-spectral FILE` (exit 1 only means "errors found"). */
export function lint(file: string): CliFinding[] {
  return lintReport(file, false).files[0].findings;
}

/** Rewst's findings for FILE and for each file its `$ref`s read, by absolute path. */
export function lintFiles(file: string): Map<string, CliFinding[]> {
  return new Map(lintReport(file, false).files.map((f) => [path.resolve(path.dirname(file), f.file), f.findings]));
}

/** Spectral's findings for FILE as the CLI reports them (those Rewst already reports are dropped). */
export function spectralFindings(file: string): CliFinding[] {
  return (lintReport(file, true).files[0].spectral ?? []).map(({ rule, ...f }) => ({ ...f, ruleId: rule, fixable: false }));
}

/** `rewst-openapi fix FILE`: the document with every safe fix applied. */
export function fixed(file: string): string {
  const r = spawnSync(process.execPath, [CLI, 'fix', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rewst-openapi fix ${file} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Any CLI command, e.g. `cli(['reduce', file, '--tag', 'Calls', '-o', out])`; exit 2 (usage or I/O error) throws. */
export function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status === null || r.status > 1) throw new Error(`rewst-openapi ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
