import { editorFor, type StructuralEditor } from './structural-editor';
import { looksLikeSpec } from '../../../common/spec-sniff';
import { parseSpec, type Format, type LocateRequest, type SpecDocument } from './parse';
import { problemFinding } from './problem-finding';
import { toPointer } from './pointer';
import type { FixContext, FixTarget, Rule } from './rule';
import { RULES, RULES_BY_ID } from './rules';
import { indexSpec, type SpecIndex } from './spec-index';
import { applyEdits, compatibleFixes, composeEdits } from './edit-ops';
import type { Finding, Fix, Report, TextEdit } from './types';

export const PARSE_ERROR = 'parse-error';

const MAX_LOCATE_DEPTH = 1000;

export interface Analysis {
  doc: SpecDocument;
  /** False for JSON/YAML that is not an OpenAPI or Swagger description: it gets no findings. */
  isSpec: boolean;
  findings: Finding[];
  root?: Record<string, unknown>;
  index?: SpecIndex;
}

export interface AnalyzeOptions {
  format?: Format;
  /** Run only these rules (all when absent). */
  rules?: ReadonlyArray<string>;
  /** A parse of this very text that the caller already has (prepare's), so that it is not parsed again. */
  parsed?: SpecDocument;
}

/** Parses and lints a document. Never throws on bad input: problems become findings. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const doc = options.parsed?.text === text ? options.parsed : parseSpec(text, options.format);
  if (doc.problems.length) {
    if (!looksLikeSpec(text)) return { doc, isSpec: false, findings: [] };
    return { doc, isSpec: true, findings: doc.problems.map((p) => problemFinding(doc, p, PARSE_ERROR, p.message)) };
  }
  if (!doc.version) return { doc, isSpec: false, findings: [] };
  const root = doc.value as Record<string, unknown>;
  const index = indexSpec(root, doc.format === 'yaml');
  const reports: Array<{ rule: Rule; report: Report }> = [];
  const rules = options.rules ? RULES.filter((r) => options.rules!.includes(r.id)) : RULES;
  for (const rule of rules) {
    try {
      rule.check({ doc, root, index, report: (report) => reports.push({ rule, report }) });
    } catch (e) {
      // One rule failing on strange input must not cost the others; say so instead of crashing.
      reports.push({
        rule,
        report: {
          path: [],
          message: `rewst-openapi could not finish the ${rule.id} check on this file: ${e instanceof Error ? e.message : String(e)}`,
          severity: 'warning',
          fixable: false,
        },
      });
    }
  }
  return { doc, isSpec: true, root, index, findings: place(doc, reports) };
}

/** Attaches positions to reports, locating all of them in one pass over the text. */
function place(doc: SpecDocument, reports: ReadonlyArray<{ rule: Rule; report: Report }>): Finding[] {
  const requests: LocateRequest[] = [];
  // Beyond this depth a finding is shown at its ancestor: locating stays cheap and shallow on hostile nesting.
  const clip = (path: Report['path']) => (path.length > MAX_LOCATE_DEPTH ? path.slice(0, MAX_LOCATE_DEPTH) : path);
  for (const { report } of reports) {
    requests.push({ path: clip(report.path), target: report.target ?? 'value' });
    for (const rel of report.related ?? []) requests.push({ path: clip(rel.path), target: rel.target });
  }
  const spans = doc.locate(requests);
  let k = 0;
  const range = (s: { start: number; end: number }) => ({ start: doc.lines.positionAt(s.start), end: doc.lines.positionAt(s.end) });
  const findings = reports.map(({ rule, report }): Finding => {
    const span = spans[k++];
    const related = report.related?.map((rel) => ({ ...rel, range: range(spans[k++]) }));
    return {
      ruleId: rule.id,
      severity: report.severity ?? rule.severity,
      message: report.message,
      pointer: toPointer(report.path),
      path: report.path,
      target: report.target ?? 'value',
      offset: span,
      range: range(span),
      data: report.data,
      related,
      fixable: Boolean(rule.fix) && report.fixable !== false,
    };
  });
  return findings.sort((a, b) => a.offset.start - b.offset.start || a.ruleId.localeCompare(b.ruleId));
}

function fixContext(analysis: Analysis, batch: boolean): FixContext | undefined {
  if (!analysis.root || !analysis.index) return undefined;
  const taken = new Set<string>();
  for (const op of analysis.index.operations) if (typeof op.operation.operationId === 'string') taken.add(op.operation.operationId);
  const claims = new Set<string>();
  return {
    doc: analysis.doc,
    root: analysis.root,
    index: analysis.index,
    editor: editorFor(analysis.doc),
    takenOperationIds: taken,
    batch,
    claim: (key) => (claims.has(key) ? false : (claims.add(key), true)),
  };
}

/** The quick fix for one finding (as named by rule id, path and data, the way LSP diagnostics carry it). */
export function fixFor(analysis: Analysis, ruleId: string, target: FixTarget, editor?: StructuralEditor): Fix | undefined {
  const rule = RULES_BY_ID.get(ruleId);
  const ctx = fixContext(analysis, false);
  if (!rule?.fix || !ctx) return undefined;
  if (editor) ctx.editor = editor; // the fix's edits go elsewhere: a referenced file's text (bundle/cross-file.ts)
  const fix = safely(() => rule.fix!(target, ctx));
  return fix && fix.edits.length ? { ...fix, ruleId } : undefined;
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined; // a fix that cannot be computed is simply not offered
  }
}

export interface FixAllResult {
  text: string;
  /** Edits on the original text: applying them gives `text`. */
  edits: TextEdit[];
  /** Fixes applied, in order, across rounds. */
  applied: Fix[];
  /** The same fixes by round: each round's fixes were computed on the text the previous round left. */
  rounds: Fix[][];
  /** Findings left after the fixes. */
  remaining: Finding[];
  /** The analysis of `text`, whose findings are `remaining`. */
  analysis: Analysis;
}

const MAX_ROUNDS = 8;

/**
 * Applies every safe fix. Fixes that overlap wait for the next round, which
 * re-lints the edited text; the returned edits are composed onto the original.
 */
export function fixAll(text: string, options: AnalyzeOptions = {}, first?: Analysis): FixAllResult {
  let current = text;
  let edits: TextEdit[] = [];
  const applied: Fix[] = [];
  const rounds: Fix[][] = [];
  // The caller's analysis of `text` (with the same options), when it has one: the text is not linted twice.
  let analysis = first?.doc.text === text ? first : analyze(current, options);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ctx = fixContext(analysis, true);
    if (!ctx) break;
    const fixes: Fix[] = [];
    for (const f of analysis.findings) {
      const rule = RULES_BY_ID.get(f.ruleId);
      if (!rule?.fix || !rule.fixAll) continue;
      const fix = safely(() => rule.fix!({ path: f.path, data: f.data }, ctx));
      if (fix && fix.edits.length) fixes.push({ ...fix, ruleId: rule.id });
    }
    const { accepted: done, edits: accepted } = compatibleFixes(fixes);
    if (!accepted.length) break;
    const next = applyEdits(current, accepted);
    edits = round === 0 ? accepted : composeEdits(edits, accepted, next);
    applied.push(...done);
    rounds.push(done);
    current = next;
    analysis = analyze(current, { ...options, format: analysis.doc.format });
  }
  return { text: current, edits, applied, rounds, remaining: analysis.findings, analysis };
}
