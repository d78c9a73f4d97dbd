import type { ParseProblem, SpecDocument } from './parse';
import type { Finding } from './types';

/** A syntax problem as a finding of the whole document (no path: the text has no structure to point into). */
export function problemFinding(doc: SpecDocument, p: ParseProblem, ruleId: string, message: string): Finding {
  return {
    ruleId,
    severity: 'error',
    message,
    pointer: '',
    path: [],
    target: 'value',
    offset: { start: p.start, end: p.end },
    range: { start: doc.lines.positionAt(p.start), end: doc.lines.positionAt(p.end) },
    fixable: false,
  };
}
