/**
 * The Rewst rules over the files a spec's relative `$ref`s name, as the CLI's
 * lint runs them (engine/bundle/cross-file.ts). Each finding is shown twice:
 * in the referenced file, at its place there (in the editor when the file is
 * open, in the Problems view when it is not), and in the spec, at its own
 * `$ref` that leads to that file, pointing at the place. A reference that
 * cannot be followed is one diagnostic at its `$ref` in the spec.
 *
 * The files read are only inside the spec's folder (read-within.ts), an open
 * editor's text winning over the disk. Editing, opening, closing or saving one
 * of them runs the spec again.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import type { Analysis } from '../engine';
import {
  checkReferencedFiles,
  documentUrl,
  foundThroughMessage,
  isUrl,
  parseRefMap,
  routeUrl,
  type RefMapEntry,
  type ReferencedCheck,
  type ReferencedFinding,
} from '../engine/bundle';
import { SOURCE as REWST, toDiagnostic, toLspEdits } from '../lsp-convert';
import type { DiagnosticsPublisher } from './diagnostics';
import { bundlingOf, openFiles, pathOf } from './open-files';

const SOURCE = 'references';
/**
 * Past this size an edit of the spec itself does not run the check again (bundling and linting GitHub's
 * 13 MB description with one file reference takes 1.3 s, which would stall the lightbulb after each pause):
 * it runs when the spec opens, when its file references change, and when a file it read changes.
 */
const RECHECK_EACH_EDIT_MAX_CHARS = 2_000_000;

/** What a diagnostic of a referenced finding carries, in the file or at the spec's `$ref`, so its quick fix can be found again. */
interface ReferencedData {
  referenced: { spec: string; version: number; index: number };
}

export interface ReferencedFiles {
  /** The quick fixes of the diagnostics in the request that a spec found in a file it refers to. */
  codeActions(params: CodeActionParams): CodeAction[];
}

