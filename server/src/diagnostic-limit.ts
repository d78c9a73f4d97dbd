/**
 * VS Code shows at most 1,000 problems per file. A spec with 1,216 missing
 * operationIds would hide its 44 circular references. So each class (source
 * and code) shows at most `perClass` diagnostics, fewer when the classes
 * together would pass the total, and one summary in place of the rest: every
 * class stays visible whatever the counts.
 */
import type { Diagnostic } from 'vscode-languageserver/node';

export const VSCODE_MAX_PROBLEMS = 1000;
export const DEFAULT_MAX_PER_RULE = 100;

export interface SummaryData {
  ruleId: string;
  path: [];
  /** Marks a summary: a code action on it offers the class's fix-all. */
  summary: { hidden: number; total: number };
}

const classOf = (d: Diagnostic) => `${d.source ?? ''}\u0000${String(d.code ?? '')}`;

/** The largest per-class cap (≤ perClass) that keeps the shown diagnostics and summaries within `total`. */
function capFor(counts: number[], perClass: number, total: number): number {
  const shown = (cap: number) => counts.reduce((n, c) => n + Math.min(c, cap) + (c > cap ? 1 : 0), 0);
  let lo = 0;
  let hi = Math.max(0, perClass);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (shown(mid) <= total) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function limitDiagnostics(diagnostics: Diagnostic[], perClass = DEFAULT_MAX_PER_RULE, total = VSCODE_MAX_PROBLEMS): Diagnostic[] {
  const byClass = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const k = classOf(d);
    const list = byClass.get(k);
    if (list) list.push(d);
    else byClass.set(k, [d]);
  }
  const counts = [...byClass.values()].map((l) => l.length);
  if (counts.every((c) => c <= perClass) && diagnostics.length <= total) return diagnostics;
  const cap = Math.max(1, capFor(counts, perClass, total));
  const out: Diagnostic[] = [];
  for (const list of byClass.values()) {
    if (list.length <= cap) {
      out.push(...list);
      continue;
    }
    out.push(...list.slice(0, cap));
    const first = list[cap];
    const hidden = list.length - cap;
    const data: SummaryData = { ruleId: String(first.code ?? ''), path: [], summary: { hidden, total: list.length } };
    out.push({
      range: first.range,
      severity: first.severity,
      source: first.source,
      code: first.code,
      message: `${hidden} more ${first.code} problem${hidden === 1 ? '' : 's'} not listed (${list.length} in all; at most ${cap} are shown per rule, setting rewstOpenapi.diagnostics.maxPerRule).`,
      data,
    });
  }
  return out;
}
