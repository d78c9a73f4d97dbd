import { basename, dirname, join, resolve } from 'node:path';
import { bundleText, URL_WAYS } from '../engine/convert';
import type { Format } from '../engine';
import { toPointer } from '../engine/pointer';
import { bundleReaderWithin } from '../read-within';
import { parseArgs, UsageError } from './args';
import { formatOf, readText } from './io';
import { reportConvertError, writeAtomically } from './out-file';
import { URL_FLAGS, URL_USAGE, urlOptions } from './url-flags';

export const bundleUsage = `rewst-openapi bundle FILE [--to json|yaml] [-o OUT] ${URL_USAGE}`;

/**
 * One self-contained document from a spec split over several files: relative
 * `$ref`s to files inside FILE's folder tree are read and made components (or
 * copied in place, for path items); files outside are never read, and URLs
 * only as `--ref-map` maps them to a folder or `--fetch-refs` fetches them.
 * Writes OUT whole, else prints to stdout; what was read and what could not be
 * bundled goes to stderr. Exit 0 bundled, 1 some reference could not be
 * bundled (the rest is still written), 2 usage or I/O error.
 */
export async function bundleCommand(rest: string[]): Promise<number> {
  const args = parseArgs(rest, { ...URL_FLAGS, values: { to: ['json', 'yaml'], out: undefined, ...URL_FLAGS.values }, short: { o: 'out' } });
  const { files, flags } = args;
  if (files.length !== 1) throw new UsageError(files.length ? 'bundle takes one file' : 'no file given');
  const file = files[0];
  if (typeof flags.out === 'string' && resolve(flags.out) === resolve(file))
    throw new UsageError('the bundle must not replace the original: choose another -o');
  const log = (line: string) => process.stderr.write(line + '\n');
  const urls = urlOptions(args, log);
  let r;
  try {
    r = await bundleText(readText(file), {
      format: formatOf(file),
      entry: basename(file),
      read: bundleReaderWithin(dirname(resolve(file))),
      to: flags.to as Format | undefined,
      ...urls,
    });
  } catch (e) {
    return reportConvertError(file, e);
  }
  const folder = dirname(file);
  if (typeof flags.out === 'string') writeAtomically(flags.out, r.text);
  else process.stdout.write(r.text);
  log(
    `${file}: bundled ${r.files.length} file(s): ${r.components.length} component(s) added, ${r.inlined} part(s) copied in place, ${r.rewritten} reference(s) made local${typeof flags.out === 'string' ? `; written to ${flags.out}` : ''}`,
  );
  for (const c of r.components) log(`  ${c.container.join('/')}/${c.name} ← ${c.file}${c.pointer}`);
  for (const [url, file] of r.byUrl) log(`  ${url} ${url === file ? 'fetched' : `→ ${file}`}`);
  if (r.urls)
    log(
      `  ${r.urls} reference(s) to ${r.urlsLeft.size} URL(s) left as they are: Rewst will not follow them; to bundle them, ${URL_WAYS.cli}: ${[...r.urlsLeft.keys()].join(', ')}`,
    );
  for (const p of r.problems) log(`${join(folder, p.file)}: at ${toPointer(p.path) || '/'}: ${p.message}`);
  return r.problems.length ? 1 : 0;
}
