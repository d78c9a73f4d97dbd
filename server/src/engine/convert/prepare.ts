/**
 * "Prepare for Rewst": any spec in, the file to upload out. A spec split over
 * several files is bundled into one, Swagger 2.0 is converted to OpenAPI 3.0,
 * YAML becomes JSON, the server URL's base path is folded into the paths,
 * every safe Rewst fix is applied, and the result is linted again. The verdict
 * says "ready" only when the actions will work: the written file has no Rewst
 * error, no error of the general lint (as the Problems panel shows it), no
 * reference Rewst cannot follow and no path without the base path.
 */
import { bundleWithUrls, BundleTooLarge, hasExternalRefs, type BundleProblem, type FetchDocuments, type ReadFile, type RefMapEntry } from '../bundle';
import { analyze, fixAll } from '../engine';
import type { Format } from '../parse';
import type { OperationIdChange } from '../settings/write/carry-over';
import { collectOperations, type OperationRef } from '../spec-index';
import type { Finding, Range } from '../types';
import type { PrepareChange } from './change';
import { checkpoint, ConvertError, type IsCancelled } from './problems';
import { describeVersion, readSpecValue } from './read';
import { handleBasePath, type BasePathResult } from './base-path';
import { placesLeft, type BasePathLeft, type UnfollowedRef } from './places-left';
import { checkBudget, type BudgetResult } from './budget';
import { byteLength } from './serialize';
import { sizeBreakdown, type SizeBreakdown } from './size';
import { slimSpec, type SlimResult } from './slim';
import { convertSwagger2Value } from './swagger2';

export type { PrepareChange } from './change';

export interface PrepareOptions {
  format?: Format;
  isCancelled?: IsCancelled;
  /** The spec's file name in its folder, and a reader for the files of that folder tree: relative `$ref`s are bundled. */
  entry?: string;
  read?: ReadFile;
  /**
   * The general lint of the written file (Spectral's `spectral:oas`, run by the caller, as the Problems panel shows
   * it): its error-severity findings (`oas3-schema`, `oas2-schema`, `path-params`, `array-items`, …) may stop an
   * importer that validates the document. It gets the Rewst findings left, so that a problem both report (an invalid
   * regex) is counted once. A string says why it could not run.
   */
  structural?: (text: string, rewst: readonly Finding[]) => Promise<StructuralFinding[] | string>;
  /** Slim the file after the fixes: remove what Rewst does not turn into actions (see slim.ts). */
  slim?: boolean;
  /** The upload budget in KB: the result says whether the file fits, and which tags to drop when it does not. */
  budgetKB?: number;
  /**
   * Write the server URL's base path in front of every path and reduce the server URL to its origin (see
   * base-path.ts). On unless false: Rewst's hostname takes no path, so a base path left out is an action that calls the wrong URL.
   */
  foldBasePath?: boolean;
  /** References by URL: a map from URL prefix to a folder of the spec's tree, and a fetcher when fetching is allowed (see bundle/url-refs.ts). */
  urls?: { map?: readonly RefMapEntry[]; fetch?: FetchDocuments };
}

/** How references by URL were taken in, for the report. */
export interface UrlRefsTaken {
  /** Document URL → the file of the folder it was mapped to. */
  mapped: Array<{ url: string; file: string }>;
  fetched: Array<{ url: string; bytes: number }>;
  fetchFailed: Array<{ url: string; error: string }>;
  /** Documents named by URL and left as URLs in the written file (neither mapped nor fetched), with their references. */
  left: Array<{ url: string; references: number }>;
}

/**
 * Rules of the general lint whose errors the Problems panel shows but that do not stop an import or an action:
 * examples that do not match their schema (no importer validates examples, and no action sends them) and
 * keywords beside a `$ref` (OpenAPI 3.0 says to ignore them). The report lists them apart, so the panel's count
 * of errors is the report's too; every other error-severity rule (`oas3-schema`, `path-params`, `array-items`, …) blocks.
 */
export const LINT_NOT_BLOCKING = new Set([
  'no-$ref-siblings',
  'oas2-valid-schema-example',
  'oas2-valid-media-example',
  'oas3-valid-schema-example',
  'oas3-valid-media-example',
]);

/** A finding of the general lint, positioned in the written file. */
export interface StructuralFinding {
  rule: string;
  severity: string;
  message: string;
  pointer: string;
  range: Range;
}

