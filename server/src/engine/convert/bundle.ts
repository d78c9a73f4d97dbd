import { bundleWithUrls, BundleTooLarge, type FetchDocuments, type RefMapEntry, type ReadFile, type UrlBundleResult } from '../bundle';
import type { Format } from '../parse';
import { ConvertError } from './problems';
import { readSpecValue } from './read';
import { serializeLike, toYaml } from './serialize';

export interface BundleFileResult extends UrlBundleResult {
  /** The bundled document: JSON with the input's indentation, or YAML (comments are not carried over). */
  text: string;
  format: Format;
}

/**
 * Bundles a spec's text (the file `entry` of a folder `read` reads) into one document, in `to` or the input's format.
 * References by URL are taken in through `map` (URL prefix → folder) and, when given, `fetch`.
 */
export async function bundleText(
  text: string,
  options: { format?: Format; entry: string; read: ReadFile; to?: Format; map?: readonly RefMapEntry[]; fetch?: FetchDocuments },
): Promise<BundleFileResult> {
  const input = readSpecValue(text, options.format);
  if (!input.version) throw new ConvertError('This is not an OpenAPI or Swagger document (no top-level "openapi" or "swagger"): nothing to bundle.');
  let r: UrlBundleResult;
  try {
    r = await bundleWithUrls(input.value, { entry: options.entry, read: options.read, map: options.map, fetch: options.fetch });
  } catch (e) {
    if (e instanceof BundleTooLarge) throw new ConvertError(e.message);
    throw e;
  }
  const format = options.to ?? input.format;
  const out = format === input.format ? serializeLike(r.value, format, text) : format === 'json' ? JSON.stringify(r.value, null, 2) + '\n' : toYaml(r.value);
  return { ...r, text: out, format };
}
