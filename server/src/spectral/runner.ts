/**
 * Runs a Spectral ruleset on one document and returns what `spectral lint`
 * returns for it: spectral-core's Spectral.run and Runner, mirrored step by
 * step, with three changes that do not change a finding:
 *
 *  - the document is resolved by ./resolver (no immer);
 *  - `given` expressions that compile (./given) are matched by ./walker,
 *    which visits each shared subtree once per equivalent position, and a
 *    rule whose functions only look below their node (SAFE_FUNCTIONS) is run
 *    once per node and position instead of once per path to it: the results
 *    are the same after Spectral maps them back to the file and drops
 *    duplicates; everything else runs on nimma exactly as in spectral-core;
 *  - slow rule functions are swapped for equivalent fast ones (./functions).
 *
 * Ranges are computed once, for the findings that survive de-duplication.
 */
import { isPlainObject } from '@stoplight/json';
import { DiagnosticSeverity } from '@stoplight/types';
import type { Rule, Ruleset } from '@stoplight/spectral-core';
import { decodeSegmentFragment, getClosestJsonPath, printPath, PrintStyle } from '@stoplight/spectral-runtime';
import * as spectralFunctions from '@stoplight/spectral-functions';
import { oasExample, oasSchema, typedEnum } from '@stoplight/spectral-rulesets/dist/oas/functions';
import { JSONPath } from 'jsonpath-plus';
import { get as lodashGet, toPath } from 'lodash';
import Nimma from 'nimma/legacy';
import { jsonPathPlus } from 'nimma/fallbacks';
import { fastOasExample, MEDIA_PREFIXES } from './functions/oas-example';
import { compileGiven, type Key, type Predicate } from './given';
import { Inventory } from './inventory';
import { printMessage, type MessageVars } from './message';
import { resolveDocument, type Resolution } from './resolver';
import { deduplicate, sortResults, type RawResult } from './results';
import type { SpectralDocument } from './document';
import { walk } from './walker';

export class Cancelled extends Error {
  constructor() {
    super('Spectral run cancelled');
  }
}

export interface RunOptions {
  ignoreUnknownFormat?: boolean;
  /** Polled while rules run; returning true abandons the run with `Cancelled`. */
  isCancelled?: () => boolean;
}

type RuleFunction = (input: unknown, options: unknown, context: unknown) => unknown;
interface Then {
  field?: string;
  function: RuleFunction;
  functionOptions?: unknown;
}
interface Scope {
  path: Key[];
  value: unknown;
}

/** Functions whose results depend on their node and the path only as a prefix of result paths (see file comment). */
const SAFE_FUNCTIONS = new Set<unknown>([
  spectralFunctions.truthy,
  spectralFunctions.falsy,
  spectralFunctions.pattern,
  spectralFunctions.length,
  spectralFunctions.undefined,
  spectralFunctions.defined,
  spectralFunctions.xor,
  spectralFunctions.or,
  spectralFunctions.enumeration,
  spectralFunctions.casing,
  spectralFunctions.schema,
  oasSchema,
  typedEnum,
  oasExample, // its only use of the path (request or response media) is passed on as prefix bits
]);

/** Stock functions replaced by equivalent fast ones. */
const REPLACEMENTS = new Map<unknown, RuleFunction>([[oasExample, fastOasExample as RuleFunction]]);

interface Pending {
  result: RawResult;
  document: SpectralDocument;
}

interface Context {
  inventory: Inventory;
  results: Pending[];
  promises: Array<Promise<unknown>>;
}

