/**
 * A spec with more than 1,000 problems: VS Code lists at most 1,000 per file,
 * so without a limit per rule 1,200 missing operationIds would hide the rest.
 * Every Rewst rule the engine finds shows in the Problems panel, and the
 * capped rule has its summary row.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { lint } from '../cli';
import { rewstMarkers } from '../expect';
import { type Scenario } from '../scenario';
import { crowdedSpec as crowded } from '../crowded-spec';

const FILE = 'crowded.yaml';
const OPERATIONS = 1200;

const crowdedSpec = () => crowded(OPERATIONS);

export const scenario: Scenario = {
  title: 'a spec with more than 1,000 problems shows every rule in the Problems panel, with a summary row for the capped rule',
  prepare(dir) {
    writeFileSync(`${dir}/${FILE}`, crowdedSpec());
  },
  async run(t) {
    const { wb } = t;
    await wb.showProblems();
    const file = t.file(FILE);
    const findings = lint(file);
    assert.ok(findings.length > 1000, `the generated spec has more than 1,000 problems (${findings.length})`);
    const rules = [...new Set(findings.filter((f) => f.severity !== 'hint').map((f) => f.ruleId))].sort();
    const capped = rules.filter((r) => findings.filter((f) => f.ruleId === r).length > 100);
    assert.deepEqual(capped, ['operation-id-missing'], 'one rule passes the limit of 100');

    await wb.open(t.rel(FILE));
    const markers = await wb.waitFor(
      `the Problems panel to show every Rewst rule (${rules.join(', ')}) and the operation-id-missing summary`,
      async () => rewstMarkers(await wb.problems(), file),
      (ms) =>
        rules.every((r) => ms.some((m) => m.code === r)) &&
        ms.some((m) => m.code === 'operation-id-missing' && /more operation-id-missing problems not listed/.test(m.message)),
      60_000,
    );
    const summary = markers.find((m) => /more operation-id-missing problems not listed/.test(m.message))!;
    const listed = markers.filter((m) => m.code === 'operation-id-missing').length - 1;
    assert.equal(listed, 100, 'operation-id-missing lists 100 problems beside its summary');
    assert.match(summary.message, new RegExp(`^${OPERATIONS - 100} more operation-id-missing problems not listed \\(${OPERATIONS} in all`));
    await t.screenshot('many-problems', ['.part.panel']);
    t.log(`${findings.length} problems: the panel shows ${markers.length} Rewst rows, every rule (${rules.join(', ')}), and "${summary.message}"`);
  },
};
