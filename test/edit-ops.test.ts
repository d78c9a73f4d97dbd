/**
 * Fix-all takes whole fixes: a fix of several edits goes in entirely or waits
 * for the next round (compatibleFixes), never half (a list deleted here and
 * not added there).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, compatibleFixes } from '../server/src/engine/edit-ops';
import type { TextEdit } from '../server/src/engine/types';

const at = (start: number, end: number, newText: string): TextEdit => ({ start, end, newText });
const fix = (name: string, ...edits: TextEdit[]) => ({ name, edits });
const names = (fixes: Array<{ name: string }>) => fixes.map((f) => f.name);

describe('compatibleFixes', () => {
  const text = '0123456789';

  it('a fix one of whose edits overlaps an earlier fix waits whole, its other edit is not applied', () => {
    const { accepted, edits } = compatibleFixes([fix('a', at(2, 4, 'AB')), fix('move', at(3, 5, ''), at(8, 8, 'M'))]);
    assert.deepEqual(names(accepted), ['a']);
    assert.equal(applyEdits(text, edits), '01AB456789');
  });

  it('fixes apart all go in; insertions at one offset are joined in their fixes order', () => {
    const { accepted, edits } = compatibleFixes([fix('x', at(5, 5, 'X')), fix('r', at(0, 1, 'R')), fix('y', at(5, 5, 'Y'))]);
    assert.deepEqual(names(accepted), ['x', 'r', 'y']);
    assert.deepEqual(edits, [at(0, 1, 'R'), at(5, 5, 'XY')]);
    assert.equal(applyEdits(text, edits), 'R1234XY56789');
  });

  it('an insertion inside a replaced range clashes; one where the range starts or ends does not', () => {
    assert.deepEqual(names(compatibleFixes([fix('r', at(2, 6, '')), fix('inside', at(4, 4, 'I'))]).accepted), ['r']);
    assert.deepEqual(names(compatibleFixes([fix('r', at(2, 6, '')), fix('start', at(2, 2, 'S')), fix('end', at(6, 6, 'E'))]).accepted), ['r', 'start', 'end']);
  });

  it('an edit reaching into a replacement that shares its start with an insertion is still seen', () => {
    // Taken in either order: [2, 6) and an insertion at 2; an edit at [4, 5) overlaps the replacement whichever was taken last.
    assert.deepEqual(names(compatibleFixes([fix('ins', at(2, 2, 'I')), fix('r', at(2, 6, '')), fix('late', at(4, 5, 'L'))]).accepted), ['ins', 'r']);
    assert.deepEqual(names(compatibleFixes([fix('r', at(2, 6, '')), fix('ins', at(2, 2, 'I')), fix('late', at(4, 5, 'L'))]).accepted), ['r', 'ins']);
  });

  it('a fix whose own edits overlap is never taken', () => {
    assert.deepEqual(names(compatibleFixes([fix('self', at(1, 4, ''), at(3, 6, ''))]).accepted), []);
  });
});