export async function runRuleset(document: SpectralDocument, fullRuleset: Ruleset, options: RunOptions = {}): Promise<RawResult[]> {
  const ruleset = fullRuleset.fromSource(document.source);
  const referenced: Record<string, SpectralDocument> = {};
  const resolution: Resolution =
    typeof document.data === 'object' && document.data !== null
      ? await resolveDocument(document.data, document.source, referenced)
      : { result: document.data, graph: null as never, errors: [], fast: true };
  const inventory = new Inventory(document, resolution, referenced);
  const context: Context = { inventory, results: [], promises: [] };
  const immediate = (result: RawResult) => context.results.push({ result, document });
  for (const r of resolverResults(document, resolution.errors)) immediate(r);
  for (const r of parserResults(document, ruleset)) immediate(r);

  if (document.formats === undefined) {
    const found = [...ruleset.formats].filter((format) => format(inventory.resolved, document.source));
    if (found.length === 0 && options.ignoreUnknownFormat !== true) {
      document.formats = null;
      if (ruleset.formats.size > 0) {
        const names = [...ruleset.formats].map((fn) => (fn as { displayName?: string }).displayName ?? fn.name).join(', ');
        immediate({
          code: 'unrecognized-format',
          message: `The provided document does not match any of the registered formats [${names}]`,
          severity: DiagnosticSeverity.Warning,
          path: [],
          range: rangeOf(document, []),
          ...(document.source !== null ? { source: document.source } : null),
        });
      }
    } else {
      document.formats = new Set(found);
    }
  }

  runRules(context, ruleset, options);
  if (context.promises.length) await Promise.all(context.promises);
  return prepare(context.results);
}

function runRules(context: Context, ruleset: Ruleset, options: RunOptions): void {
  const { inventory } = context;
  const formats = inventory.document.formats ?? null;
  const rules = Object.values(ruleset.rules).filter((rule) => rule.enabled && rule.matchesFormat(inventory.formats as never));
  let ticks = 0;
  const checkCancel = () => {
    if (options.isCancelled && (++ticks & 255) === 0 && options.isCancelled()) throw new Cancelled();
  };

  for (const resolved of [true, false]) {
    const input = resolved ? inventory.resolved : inventory.unresolved;
    // A source that shares objects (YAML aliases) has one object at several places: nothing may be skipped by identity.
    const shares = inventory.document.sharesObjects === true;
    const fast: Array<{ predicate: Predicate; rule: Rule; ruleIndex: number; memo: boolean; usesPrefix: boolean }> = [];
    const slow = new Map<string, Array<(scope: Scope) => void>>();
    rules.forEach((rule, ruleIndex) => {
      if (rule.resolved !== resolved) return;
      const safe = (rule.then as Then[]).every((t) => SAFE_FUNCTIONS.has(t.function));
      for (const given of rule.getGivenForFormats(formats as never)) {
        const predicate = compileGiven(given);
        const deep = predicate?.kind === 'walk' && predicate.depthEq === undefined;
        if (predicate && (safe || !deep)) fast.push({ predicate, rule, ruleIndex, memo: safe && !shares, usesPrefix: usesPrefix(rule) });
        else {
          const list = slow.get(given) ?? [];
          list.push((scope) => {
            checkCancel();
            lintNode(context, scope, rule);
          });
          slow.set(given, list);
        }
      }
    });

    if (!isPlainObject(input) && !Array.isArray(input)) {
      // spectral-core runs only `$` rules on a document that is not an object or array.
      for (const f of fast) if (f.predicate.kind === 'root') lintNode(context, { path: [], value: input }, f.rule);
      for (const cb of slow.get('$') ?? []) cb({ path: [], value: input });
      continue;
    }

    // Each SAFE rule once per node (and, for a rule that reads them, prefix bits); a primitive once per member of its
    // object. Other rules once per match, as spectral-core runs them.
    const done = new Map<object, Set<number | string>>();
    const once = (holder: object, key: number | string): boolean => {
      let s = done.get(holder);
      if (!s) done.set(holder, (s = new Set()));
      if (s.has(key)) return false;
      s.add(key);
      return true;
    };
    const emit = (i: number, path: Key[], value: unknown, bits: number, parent: object | undefined) => {
      const f = fast[i];
      checkCancel();
      if (f.memo) {
        const k = f.ruleIndex * 64 + (f.usesPrefix ? bits : 0);
        if (typeof value === 'object' && value !== null) {
          if (!once(value, k)) return;
        } else if (parent !== undefined && !once(parent, `${k}:${path[path.length - 1]}`)) return;
      }
      lintNode(context, { path, value }, f.rule);
    };
    fast.forEach((f, i) => {
      if (f.predicate.kind === 'root') emit(i, [], input, 0, undefined);
      else if (f.predicate.kind === 'fork') {
        const value = forkValue(input, f.predicate.fork!);
        if (value !== undefined) emit(i, [...f.predicate.fork!], value, 0, undefined);
      }
    });
    walk(
      input,
      fast.map((f) => f.predicate),
      emit,
      { memo: !shares, prefixes: MEDIA_PREFIXES },
    );
    if (slow.size) executeNimma(input, slow);
  }
}

