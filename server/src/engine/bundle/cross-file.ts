/**
 * The Rewst rules over a spec's referenced files: the spec is bundled, the
 * bundle is linted, and each finding that lies in a part copied from another
 * file is placed back in that file, at the node it names there. A reference
 * that cannot be bundled is one finding at its `$ref`, in the file that holds
 * it. Findings in the spec's own text are left to its own analysis.
 *
 * A finding's quick fix is its rule's fix computed on the bundle (so a new
 * operationId is unique across every file), with the edits made in the
 * referenced file: the structural editor's paths are taken back through the
 * bundle's origins. A fix that would also edit another file is not offered.
 */
import { analyze, fixFor } from '../engine';
import { formatOfName, parseSpec, type SpecDocument } from '../parse';
import { toPointer } from '../pointer';
import { editorFor, type StructuralEditor } from '../structural-editor';
import type { Finding, JsonPath, TextEdit } from '../types';
import { bundleSpec, BundleTooLarge, hasExternalRefs, type BundleOrigin, type ReadFile } from './bundle';
import type { UrlRefs } from './url-refs';

export const REF_UNRESOLVED = 'ref-unresolved';

/** A finding in a referenced file; `file` is relative to the spec's folder, like the bundler's names. */
export interface ReferencedFinding extends Finding {
  file: string;
  /** The object holding the spec's own `$ref` that leads (first) to `file`; undefined for a finding in the spec itself. */
  through?: JsonPath;
  /** Where the finding is in the bundle: what its fix starts from (`ReferencedCheck.fixFor`). */
  bundlePath?: JsonPath;
}

export interface ReferencedCheck {
  findings: ReferencedFinding[];
  /** The quick fix of a finding in a referenced file, as edits of that file's text (`doc`, the text the check read). */
  fixFor(finding: Pick<ReferencedFinding, 'file' | 'ruleId' | 'bundlePath' | 'data'>): { title: string; edits: TextEdit[]; doc: SpecDocument } | undefined;
}

/** A referenced file's finding as its own file shows it: the message says which spec it was found through. */
export function foundThroughMessage(message: string, entry: string): string {
  return `${message} (found through ${entry})`;
}

/** Rules whose findings in a bundle say nothing about the referenced files themselves. */
const ABOUT_THE_BUNDLE = new Set(['ref-external', 'swagger-2', 'parse-error', 'info-description']);

export function findingsInReferencedFiles(root: Record<string, unknown>, options: { entry: string; read: ReadFile; urls?: UrlRefs }): ReferencedFinding[] {
  return checkReferencedFiles(root, options)?.findings ?? [];
}

