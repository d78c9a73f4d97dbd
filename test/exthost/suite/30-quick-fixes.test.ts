/**
 * Quick fixes through `vscode.executeCodeActionProvider`: each fixable
 * diagnostic is offered its fix; applying it (`workspace.applyEdit`) clears
 * that diagnostic and changes nothing outside the edit's ranges. Between fixes
 * the file is put back as it was. Then the file-wide actions: "add all
 * operationIds" and source.fixAll, whose result must equal the CLI's `fix`.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cli, closeAll, log, codeOf, open, rewstDiagnostics, waitForRewst, workspaceUri } from './helpers';

/** Rule ids whose diagnostics have no quick fix in these files (a person must choose). */
const NO_FIX: Record<string, string[]> = {
  'fixes/photo-records.yaml': ['pattern-invalid'],
  'fixes/legacy-swagger.json': ['swagger-2'],
};

/** How many of the offered actions executeCodeActionProvider resolves: all of them. */
const RESOLVE_ALL = 1000;

/**
 * Every provider's code actions at `range`. The first request on a JSON file just opened is sometimes answered
 * Canceled, which fails the whole command; seen on .json files only, never on YAML, so most likely from VS Code's
 * own JSON service rather than ours (not traced further). Ask again, as the light bulb does, and say so in the report.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Whole-file actions carry their edits only once resolved (codeAction/resolve), as when a user picks one.
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value, RESOLVE_ALL);
    } catch (e) {
      log(
        `code actions at ${range.start.line}:${range.start.character} (attempt ${attempt}): ${e instanceof Error ? e.message : String(e)}; version ${vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.version}`,
      );
      if (attempt === 3) throw e;
    }
  }
}

const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${d.message}`;

/** Puts the document back to `text` and waits for its diagnostics to be those of `text` again. */
async function restore(doc: vscode.TextDocument, text: string, count: number): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await waitForRewst(doc.uri, 'the diagnostics of the restored file', (ds) => ds.length === count);
}

/** Text before and after must agree outside [start, end) of the original: the edit touched nothing else. */
function assertChangedOnlyWithin(before: string, after: string, start: number, end: number, what: string): void {
  assert.equal(after.slice(0, start), before.slice(0, start), `${what}: text before the edit unchanged`);
  const tail = before.length - end;
  assert.equal(after.slice(after.length - tail), before.slice(end), `${what}: text after the edit unchanged`);
}