export interface PrepareResult {
  /** OpenAPI 3 JSON, ready to upload (or to fix the remaining problems in). */
  text: string;
  changes: PrepareChange[];
  /** The problems the fixes solved, as they were reported before (message and pointer before the fixes). */
  fixed: Array<{ ruleId: string; message: string; pointer: string }>;
  /** Findings on `text` after every safe fix, positioned in `text`. */
  remaining: Finding[];
  /** References to other files that were not bundled (missing, unreadable, outside the folder), where they are written. */
  unbundled: BundleProblem[];
  /** Files read besides the spec itself. */
  bundledFiles: string[];
  /** References by URL taken in or left, when the spec has any. */
  urlRefs?: UrlRefsTaken;
  /** Errors the general lint found in `text` that block (every error-severity rule but LINT_NOT_BLOCKING's); undefined when it was not run. */
  structural?: StructuralFinding[];
  /** The general lint's other errors (LINT_NOT_BLOCKING): the Problems panel shows them as errors, but they do not block. */
  lintNotBlocking?: StructuralFinding[];
  /** Why the general lint could not run, when it could not. */
  structuralUnavailable?: string;
  /**
   * Rewst errors left, references Rewst cannot follow (to URLs or files), errors of the general lint and paths
   * without the server URL's base path: all zero, and within the budget, means ready to upload.
   */
  blocking: { errors: number; references: number; structural: number; basePath: number };
  ready: boolean;
  bytes: number;
  operations: number;
  /** Where the written file's bytes are. */
  size: SizeBreakdown;
  /** What slimming removed, step by step, when it was asked for. */
  slim?: Omit<SlimResult, 'text'>;
  /** Whether the file fits the budget, when one was given. */
  budget?: BudgetResult;
  /** The server URL's base path, folded into the paths or not, when the spec has one. */
  basePath?: BasePathResult;
  /** The references of `text` that Rewst cannot follow (its ref-external findings), with what each names. */
  unfollowed: UnfollowedRef[];
  /** The paths of `text` without the base path: each such action calls the hostname without it. */
  basePathLeft: BasePathLeft[];
  /** Each operation's id before prepare's fixes and after (for the settings file carried over). */
  operationIds: OperationIdChange[];
  from: string;
  to: string;
}

