/**
 * Rename actions with a regex, as Rewst's Regex Replace dialog does, but in the
 * file: a pure function from text and a request to the list of changes and the
 * minimal edits that make them. Nothing is written here. In a spec split over
 * files, an operation written in another file is renamed in that file (its
 * change names the file, its edit is on that file's text).
 */
import { actionName, specOperationsOfText, type SpecOperations } from './actions';
import { editorFor, type StructuralEditor } from './structural-editor';
import type { Format, SpecDocument } from './parse';
import { toPointer } from './pointer';
import type { OperationRef } from './spec-index';
import type { Range, TextEdit } from './types';
import { replaceAll } from './user-regex';

/** `name` is the action's name (the operation's summary, else its operationId); `description` its description. */
export type RenameField = 'name' | 'description';

export interface RenameRequest {
  field: RenameField;
  /** A JavaScript regular expression's source, e.g. `(.*?) Get`. */
  match: string;
  flags?: string;
  /** The replacement, with `$1`, `$<name>`, `$&` and `$$` as in String.prototype.replace. */
  replace: string;
  /** How long the regex may run over all actions together before it is stopped. */
  timeLimitMs?: number;
}

export interface ActionRef {
  method: string;
  path: string;
  operationId?: string;
  /** JSON pointer of the operation (in its file). */
  pointer: string;
  /** The file it is written in, relative to the spec's folder, when that is not the spec itself. */
  file?: string;
}

export interface RenameChange extends ActionRef {
  old: string;
  new: string;
  /** The operation had no summary, so one is added (its name was its operationId). */
  added: boolean;
  /** On the text of the change's file: the spec's, or `file`'s. */
  edit: TextEdit;
  /** The edit's range in that original text (empty where a summary is inserted). */
  range: Range;
}

export interface Collision {
  name: string;
  actions: Array<ActionRef & { changed: boolean }>;
}

export type RenamePreview =
  | { ok: false; reason: string }
  | {
      ok: true;
      field: RenameField;
      /** Actions the regex was run on (for descriptions: those that have one). */
      total: number;
      /** Actions the regex matched, including those it leaves as they were. */
      matched: number;
      changes: RenameChange[];
      /** Names that more than one action would share after the rename (names only). */
      collisions: Collision[];
      /** Changes that leave an action with an empty name. */
      emptyNames: RenameChange[];
      /** Matches that cannot be written (a YAML alias shared by several operations, say). */
      skipped: Array<ActionRef & { reason: string }>;
      /** The edits of the changes in the spec's own text, sorted (those in other files are in their changes). */
      edits: TextEdit[];
    };

/** The rename preview for a spec's text. */
export function previewRename(text: string, format: Format | undefined, request: RenameRequest): RenamePreview {
  return renameIn(specOperationsOfText(text, format), request);
}

