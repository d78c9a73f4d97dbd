/**
 * The CLI's flags for references by URL, shared by prepare and bundle:
 * `--ref-map PREFIX=DIR` (repeatable; DIR relative to the spec's folder) and
 * `--fetch-refs` (the flag is the consent: each host is named on stderr before
 * its first fetch).
 */
import { parseRefMap, type FetchDocuments, type RefMapEntry } from '../engine/bundle';
import { RemoteDocuments } from '../remote-refs';
import { UsageError, type FlagSpec, type ParsedArgs } from './args';

export const URL_FLAGS = { values: { 'ref-map': undefined }, lists: ['ref-map'], booleans: ['fetch-refs'] } satisfies FlagSpec;
export const URL_USAGE = '[--ref-map PREFIX=DIR]... [--fetch-refs]';

export function urlOptions(args: ParsedArgs, log: (line: string) => void): { map?: RefMapEntry[]; fetch?: FetchDocuments } {
  const pairs = (args.lists['ref-map'] ?? []).map((v): [string, string] => {
    const eq = v.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--ref-map takes PREFIX=DIR (e.g. https://raw.githubusercontent.com/acme/api/v1/=./), not "${v}"`);
    return [v.slice(0, eq), v.slice(eq + 1)];
  });
  const { map, errors } = parseRefMap(pairs);
  if (errors.length) throw new UsageError(`--ref-map: ${errors.join('; ')}`);
  if (args.flags['fetch-refs'] !== true) return { map };
  const told = new Set<string>();
  const remote = new RemoteDocuments(undefined, async (hosts) => {
    for (const [host, urls] of hosts)
      if (!told.has(host)) {
        told.add(host);
        log(`  fetching $ref documents from ${host} (${urls.length} first)`);
      }
    return new Set(hosts.keys());
  });
  return { map, fetch: remote.fetch };
}