export async function prepareForRewst(text: string, options: PrepareOptions = {}): Promise<PrepareResult> {
  const input = readSpecValue(text, options.format);
  const from = describeVersion(input.value);
  const changes: PrepareChange[] = [];
  if (input.version !== 'swagger-2.0' && input.version !== 'openapi-3.0' && input.version !== 'openapi-3.1') {
    throw new ConvertError(`Cannot prepare this file for Rewst: it is ${from}. Rewst takes Swagger 2.0 or OpenAPI 3.`);
  }
  let value = input.value;
  let unbundled: BundleProblem[] = [];
  let bundledFiles: string[] = [];
  let urlRefs: UrlRefsTaken | undefined;
  if (options.read && options.entry && hasExternalRefs(value)) {
    await checkpoint(options.isCancelled);
    let b;
    try {
      b = await bundleWithUrls(value, {
        entry: options.entry,
        read: options.read,
        map: options.urls?.map,
        fetch: options.urls?.fetch,
        isCancelled: options.isCancelled,
      });
    } catch (e) {
      if (e instanceof BundleTooLarge) throw new ConvertError(e.message);
      throw e;
    }
    value = b.value;
    unbundled = b.problems;
    bundledFiles = b.files;
    if (b.byUrl.size || b.urlsLeft.size || b.fetchFailed.length)
      urlRefs = {
        mapped: [...b.byUrl].filter(([url, file]) => url !== file).map(([url, file]) => ({ url, file })),
        fetched: b.fetched,
        fetchFailed: b.fetchFailed,
        left: [...b.urlsLeft].map(([url, references]) => ({ url, references })),
      };
    const parts = [
      `${b.components.length} component(s) added`,
      b.inlined ? `${b.inlined} path item(s) or part(s) copied in place` : '',
      `${b.rewritten} reference(s) made local`,
    ].filter(Boolean);
    if (b.rewritten || b.inlined)
      changes.push({ kind: 'bundle', message: `Bundled ${b.files.length} referenced file(s) into one document: ${parts.join(', ')}.` });
    if (b.problems.length)
      changes.push({
        kind: 'warning',
        message: `${b.problems.length} reference(s) could not be bundled and were left as they were (listed under Needs a person).`,
      });
  }
  let json: string;
  let converted3: Record<string, unknown> = value;
  if (input.version === 'swagger-2.0') {
    await checkpoint(options.isCancelled);
    const converted = await convertSwagger2Value(value);
    changes.push({
      kind: 'convert',
      message: `Converted ${converted.from} to ${converted.to} with swagger2openapi${input.format === 'yaml' ? ', and YAML to JSON' : ''}.`,
    });
    if (converted.patches) changes.push({ kind: 'convert', message: `swagger2openapi patched ${converted.patches} small error(s) of the source on the way.` });
    for (const w of converted.warnings) changes.push({ kind: 'warning', message: `Conversion warning: ${w.message}`, pointer: w.pointer });
    json = JSON.stringify(converted.value, null, 2) + '\n';
    converted3 = converted.value as Record<string, unknown>;
  } else {
    if (input.format === 'yaml') changes.push({ kind: 'convert', message: 'Converted YAML to JSON (2-space indentation, key order kept).' });
    json = value === input.value ? input.jsonText : JSON.stringify(value, null, 2) + '\n';
  }
  await checkpoint(options.isCancelled);
  // One parse per version: the input's own parse when the JSON is the input, and the fixes start from this analysis.
  const first = analyze(json, { format: 'json', parsed: input.parsed });
  const before = first.findings;
  await checkpoint(options.isCancelled);
  const fixed = fixAll(json, { format: 'json' }, first);
  const left = new Set(fixed.remaining.map((f) => `${f.ruleId}\u0000${f.message}`));
  const solved = before
    .filter((f) => f.fixable && !left.has(`${f.ruleId}\u0000${f.message}`))
    .map((f) => ({ ruleId: f.ruleId, message: f.message, pointer: f.pointer }));
  for (const fix of fixed.applied) changes.push({ kind: 'fix', message: fix.title, ruleId: fix.ruleId });
  await checkpoint(options.isCancelled);
  let out = fixed.text;
  let last = fixed.analysis;
  // Rewst's hostname takes no path: the base path is folded into the paths, or the report says what Rewst will call.
  // After the fixes, so that what they derive from a path (an operationId: listTickets, not listV1Tickets) reads the vendor's paths.
  const based = handleBasePath(last.doc.value as Record<string, unknown>, options.foldBasePath !== false);
  if (based.change) changes.push(based.change);
  if (based.value !== last.doc.value) {
    out = JSON.stringify(based.value, null, 2) + '\n';
    await checkpoint(options.isCancelled);
    last = analyze(out, { format: 'json' });
  }
  let slim: PrepareResult['slim'];
  if (options.slim) {
    const s = slimSpec(out);
    out = s.text;
    slim = { before: s.before, after: s.after, steps: s.steps };
    changes.push({ kind: 'slim', message: `Slimmed from ${s.before} to ${s.after} bytes (what each step removed and saved is listed under Size).` });
    await checkpoint(options.isCancelled);
    last = analyze(out, { format: 'json' });
    await checkpoint(options.isCancelled);
  }
  const remaining = last.findings;
  const version = input.version === 'swagger-2.0' ? 'OpenAPI 3.0.0' : from;
  const blocking = {
    errors: remaining.filter((f) => f.severity === 'error').length,
    // ref-external reports every reference the bundle could not make local (URLs included); Rewst follows none of them.
    // One warning stands for every reference to its URL: the count is of references.
    references: remaining.filter((f) => f.ruleId === 'ref-external').reduce((n, f) => n + (typeof f.data?.references === 'number' ? f.data.references : 1), 0),
    structural: 0,
    basePath: 0,
  };
  let structural: StructuralFinding[] | undefined;
  let lintNotBlocking: StructuralFinding[] | undefined;
  let structuralUnavailable: string | undefined;
  if (options.structural) {
    await checkpoint(options.isCancelled);
    const got = await options.structural(out, remaining);
    if (typeof got === 'string') structuralUnavailable = got;
    else {
      const errors = got.filter((f) => f.severity === 'error');
      structural = errors.filter((f) => !LINT_NOT_BLOCKING.has(f.rule));
      lintNotBlocking = errors.filter((f) => LINT_NOT_BLOCKING.has(f.rule));
      blocking.structural = structural.length;
    }
    await checkpoint(options.isCancelled);
  }
  if (last.doc.problems.length) throw new ConvertError(`internal: the prepared file does not parse: ${last.doc.problems[0].message}`);
  const places = placesLeft(last, based.result, unbundled);
  blocking.basePath = places.basePathLeft.length;
  const afterValue = last.doc.value as Record<string, unknown>;
  const afterOps = collectOperations(afterValue);
  const size = sizeBreakdown(out, afterValue);
  let budget: BudgetResult | undefined;
  if (options.budgetKB !== undefined && options.budgetKB > 0) {
    await checkpoint(options.isCancelled);
    budget = checkBudget(out, size, options.budgetKB);
  }
  return {
    text: out,
    changes,
    fixed: solved,
    remaining,
    unbundled,
    bundledFiles,
    urlRefs,
    structural,
    lintNotBlocking,
    structuralUnavailable,
    blocking,
    ready: blocking.errors === 0 && blocking.references === 0 && blocking.structural === 0 && blocking.basePath === 0 && budget?.fits !== false,
    bytes: byteLength(out),
    operations: afterOps.length,
    size,
    slim,
    budget,
    basePath: based.result,
    ...places,
    operationIds: operationIdChanges(collectOperations(converted3), afterOps, based.moved),
    from: bundledFiles.length ? `${from}, ${bundledFiles.length + 1} files` : from,
    to: `${version} JSON`,
  };
}

/** Operations matched by method and path (the fixes add a leading `/` and drop a trailing one). */
function operationIdChanges(before: OperationRef[], after: OperationRef[], moved: ReadonlyMap<string, string> = new Map()): OperationIdChange[] {
  const norm = (key: string) => '/' + key.replace(/^\/+/, '').replace(/\/+$/, '');
  const id = (op: OperationRef | undefined) => (typeof op?.operation.operationId === 'string' ? op.operation.operationId : undefined);
  // A path the base path was folded into is matched by the key it had before.
  const byPlace = new Map(after.map((op) => [`${op.method} ${norm(moved.get(op.pathKey) ?? op.pathKey)}`, op]));
  return before.map((op) => ({ before: id(op), after: id(byPlace.get(`${op.method} ${norm(op.pathKey)}`)) }));
}
