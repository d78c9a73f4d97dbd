/**
 * The requests behind *Rewst: Try Action…* (types in common/protocol.ts): the
 * plan (what to ask before a try: parameters, credentials, the method), the
 * try itself (the engine's tryAction with Node's fetch, against the settings
 * file beside the spec, open or on disk) and the fix edit of a finding.
 *
 * Only rewst/tryAction sends anything, and only the client's command sends
 * it. Credentials arrive in its params, are handed to the engine and dropped:
 * never logged, never kept, never in the answer (the report is masked).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerContext } from '../context';
import { parseSettingsText, type IntegrationSettings } from '../engine/settings';
import { readSpecFile, settingsTextFor } from '../engine/spec-files';
import { credentialsNeeded, findOperation, pagingParamsOf, paramsToFill, settingsFixEdits, tryAction, TryUsageError } from '../engine/try';
import { openFiles, pathOf, type OpenFiles } from './open-files';
import { tryReportMarkdown } from './try-markdown';
import * as P from '../../../common/protocol';

type Loaded = { ok: true; spec: Record<string, unknown>; settings: IntegrationSettings; settingsFile: string } | { ok: false; reason: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function registerTry(ctx: ServerContext): void {
  const files = openFiles(ctx.documents);

  ctx.connection.onRequest(P.TryPlanRequest, (p): P.TryPlanResult => {
    const loaded = load(ctx, files, p.specUri);
    if (!loaded.ok) return loaded;
    try {
      const op = findOperation(loaded.spec, p.operationId);
      return {
        ok: true,
        method: op.method.toUpperCase(),
        path: op.pathKey,
        settingsUri: uriOf(files, loaded.settingsFile),
        integration: loaded.settings.name?.trim() || path.basename(loaded.settingsFile),
        params: paramsToFill(loaded.spec, op, pagingParamsOf(loaded.settings, p.operationId)),
        credentials: credentialsNeeded(loaded.settings.auth),
      };
    } catch (e) {
      return { ok: false, reason: message(e) };
    }
  });

  ctx.connection.onRequest(P.TryActionRequest, async (p): Promise<P.TryActionResult> => {
    const loaded = load(ctx, files, p.specUri);
    if (!loaded.ok) return loaded;
    try {
      const report = await tryAction({
        settings: loaded.settings,
        spec: loaded.spec,
        operationId: p.operationId,
        credentials: p.credentials ?? {},
        params: p.params ?? {},
        pages: typeof p.pages === 'number' && p.pages >= 1 ? Math.floor(p.pages) : undefined,
        allowMethod: p.allowMethod === true,
        fetch: (url, init) => fetch(url, init),
      });
      return { ok: true, report, markdown: tryReportMarkdown(report, path.basename(loaded.settingsFile)), settingsUri: uriOf(files, loaded.settingsFile) };
    } catch (e) {
      // A usage error names what to change; anything else is reported by its message only (never the params, which hold the credentials).
      return { ok: false, reason: e instanceof TryUsageError ? e.message : `the try failed: ${message(e)}` };
    }
  });

  ctx.connection.onRequest(P.TryFixEditsRequest, (p): P.TryFixEditsResult => {
    const edits = settingsFixEdits(String(p.text ?? ''), p.edit);
    return edits ? { ok: true, edits } : { ok: false, reason: 'the settings file does not hold a JSON object' };
  });
}

function uriOf(files: OpenFiles, file: string): string {
  return files.openDoc(file)?.uri ?? pathToFileURL(file).href;
}

/** The spec (its open document's analysis, else the file on disk) and the settings file beside it (open or on disk). */
function load(ctx: ServerContext, files: OpenFiles, specUri: string): Loaded {
  const file = pathOf(specUri);
  if (!file) return { ok: false, reason: 'only a spec saved on disk has integration settings beside it' };
  const doc = files.openDoc(file);
  const spec = doc ? ctx.analysisOf(doc)?.root : readSpecFile(files, file).root;
  if (!spec) return { ok: false, reason: `${path.basename(file)} does not parse as an OpenAPI or Swagger document` };
  const found = settingsTextFor(files, file);
  if (!found) return { ok: false, reason: `no integration settings beside ${path.basename(file)}: fill and save the Auth form first` };
  const settings = parseSettingsText(found.text);
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings))
    return { ok: false, reason: `${path.basename(found.file)} does not hold a JSON object` };
  return { ok: true, spec: spec as Record<string, unknown>, settings: settings as IntegrationSettings, settingsFile: found.file };
}