/** Whether a rule's results depend on its path's prefix: the media example rules relax `required` for requests and responses. */
function usesPrefix(rule: Rule): boolean {
  return (rule.then as Then[]).some((t) => t.function === oasExample && (t.functionOptions as { type?: string } | undefined)?.type === 'media');
}

/** nimma's fork: every step defined, the last one's parent an object. */
function forkValue(root: unknown, path: string[]): unknown {
  let parent: unknown = undefined;
  let cur: unknown = root;
  for (const seg of path) {
    parent = cur;
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[seg] : (cur as Record<string, unknown> | undefined)?.[seg];
    if (cur === undefined) return undefined;
  }
  return typeof parent === 'object' && parent !== null ? cur : undefined;
}

/** spectral-core's Runner `execute`: the expressions this module does not compile, on nimma itself. */
function executeNimma(input: unknown, callbacks: Map<string, Array<(scope: Scope) => void>>): void {
  const nimma = new Nimma([...callbacks.keys()], { fallback: jsonPathPlus as never, unsafe: false, output: 'auto', customShorthands: {} });
  const mapped: Record<string, (scope: Scope) => void> = {};
  for (const [expr, cbs] of callbacks) mapped[expr] = (scope) => cbs.forEach((cb) => cb(scope));
  nimma.query(input as never, mapped as never);
}

/** spectral-core's getLintTargets. */
function lintTargets(targetValue: unknown, field: string | undefined): Array<{ path: Key[]; value: unknown }> {
  const targets: Array<{ path: Key[]; value: unknown }> = [];
  if (typeof targetValue === 'object' && targetValue !== null && typeof field === 'string') {
    if (field === '@key') {
      for (const key of Object.keys(targetValue)) targets.push({ path: [key], value: key });
    } else if (field.startsWith('$')) {
      JSONPath({
        path: field,
        json: targetValue as object,
        resultType: 'all',
        callback(result: { path: string; value: unknown }) {
          targets.push({ path: toPath(result.path.slice(1)), value: result.value });
        },
      });
    } else {
      targets.push({ path: toPath(field), value: lodashGet(targetValue, field) });
    }
  } else {
    targets.push({ path: [], value: targetValue });
  }
  if (targets.length === 0) targets.push({ path: [], value: undefined });
  return targets;
}

/** spectral-core's lintNode. */
function lintNode(context: Context, node: Scope, rule: Rule): void {
  const givenPath = node.path.length > 0 && node.path[0] === '$' ? node.path.slice(1) : node.path.slice();
  const fnContext = { document: context.inventory.document, documentInventory: context.inventory, rule, path: givenPath };
  for (const then of rule.then as Then[]) {
    const targets = lintTargets(node.value, then.field);
    for (const target of targets) {
      fnContext.path = target.path.length > 0 ? [...givenPath, ...target.path] : givenPath;
      const fn = REPLACEMENTS.get(then.function) ?? then.function;
      let targetResults: unknown;
      try {
        targetResults = fn(target.value, then.functionOptions ?? null, fnContext);
      } catch (e) {
        throw new Error(`Function "${then.function.name}" threw an exception${e instanceof Error ? `: ${e.message}` : ''}`, { cause: e });
      }
      if (targetResults === undefined) continue;
      if (typeof (targetResults as Promise<unknown>).then === 'function') {
        const saved = { ...fnContext };
        context.promises.push(
          (targetResults as Promise<FunctionResult[] | undefined>).then((results) =>
            results === undefined ? undefined : processTargetResults(context, saved, results),
          ),
        );
      } else {
        processTargetResults(context, fnContext, targetResults as FunctionResult[]);
      }
    }
  }
}

interface FunctionResult {
  message: string;
  path?: Key[];
}

