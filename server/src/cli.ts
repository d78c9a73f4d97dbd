/**
 * rewst-openapi: the engine on the command line, for CI.
 * Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O error.
 * Each command lives in cli/ and is listed in COMMANDS.
 */
import { IoError, UsageError } from './cli/args';
import { bundleCommand, bundleUsage } from './cli/bundle';
import { convertCommand, convertUsage } from './cli/convert';
import { fixCommand, fixUsage } from './cli/fix';
import { initCommand, initUsage } from './cli/init';
import { lintCommand, lintUsage } from './cli/lint';
import { prepareCommand, prepareUsage } from './cli/prepare';
import { reduceCommand, reduceUsage } from './cli/reduce';
import { renameCommand, renameUsage } from './cli/rename';
import { tryCommand, tryUsage } from './cli/try';

interface Command {
  usage: string;
  summary: string;
  /** A command that must wait (a conversion, say) returns a promise of its exit code. */
  run(rest: string[]): number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  lint: { usage: lintUsage, summary: "reports what Rewst's custom-integration importer would reject", run: lintCommand },
  fix: { usage: fixUsage, summary: 'applies every safe fix; prints the fixed document, or with --write saves it', run: fixCommand },
  rename: {
    usage: renameUsage,
    summary: 'renames actions (summary or description) with a regex; lists each change, writes only with --write',
    run: renameCommand,
  },
  convert: { usage: convertUsage, summary: 'Swagger 2.0 to OpenAPI 3.0 (offline), or YAML to JSON with --to json; to stdout or -o OUT', run: convertCommand },
  bundle: {
    usage: bundleUsage,
    summary: "one self-contained document from a spec split over several files (only files in FILE's folder are read)",
    run: bundleCommand,
  },
  prepare: {
    usage: prepareUsage,
    summary:
      "writes FILE.rewst.json to upload: one OpenAPI 3 JSON document (split files bundled), every safe fix applied, with a report and the size; --slim removes what Rewst makes no action of, --budget KB checks the size (over it: exit 1, with the tags to drop), the server URL's path (/api/v1) is written in front of every path unless --keep-base-path",
    run: prepareCommand,
  },
  init: {
    usage: initUsage,
    summary: 'writes the Rewst integration settings the spec suggests (auth, pagination, paginated actions) beside it',
    run: initCommand,
  },
  reduce: { usage: reduceUsage, summary: 'keeps the chosen operations and the components they reach, in a new file', run: reduceCommand },
  try: {
    usage: tryUsage,
    summary:
      "sends one action's requests as Rewst would (GET only unless --allow-method), with the settings beside the spec and credentials from REWST_API_KEY, REWST_USERNAME, REWST_PASSWORD, REWST_CLIENT_ID, REWST_CLIENT_SECRET or REWST_ACCESS_TOKEN, paged as the settings say (3 pages by default); exit 1 when a finding says the settings do not hold, 2 when nothing answered",
    run: tryCommand,
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  const summaries = Object.entries(COMMANDS).map(([name, c]) => `${name.padEnd(10)}${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n\n${summaries.join('\n')}\nExit codes: 0 no errors, 1 errors found, 2 usage or I/O error.`;
}

export function main(argv: string[]): number | Promise<number> {
  const [name, ...rest] = argv;
  try {
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'no command given');
    const code = command.run(rest);
    return typeof code === 'number' ? code : code.catch(failed);
  } catch (e) {
    return failed(e);
  }
}

function failed(e: unknown): number {
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

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(usage() + '\n');
    process.exit(0);
  }
  const code = main(argv);
  if (typeof code === 'number') process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
