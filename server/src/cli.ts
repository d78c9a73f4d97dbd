/**
 * rewst-openapi: the engine on the command line, for CI.
 *   rewst-openapi lint FILE... [--format text|json|sarif]
 *   rewst-openapi fix FILE... [--write]
 * Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze, fixAll, type Format } from './engine';
import { formatJson, formatSarif, formatText, type FileResult } from './cli-report';

const USAGE = `Usage:
  rewst-openapi lint FILE... [--format text|json|sarif]
  rewst-openapi fix FILE... [--write]

lint  reports what Rewst's custom-integration importer would reject.
fix   applies every safe fix; prints the fixed document, or with --write saves it.
Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;

class UsageError extends Error {}

interface Args {
  command: 'lint' | 'fix';
  files: string[];
  format: 'text' | 'json' | 'sarif';
  write: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'lint' && command !== 'fix') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const args: Args = { command, files: [], format: 'text', write: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--write' && command === 'fix') args.write = true;
    else if ((a === '--format' || a.startsWith('--format=')) && command === 'lint') {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${value ?? ''}"`);
      args.format = value;
    } else if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
    else args.files.push(a);
  }
  if (!args.files.length) throw new UsageError('no files given');
  return args;
}

function formatOf(file: string): Format | undefined {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return undefined;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new IoError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

class IoError extends Error {}

function lint(args: Args): number {
  const results: FileResult[] = args.files.map((file) => {
    const analysis = analyze(read(file), { format: formatOf(file) });
    return { file, isSpec: analysis.isSpec, findings: analysis.findings };
  });
  const out = args.format === 'json' ? formatJson(results) : args.format === 'sarif' ? formatSarif(results) : formatText(results);
  process.stdout.write(out);
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function fix(args: Args): number {
  let failing = false;
  for (const file of args.files) {
    const text = read(file);
    const result = fixAll(text, { format: formatOf(file) });
    for (const f of result.applied) process.stderr.write(`${file}: ${f.title} (${f.ruleId})\n`);
    const left = result.remaining.filter((f) => f.severity === 'error');
    for (const f of left) process.stderr.write(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: still needs a person: ${f.ruleId}: ${f.message}\n`);
    failing ||= left.length > 0;
    if (args.write) {
      if (result.text !== text) {
        try {
          writeFileSync(file, result.text);
        } catch (e) {
          throw new IoError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
      }
      process.stderr.write(`${file}: ${result.applied.length} fix(es) ${result.text !== text ? 'written' : 'needed; file unchanged'}\n`);
    } else {
      if (args.files.length > 1) process.stdout.write(`==> ${file} <==\n`);
      process.stdout.write(result.text);
    }
  }
  return failing ? 1 : 0;
}

export function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    return args.command === 'lint' ? lint(args) : fix(args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`rewst-openapi: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof IoError) {
      process.stderr.write(`rewst-openapi: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  process.exitCode = main(argv);
}
