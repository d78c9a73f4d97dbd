/**
 * The list of actions Rewst creates from a spec: one per operation, named by
 * its `summary`, else its `operationId`, and grouped by tag for display.
 */
import type { Analysis } from './engine';
import { looksLikeSpec } from '../../../common/spec-sniff';
import { parseSpec, type Format, type SpecDocument } from './parse';
import { toPointer } from './pointer';
import { parseSettingsText } from '../../../common/settings/settings-text';
import { collectOperations, isObject, type OperationRef } from './spec-index';
import type { Range } from './types';

/** Where the action's name comes from. Without summary or operationId Rewst has no name; we show method and path. */
export type NameSource = 'summary' | 'operationId' | 'method-and-path';

export interface Action {
  name: string;
  nameFrom: NameSource;
  operationId?: string;
  description?: string;
  /** Upper case, as Rewst shows it. */
  method: string;
  path: string;
  tags: string[];
  /** Listed in the integration settings file's `paginatedActions`. */
  paginated: boolean;
  /** JSON pointer of the operation (in `file` when it has one). */
  pointer: string;
  /** The file it is written in, relative to the spec's folder, when not the spec itself (a path item `$ref` to a file). */
  file?: string;
  /** The operation's method key (`get`), to reveal it. */
  offset: { start: number; end: number };
  range: Range;
}

export interface TagGroup {
  /** The tag; '' for operations without one. */
  tag: string;
  /** Indices into `actions`, in spec order. An operation with two tags is in two groups. */
  actions: number[];
}

export interface ActionList {
  /** False for JSON/YAML that is not an OpenAPI or Swagger description. */
  isSpec: boolean;
  /** Why there are no actions when the file does not parse. */
  problem?: string;
  actions: Action[];
  groups: TagGroup[];
}

export interface ActionOptions {
  /** operationIds marked paginated (the settings file's `paginatedActions`). */
  paginated?: ReadonlySet<string>;
}

/** A parsed spec and its operations: what the action list and the rename start from. */
export interface SpecOperations {
  doc: SpecDocument;
  isSpec: boolean;
  /** The first parse problem, when the text does not parse. */
  problem?: string;
  root?: Record<string, unknown>;
  operations: OperationRef[];
  /** Operations written in other files (engine/bundle operationsInReferencedFiles), each with its file's parsed text. */
  elsewhere?: ReadonlyArray<OperationRef & { file: string; doc: SpecDocument }>;
}

/** A spec's text parsed with its operations (collectOperations' list): only what actions need, no rule pass, for the CLI and benchmarks. */
export function specOperationsOfText(text: string, format?: Format): SpecOperations {
  const doc = parseSpec(text, format);
  if (doc.problems.length) return { doc, isSpec: looksLikeSpec(text), problem: doc.problems[0].message, operations: [] };
  if (!doc.version) return { doc, isSpec: false, operations: [] };
  const root = doc.value as Record<string, unknown>;
  return { doc, isSpec: true, root, operations: collectOperations(root) };
}

/** The same SpecOperations from an analysis already made (the language server keeps one per version). */
export function specOperationsOfAnalysis(analysis: Analysis): SpecOperations {
  const problem = analysis.doc.problems[0]?.message;
  return { doc: analysis.doc, isSpec: analysis.isSpec, problem, root: analysis.root, operations: analysis.index?.operations ?? [] };
}

/** The ActionList of a spec's text. */
export function actionListOfText(text: string, format?: Format, options: ActionOptions = {}): ActionList {
  return actionListOf(specOperationsOfText(text, format), options);
}

/** The ActionList of a parsed spec's operations: one action each, grouped by tag. */
export function actionListOf(spec: SpecOperations, options: ActionOptions = {}): ActionList {
  const { doc, operations, problem } = spec;
  if (!spec.isSpec) return { isSpec: false, actions: [], groups: [] };
  const elsewhere = spec.elsewhere ?? [];
  if (!operations.length && !elsewhere.length) return { isSpec: true, problem, actions: [], groups: [] };
  const paginated = options.paginated ?? new Set<string>();
  const spans = doc.locate(operations.map((op) => ({ path: op.path, target: 'key' as const })));
  const actions = [
    ...operations.map((op, i) => actionOf(op, doc, spans[i], paginated)),
    ...elsewhere.map((op) => ({ ...actionOf(op, op.doc, op.doc.locate([{ path: op.path, target: 'key' }])[0], paginated), file: op.file })),
  ];
  // The spec's order of paths, wherever each path item is written.
  if (elsewhere.length) {
    const order = new Map(Object.keys(isObject(spec.root?.paths) ? spec.root.paths : {}).map((k, i) => [k, i]));
    const rank = (a: Action) => order.get(a.path) ?? order.size;
    actions.sort((a, b) => rank(a) - rank(b));
  }
  return { isSpec: true, actions, groups: groupByTag(actions, spec.root) };
}

function actionOf(op: OperationRef, doc: SpecDocument, span: { start: number; end: number }, paginated: ReadonlySet<string>): Action {
  const { name, nameFrom } = actionName(op);
  const operationId = typeof op.operation.operationId === 'string' ? op.operation.operationId : undefined;
  const description = typeof op.operation.description === 'string' ? op.operation.description : undefined;
  return {
    name,
    nameFrom,
    operationId,
    description,
    method: op.method.toUpperCase(),
    path: op.pathKey,
    tags: tagsOf(op),
    paginated: operationId !== undefined && paginated.has(operationId),
    pointer: toPointer(op.path),
    offset: span,
    range: { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) },
  };
}

export function actionName(op: OperationRef): { name: string; nameFrom: NameSource } {
  const { summary, operationId } = op.operation;
  if (typeof summary === 'string' && summary !== '') return { name: summary, nameFrom: 'summary' };
  if (typeof operationId === 'string' && operationId !== '') return { name: operationId, nameFrom: 'operationId' };
  return { name: `${op.method.toUpperCase()} ${op.pathKey}`, nameFrom: 'method-and-path' };
}

export function tagsOf(op: OperationRef): string[] {
  const tags = op.operation.tags;
  return Array.isArray(tags) ? [...new Set(tags.filter((t): t is string => typeof t === 'string'))] : [];
}

/** Tags in the order the spec's top-level `tags` declares them, then in order of first use; untagged last. */
function groupByTag(actions: Action[], root: Record<string, unknown> | undefined): TagGroup[] {
  const groups = new Map<string, number[]>();
  const declared = Array.isArray(root?.tags) ? root.tags : [];
  for (const t of declared) if (isObject(t) && typeof t.name === 'string') groups.set(t.name, []);
  const untagged: number[] = [];
  actions.forEach((a, i) => {
    if (!a.tags.length) untagged.push(i);
    for (const tag of a.tags) {
      const list = groups.get(tag);
      if (list) list.push(i);
      else groups.set(tag, [i]);
    }
  });
  const out = [...groups].filter(([, list]) => list.length).map(([tag, list]) => ({ tag, actions: list }));
  if (untagged.length) out.push({ tag: '', actions: untagged });
  return out;
}

/**
 * The operationIds a settings file marks paginated (`paginatedActions: string[]`).
 * Anything unreadable counts as none: the settings file has its own diagnostics.
 */
export function paginatedActionsOf(settingsText: string | undefined): Set<string> {
  const value = parseSettingsText(settingsText);
  const list = isObject(value) ? value.paginatedActions : undefined;
  return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
}
