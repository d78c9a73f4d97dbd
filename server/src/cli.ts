/**
 * rewst-openapi: the engine on the command line, for CI.
 * Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O error.
 * Each command lives in cli/ and is listed in COMMANDS.
 */
import { IoError, UsageError } from './cli/args';
import { fixCommand, fixUsage } from './cli/fix';
import { lintCommand, lintUsage } from './cli/lint';
import { renameCommand, renameUsage } from './cli/rename';

interface Command {
  usage: string;
  summary: string;
  run(rest: string[]): number;
}

const COMMANDS: Record<string, Command> = {
  lint: { usage: lintUsage, summary: "reports what Rewst's custom-integration importer would reject", run: lintCommand },
  fix: { usage: fixUsage, summary: 'applies every safe fix; prints the fixed document, or with --write saves it', run: fixCommand },
  rename: { usage: renameUsage, summary: 'renames actions (summary or description) with a regex; lists each change, writes only with --write', run: renameCommand },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  const summaries = Object.entries(COMMANDS).map(([name, c]) => `${name.padEnd(10)}${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n\n${summaries.join('\n')}\nExit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;
}

export function main(argv: string[]): number {
  const [name, ...rest] = argv;
  try {
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'no command given');
    return command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`rewst-openapi: ${e.message}\n\n${usage()}\n`);
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
    process.stdout.write(usage() + '\n');
    process.exit(0);
  }
  process.exitCode = main(argv);
}
