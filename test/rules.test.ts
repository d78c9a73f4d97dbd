import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, applyFixAllIntents, applyIntents, fixAll, fixFor, parseSpec, RULES } from '../server/src/engine';

/** Runs every rule's own table of cases: findings by pointer, messages, severity, and the fix's exact text. */
for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    assert.ok(rule.cases.length >= 2, `${rule.id} needs a table of cases`);
    for (const c of rule.cases) {
      it(c.name, () => {
        const analysis = analyze(c.text, { rules: [rule.id] });
        assert.equal(analysis.isSpec, true, 'case must be a spec');
        const got = analysis.findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(
          got.map((f) => f.pointer),
          c.expect.map((e) => e.pointer),
        );
        c.expect.forEach((e, i) => {
          if (e.message) assert.match(got[i].message, e.message);
          assert.equal(got[i].severity, e.severity ?? rule.severity);
          if (e.fixable !== undefined) assert.equal(got[i].fixable, e.fixable, 'fixable');
          // the range must sit on the text of the node it names
          assert.ok(got[i].offset.end > got[i].offset.start, 'non-empty range');
        });
        if (c.fixed !== undefined) {
          const first = got[0];
          const fix = fixFor(analysis, rule.id, { path: first.path, data: first.data });
          assert.ok(fix, 'a fix is offered');
          const after = applyEdits(c.text, fix.edits);
          assert.equal(after, c.fixed);
          // the edit does exactly what the fix says it means to do, structurally
          assert.ok(fix.intent?.length, 'a fix states its intent');
          assert.deepEqual(parseSpec(after).value, applyIntents(parseSpec(c.text).value, fix.intent));
          const again = analyze(after, { rules: [rule.id] });
          assert.ok(!again.findings.some((f) => f.ruleId === 'parse-error'), 'fixed text parses');
          assert.ok(!again.findings.some((f) => f.ruleId === rule.id && f.pointer === first.pointer && f.message === first.message), 'the finding is gone');
        }
        if (rule.fixAll && got.some((f) => f.fixable)) {
          // fix-all applies every fix of the rule at once: the text still parses, and nothing fixable is left
          const all = fixAll(c.text, { rules: [rule.id] });
          assert.deepEqual(analyze(all.text).findings.filter((f) => f.ruleId === 'parse-error'), [], 'fix-all text parses');
          assert.deepEqual(all.remaining.filter((f) => f.fixable).map((f) => f.pointer), [], 'fix-all leaves nothing fixable');
          assert.deepEqual(parseSpec(all.text).value, applyFixAllIntents(parseSpec(c.text).value, all.rounds), 'fix-all changes only what its fixes intend');
        }
      });
    }
  });
}
