/**
 * Ctrl+. right after an edit, before the edited version's diagnostics come
 * back: a character typed into a path key that ends in '/', then Ctrl+. at
 * once. The menu offers the fix for the key as it now reads (by what it does,
 * or, from the last analysis, by the rule's name), and applying it saves
 * exactly that change.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from '../cli';
import { rewstMarkers, waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

const FILE = 'photo-records.yaml';
/** The path key with the trailing slash: `/photo-records/:` on line 9, its text from column 3. */
const LINE = 9;
/** Typed after the key's leading '/'. */
const TYPED = 'x';

export const scenario: Scenario = {
  title: 'Ctrl+. right after typing on a line with a fixable diagnostic offers the fix, and applying it works',
  prepare(dir) {
    copyFromRepo(`examples/${FILE}`, dir);
  },
  async run(t) {
    const { wb } = t;
    const page = wb.page;
    await wb.showProblems();
    const file = t.file(FILE);
    const before = readFileSync(file, 'utf8');
    assert.equal(before.split('\n')[LINE - 1], '  /photo-records/:', `line ${LINE} of ${FILE} is the path key with a trailing slash`);
    const expected = before.replace('\n  /photo-records/:\n', `\n  /${TYPED}photo-records:\n`);

    await wb.open(t.rel(FILE));
    const shown = await waitForFindings(wb, file, lint(file));
    assert.ok(
      shown.some((m) => m.code === 'path-trailing-slash' && m.line === LINE),
      `path-trailing-slash is shown on line ${LINE}`,
    );

    await wb.goTo(LINE, 4);
    await page.keyboard.type(TYPED);
    const offered = await wb.quickFixMenu();
    // Before the edited version's analysis is in, the fix comes from the last one: the edit touched its key,
    // so it is offered by the rule's name and computed on the current text when chosen; after, by what it does.
    const choices = [`Rename path to /${TYPED}photo-records`, 'Fix path-trailing-slash here (as the text now reads)'];
    const action = choices.find((c) => offered.includes(c));
    assert.ok(action, `Ctrl+. right after typing offers one of ${JSON.stringify(choices)}; it offered ${JSON.stringify(offered)}`);
    await wb.chooseAction(action);
    await wb.waitFor(
      `the path-trailing-slash diagnostic on line ${LINE} to go away`,
      async () => rewstMarkers(await wb.problems(), file).filter((m) => m.code === 'path-trailing-slash' && m.line === LINE),
      (left) => left.length === 0,
    );
    await wb.save();
    assert.equal(readFileSync(file, 'utf8'), expected, `${FILE} on disk holds the typed character and the fix, nothing else`);
    await waitForFindings(wb, file, lint(file));
    t.log(`typed "${TYPED}" into the key on line ${LINE}, Ctrl+. at once offered "${action}"; applied and saved`);
  },
};
