/**
 * Custom requests behind the actions view and the regex rename (types in
 * protocol.ts). Positions are LSP positions (UTF-16); edits are LSP
 * text edits on the version returned.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { actionsOf, operationsOf, paginatedActionsOf, renameIn, settingsFileNames, splitRegexLiteral } from '../engine';
import { toLspEdits } from '../lsp-convert';
import { ActionsRequest, RenamePreviewRequest, type RenamePreviewResult } from '../protocol';

export function registerActions(ctx: ServerContext): void {
  ctx.connection.onRequest(ActionsRequest, (params) => {
    const doc = ctx.documents.get(params.uri);
    const analysis = doc && ctx.analysisOf(doc);
    if (!doc || !analysis) return null;
    const settings = settingsFor(ctx, doc);
    const list = actionsOf(operationsOf(analysis), { paginated: paginatedActionsOf(settings?.text) });
    return {
      uri: doc.uri,
      version: doc.version,
      isSpec: list.isSpec,
      problem: list.problem,
      actions: list.actions.map(({ offset: _offset, ...rest }) => rest),
      groups: list.groups,
      settingsUri: settings?.uri,
    };
  });

  ctx.connection.onRequest(RenamePreviewRequest, (params): RenamePreviewResult => {
    const doc = ctx.documents.get(params.uri);
    const analysis = doc && ctx.analysisOf(doc);
    if (!doc || !analysis) return { ok: false, reason: 'the document is not open in the Rewst OpenAPI language server (only JSON and YAML files are)' };
    if (params.field !== 'name' && params.field !== 'description') return { ok: false, reason: `the field must be "name" or "description", not ${JSON.stringify(params.field)}` };
    const typed = String(params.match ?? '');
    const { source, flags } = params.literal ? splitRegexLiteral(typed) : { source: typed, flags: String(params.flags ?? '') };
    const preview = renameIn(operationsOf(analysis), { field: params.field, match: source, flags, replace: String(params.replace ?? '') });
    if (!preview.ok) return preview;
    return {
      ok: true,
      version: doc.version,
      regex: `/${source}/${flags}`,
      total: preview.total,
      matched: preview.matched,
      changes: preview.changes.map(({ edit, ...c }) => ({ ...c, edit: toLspEdits(doc, [edit])[0] })),
      collisions: preview.collisions,
      emptyNames: preview.emptyNames.length,
      skipped: preview.skipped.map(({ method, path, reason }) => ({ method, path, reason })),
      edits: toLspEdits(doc, preview.edits),
    };
  });
}

/** The spec's integration settings file: open in the editor (unsaved edits count) or on disk. */
function settingsFor(ctx: ServerContext, doc: TextDocument): { uri: string; text: string } | undefined {
  if (!doc.uri.startsWith('file:')) return undefined;
  let file: string;
  try {
    file = fileURLToPath(doc.uri);
  } catch {
    return undefined;
  }
  for (const name of settingsFileNames(basename(file))) {
    const path = join(dirname(file), name);
    const uri = pathToFileURL(path).toString();
    const open = ctx.documents.all().find((d) => d.uri === uri || safePath(d.uri) === path);
    if (open) return { uri: open.uri, text: open.getText() };
    if (existsSync(path)) {
      try {
        return { uri, text: readFileSync(path, 'utf8') };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function safePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}
