/**
 * A quick fix through Ctrl+.: the diagnostic goes away, and after saving the
 * file on disk holds exactly the intended change, nothing else (comments,
 * formatting and key order kept).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from '../cli';
import { rewstMarkers, waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

interface Case {
  file: string;
  /** Where the cursor goes: the diagnostic's start. */
  line: number;
  column: number;
  rule: string;
  action: string;
  /** The one change the fix must make: [before, after], `before` found exactly once. */
  change: [string, string];
  screenshot?: string;
}

const CASES: Case[] = [
  {
    file: 'photo-records.yaml',
    line: 9,
    column: 3,
    rule: 'path-trailing-slash',
    action: 'Rename path to /photo-records',
    change: ['\n  /photo-records/:\n', '\n  /photo-records:\n'],
    screenshot: 'quick-fix',
  },
  {
    file: 'legacy-swagger.json',
    line: 3,
    column: 3,
    rule: 'info-description',
    action: 'Add info.description "Legacy Tickets API"',
    change: ['    "title": "Legacy Tickets",\n', '    "title": "Legacy Tickets",\n    "description": "Legacy Tickets API",\n'],
  },
];

export const scenario: Scenario = {
  title: 'a quick fix through Ctrl+. removes its diagnostic and saves exactly the intended change',
  prepare(dir) {
    for (const c of CASES) copyFromRepo(`examples/${c.file}`, dir);
  },
  async run(t) {
    const { wb } = t;
    await wb.showProblems();
    for (const c of CASES) {
      const file = t.file(c.file);
      const before = readFileSync(file, 'utf8');
      assert.equal(before.split(c.change[0]).length, 2, `${c.file} holds "${c.change[0]}" exactly once`);
      const expected = before.replace(c.change[0], c.change[1]);

      await wb.open(t.rel(c.file));
      const shown = await waitForFindings(wb, file, lint(file));
      assert.ok(
        shown.some((m) => m.code === c.rule && m.line === c.line && m.column === c.column),
        `${c.rule} is shown at ${c.line}:${c.column}`,
      );

      await wb.goTo(c.line, c.column);
      const offered = await wb.quickFixMenu();
      assert.ok(offered.includes(c.action), `Ctrl+. offers "${c.action}"; it offered ${JSON.stringify(offered)}`);
      if (c.screenshot) await t.screenshot(c.screenshot, ['.part.editor', '.part.panel']);
      await wb.chooseAction(c.action);

      await wb.waitFor(
        `the ${c.rule} diagnostic at ${c.line}:${c.column} to go away`,
        async () => rewstMarkers(await wb.problems(), file).filter((m) => m.code === c.rule && m.line === c.line),
        (left) => left.length === 0,
      );
      await wb.save();
      assert.equal(readFileSync(file, 'utf8'), expected, `${c.file} on disk holds exactly the fix`);
      // And the panel agrees with the engine on the saved file.
      await waitForFindings(wb, file, lint(file));
      t.log(`${c.file}: "${c.action}" applied; the file on disk changed by exactly that`);
    }
  },
};
