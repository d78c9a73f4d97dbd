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
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import type { Analysis } from '../engine';
import { findingsInReferencedFiles, foundThroughMessage, type ReferencedFinding } from '../engine/bundle';
import { toDiagnostic } from '../lsp-convert';
import type { DiagnosticsPublisher } from './diagnostics';
import { bundlingOf, openFiles, pathOf } from './open-files';

const SOURCE = 'references';
/**
 * Past this size an edit of the spec itself does not run the check again (bundling and linting GitHub's
 * 13 MB description with one file reference takes 1.3 s, which would stall the lightbulb after each pause):
 * it runs when the spec opens, when its file references change, and when a file it read changes.
 */
const RECHECK_EACH_EDIT_MAX_CHARS = 2_000_000;

export function registerReferencedFiles(ctx: ServerContext, publisher: DiagnosticsPublisher): void {
  const files = openFiles(ctx.documents);
  /** Spec's uri → the files its last run read. */
  const reads = new Map<string, Set<string>>();
  /** Spec's uri → what its last run depended on: its file references and the versions of the files read. */
  const inputs = new Map<string, string>();
  const inputsOf = (analysis: Analysis, uri: string) =>
    JSON.stringify([
      analysis.index?.refs.filter((r) => !r.ref.startsWith('#')).map((r) => r.ref),
      [...(reads.get(uri) ?? [])].map((f) => files.stamp(f) ?? ''),
    ]);
  const forget = (uri: string) => {
    reads.delete(uri);
    inputs.delete(uri);
    publisher.setReferenced(uri, new Map());
  };

  ctx.scheduler.subscribe({
    name: 'references',
    run: async ({ doc, analysis, token }) => {
      const { file, entry, read: reader } = bundlingOf(ctx.documents, doc.uri);
      if (!file || !entry || !reader || !refersToFiles(analysis)) {
        if (reads.has(doc.uri)) ctx.setExtraDiagnostics(doc.uri, SOURCE, doc.version, []);
        return forget(doc.uri);
      }
      // After Rewst's diagnostics for the version have gone out, and any request that came meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) return;
      const before = inputs.get(doc.uri);
      const big = doc.getText().length > RECHECK_EACH_EDIT_MAX_CHARS;
      if (big && before !== undefined && before === inputsOf(analysis, doc.uri)) return; // the last results stay, moved with the text
      const folder = dirname(file);
      const read = new Set<string>();
      const found = findingsInReferencedFiles(analysis.root, {
        entry,
        read: (name) => {
          read.add(join(folder, ...name.split('/')));
          return name === entry ? doc.getText() : reader(name);
        },
      });
      if (token.isCancellationRequested) return;
      reads.set(doc.uri, read);
      inputs.set(doc.uri, inputsOf(analysis, doc.uri));
      const own: Diagnostic[] = [];
      const byFile = new Map<string, Diagnostic[]>();
      for (const f of found) {
        if (f.file === entry) {
          own.push(toDiagnostic(doc.uri, f));
          continue;
        }
        const uri = pathToFileURL(join(folder, ...f.file.split('/'))).toString();
        const list = byFile.get(uri) ?? [];
        byFile.set(uri, list);
        list.push({ ...toDiagnostic(uri, { ...f, message: foundThroughMessage(f.message, entry) }), data: undefined });
        const atRef = atSpecRef(analysis, f, uri);
        if (atRef) own.push(atRef);
      }
      ctx.setExtraDiagnostics(doc.uri, SOURCE, doc.version, own);
      publisher.setReferenced(doc.uri, byFile);
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
}

/** A `$ref` to a file (not to a place in the document, not to a URL: those are never read, and need no bundle here). */
function refersToFiles(analysis: Analysis | undefined): analysis is Analysis & { root: Record<string, unknown> } {
  return Boolean(analysis?.isSpec && analysis.root && analysis.index?.refs.some((r) => !r.ref.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(r.ref)));
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