export function renameIn(spec: SpecOperations, request: RenameRequest): RenamePreview {
  if (!spec.isSpec) return { ok: false, reason: 'this file is not an OpenAPI or Swagger description (it has no top-level "openapi" or "swagger")' };
  if (spec.problem) return { ok: false, reason: `the file does not parse, so its actions cannot be renamed: ${spec.problem}` };
  const { field } = request;
  // Operations written in other files (a split spec) are renamed in their files, each with its own editor.
  const subjects: Array<{ op: OperationRef; current: string; file?: string; doc: SpecDocument }> = [];
  for (const op of [...spec.operations, ...(spec.elsewhere ?? [])]) {
    const file = 'file' in op && typeof op.file === 'string' ? op.file : undefined;
    const doc = 'doc' in op && file ? (op.doc as SpecDocument) : spec.doc;
    if (field === 'name') subjects.push({ op, current: actionName(op).name, file, doc });
    else if (typeof op.operation.description === 'string') subjects.push({ op, current: op.operation.description, file, doc });
  }
  const run = replaceAll(
    subjects.map((s) => s.current),
    request.match,
    request.flags ?? '',
    request.replace,
    request.timeLimitMs,
  );
  if (!run.ok) return run;

  const editors = new Map<SpecDocument, StructuralEditor>();
  const editorOf = (doc: SpecDocument) => editors.get(doc) ?? editors.set(doc, editorFor(doc)).get(doc)!;
  const changes: RenameChange[] = [];
  const skipped: Array<ActionRef & { reason: string }> = [];
  let matched = 0;
  subjects.forEach(({ op, current, file, doc }, i) => {
    const next = run.results[i];
    if (next === null) return;
    matched++;
    if (next === current) return;
    const editor = editorOf(doc);
    const key = field === 'name' ? 'summary' : 'description';
    // Decided by the key's presence, not by where the name came from: an empty summary is replaced, not duplicated.
    const has = Object.prototype.hasOwnProperty.call(op.operation, key);
    const edit = has
      ? editor.replaceValue([...op.path, key], next)
      : editor.insertMember(op.path, key, next, 'operationId' in op.operation ? { after: 'operationId' } : 'start');
    const ref = refOf(op, file);
    if (!edit) skipped.push({ ...ref, reason: `its ${key} cannot be edited safely in place` });
    else
      changes.push({
        ...ref,
        old: current,
        new: next,
        added: !has,
        edit,
        range: { start: doc.lines.positionAt(edit.start), end: doc.lines.positionAt(edit.end) },
      });
  });

  const kept = dropOverlaps(changes, skipped);
  return {
    ok: true,
    field,
    total: subjects.length,
    matched,
    changes: kept,
    collisions: field === 'name' ? collisionsOf(subjects, kept) : [],
    emptyNames: field === 'name' ? kept.filter((c) => c.new.trim() === '') : [],
    skipped,
    edits: kept
      .filter((c) => c.file === undefined)
      .map((c) => c.edit)
      .sort((a, b) => a.start - b.start),
  };
}

function refOf(op: OperationRef, file?: string): ActionRef {
  const id = op.operation.operationId;
  return {
    method: op.method.toUpperCase(),
    path: op.pathKey,
    operationId: typeof id === 'string' ? id : undefined,
    pointer: toPointer(op.path),
    ...(file !== undefined ? { file } : {}),
  };
}

/** A change's place across files: its file (none for the spec's own) and its pointer there. */
const placeOf = (a: ActionRef) => `${a.file ?? ''}#${a.pointer}`;

/**
 * Two operations can share one piece of text through a YAML alias (`get: *op`)
 * or a path item that is a `$ref`;
 * editing it twice would corrupt it, so the second is reported instead.
 */
function dropOverlaps(changes: RenameChange[], skipped: Array<ActionRef & { reason: string }>): RenameChange[] {
  const byStart = [...changes].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.edit.start - b.edit.start);
  const drop = new Set<RenameChange>();
  let kept: RenameChange | undefined;
  for (const cur of byStart) {
    if (kept && kept.file === cur.file && (cur.edit.start < kept.edit.end || cur.edit.start === kept.edit.start)) {
      drop.add(cur);
      skipped.push({
        method: cur.method,
        path: cur.path,
        operationId: cur.operationId,
        pointer: cur.pointer,
        ...(cur.file !== undefined ? { file: cur.file } : {}),
        reason: `it shares its text with ${kept.method} ${kept.path} (a YAML alias or a $ref), which is renamed instead`,
      });
    } else {
      kept = cur;
    }
  }
  return changes.filter((c) => !drop.has(c));
}

/** Names two or more actions would share after the rename, where at least one of them is renamed. */
function collisionsOf(subjects: ReadonlyArray<{ op: OperationRef; file?: string }>, changes: RenameChange[]): Collision[] {
  const renamed = new Map(changes.map((c) => [placeOf(c), c.new]));
  const byName = new Map<string, Array<ActionRef & { changed: boolean }>>();
  for (const { op, file } of subjects) {
    const ref = refOf(op, file);
    const next = renamed.get(placeOf(ref));
    const name = next ?? actionName(op).name;
    const list = byName.get(name) ?? [];
    list.push({ ...ref, changed: next !== undefined });
    byName.set(name, list);
  }
  return [...byName].filter(([, list]) => list.length > 1 && list.some((a) => a.changed)).map(([name, actions]) => ({ name, actions }));
}
