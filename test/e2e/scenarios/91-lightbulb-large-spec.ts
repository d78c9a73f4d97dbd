/**
 * The lightbulb at a Rewst diagnostic in GitHub's 13 MB REST description
 * shows without a wait, and Ctrl+. lists the diagnostic's quick fix: code
 * actions at a cursor move cost what the diagnostic's own fix costs, not a
 * whole-file fix-all (those are resolved only when chosen). The time from the
 * cursor's arrival to the lightbulb is printed, not asserted on, with how long
 * the extension's code-action requests took (rewstOpenapi.logRequestTimes):
 * the rest of the wait is VS Code's (its lightbulb delay, other providers).
 */
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { channelLines } from '../channel-log';
import { lint } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

const SPEC = 'node_modules/@octokit/openapi/generated/api.github.com.json';
const LIGHTBULB = '.editor-instance .monaco-editor .lightBulbWidget';

export const scenario: Scenario = {
  title: "the lightbulb shows at once at a diagnostic in GitHub's 13 MB description, and Ctrl+. lists its quick fix",
  timeoutMs: 5 * 60_000,
  prepare(dir) {
    copyFromRepo(SPEC, dir);
  },
  async run(t) {
    const { wb } = t;
    const page = wb.page;
    await wb.showProblems();
    const file = t.file('api.github.com.json');
    const findings = lint(file);
    // A fixable error the engine reports (required-undefined names a property the schema lacks).
    const target = findings.find((f) => f.fixable && f.ruleId === 'required-undefined');
    assert.ok(target, `the CLI reports a fixable required-undefined in ${file}`);
    await wb.open(t.rel('api.github.com.json'));
    await waitForFindings(wb, file, findings, 120_000);

    await wb.goTo(target.line, target.column);
    const atCursor = Date.now();
    await page.locator(LIGHTBULB).first().waitFor({ state: 'visible', timeout: 10_000 });
    const lightbulbAfter = Date.now() - atCursor;
    const offered = await wb.quickFixMenu();
    const menuAfter = Date.now() - atCursor;
    const fixes = offered.filter((title) => !/^Fix all|^Add operationIds to all/.test(title));
    assert.ok(fixes.length > 0, `Ctrl+. at ${target.line}:${target.column} (${target.ruleId}) lists its quick fix; it offered ${JSON.stringify(offered)}`);
    await t.screenshot('lightbulb-large-spec', ['.part.editor']);
    await page.keyboard.press('Escape');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
    t.log(
      `lightbulb at ${target.line}:${target.column} (${target.ruleId}) ${lightbulbAfter} ms after the cursor arrived; Ctrl+. listed ${JSON.stringify(fixes)} ${menuAfter} ms after`,
    );
    // The extension's own share: its code-action requests since the cursor arrived (the lightbulb's and Ctrl+.'s), as the client logged them.
    const uri = pathToFileURL(file).toString();
    const requests = await wb.waitFor(
      "the client's log of the code-action requests at the cursor",
      async () => channelLines(t.logsDir, 'rewst-openapi request time:').filter((l) => l.uri === uri && l.values['code-actions-sent'] >= atCursor - 1000),
      (lines) => lines.length >= 1,
    );
    const took = requests.map((l) => l.values['code-actions-answered'] - l.values['code-actions-sent']);
    t.log(`the extension answered the ${took.length} code-action requests since in ${took.join(', ')} ms: the rest of the wait is VS Code's`);
  },
};
