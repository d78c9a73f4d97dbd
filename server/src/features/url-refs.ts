/**
 * References by URL in the editor: Prepare's options from the settings
 * (`rewstOpenapi.refMap`, `rewstOpenapi.fetchRemoteRefs`), the fetch of one
 * server session with the user asked about each host before its first fetch
 * (`window/showMessageRequest`), and the quick fix on a `ref-external` warning
 * about a URL whose file name is in the spec's folder: map the URL's prefix to
 * that folder (a client command writes the setting, see ref-map-command.ts).
 */
import { dirname, join } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { parseRefMap, routeUrl, shortUrl, type FetchDocuments, type RefMapEntry } from '../engine/bundle';
import type { DiagnosticData } from '../lsp-convert';
import { ADD_REF_MAP_COMMAND, type AddRefMapArgs } from '../../../common/ref-map-command';
import { RemoteDocuments } from '../remote-refs';
import { openFiles, pathOf } from './open-files';

export interface UrlRefsFeature {
  /** Prepare's `urls` option, from the settings as they are now. */
  prepareOptions(): Promise<{ map?: RefMapEntry[]; fetch?: FetchDocuments }>;
  /** Quick fixes for the diagnostics of a request (the server's own, any rule): those about a URL. */
  codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[];
}

export function registerUrlRefs(ctx: ServerContext): UrlRefsFeature {
  const files = openFiles(ctx.documents);
  // One session: what was fetched (or failed) and which hosts the user allowed, until the server stops.
  const remote = new RemoteDocuments(undefined, async (hosts) => {
    const list = [...hosts].map(([host, urls]) => `${host} (${urls.length} file(s), first ${shortUrl(urls[0], 80)})`).join('; ');
    const fetch = { title: 'Fetch' };
    const chosen = await ctx.connection.window.showWarningMessage(
      `Prepare for Rewst Upload would fetch $ref documents by URL from: ${list}. Only these files are requested, over https, with no credentials or cookies. Fetch them?`,
      fetch,
      { title: "Don't fetch" },
    );
    return new Set(chosen?.title === fetch.title ? hosts.keys() : []);
  });
  // The map as last read, for the lightbulb (which answers at once): a URL already mapped gets no offer to map it.
  let lastMap: RefMapEntry[] = [];
  const readMap = async () => {
    const parsed = parseRefMap(await ctx.configuration.get('refMap'));
    lastMap = parsed.map;
    return parsed;
  };
  ctx.documents.onDidOpen(() => void readMap().catch(() => undefined));
  return {
    async prepareOptions() {
      const { map, errors } = await readMap();
      for (const e of errors) ctx.connection.console.warn(`rewst-openapi: rewstOpenapi.refMap: ${e}; that entry is not used`);
      const fetching = await ctx.configuration.get('fetchRemoteRefs');
      return { map, fetch: fetching ? remote.fetch : undefined };
    },
    codeActions(doc, diagnostics) {
      const spec = pathOf(doc.uri);
      if (!spec) return [];
      void readMap().catch(() => undefined);
      const actions: CodeAction[] = [];
      for (const d of diagnostics) {
        const data = d.data as DiagnosticData | undefined;
        const url = data?.ruleId === 'ref-external' ? data.data?.url : undefined;
        const file = data?.data?.file;
        if (typeof url !== 'string' || typeof file !== 'string' || !file || !files.exists(join(dirname(spec), file))) continue;
        if (routeUrl(url, { map: lastMap }).kind !== 'url') continue;
        const args: AddRefMapArgs = { prefix: url.slice(0, url.lastIndexOf('/') + 1), dir: './' };
        actions.push({
          title: `Read ${shortUrl(args.prefix, 80)}… from this folder (${file} is here): add it to rewstOpenapi.refMap`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: 'Add to rewstOpenapi.refMap', command: ADD_REF_MAP_COMMAND, arguments: [args] },
        });
      }
      return actions;
    },
  };
}