export function registerReferencedFiles(ctx: ServerContext, publisher: DiagnosticsPublisher): ReferencedFiles {
  const files = openFiles(ctx.documents);
  /** Spec's uri → its last check, for the quick fixes of what it found. */
  const checks = new Map<string, { version: number; check: ReferencedCheck; folder: string }>();
  /** Spec's uri → the files its last run read. */
  const reads = new Map<string, Set<string>>();
  /** Spec's uri → what its last run depended on: its file references and the versions of the files read. */
  const inputs = new Map<string, string>();
  const inputsOf = (analysis: Analysis, uri: string, map: RefMapEntry[]) =>
    JSON.stringify([
      map,
      analysis.index?.refs.filter((r) => !r.ref.startsWith('#')).map((r) => r.ref),
      [...(reads.get(uri) ?? [])].map((f) => files.stamp(f) ?? ''),
    ]);
  const forget = (uri: string) => {
    reads.delete(uri);
    checks.delete(uri);
    inputs.delete(uri);
    publisher.setReferenced(uri, new Map());
  };

  ctx.scheduler.subscribe({
    name: 'references',
    run: async ({ doc, analysis, token }) => {
      const { file, entry, read: reader } = bundlingOf(ctx.documents, doc.uri);
      // References by URL that rewstOpenapi.refMap maps to files of the folder are files here too.
      const map = parseRefMap(await ctx.configuration.get('refMap')).map;
      if (!file || !entry || !reader || !refersToFiles(analysis, map)) {
        if (reads.has(doc.uri)) ctx.setExtraDiagnostics(doc.uri, SOURCE, doc.version, []);
        return forget(doc.uri);
      }
      // After Rewst's diagnostics for the version have gone out, and any request that came meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) return;
      const before = inputs.get(doc.uri);
      const big = doc.getText().length > RECHECK_EACH_EDIT_MAX_CHARS;
      if (big && before !== undefined && before === inputsOf(analysis, doc.uri, map)) return; // the last results stay, moved with the text
      const folder = dirname(file);
      const read = new Set<string>();
      const check = checkReferencedFiles(analysis.root, {
        entry,
        read: (name) => {
          read.add(join(folder, ...name.split('/')));
          return name === entry ? doc.getText() : reader(name);
        },
        urls: map.length ? { map } : undefined,
      });
      if (token.isCancellationRequested) return;
      const found = check?.findings ?? [];
      if (check) checks.set(doc.uri, { version: doc.version, check, folder });
      else checks.delete(doc.uri);
      reads.set(doc.uri, read);
      inputs.set(doc.uri, inputsOf(analysis, doc.uri, map));
      const own: Diagnostic[] = [];
      const byFile = new Map<string, Diagnostic[]>();
      for (const [index, f] of found.entries()) {
        const data: ReferencedData | undefined = f.fixable ? { referenced: { spec: doc.uri, version: doc.version, index } } : undefined;
        if (f.file === entry) {
          own.push(toDiagnostic(doc.uri, f));
          continue;
        }
        const uri = pathToFileURL(join(folder, ...f.file.split('/'))).toString();
        const list = byFile.get(uri) ?? [];
        byFile.set(uri, list);
        list.push({ ...toDiagnostic(uri, { ...f, message: foundThroughMessage(f.message, entry) }), data });
        const atRef = atSpecRef(analysis, f, uri);
        if (atRef) own.push({ ...atRef, data });
      }
      // The referenced files first: once the spec's own publish arrives, the whole check has been published.
      publisher.setReferenced(doc.uri, byFile);
      ctx.setExtraDiagnostics(doc.uri, SOURCE, doc.version, own);
    },
    closed: forget,
  });

  /** A file some spec read changed (typed, opened, closed, saved or deleted): run that spec again. */
  const changed = (uri: string) => {
    const file = pathOf(uri);
    if (!file) return;
    for (const [spec, names] of reads) if (spec !== uri && names.has(file)) ctx.scheduler.rerun(spec, ctx.scheduler.debounceMs);
  };
  ctx.documents.onDidChangeContent((e) => changed(e.document.uri));
  ctx.documents.onDidClose((e) => changed(e.document.uri));
  ctx.connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) changed(c.uri);
  });

  return {
    codeActions(params) {
      const actions: CodeAction[] = [];
      for (const diagnostic of params.context.diagnostics) {
        const at = (diagnostic.data as Partial<ReferencedData> | undefined)?.referenced;
        const last = at && diagnostic.source === REWST ? checks.get(at.spec) : undefined;
        const finding = last && last.version === at!.version ? last.check.findings[at!.index] : undefined;
        const fix = finding && last!.check.fixFor(finding);
        if (!fix) continue;
        const uri = pathToFileURL(join(last!.folder, ...finding.file.split('/'))).toString();
        // The fix's offsets are in the text the check read: an editor holding other text since gets none.
        const open = ctx.documents.get(uri);
        if (open && open.getText() !== fix.doc.text) continue;
        actions.push({
          title: `${fix.title} in ${finding.file}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [uri]: toLspEdits(fix.doc.lines, fix.edits) } },
        });
      }
      return actions;
    },
  };
}

/** A `$ref` to a file, or to a URL the map sends to a file (not to a place in the document, not to a URL never read). */
function refersToFiles(analysis: Analysis | undefined, map: RefMapEntry[]): analysis is Analysis & { root: Record<string, unknown> } {
  const mapped = (ref: string) => {
    const url = map.length ? documentUrl(ref.replace(/#.*$/s, '')) : undefined;
    return url !== undefined && routeUrl(url, { map }).kind === 'file';
  };
  return Boolean(analysis?.isSpec && analysis.root && analysis.index?.refs.some((r) => !r.ref.startsWith('#') && (!isUrl(r.ref) || mapped(r.ref))));
}

/** The finding in the spec's Problems list: at the spec's `$ref` that leads to the file, with the place in the file. */
function atSpecRef(analysis: Analysis, f: ReferencedFinding, uri: string): Diagnostic | undefined {
  if (!f.through) return undefined;
  const [span] = analysis.doc.locate([{ path: [...f.through, '$ref'], target: 'value' }]);
  if (!span) return undefined;
  const at = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const range = { start: analysis.doc.lines.positionAt(span.start), end: analysis.doc.lines.positionAt(span.end) };
  return {
    ...toDiagnostic(uri, { ...f, range, message: `In ${at}, which this reference reads: ${f.message}`, related: undefined }),
    data: undefined,
    relatedInformation: [{ location: { uri, range: f.range }, message: f.message }],
  };
}
