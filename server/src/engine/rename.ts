/**
 * Rename actions with a regex, as Rewst's Regex Replace dialog does, but in the
 * file: a pure function from text and a request to the list of changes and the
 * minimal edits that make them. Nothing is written here.
 */
import { actionName, specOperationsOfText, type SpecOperations } from './actions';
import { editorFor } from './structural-editor';
import type { Format } from './parse';
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
  /** JSON pointer of the operation. */
  pointer: string;
}

export interface RenameChange extends ActionRef {
  old: string;
  new: string;
  /** The operation had no summary, so one is added (its name was its operationId). */
  added: boolean;
  edit: TextEdit;
  /** The edit's range in the original text (empty where a summary is inserted). */
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
      /** Every change's edit, sorted, on the original text. */
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
  // Operations written in other files (a split spec) are matched too, to say they are left out: the edits are the spec's alone.
  const subjects: Array<{ op: OperationRef; current: string; file?: string }> = [];
  for (const op of [...spec.operations, ...(spec.elsewhere ?? [])]) {
    const file = 'file' in op && typeof op.file === 'string' ? op.file : undefined;
    if (field === 'name') subjects.push({ op, current: actionName(op).name, file });
    else if (typeof op.operation.description === 'string') subjects.push({ op, current: op.operation.description, file });
  }
  const run = replaceAll(
    subjects.map((s) => s.current),
    request.match,
    request.flags ?? '',
    request.replace,
    request.timeLimitMs,
  );
  if (!run.ok) return run;

  const editor = editorFor(spec.doc);
  const changes: RenameChange[] = [];
  const skipped: Array<ActionRef & { reason: string }> = [];
  let matched = 0;
  subjects.forEach(({ op, current, file }, i) => {
    const next = run.results[i];
    if (next === null) return;
    matched++;
    if (next === current) return;
    if (file) return void skipped.push({ ...refOf(op), reason: `it is written in ${file}: rename it there (a rename edits the spec's own file)` });
    const key = field === 'name' ? 'summary' : 'description';
    // Decided by the key's presence, not by where the name came from: an empty summary is replaced, not duplicated.
    const has = Object.prototype.hasOwnProperty.call(op.operation, key);
    const edit = has
      ? editor.replaceValue([...op.path, key], next)
      : editor.insertMember(op.path, key, next, 'operationId' in op.operation ? { after: 'operationId' } : 'start');
    const ref = refOf(op);
    if (!edit) skipped.push({ ...ref, reason: `its ${key} cannot be edited safely in place` });
    else
      changes.push({
        ...ref,
        old: current,
        new: next,
        added: !has,
        edit,
        range: { start: spec.doc.lines.positionAt(edit.start), end: spec.doc.lines.positionAt(edit.end) },
      });
  });

  const kept = dropOverlaps(changes, skipped);
  return {
    ok: true,
    field,
    total: subjects.length,
    matched,
    changes: kept,
    collisions: field === 'name' ? collisionsOf(spec.operations, kept) : [],
    emptyNames: field === 'name' ? kept.filter((c) => c.new.trim() === '') : [],
    skipped,
    edits: kept.map((c) => c.edit).sort((a, b) => a.start - b.start),
  };
}

function refOf(op: OperationRef): ActionRef {
  const id = op.operation.operationId;
  return { method: op.method.toUpperCase(), path: op.pathKey, operationId: typeof id === 'string' ? id : undefined, pointer: toPointer(op.path) };
}

/**
 * Two operations can share one piece of text through a YAML alias (`get: *op`)
 * or a path item that is a `$ref`;
 * editing it twice would corrupt it, so the second is reported instead.
 */
function dropOverlaps(changes: RenameChange[], skipped: Array<ActionRef & { reason: string }>): RenameChange[] {
  const byStart = [...changes].sort((a, b) => a.edit.start - b.edit.start);
  const drop = new Set<RenameChange>();
  let kept: RenameChange | undefined;
  for (const cur of byStart) {
    if (kept && (cur.edit.start < kept.edit.end || cur.edit.start === kept.edit.start)) {
      drop.add(cur);
      skipped.push({
        method: cur.method,
        path: cur.path,
        operationId: cur.operationId,
        pointer: cur.pointer,
        reason: `it shares its text with ${kept.method} ${kept.path} (a YAML alias or a $ref), which is renamed instead`,
      });
    } else {
      kept = cur;
    }
  }
  return changes.filter((c) => !drop.has(c));
}

/** Names two or more actions would share after the rename, where at least one of them is renamed. */
function collisionsOf(operations: OperationRef[], changes: RenameChange[]): Collision[] {
  const renamed = new Map(changes.map((c) => [c.pointer, c.new]));
  const byName = new Map<string, Array<ActionRef & { changed: boolean }>>();
  for (const op of operations) {
    const ref = refOf(op);
    const next = renamed.get(ref.pointer);
    const name = next ?? actionName(op).name;
    const list = byName.get(name) ?? [];
    list.push({ ...ref, changed: next !== undefined });
    byName.set(name, list);
  }
  return [...byName].filter(([, list]) => list.length > 1 && list.some((a) => a.changed)).map(([name, actions]) => ({ name, actions }));
}
