/**
 * Opening specs with every Rewst error class: each finding shows in the
 * Problems panel with its rule id as the code, at its line and column, and
 * the status bar counts what the panel lists.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lint, ROOT } from '../cli';
import { countBySeverity, waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

/** Every class of problem the extension reports; the files below hold at least one of each. */
const CLASSES = [
  'info-description',
  'operation-id-missing',
  'operation-id-duplicate',
  'path-trailing-slash',
  'circular-ref',
  'pattern-invalid',
  'required-undefined',
  'swagger-2',
  'parse-error',
];
const FILES = ['photo-records.yaml', 'legacy-swagger.json', 'cut-short.json'];

export const scenario: Scenario = {
  title: 'each Rewst error class shows in the Problems panel with its rule id, and the status bar counts them',
  prepare(dir) {
    copyFromRepo('examples/photo-records.yaml', dir);
    copyFromRepo('examples/legacy-swagger.json', dir);
    // A download cut short: a Swagger file that stops mid-way no longer parses.
    const whole = readFileSync(path.join(ROOT, 'examples/legacy-swagger.json'), 'utf8');
    writeFileSync(path.join(dir, 'cut-short.json'), whole.slice(0, Math.floor(whole.length / 2)));
  },
  async run(t) {
    const { wb } = t;
    await wb.showProblems();
    for (const f of FILES) await wb.open(t.rel(f));

    const shownRules = new Set<string>();
    let rewstCount = 0;
    for (const f of FILES) {
      const findings = lint(t.file(f));
      const markers = await waitForFindings(wb, t.file(f), findings);
      for (const m of markers) shownRules.add(m.code);
      rewstCount += markers.length;
      t.log(`${f}: ${markers.length} Rewst marker(s) as the engine finds: ${[...new Set(markers.map((m) => m.code))].join(', ')}`);
    }
    assert.deepEqual(
      CLASSES.filter((c) => !shownRules.has(c)),
      [],
      'every error class is shown at least once',
    );

    // The status bar counts every marker in the panel (other sources included, such as VS Code's own JSON syntax check).
    const { status } = await wb.waitFor(
      'the status bar to count what the Problems panel lists',
      async () => ({ status: await wb.status(), panel: countBySeverity(await wb.problems()) }),
      (r) => JSON.stringify(r.status) === JSON.stringify(r.panel),
    );
    assert.ok(status.errors + status.warnings + status.infos >= rewstCount, 'the status bar counts at least the Rewst markers');
    t.log(`status bar: ${status.errors} error(s), ${status.warnings} warning(s), ${status.infos} info(s); ${rewstCount} Rewst marker(s)`);
    await t.screenshot('diagnostics');
  },
};
