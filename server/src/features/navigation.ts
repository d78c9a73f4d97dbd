/**
 * Navigation in specs (LSP wiring only; the engine's navigation/ does the
 * work on offsets): definition, references, hover, document symbols, `$ref`
 * completion and rename; and from a settings file's `paginatedActions` to the
 * operations. Files named by relative `$ref`s and the settings file are read
 * from the open documents first, else from disk, and never outside the spec's folder.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionItemKind,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type Location,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf, type ServerContext } from '../context';
import { specOperationsOfAnalysis, paginatedActionsOf, specOperationsOfText, type SpecOperations } from '../engine/actions';
import type { Analysis } from '../engine/engine';
import { LineIndex } from '../engine/line-index';
import * as nav from '../engine/navigation';
import { cancellable } from '../cancellable';
import { parseSettingsText } from '../engine/settings';
import { isSettingsName } from '../engine/spec-files';
import { formatOfName, insideFolder, MAX_READ_BYTES, settingsFileFor, specFileFor } from '../engine/spec-files';
import { openFiles, pathOf } from './open-files';
import { operationsElsewhere } from './spec-operations';

/** Files a `$ref` names are read only up to this size. */
const SYMBOL_KINDS: Record<nav.SymbolKind, SymbolKind> = {
  info: SymbolKind.Module,
  paths: SymbolKind.Namespace,
  path: SymbolKind.Namespace,
  operation: SymbolKind.Method,
  components: SymbolKind.Namespace,
  section: SymbolKind.Package,
  component: SymbolKind.Class,
};

interface FileText {
  uri: string;
  text: string;
  lines?: LineIndex;
  doc?: TextDocument;
}

