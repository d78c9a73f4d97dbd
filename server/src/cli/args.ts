/** A small, strict argument parser shared by the CLI's commands. */

export class UsageError extends Error {}
export class IoError extends Error {}

export interface FlagSpec {
  /** Flags that take no value, e.g. `--write`. */
  booleans?: string[];
  /** Flags that take a value (`--format json` or `--format=json`), with the allowed values when fixed. */
  values?: Record<string, readonly string[] | undefined>;
  /** Value flags that may be given more than once (`--tag a --tag b`); their values go to `lists`. */
  lists?: string[];
  /** Short spellings of long flags, e.g. `{ o: 'out' }` for `-o OUT`. */
  short?: Record<string, string>;
}

export interface ParsedArgs {
  files: string[];
  flags: Record<string, string | boolean>;
  /** Every value of each repeatable flag, in order. */
  lists: Record<string, string[]>;
}

export function parseArgs(rest: string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { files: [], flags: {}, lists: {} };
  for (let i = 0; i < rest.length; i++) {
    const shortName = /^-([A-Za-z])$/.exec(rest[i])?.[1];
    const a = shortName && spec.short?.[shortName] ? `--${spec.short[shortName]}` : rest[i];
    if (!a.startsWith('--')) {
      if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
      out.files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (spec.booleans?.includes(name) && eq < 0) {
      out.flags[name] = true;
    } else if (spec.values && name in spec.values) {
      const value = eq >= 0 ? a.slice(eq + 1) : rest[++i];
      const allowed = spec.values[name];
      const choices = allowed ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : 'given a value';
      if (value === undefined) throw new UsageError(`--${name} must be ${choices}`);
      if (allowed && !allowed.includes(value)) throw new UsageError(`--${name} must be ${choices}, not "${value}"`);
      if (spec.lists?.includes(name)) (out.lists[name] ??= []).push(value);
      out.flags[name] = value;
    } else {
      throw new UsageError(`unknown option "${a}"`);
    }
  }
  return out;
}