describe('quick fixes', () => {
  after(closeAll);

  for (const file of Object.keys(NO_FIX)) {
    it(`${file}: each fixable diagnostic's fix clears it and edits only its own range`, async () => {
      const uri = workspaceUri(file);
      const { document: doc } = await open(file);
      const original = doc.getText();
      const initial = await waitForRewst(uri, 'diagnostics', (ds) => ds.length > 0);
      const fixedCodes = new Set<string>();
      for (const target of initial) {
        // The command answers with the actions for every diagnostic at the range (it does not return their diagnostics); each diagnostic here has a line of its own.
        const offered = (await codeActions(uri, target.range, vscode.CodeActionKind.QuickFix)).filter((a) => a.edit);
        if (NO_FIX[file].includes(codeOf(target))) {
          assert.equal(offered.length, 0, `no quick fix is offered for ${key(target)}`);
          continue;
        }
        // Exactly one fix for the diagnostic itself (operation-id-missing may add "all operations" beside it).
        const own = offered.filter((a) => !/^Add operationIds to all/.test(a.title));
        assert.equal(own.length, 1, `one quick fix for ${key(target)}; offered: ${offered.map((a) => a.title).join(' | ')}`);
        const edits = own[0].edit!.get(uri);
        assert.ok(edits.length > 0, `${own[0].title} edits the file`);
        const start = Math.min(...edits.map((e) => doc.offsetAt(e.range.start)));
        const end = Math.max(...edits.map((e) => doc.offsetAt(e.range.end)));
        assert.ok(await vscode.workspace.applyEdit(own[0].edit!), `${own[0].title} applies`);
        assertChangedOnlyWithin(original, doc.getText(), start, end, own[0].title);
        await waitForRewst(uri, `${key(target)} to clear`, (ds) => !ds.some((d) => key(d) === key(target)));
        fixedCodes.add(codeOf(target));
        await restore(doc, original, initial.length);
      }
      const fixable = new Set(initial.map(codeOf).filter((c) => !NO_FIX[file].includes(c)));
      assert.deepEqual([...fixedCodes].sort(), [...fixable].sort(), 'every fixable class was fixed once at least');
    });
  }

  it("settings file: the name and hostname fixes give what Rewst's wizard accepts, and touch only those values", async () => {
    const file = 'fixes/assets.rewst-integration.json';
    const uri = workspaceUri(file);
    const { document: doc } = await open(file);
    const initial = await waitForRewst(uri, 'the name and hostname errors', (ds) =>
      ['settings-name', 'settings-hostname'].every((c) => ds.some((d) => codeOf(d) === c)),
    );
    for (const [code, value] of [
      ['settings-name', 'Asset Register v2'],
      ['settings-hostname', 'assets.example.com'],
    ]) {
      const target = rewstDiagnostics(uri).find((d) => codeOf(d) === code)!;
      const before = doc.getText();
      const [fix, ...more] = (await codeActions(uri, target.range, vscode.CodeActionKind.QuickFix)).filter((a) => a.edit);
      assert.equal(more.length, 0, `one quick fix for ${code}`);
      const edits = fix.edit!.get(uri);
      const start = Math.min(...edits.map((e) => doc.offsetAt(e.range.start)));
      const end = Math.max(...edits.map((e) => doc.offsetAt(e.range.end)));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assertChangedOnlyWithin(before, doc.getText(), start, end, fix.title);
      const key = code === 'settings-name' ? 'name' : 'hostname';
      assert.equal((JSON.parse(doc.getText()) as Record<string, unknown>)[key], value);
      await waitForRewst(uri, `${code} to clear`, (ds) => !ds.some((d) => codeOf(d) === code));
    }
    assert.equal(rewstDiagnostics(uri).length, initial.length - 2, 'the other findings stay');
  });

  it('"Add operationIds to all operations" adds one to each operation without one', async () => {
    const file = 'fixes/legacy-swagger.json';
    const uri = workspaceUri(file);
    const { document: doc } = await open(file);
    const original = doc.getText();
    const missing = (await waitForRewst(uri, 'diagnostics', (ds) => ds.length > 0)).filter((d) => codeOf(d) === 'operation-id-missing');
    assert.equal(missing.length, 2);
    const all = (await codeActions(uri, missing[0].range, vscode.CodeActionKind.QuickFix)).find((a) => /^Add operationIds to all 2 operations/.test(a.title));
    assert.ok(all?.edit, 'the "all operations" fix is offered');
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await waitForRewst(uri, 'no operation-id-missing left', (ds) => !ds.some((d) => codeOf(d) === 'operation-id-missing'));
    assert.equal((doc.getText().match(/"operationId"/g) ?? []).length, (original.match(/"operationId"/g) ?? []).length + 2);
    await restore(doc, original, rewstDiagnostics(uri).length + 2);
  });

  for (const file of Object.keys(NO_FIX)) {
    it(`${file}: source.fixAll gives what the CLI's fix gives`, async () => {
      const uri = workspaceUri(file);
      const { document: doc } = await open(file);
      const original = doc.getText();
      const initial = await waitForRewst(uri, 'diagnostics', (ds) => ds.length > 0);
      const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(original.length));
      const [fixAll, ...more] = await codeActions(uri, whole, vscode.CodeActionKind.SourceFixAll);
      assert.equal(more.length, 0, 'one fix-all action');
      assert.match(fixAll?.title ?? '', /^Fix all Rewst problems/);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
      assert.equal(doc.getText(), cli('fix', uri.fsPath));
      const left = await waitForRewst(uri, 'the unfixable diagnostics only', (ds) => ds.every((d) => NO_FIX[file].includes(codeOf(d))));
      assert.ok(left.length < initial.length);
      await restore(doc, original, initial.length);
    });
  }
});