export function registerNavigation(ctx: ServerContext): void {
  const files = openFiles(ctx.documents);
  ctx.addCapabilities({
    definitionProvider: true,
    referencesProvider: true,
    hoverProvider: true,
    documentSymbolProvider: { label: 'OpenAPI' },
    completionProvider: { triggerCharacters: ['/', '#', '"', "'"], resolveProvider: true },
    renameProvider: { prepareProvider: true },
  });

  /**
   * The open spec's navigation index (built on first use for this version), or with `build` its structure
   * alone (what the outline needs); undefined for anything that is not a spec that parses.
   */
  function specAt(uri: string): { doc: TextDocument; analysis: Analysis; index: nav.NavIndex } | undefined;
  function specAt<T>(uri: string, build: (analysis: Analysis) => T | undefined): { doc: TextDocument; analysis: Analysis; index: T } | undefined;
  function specAt(uri: string, build: (analysis: Analysis) => unknown = nav.navIndexOf) {
    const doc = ctx.documents.get(uri);
    const analysis = doc && !isSettings(uri) ? ctx.analysisOf(doc) : undefined;
    const index = analysis && build(analysis);
    return doc && analysis && index ? { doc, analysis, index } : undefined;
  }
  const range = (doc: TextDocument, s: nav.Span): Range => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

  ctx.connection.onDefinition((params, token) =>
    cancellable(token, () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      if (isSettings(doc.uri)) return settingsDefinition(doc, doc.offsetAt(params.position));
      const spec = specAt(doc.uri);
      if (!spec) return null;
      const target = nav.definitionAt(spec.index, doc.offsetAt(params.position));
      if (!target) return null;
      if (target.kind === 'local') return { uri: doc.uri, range: range(doc, target.span) } satisfies Location;
      const file = refFile(doc.uri, target.file);
      const resolved = file && nav.resolveInFile(file.text, file.uri, target.fragment);
      if (!file || !resolved) return null;
      return { uri: file.uri, range: spanRange(resolved.doc.lines, resolved.span) } satisfies Location;
    }),
  );

  ctx.connection.onReferences((params, token) =>
    cancellable(token, () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      if (isSettings(doc.uri)) return settingsReferences(doc, doc.offsetAt(params.position), params.context.includeDeclaration);
      const spec = specAt(doc.uri);
      const found = spec && nav.referencesAt(spec.index, doc.offsetAt(params.position));
      if (!found) return null;
      const out: Location[] = [];
      if (params.context.includeDeclaration && found.declaration) out.push({ uri: doc.uri, range: range(doc, found.declaration) });
      if (found.kind === 'target') for (const s of found.sites) out.push({ uri: doc.uri, range: range(doc, s) });
      else {
        const settings = settingsOf(doc.uri);
        for (const e of settings ? nav.paginatedEntries(settings.text) : [])
          if (e.operationId === found.operationId) out.push({ uri: settings!.uri, range: fileRange(settings!, e.span) });
      }
      return out;
    }),
  );

  ctx.connection.onHover((params, token) =>
    cancellable(token, () => {
      const spec = specAt(params.textDocument.uri);
      if (!spec) return null;
      const { doc, index } = spec;
      const offset = doc.offsetAt(params.position);
      const under = nav.whatIsAt(index, offset);
      const settings = under?.kind === 'method' ? settingsOf(doc.uri) : undefined;
      const hover = nav.hoverAt(index, offset, {
        paginated: settings && paginatedActionsOf(settings.text),
        settingsName: settings && path.basename(fileURLToPath(settings.uri)),
      });
      if (!hover) return null;
      if ('markdown' in hover) return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: range(doc, hover.span) };
      const file = refFile(doc.uri, hover.file.file);
      const resolved = file && nav.resolveInFile(file.text, file.uri, hover.file.fragment);
      const value = resolved
        ? nav.describeTarget(resolved.doc.value, hover.site.raw, resolved.value)
        : `\`${hover.site.raw}\`: **not found** (the file is missing, outside the spec's folder, or holds nothing there).`;
      return { contents: { kind: MarkupKind.Markdown, value }, range: range(doc, hover.span) };
    }),
  );

  /**
   * VS Code's JSON language features give every JSON file an outline (and the breadcrumb) already: a second set
   * from us showed each entry twice. The client says so at start (`initializationOptions.jsonOutlineFromEditor`),
   * and a JSON spec then gets that one; YAML, which VS Code has no outline for, gets ours. The actions with their
   * names are in the Rewst Actions view either way.
   */
  const editorOutlinesJson = () => (ctx.initParams?.initializationOptions as { jsonOutlineFromEditor?: unknown } | undefined)?.jsonOutlineFromEditor === true;

  ctx.connection.onDocumentSymbol((params, token) =>
    cancellable(token, () => {
      const open = ctx.documents.get(params.textDocument.uri);
      if (open && editorOutlinesJson() && formatOf(open) === 'json') return null;
      // The structure alone, not the whole index: asked as soon as a file shows, it must not hold up the first lightbulb.
      const spec = specAt(params.textDocument.uri, nav.navStructureOf);
      if (!spec) return null;
      // Positions from the analysis's line index (built for its diagnostics) rather than the document's, which a
      // 13 MB file would have to build first: the outline converts thousands of spans.
      const lines = spec.analysis.doc.lines;
      const at = (span: nav.Span): Range => ({ start: lines.positionAt(span.start), end: lines.positionAt(span.end) });
      const convert = (s: nav.NavSymbol): DocumentSymbol => ({
        name: s.name || '""',
        detail: s.detail,
        kind: SYMBOL_KINDS[s.kind],
        range: at(s.span),
        selectionRange: at(s.selection),
        children: s.children?.map(convert),
      });
      // Path items written in other files of the spec's folder: their operations, read as the Actions view reads them.
      const { elsewhere } = operationsElsewhere(ctx.documents, spec.doc, spec.analysis);
      return nav.documentSymbols(spec.index, elsewhere).map(convert);
    }),
  );

  // Completion reads only the cursor's line and the parsed value: no index, so typing never builds one.
  ctx.connection.onCompletion((params, token) =>
    cancellable(token, () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      const analysis = doc && ctx.analysisOf(doc);
      if (!doc || !analysis?.root) return null;
      const offset = doc.offsetAt(params.position);
      const found = nav.refCompletion(doc.getText(), analysis.doc.format, offset, analysis.root, analysis.doc.version);
      if (!found) return null;
      const replace = range(doc, found.replace);
      return {
        isIncomplete: false,
        items: found.items.map((item, i): CompletionItem => ({
          label: item.label,
          kind: CompletionItemKind.Reference,
          detail: item.detail,
          data: { uri: doc.uri, version: doc.version, pointer: item.pointer },
          filterText: item.pointer, // what is typed: the pointer without the quotes a plain YAML value gets
          sortText: String(i).padStart(6, '0'),
          textEdit: { range: replace, newText: item.newText },
        })),
      };
    }),
  );

  // The description of the item the list shows, from the same version of the document.
  ctx.connection.onCompletionResolve((item, token) =>
    cancellable(token, () => {
      const data = item.data as { uri?: unknown; version?: unknown; pointer?: unknown } | undefined;
      const doc = typeof data?.uri === 'string' ? ctx.documents.get(data.uri) : undefined;
      const analysis = doc && doc.version === data?.version ? ctx.analysisOf(doc) : undefined;
      const description = analysis?.root && typeof data?.pointer === 'string' ? nav.componentDescription(analysis.root, data.pointer) : undefined;
      return description ? { ...item, documentation: { kind: MarkupKind.Markdown, value: description } } : item;
    }),
  );

  ctx.connection.onPrepareRename((params, token) =>
    cancellable(token, () => {
      const spec = specAt(params.textDocument.uri);
      if (!spec) return null;
      const target = nav.prepareRenameAt(spec.index, spec.doc.offsetAt(params.position));
      if (!target.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, target.reason);
      return { range: range(spec.doc, target.span), placeholder: target.placeholder };
    }),
  );

  ctx.connection.onRenameRequest((params, token) =>
    cancellable(token, () => {
      const spec = specAt(params.textDocument.uri);
      if (!spec) return null;
      const result = nav.renameAt(spec.index, spec.doc.offsetAt(params.position), params.newName);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      // One workspace edit, which the editor applies as one undoable step, tied to the version it was computed on
      // (documentChanges: VS Code, this server's client, takes them).
      const edits = result.edits.map((e) => ({ range: range(spec.doc, e), newText: e.newText }));
      return { documentChanges: [{ textDocument: { uri: spec.doc.uri, version: spec.doc.version }, edits }] };
    }),
  );

  /** In a settings file, on an operationId in `paginatedActions`: the operation in the spec. */
  function settingsDefinition(doc: TextDocument, offset: number): Location | null {
    const entry = nav.paginatedEntryAt(doc.getText(), offset);
    const spec = entry && specOf(doc);
    const span = spec && nav.operationKeySpan(spec.operations, entry!.operationId);
    return spec && span ? { uri: spec.uri, range: spanRange(spec.operations.doc.lines, span) } : null;
  }

  function settingsReferences(doc: TextDocument, offset: number, includeDeclaration: boolean): Location[] | null {
    const text = doc.getText();
    const entry = nav.paginatedEntryAt(text, offset);
    if (!entry) return null;
    const out: Location[] = [];
    const spec = includeDeclaration ? specOf(doc) : undefined;
    const span = spec && nav.operationKeySpan(spec.operations, entry.operationId);
    if (spec && span) out.push({ uri: spec.uri, range: spanRange(spec.operations.doc.lines, span) });
    for (const e of nav.paginatedEntries(text)) if (e.operationId === entry.operationId) out.push({ uri: doc.uri, range: range(doc, e.span) });
    return out;
  }

  /** The spec a settings file belongs to, found by the one locator (engine/spec-files.ts). */
  function specOf(settings: TextDocument): { uri: string; operations: SpecOperations } | undefined {
    const file = pathOf(settings.uri);
    if (!file) return undefined;
    const found = specFileFor(files, file, parseSettingsText(settings.getText())).file;
    const read = found === undefined ? undefined : readFile(found);
    if (!found || !read) return undefined;
    const analysis = read.doc && ctx.analysisOf(read.doc);
    const operations = analysis ? specOperationsOfAnalysis(analysis) : specOperationsOfText(read.text, formatOfName(found));
    return operations.isSpec ? { uri: read.uri, operations } : undefined;
  }

  /** The settings file beside a spec, if there is one (the one locator). */
  function settingsOf(specUri: string): FileText | undefined {
    const file = pathOf(specUri);
    const settings = file === undefined ? undefined : settingsFileFor(files, file);
    return settings?.exists ? readFile(settings.file) : undefined;
  }

  /** The file a relative `$ref` names, resolved against the spec's folder and kept inside it. */
  function refFile(specUri: string, relative: string): FileText | undefined {
    const spec = pathOf(specUri);
    const inside = spec === undefined || path.isAbsolute(relative) ? undefined : insideFolder(path.dirname(spec), relative);
    return inside?.file === undefined ? undefined : readFile(inside.file);
  }

  /** An open document's text (unsaved edits count), else the file on disk, capped. */
  function readFile(file: string): FileText | undefined {
    const open = files.openDoc(file);
    if (open) return { uri: open.uri, text: open.getText(), doc: open };
    const read = files.readText(file, MAX_READ_BYTES);
    return read && 'text' in read ? { uri: pathToFileURL(file).toString(), text: read.text } : undefined;
  }
}

function isSettings(uri: string): boolean {
  return isSettingsName(uri.split(/[?#]/)[0]);
}

function fileRange(file: FileText, span: nav.Span): Range {
  if (file.doc) return { start: file.doc.positionAt(span.start), end: file.doc.positionAt(span.end) };
  const lines = (file.lines ??= new LineIndex(file.text));
  return spanRange(lines, span);
}

function spanRange(lines: LineIndex, span: nav.Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}
