/**
 * Custom requests behind the actions view and the regex rename (types in
 * common/protocol.ts). Positions are LSP positions (UTF-16); edits are LSP
 * text edits on the version returned.
 */
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../context';
import { actionListOf, type Analysis, paginatedActionsOf, renameIn, splitRegexLiteral } from '../engine';
import { settingsTextFor } from '../engine/spec-files';
import { toLspEdits } from '../lsp-convert';
import { openFiles, pathOf, type OpenFiles } from './open-files';
import { specOperationsWithElsewhere } from './spec-operations';
import { ActionsRequest, RenamePreviewRequest, type RenamePreviewResult } from '../../../common/protocol';

export function registerActions(ctx: ServerContext): void {
  const files = openFiles(ctx.documents);
  const withOperationsElsewhere = (doc: TextDocument, analysis: Analysis) => specOperationsWithElsewhere(ctx.documents, doc, analysis);
  ctx.connection.onRequest(ActionsRequest, (params) => {
    const doc = ctx.documents.get(params.uri);
    const analysis = doc && ctx.analysisOf(doc);
    if (!doc || !analysis) return null;
    const settings = settingsFor(files, doc);
    const { spec, uriOf } = withOperationsElsewhere(doc, analysis);
    const list = actionListOf(spec, { paginated: paginatedActionsOf(settings?.text) });
    return {
      uri: doc.uri,
      version: doc.version,
      isSpec: list.isSpec,
      problem: list.problem,
      actions: list.actions.map(({ offset: _offset, file: other, ...rest }) => (other ? { ...rest, uri: uriOf(other) } : rest)),
      groups: list.groups,
      settingsUri: settings?.uri,
    };
  });

  ctx.connection.onRequest(RenamePreviewRequest, (params): RenamePreviewResult => {
    const doc = ctx.documents.get(params.uri);
    const analysis = doc && ctx.analysisOf(doc);
    if (!doc || !analysis) return { ok: false, reason: 'the document is not open in the Rewst OpenAPI language server (only JSON and YAML files are)' };
    if (params.field !== 'name' && params.field !== 'description')
      return { ok: false, reason: `the field must be "name" or "description", not ${JSON.stringify(params.field)}` };
    const typed = String(params.match ?? '');
    const { source, flags } = params.literal ? splitRegexLiteral(typed) : { source: typed, flags: String(params.flags ?? '') };
    const { spec, uriOf } = withOperationsElsewhere(doc, analysis);
    const preview = renameIn(spec, { field: params.field, match: source, flags, replace: String(params.replace ?? '') });
    if (!preview.ok) return preview;
    return {
      ok: true,
      version: doc.version,
      regex: `/${source}/${flags}`,
      total: preview.total,
      matched: preview.matched,
      // A change's range is on its own file's text (the spec's, or the other file's, named by uri).
      changes: preview.changes.map(({ edit, ...c }) => ({ ...c, edit: { range: c.range, newText: edit.newText }, ...(c.file ? { uri: uriOf(c.file) } : {}) })),
      collisions: preview.collisions,
      emptyNames: preview.emptyNames.length,
      skipped: preview.skipped.map(({ method, path, reason }) => ({ method, path, reason })),
      edits: toLspEdits(doc, preview.edits),
    };
  });
}

/** The spec's integration settings file: open in the editor (unsaved edits count) or on disk. */
function settingsFor(files: OpenFiles, doc: TextDocument): { uri: string; text: string } | undefined {
  const spec = pathOf(doc.uri);
  const settings = spec === undefined ? undefined : settingsTextFor(files, spec);
  if (!settings) return undefined;
  return { uri: files.openDoc(settings.file)?.uri ?? pathToFileURL(settings.file).toString(), text: settings.text };
}