/** spectral-core's processTargetResults, with the range left for later. */
function processTargetResults(context: Context, fnContext: { rule: Rule; path: Key[] }, results: FunctionResult[]): void {
  const { rule, path: targetPath } = fnContext;
  const { inventory } = context;
  for (const result of results) {
    const escaped = (result.path ?? targetPath).map(decodeSegmentFragment);
    const item = inventory.findAssociatedItemForPath(escaped, rule.resolved);
    const path = item?.path ?? getClosestJsonPath(inventory.resolved, escaped);
    const source = item?.document.source;
    const document = item?.document ?? inventory.document;
    const value = path.length === 0 ? document.data : lodashGet(document.data, path);
    const vars: MessageVars = {
      property:
        item?.missingPropertyPath !== undefined && item.missingPropertyPath.length > path.length
          ? printPath(item.missingPropertyPath.slice(path.length - 1), PrintStyle.Dot)
          : path.length > 0
            ? path[path.length - 1]
            : '',
      error: result.message,
      path: printPath(path, PrintStyle.EscapedPointer),
      description: rule.description,
      value,
    };
    const resultMessage = printMessage(result.message, vars);
    vars.error = resultMessage;
    const severity = source !== null && source !== undefined ? rule.getSeverityForSource(source, path) : rule.severity;
    if (severity === -1) continue;
    context.results.push({
      document,
      result: {
        code: rule.name,
        message: (rule.message === null ? (rule.description ?? resultMessage) : printMessage(rule.message, vars)).trim(),
        path,
        severity,
        ...(source !== null ? { source: source ?? undefined } : null),
        range: undefined as never,
        documentationUrl: rule.documentationUrl ?? undefined,
      },
    });
  }
}

function resolverResults(document: SpectralDocument, errors: Resolution['errors']): RawResult[] {
  const seen = new Set<string>();
  const out: RawResult[] = [];
  for (const error of errors ?? []) {
    if (seen.has(error.message)) continue; // lodash uniqBy(errors, 'message')
    seen.add(error.message);
    const path = [...error.path, '$ref'];
    const source = error.uriStack.length > 0 ? error.uriStack[error.uriStack.length - 1] : document.source;
    out.push({
      code: 'invalid-ref',
      path,
      message: error.message.replace(/^Error\s*:\s*/, ''),
      severity: DiagnosticSeverity.Error,
      range: undefined as never,
      ...(source !== null ? { source } : null),
    });
  }
  return out;
}

function parserResults(document: SpectralDocument, ruleset: Ruleset): RawResult[] {
  const options = ruleset.parserOptions;
  const level = (s: unknown): number => (s === 'error' ? 0 : s === 'warn' ? 1 : s === 'info' ? 2 : s === 'hint' ? 3 : s === 'off' ? -1 : (s as number));
  const out: RawResult[] = [];
  for (const d of document.diagnostics) {
    if (d.code !== 'parser') continue;
    let severity: number | undefined;
    if (d.message.startsWith('Mapping key must be a string scalar rather than')) severity = level(options.incompatibleValues);
    else if (d.message.startsWith('Duplicate key')) severity = level(options.duplicateKeys);
    else {
      out.push(d);
      continue;
    }
    if (severity !== -1) out.push({ ...d, severity: severity as number });
  }
  return out;
}

function rangeOf(document: SpectralDocument, path: Key[]) {
  return document.getRangeForJsonPath(path, true) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Ranges for what needs them, spectral-core's de-duplication, its sort. */
function prepare(pending: Pending[]): RawResult[] {
  for (const p of pending) if (p.result.path.length === 0 && p.result.range === undefined) p.result.range = rangeOf(p.document, []);
  const unique = deduplicate(pending.map((p) => p.result));
  const docOf = new Map(pending.map((p) => [p.result, p.document]));
  const byDoc = new Map<SpectralDocument, RawResult[]>();
  for (const r of unique) {
    if (r.range !== undefined) continue;
    const d = docOf.get(r)!;
    const list = byDoc.get(d) ?? [];
    list.push(r);
    byDoc.set(d, list);
  }
  for (const [d, list] of byDoc) {
    const ranges = d.getRangesForJsonPaths ? d.getRangesForJsonPaths(list.map((r) => r.path)) : list.map((r) => rangeOf(d, r.path));
    list.forEach((r, i) => (r.range = ranges[i]));
  }
  return sortResults(unique);
}
