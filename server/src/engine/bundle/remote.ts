/**
 * Bundling with references by URL taken in: mapped ones are plain files of the
 * folder, fetched ones are read by their URL. The bundler itself stays
 * synchronous and reads nothing: each round bundles with what has been fetched
 * so far, notes the URLs it needed and did not have, and the caller's `fetch`
 * gets those (so only documents the bundle uses are fetched, and a fetched
 * document's own URL references are found in the next round). The last round
 * is the bundle.
 */
import { bundleSpec, type BundleOptions, type BundleResult, type ReadFile } from './bundle';
import { isUrl } from './refs';
import type { RefMapEntry } from './url-refs';
import { checkpoint, type IsCancelled } from '../convert/problems';

export type FetchResult = { text: string } | { error: string };

/** Fetches documents by URL: the caller's policy (which hosts, limits, confirmation, cache). Every URL asked gets an answer. */
export type FetchDocuments = (urls: string[]) => Promise<Map<string, FetchResult>>;

export interface UrlBundleOptions extends Omit<BundleOptions, 'urls'> {
  map?: readonly RefMapEntry[];
  /** When given, URLs not mapped are fetched through it. */
  fetch?: FetchDocuments;
  isCancelled?: IsCancelled;
}

export interface UrlBundleResult extends BundleResult {
  /** Documents fetched for this bundle, by URL, with their size in bytes. */
  fetched: Array<{ url: string; bytes: number }>;
  /** Documents that could not be fetched, and why. */
  fetchFailed: Array<{ url: string; error: string }>;
}

/** A chain of documents each naming the next by URL ends here: a server could otherwise make one up forever. */
export const MAX_FETCH_ROUNDS = 20;

export async function bundleWithUrls(root: Record<string, unknown>, options: UrlBundleOptions): Promise<UrlBundleResult> {
  const texts = new Map<string, FetchResult>();
  const urls = { map: options.map, fetch: Boolean(options.fetch) };
  for (let round = 0; ; round++) {
    const missing = new Set<string>();
    const read: ReadFile = (file) => {
      if (!isUrl(file)) return options.read(file);
      const got = texts.get(file);
      if (!got) {
        missing.add(file);
        throw new Error('not fetched');
      }
      if ('error' in got) throw new Error(got.error);
      return got.text;
    };
    const r = bundleSpec(root, { entry: options.entry, read, urls });
    if (!missing.size || !options.fetch) {
      const fetched: UrlBundleResult['fetched'] = [];
      const fetchFailed: UrlBundleResult['fetchFailed'] = [];
      for (const url of r.files.filter(isUrl)) {
        const got = texts.get(url);
        if (got && 'text' in got) fetched.push({ url, bytes: Buffer.byteLength(got.text) });
        else if (got) fetchFailed.push({ url, error: got.error });
      }
      return { ...r, fetched, fetchFailed };
    }
    if (round >= MAX_FETCH_ROUNDS) {
      for (const url of missing) texts.set(url, { error: `not fetched: more than ${MAX_FETCH_ROUNDS} levels of documents that reference each other by URL` });
      continue;
    }
    await checkpoint(options.isCancelled);
    const got = await options.fetch([...missing]);
    await checkpoint(options.isCancelled);
    for (const url of missing) texts.set(url, got.get(url) ?? { error: 'not fetched' });
  }
}
