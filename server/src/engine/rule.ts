import type { StructuralEditor } from './structural-editor';
import type { SpecDocument } from './parse';
import type { SpecIndex } from './spec-index';
import type { Fix, FixIntent, JsonPath, Report, Severity, TextEdit } from './types';

export interface RuleContext {
  doc: SpecDocument;
  root: Record<string, unknown>;
  index: SpecIndex;
  report(report: Report): void;
}

/** What a fix gets: the finding's path and data (as they travel through LSP diagnostics), and the document. */
export interface FixTarget {
  path: JsonPath;
  data?: Record<string, unknown>;
}

export interface FixContext {
  doc: SpecDocument;
  root: Record<string, unknown>;
  index: SpecIndex;
  editor: StructuralEditor;
  /** operationIds in use, including ones other fixes of the same batch just chose. */
  takenOperationIds: Set<string>;
  /** True inside "fix all": fixes that only make sense one at a time step aside. */
  batch: boolean;
  /** Reserves a name (a path, a schema) for this batch; false when another fix already took it. */
  claim(key: string): boolean;
}

/**
 * One row of a rule's test table: a document and what the rule must report on it (by JSON pointer).
 * A rule's table lives in `rules/NAME.cases.ts` beside it, registered in `rules/cases.ts`, which only
 * tests import, so the tables stay out of the server bundle.
 */
export interface RuleCase {
  name: string;
  /** The document; YAML unless it starts with `{`. */
  text: string;
  expect: Array<{ pointer: string; message?: RegExp; severity?: Severity; fixable?: boolean }>;
  /** When set: the text after applying the fix of the first finding. */
  fixed?: string;
}

export interface Rule {
  id: string;
  /** The error Rewst's importer gives, in its own words. */
  rewstError: string;
  description: string;
  severity: Severity;
  check(ctx: RuleContext): void;
  fix?(target: FixTarget, ctx: FixContext): Omit<Fix, 'ruleId'> | undefined;
  /** Included in "fix all" (the change is what any Rewst builder would make). */
  fixAll: boolean;
}

/** A fix made of one edit and the structural change it stands for. */
export function single(title: string, edit: TextEdit | undefined, intent: FixIntent): Omit<Fix, 'ruleId'> | undefined {
  return edit ? { title, edits: [edit], intent: [intent] } : undefined;
}
