/**
 * The first hour in the editor (issue 24): a walkthrough whose steps are buttons for the builder's path, the
 * Rewst Actions view in a container of its own, and a status bar count of what Rewst will reject (source
 * `rewst`, errors) told apart from general lint, which its command lists, also with the walkthrough in focus.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, extension, EXTENSION_ID, open, run, waitFor, workspaceUri } from './helpers';

interface Manifest {
  contributes: {
    walkthroughs: Array<{ id: string; steps: Array<{ id: string; description: string; media: { markdown?: string } }> }>;
    viewsContainers: { activitybar: Array<{ id: string }> };
    views: Record<string, Array<{ id: string; when?: string }>>;
  };
}

interface Shown {
  visible: boolean;
  text: string;
  uri?: string;
  blocking: number;
  other: number;
}

interface Api {
  rejections(): Shown;
  onDidChangeRejections: vscode.Event<void>;
}

const WALKTHROUGH = 'rewstOpenapi.gettingStarted';

describe('the first hour: walkthrough, Rewst view, what Rewst will reject', () => {
  before(() => extension().activate());
  after(closeAll);
  const manifest = () => extension().packageJSON as Manifest;
  const api = () => extension().exports as unknown as Api;

  it("the walkthrough's steps follow the builder's path, each with a button for a command that exists", async () => {
    const walkthrough = manifest().contributes.walkthroughs.find((w) => w.id === WALKTHROUGH);
    assert.ok(walkthrough);
    const commands = new Set(await vscode.commands.getCommands(true));
    const linked = walkthrough.steps.map((s) => [...s.description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]));
    assert.deepEqual(linked, [
      ['workbench.action.files.openFile'],
      ['rewstOpenapi.showRewstProblems'],
      ['rewstOpenapi.prepareForRewst'],
      ['rewstOpenapi.openAuthForm', 'rewstOpenapi.openPaginationForm'],
      ['rewstOpenapi.renameActions'],
      ['rewstOpenapi.showSetupSheet'],
    ]);
    for (const id of linked.flat()) assert.ok(commands.has(id), `${id} is a command`);
    for (const step of walkthrough.steps) {
      const md = step.media.markdown;
      assert.ok(md, step.id);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension().extensionUri, md));
    }
  });

  it('the Rewst Actions view has a container of its own in the activity bar, always shown', () => {
    const { viewsContainers, views } = manifest().contributes;
    assert.ok(viewsContainers.activitybar.some((c) => c.id === 'rewstOpenapi'));
    assert.deepEqual(
      views.rewstOpenapi.map((v) => [v.id, v.when]),
      [['rewstOpenapi.actions', undefined]],
    );
    assert.equal(views.explorer, undefined, 'no longer at the bottom of the Explorer');
  });

  it("the status bar counts Rewst's errors apart from the rest, and the command lists them, also from the walkthrough", async () => {
    const uri = workspaceUri('diagnostics/photo-records.yaml');
    await open('diagnostics/photo-records.yaml');
    const rewstErrors = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rewst' && d.severity === vscode.DiagnosticSeverity.Error).length;
    const shown = await waitFor(
      'the count of what Rewst will reject',
      () => api().rejections(),
      (s) => s.visible && s.uri === uri.toString() && s.blocking > 0 && s.blocking === rewstErrors(),
      [api().onDidChangeRejections],
    );
    assert.equal(shown.text, `$(error) Rewst will reject: ${shown.blocking}`);
    assert.equal(shown.other, vscode.languages.getDiagnostics(uri).length - shown.blocking);
    assert.equal(await run<number>('rewstOpenapi.showRewstProblems'), shown.blocking);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // The walkthrough beside the spec, and in focus: its button still acts on the spec.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH}`, true);
    await waitFor(
      'the walkthrough in focus',
      () => vscode.window.activeTextEditor,
      (e) => e === undefined,
      [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>],
    );
    assert.equal(await run<number>('rewstOpenapi.showRewstProblems'), shown.blocking);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });
});
