/** The per-rule limit on published diagnostics, and ranges moved through edits: tables of cases. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import { limitDiagnostics, type SummaryData } from '../server/src/diagnostic-limit';
import { shiftRange } from '../server/src/range-shift';

const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 5 } });
const many = (code: string, n: number, source = 'rewst'): Diagnostic[] =>
  Array.from({ length: n }, (_, i) => ({ range: at(i), message: `${code} ${i}`, code, source, severity: 1 }));
const count = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code && !(d.data as SummaryData | undefined)?.summary).length;
const summaries = (ds: Diagnostic[]) => ds.filter((d) => (d.data as SummaryData | undefined)?.summary);

describe('limitDiagnostics', () => {
  it('leaves a list within the limits as it is (the same array)', () => {
    const ds = [...many('a', 100), ...many('b', 3)];
    assert.equal(limitDiagnostics(ds, 100), ds);
  });

  it('1,216 missing operationIds and 44 circular references: 100 of the first, a summary, and all 44', () => {
    const out = limitDiagnostics([...many('operation-id-missing', 1216), ...many('circular-ref', 44)], 100);
    assert.equal(count(out, 'operation-id-missing'), 100);
    assert.equal(count(out, 'circular-ref'), 44);
    const [summary] = summaries(out);
    assert.equal(summaries(out).length, 1);
    assert.equal(summary.code, 'operation-id-missing');
    assert.deepEqual((summary.data as SummaryData).summary, { hidden: 1116, total: 1216 });
    assert.deepEqual(summary.range, at(100), 'at the first problem not listed');
    assert.match(String(summary.message), /^1116 more operation-id-missing problems not listed \(1216 in all/);
  });

  it('many classes: fewer per class so that all of them, and their summaries, fit in 1,000', () => {
    const ds = Array.from({ length: 15 }, (_, k) => many(`rule-${k}`, 200, k % 2 ? 'spectral' : 'rewst')).flat();
    const out = limitDiagnostics(ds, 100, 1000);
    assert.ok(out.length <= 1000, `${out.length}`);
    for (let k = 0; k < 15; k++) assert.ok(count(out, `rule-${k}`) >= 60, `rule-${k} keeps a fair share`);
    assert.equal(summaries(out).length, 15);
  });

  it('the same code from two sources counts as two classes', () => {
    const out = limitDiagnostics([...many('x', 5, 'rewst'), ...many('x', 5, 'spectral')], 3);
    assert.equal(out.filter((d) => d.source === 'rewst').length, 4);
    assert.equal(out.filter((d) => d.source === 'spectral').length, 4);
  });
});

describe('shiftRange', () => {
  const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
  const cases: Array<[string, Range, { range: Range; text: string }, Range]> = [
    ['a line inserted above moves it down', r(5, 2, 5, 8), { range: r(0, 0, 0, 0), text: 'x\n' }, r(6, 2, 6, 8)],
    ['a line deleted above moves it up', r(5, 2, 5, 8), { range: r(1, 0, 2, 0), text: '' }, r(4, 2, 4, 8)],
    ['text typed before it on its line moves its columns', r(5, 2, 5, 8), { range: r(5, 0, 5, 0), text: 'ab' }, r(5, 4, 5, 10)],
    ['an edit after it leaves it', r(5, 2, 5, 8), { range: r(5, 9, 5, 9), text: 'zz\n\n' }, r(5, 2, 5, 8)],
    ['an edit inside it: the end moves with the text after', r(5, 2, 5, 8), { range: r(5, 4, 5, 5), text: 'xyz' }, r(5, 2, 5, 10)],
    ['its text replaced: it collapses to where the new text starts', r(5, 2, 5, 8), { range: r(5, 0, 6, 0), text: 'q' }, r(5, 0, 5, 0)],
    ['a break typed before it on its line: next line, columns from the break', r(5, 6, 5, 9), { range: r(5, 4, 5, 4), text: '\n  ' }, r(6, 4, 6, 7)],
  ];
  for (const [name, range, change, expected] of cases) it(name, () => assert.deepEqual(shiftRange(range, change), expected));
  it('a whole-document change keeps the range', () => assert.deepEqual(shiftRange(r(3, 1, 3, 2), { text: 'new' }), r(3, 1, 3, 2)));
});
