/**
 * The custom requests between the extension client and the language server for
 * the actions view and the regex rename. Types only (and method names), so the
 * client can import this file without pulling in the server or the engine.
 */
import type { Action, RenameChange, RenameField, TagGroup } from '../engine';

export const ACTIONS_METHOD = 'rewst/actions';
export const RENAME_PREVIEW_METHOD = 'rewst/renamePreview';

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

export interface ActionsParams {
  uri: string;
}

/** `rewst/actions`: the actions Rewst will create from the document; null when the document is not open. */
export interface ActionsResult {
  uri: string;
  version: number;
  isSpec: boolean;
  /** Why the file has no actions when it does not parse. */
  problem?: string;
  /** `range` is the operation's method key: where "reveal" goes. */
  actions: Array<Omit<Action, 'offset'>>;
  groups: TagGroup[];
  /** The integration settings file the paginated marks came from, when there is one. */
  settingsUri?: string;
}

export interface RenamePreviewParams {
  uri: string;
  field: RenameField;
  /** The pattern; with `literal`, the text as typed, where `/pattern/flags` is read as a regex literal. */
  match: string;
  flags?: string;
  literal?: boolean;
  replace: string;
}

export interface PreviewChange extends Omit<RenameChange, 'edit'> {
  edit: LspTextEdit;
}

/** `rewst/renamePreview`: every change and its edit, on the document version returned. Nothing is applied. */
export type RenamePreviewResult =
  | { ok: false; reason: string }
  | {
      ok: true;
      version: number;
      /** The regex as read, e.g. `/(.*?) Get/i`. */
      regex: string;
      total: number;
      matched: number;
      changes: PreviewChange[];
      collisions: Array<{ name: string; actions: Array<{ method: string; path: string; operationId?: string; changed: boolean }> }>;
      emptyNames: number;
      skipped: Array<{ method: string; path: string; reason: string }>;
      edits: LspTextEdit[];
    };
