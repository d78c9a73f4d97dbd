import { documentUrl, shortUrl, urlFileName } from '../bundle/url-refs';
import type { Rule } from '../rule';
import type { JsonPath } from '../types';

/** Other places of one URL listed beside its diagnostic. */
const MAX_RELATED = 50;

/** What a reference points at, in words, without ever resolving it. */
function kindOf(ref: string): string {
  if (/^https?:/i.test(ref)) return 'a URL';
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return 'an address';
  return 'another file';
}

export const refExternal: Rule = {
  id: 'ref-external',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'A $ref must point inside the document: Rewst imports one self-contained file.',
  severity: 'warning',
  fixAll: false,
  check({ doc, index, report }) {
    // References by URL: one finding per document URL (35 references to 4 files are 4 findings), at its first reference.
    const byUrl = new Map<string, JsonPath[]>();
    for (const { path, ref } of index.refs) {
      if (ref.startsWith('#')) continue;
      const url = /^https?:/i.test(ref) ? documentUrl(ref.replace(/#.*$/s, '')) : undefined;
      if (url) {
        const places = byUrl.get(url);
        if (places) places.push(path);
        else byUrl.set(url, [path]);
        continue;
      }
      const shown = ref.length > 120 ? ref.slice(0, 120) + '…' : ref;
      const kind = kindOf(ref);
      report({
        path: [...path, '$ref'],
        target: 'value',
        message:
          kind === 'another file'
            ? `External reference to another file ("${shown}"): Rewst imports one self-contained file and will not follow it. Prepare for Rewst Upload (or rewst-openapi bundle) bundles the files of the spec's folder into one document.`
            : `External reference to ${kind} ("${shown}"): Rewst imports one self-contained file and will not follow it. It is never fetched or read here; copy what it points at into this document.`,
      });
    }
    // The walk meets references out of document order: the first written gets the finding, the rest follow it.
    const all = [...byUrl.values()].flat();
    const spans = all.length > 1 ? doc.locate(all.map((p) => ({ path: [...p, '$ref'], target: 'value' as const }))) : [];
    const offset = new Map(all.map((p, i) => [p, spans[i]?.start ?? 0]));
    for (const [url, places] of byUrl) {
      const [first, ...others] = places.sort((a, b) => offset.get(a)! - offset.get(b)!);
      const n = others.length + 1;
      report({
        path: [...first, '$ref'],
        target: 'value',
        message: `${n === 1 ? 'A reference' : `${n} references`} to the URL ${shortUrl(url)}: Rewst imports one self-contained file and will not follow ${n === 1 ? 'it' : 'them'}. Prepare for Rewst Upload bundles the URL's document when its prefix is mapped to a local folder (setting rewstOpenapi.refMap, CLI --ref-map) or fetching is allowed (setting rewstOpenapi.fetchRemoteRefs, CLI --fetch-refs).`,
        data: { url, file: urlFileName(url), references: n },
        related: others.slice(0, MAX_RELATED).map((p) => ({ path: [...p, '$ref'], target: 'value' as const, message: `also references ${shortUrl(url)}` })),
      });
    }
  },
};
