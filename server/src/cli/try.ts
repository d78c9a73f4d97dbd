/**
 * `rewst-openapi try`: one action sent as Rewst would send it, with the
 * settings beside the spec (or --settings) and credentials from the
 * environment only, paged as the settings say; a report in text or JSON.
 * Exit 0 when every page came back and the settings held, 1 when a finding
 * says they do not, 2 for a usage error or no answer at all.
 */
import { parseSettingsText, type IntegrationSettings } from '../engine/settings';
import { CREDENTIAL_ENV, tryAction, TryUsageError, type Credentials, type TryReport } from '../engine/try';
import { IoError, parseArgs, UsageError } from './args';
import { readText } from './io';
import { readSpec, settingsBeside } from './settings-check';
import { tryReportText } from './try-output';

export const tryUsage =
  'rewst-openapi try SPEC --action OPERATION_ID [--pages N] [--param NAME=VALUE]... [--format text|json] [--settings FILE] [--first-page N] [--allow-method]';

/** The only place credentials come from on the command line: never flags (they would sit in the shell's history). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials {
  const out: Credentials = {};
  for (const [field, name] of Object.entries(CREDENTIAL_ENV) as Array<[keyof Credentials, string]>) if (env[name]) out[field] = env[name];
  return out;
}

function count(flag: string, value: string | boolean | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}`);
  return Number(value);
}

export async function tryCommand(rest: string[]): Promise<number> {
  const { files, flags, lists } = parseArgs(rest, {
    booleans: ['allow-method'],
    values: { action: undefined, pages: undefined, param: undefined, format: ['text', 'json'], settings: undefined, 'first-page': undefined },
    lists: ['param'],
  });
  if (files.length !== 1) throw new UsageError(files.length ? 'try takes one spec' : 'no spec given');
  if (typeof flags.action !== 'string' || !flags.action) throw new UsageError('--action OPERATION_ID is required');
  const params: Record<string, string> = {};
  for (const p of lists.param ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param must be NAME=VALUE, not "${p}"`);
    params[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const pages = count('pages', flags.pages, 1);
  const firstPage = count('first-page', flags['first-page'], 0);
  // fetch verifies TLS unless this process-wide switch turns it off: a try carries credentials, so it will not run so.
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0')
    throw new IoError('NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS verification in this environment; a try sends credentials and runs only with it verified');
  const file = files[0];
  const spec = readSpec(file);
  if (!spec.root) throw new IoError(`${file}: ${spec.problem}`);
  const settingsFile = typeof flags.settings === 'string' ? flags.settings : settingsBeside(file);
  if (!settingsFile) throw new IoError(`no integration settings beside ${file}: write them with "rewst-openapi init ${file}", or give --settings FILE`);
  const settings = parseSettingsText(readText(settingsFile));
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) throw new IoError(`${settingsFile} is not a JSON object`);
  let report: TryReport;
  try {
    report = await tryAction({
      settings: settings as IntegrationSettings,
      spec: spec.root,
      operationId: flags.action,
      credentials: credentialsFromEnv(process.env),
      params,
      pages,
      firstPage,
      allowMethod: flags['allow-method'] === true,
    });
  } catch (e) {
    if (e instanceof TryUsageError) throw new IoError(`${flags.action}: ${e.message}`);
    throw e;
  }
  process.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : tryReportText(report, settingsFile));
  return exitCodeOf(report);
}

/** 2 when nothing answered; 1 when a finding (error or warning) says the settings do not hold; else 0. */
export function exitCodeOf(report: TryReport): number {
  if (!report.requests.some((r) => r.status !== undefined)) return 2;
  return report.findings.some((f) => f.severity !== 'info') ? 1 : 0;
}
