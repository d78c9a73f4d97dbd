/** The report's words on references by URL: what was mapped, fetched or left, and the two ways to take the rest in. */
import { shortUrl } from '../bundle';
import type { PrepareResult } from './prepare';

/** The two ways, as the editor and the CLI spell them. */
export const URL_WAYS = {
  editor:
    'map the URL prefix to a folder holding those files (setting `rewstOpenapi.refMap`, e.g. `{"https://host/repo/v1/": "./"}`; the quick fix on the warning adds it) or allow fetching (setting `rewstOpenapi.fetchRemoteRefs`: https only, hosts confirmed first)',
  cli: "map the URL prefix to a folder holding those files (--ref-map PREFIX=DIR, DIR relative to the spec's folder) or fetch them (--fetch-refs: https only)",
};

/** Plain lines (no Markdown), for the CLI's report and the Markdown section alike. */
export function urlRefsLines(r: PrepareResult, ways: keyof typeof URL_WAYS): string[] {
  const u = r.urlRefs;
  if (!u) return [];
  const lines: string[] = [];
  if (u.mapped.length) lines.push(`mapped to local files (${u.mapped.length}): ${u.mapped.map((m) => `${shortUrl(m.url)} → ${m.file}`).join(', ')}`);
  if (u.fetched.length) lines.push(`fetched (${u.fetched.length}): ${u.fetched.map((f) => `${shortUrl(f.url)} (${f.bytes} bytes)`).join(', ')}`);
  for (const f of u.fetchFailed) lines.push(`could not be fetched: ${shortUrl(f.url)}: ${f.error}`);
  if (u.left.length) {
    const refs = u.left.reduce((n, l) => n + l.references, 0);
    lines.push(
      `left as URLs, which Rewst cannot follow: ${refs} reference(s) to ${u.left.length} document(s): ${u.left.map((l) => `${shortUrl(l.url)} (${l.references})`).join(', ')}`,
    );
    lines.push(`to bundle them: ${URL_WAYS[ways]}`);
  }
  return lines;
}
