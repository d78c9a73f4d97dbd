import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyEdits, applyFixAllIntents, applyIntents, fixAll, fixFor, parseSpec, RULES, type Analysis, type Finding } from '../server/src/engine';
import { RULE_CASES } from '../server/src/engine/rules/cases';

/**
 * One finding's quick fix, checked as an editor would apply it: offered, stating its intent, its edit doing
 * exactly that structurally, the text still parsing, and the finding gone. Returns the fixed text.
 */
function checkFix(text: string, analysis: Analysis, ruleId: string, finding: Finding): string {
  const fix = fixFor(analysis, ruleId, { path: finding.path, data: finding.data });
  assert.ok(fix, `a fix is offered for ${finding.pointer}`);
  const after = applyEdits(text, fix.edits);
  assert.ok(fix.intent?.length, 'a fix states its intent');
  assert.deepEqual(parseSpec(after).value, applyIntents(parseSpec(text).value, fix.intent), `the fix for ${finding.pointer} does what its intent says`);
  const again = analyze(after, { rules: [ruleId] });
  assert.ok(!again.findings.some((f) => f.ruleId === 'parse-error'), `the text fixed at ${finding.pointer} parses`);
  assert.ok(
    !again.findings.some((f) => f.ruleId === ruleId && f.pointer === finding.pointer && f.message === finding.message),
    `the finding at ${finding.pointer} is gone`,
  );
  return after;
}

/** Runs every rule's own table of cases: findings by pointer, messages, severity, and every fix, the first one's exact text. */
it('every rule has a table of cases, and every table a rule', () => {
  assert.deepEqual(Object.keys(RULE_CASES).sort(), RULES.map((r) => r.id).sort());
});

for (const rule of RULES) {
  const cases = RULE_CASES[rule.id] ?? [];
  describe(`rule ${rule.id}`, () => {
    assert.ok(cases.length >= 2, `${rule.id} needs a table of cases (rules/${rule.id}.cases.ts, registered in rules/cases.ts)`);
    if (rule.fix) {
      it('has a case that pins the fixed text', () => {
        assert.ok(
          cases.some((c) => c.fixed !== undefined),
          `${rule.id} has a fix: one of its cases must say the text it leaves ("fixed")`,
        );
      });
    }
    for (const c of cases) {
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
        // Every finding that says it is fixable gets a fix that works, each on its own; the others get none.
        const fixedTexts: Array<string | undefined> = [];
        for (const f of got) {
          if (f.fixable) fixedTexts.push(checkFix(c.text, analysis, rule.id, f));
          else assert.equal(fixFor(analysis, rule.id, { path: f.path, data: f.data }), undefined, `no fix for ${f.pointer}, which is not fixable`);
        }
        if (c.fixed !== undefined) {
          assert.ok(got[0]?.fixable, 'a case with a fixed text has a fixable first finding');
          assert.equal(fixedTexts[0], c.fixed);
        }
        if (rule.fixAll && got.some((f) => f.fixable)) {
          // fix-all applies every fix of the rule at once: the text still parses, and nothing fixable is left
          const all = fixAll(c.text, { rules: [rule.id] });
          assert.deepEqual(
            analyze(all.text).findings.filter((f) => f.ruleId === 'parse-error'),
            [],
            'fix-all text parses',
          );
          assert.deepEqual(
            all.remaining.filter((f) => f.fixable).map((f) => f.pointer),
            [],
            'fix-all leaves nothing fixable',
          );
          assert.deepEqual(parseSpec(all.text).value, applyFixAllIntents(parseSpec(c.text).value, all.rounds), 'fix-all changes only what its fixes intend');
        }
      });
    }
  });
}