/** Undefined when the spec refers to no other file, or its bundle would be too large. */
export function checkReferencedFiles(root: Record<string, unknown>, options: { entry: string; read: ReadFile; urls?: UrlRefs }): ReferencedCheck | undefined {
  if (!hasExternalRefs(root)) return undefined;
  const texts = new Map<string, string>();
  const read: ReadFile = (file) => {
    const text = options.read(file);
    texts.set(file, text);
    return text;
  };
  let bundle;
  try {
    bundle = bundleSpec(root, { entry: options.entry, read, urls: options.urls });
  } catch (e) {
    if (e instanceof BundleTooLarge) return undefined;
    throw e;
  }
  const byPointer = new Map<string, BundleOrigin>(bundle.origins.map((o) => [toPointer(o.path), o]));
  const wanted: Array<{
    file: string;
    path: JsonPath;
    target: 'key' | 'value';
    bundlePath?: JsonPath;
    finding: Omit<Finding, 'range' | 'offset' | 'pointer' | 'path'>;
  }> = [];
  for (const p of bundle.problems) {
    wanted.push({
      file: p.file,
      path: [...p.path, '$ref'],
      target: 'value',
      finding: {
        ruleId: REF_UNRESOLVED,
        severity: 'error',
        message: `${p.message} Rewst imports one self-contained file: bundle it, or fix the reference.`,
        target: 'value',
        fixable: false,
      },
    });
  }
  const bundled = analyze(JSON.stringify(bundle.value), { format: 'json' });
  for (const f of bundled.findings) {
    if (ABOUT_THE_BUNDLE.has(f.ruleId)) continue;
    const origin = originOf(byPointer, f.path);
    if (!origin) continue; // in the spec's own text: its own analysis reports it
    wanted.push({
      file: origin.file,
      path: [...origin.sourcePath, ...f.path.slice(origin.path.length)],
      target: f.target,
      bundlePath: f.path,
      finding: { ruleId: f.ruleId, severity: f.severity, message: f.message, target: f.target, fixable: f.fixable, data: f.data },
    });
  }
  const out: ReferencedFinding[] = [];
  const seen = new Set<string>();
  const docs = new Map<string, SpecDocument | undefined>();
  const docOf = (file: string) => {
    if (!docs.has(file)) {
      const source = (file === options.entry ? undefined : texts.get(file)) ?? safeRead(options.read, file);
      docs.set(file, source === undefined ? undefined : parseSpec(source, formatOfName(file)));
    }
    return docs.get(file);
  };
  for (const w of wanted) {
    const key = `${w.file}\u0000${toPointer(w.path)}\u0000${w.finding.ruleId}\u0000${w.finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = docOf(w.file);
    if (!doc) continue;
    const [span] = doc.locate([{ path: w.path, target: w.target }]);
    out.push({
      ...w.finding,
      file: w.file,
      through: w.file === options.entry ? undefined : throughOf(bundle.neededBy, w.file, options.entry),
      bundlePath: w.bundlePath,
      path: w.path,
      pointer: toPointer(w.path),
      offset: span,
      range: { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) },
    });
  }
  return {
    findings: out,
    fixFor(finding) {
      const doc = docOf(finding.file);
      if (!doc || !finding.bundlePath || finding.file === options.entry) return undefined;
      const editor = redirected(editorFor(doc), byPointer, finding.file);
      const fix = fixFor(bundled, finding.ruleId, { path: finding.bundlePath, data: finding.data }, editor);
      return fix && !editor.missed() ? { title: fix.title, edits: fix.edits, doc } : undefined;
    },
  };
}

/**
 * An editor of the bundle whose edits are made in one referenced file: each path is taken back to that
 * file through the origin it lies in. A path outside that file gives no edit, and `missed` says so.
 */
function redirected(editor: StructuralEditor, byPointer: Map<string, BundleOrigin>, file: string): StructuralEditor & { missed(): boolean } {
  let missed = false;
  const inFile = (path: JsonPath): JsonPath | undefined => {
    const origin = originOf(byPointer, path);
    if (origin?.file === file) return [...origin.sourcePath, ...path.slice(origin.path.length)];
    missed = true;
    return undefined;
  };
  const at = <T>(path: JsonPath, edit: (p: JsonPath) => T): T | undefined => {
    const p = inFile(path);
    return p && edit(p);
  };
  return {
    insertMember: (objectPath, key, value, placement) => at(objectPath, (p) => editor.insertMember(p, key, value, placement)),
    removeMember: (objectPath, key) => at(objectPath, (p) => editor.removeMember(p, key)),
    replaceValue: (path, value) => at(path, (p) => editor.replaceValue(p, value)),
    renameKey: (objectPath, oldKey, newKey) => at(objectPath, (p) => editor.renameKey(p, oldKey, newKey)),
    appendItems: (arrayPath, values) => at(arrayPath, (p) => editor.appendItems(p, values)),
    removeMembers: (objectPath, keys) => at(objectPath, (p) => editor.removeMembers(p, keys)),
    removeItem: (arrayPath, index) => at(arrayPath, (p) => editor.removeItem(p, index)),
    // Both objects must lie in the file: a copy across files is not this editor's to make.
    copyMembers: (fromPath, keys, toPath) => {
      const from = inFile(fromPath);
      const to = inFile(toPath);
      return from && to ? editor.copyMembers(from, keys, to) : undefined;
    },
    missed: () => missed,
  };
}

/** The copied part a path lies in: the longest origin path that is a prefix of it. */
function originOf(byPointer: Map<string, BundleOrigin>, path: JsonPath): BundleOrigin | undefined {
  let pointer = toPointer(path);
  for (let n = path.length; n > 0; n--) {
    const hit = byPointer.get(pointer);
    if (hit) return hit;
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  }
  return undefined;
}

/** The spec's own `$ref` on the shortest chain of files that leads to `file` (a direct reference when there is one). */
function throughOf(neededBy: Map<string, Array<{ file: string; path: JsonPath }>>, file: string, entry: string): JsonPath | undefined {
  const seen = new Set([file]);
  for (let layer = [file]; layer.length;) {
    const next: string[] = [];
    for (const f of layer)
      for (const by of neededBy.get(f) ?? []) {
        if (by.file === entry) return by.path;
        if (seen.has(by.file)) continue;
        seen.add(by.file);
        next.push(by.file);
      }
    layer = next;
  }
  return undefined;
}

function safeRead(read: ReadFile, file: string): string | undefined {
  try {
    return read(file);
  } catch {
    return undefined;
  }
}
