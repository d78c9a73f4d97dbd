/**
 * A rule past `rewstOpenapi.diagnostics.maxPerRule` (100): its first 100
 * problems are listed and one summary diagnostic stands for the rest; the
 * summary's code action (resolved as when a user picks it) is the rule's
 * fix-all and fixes every problem of that rule, listed or not, leaving the
 * other rules' problems.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, open, waitForRewst, workspaceUri } from './helpers';
import { crowdedSpec as crowded } from '../../e2e/crowded-spec';

const FILE = 'capped/crowded.yaml';
const OPERATIONS = 1200;
const RULE = 'operation-id-missing';
/** Resolve every offered action, so whole-file edits arrive with the actions. */
const RESOLVE_ALL = 1000;

const crowdedSpec = () => crowded(OPERATIONS);

const isSummary = (d: vscode.Diagnostic) => /more operation-id-missing problems not listed/.test(d.message);

describe('a rule capped at 100 problems', () => {
  after(closeAll);

  it(`${FILE}: the summary of ${OPERATIONS - 100} unlisted ${RULE} problems offers the fix-all, which fixes all ${OPERATIONS}`, async () => {
    const uri = workspaceUri(FILE);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(crowdedSpec()));
    const { document } = await open(FILE);
    const ds = await waitForRewst(uri, `the ${RULE} summary`, (d) => d.some(isSummary));
    const summaries = ds.filter(isSummary);
    assert.equal(summaries.length, 1, 'one summary');
    assert.equal(codeOf(summaries[0]), RULE);
    assert.equal(ds.filter((d) => codeOf(d) === RULE && !isSummary(d)).length, 100, `100 ${RULE} problems listed`);
    const others = ds
      .filter((d) => codeOf(d) !== RULE)
      .map(codeOf)
      .sort();
    assert.deepEqual(others, ['circular-ref', 'pattern-invalid']);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      summaries[0].range,
      vscode.CodeActionKind.QuickFix.value,
      RESOLVE_ALL,
    );
    const title = `Fix all ${OPERATIONS} ${RULE} problems`;
    const fixAll = actions.find((a) => a.title === title);
    assert.ok(fixAll, `the summary offers "${title}"; offered ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(fixAll.edit, 'the action, resolved, carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));

    const after = await waitForRewst(uri, `no ${RULE} problem left`, (d) => d.length > 0 && !d.some((x) => codeOf(x) === RULE));
    assert.deepEqual(after.map(codeOf).sort(), ['circular-ref', 'pattern-invalid'], 'the other rules keep their problems');
    const ids = [...document.getText().matchAll(/^\s+operationId: (.+)$/gm)].map((m) => m[1]);
    assert.equal(ids.length, OPERATIONS, 'every operation has an operationId');
    assert.equal(new Set(ids).size, OPERATIONS, 'all of them distinct');
  });
});
