/**
 * Activation. VS Code activates the extension for any JSON or YAML file (it
 * cannot look inside a file first, and it opens JSON models of its own, such
 * as user settings); what matters to a user is that an unrelated JSON file
 * starts nothing (no language server process, no diagnostics) and that an
 * OpenAPI file, JSON or YAML, starts the work. Must run first: it checks the
 * state before any spec was opened.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, extension, log, open, rewstDiagnostics, waitForRewst, workspaceUri } from './helpers';

describe('activation', () => {
  after(closeAll);

  it('an unrelated JSON file starts no language server and gets no Rewst diagnostics', async () => {
    const ext = extension();
    // VS Code may have activated the extension already: any JSON model it opens for itself (user settings) is a JSON file too.
    const wasActive = ext.isActive;
    await open('unrelated/tool-config.json');
    const api = await ext.activate(); // resolves once the activation that opening the file set off is done
    log(wasActive ? 'the extension was active before the first file was opened' : 'opening the JSON file activated the extension');
    assert.equal(api.languageServerStarted(), false, 'no language server for a JSON file that is not a spec');
    assert.deepEqual(rewstDiagnostics(workspaceUri('unrelated/tool-config.json')), []);
  });

  it('an OpenAPI YAML file starts the language server and gets its diagnostics', async () => {
    const uri = workspaceUri('diagnostics/photo-records.yaml');
    await open('diagnostics/photo-records.yaml');
    assert.equal(extension().exports.languageServerStarted(), true);
    await waitForRewst(uri, 'diagnostics for the YAML spec', (ds) => ds.length > 0);
  });

  it('a Swagger JSON file gets its diagnostics, and the unrelated JSON file still has none', async () => {
    const uri = workspaceUri('diagnostics/legacy-swagger.json');
    await open('diagnostics/legacy-swagger.json');
    await waitForRewst(uri, 'diagnostics for the JSON spec', (ds) => ds.length > 0);
    // The server now syncs every open JSON file, the unrelated one included: it must still judge it not a spec.
    assert.deepEqual(rewstDiagnostics(workspaceUri('unrelated/tool-config.json')), []);
  });

  it('a spec pasted into a new untitled YAML editor gets its diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(doc);
    const spec =
      'openapi: 3.0.3\ninfo:\n  title: Pasted\n  version: 1.0.0\npaths:\n  /things/:\n    get:\n      responses:\n        "200":\n          description: ok\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), spec);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const ds = await waitForRewst(doc.uri, 'diagnostics for the pasted spec', (d) => d.length >= 3);
    assert.deepEqual(ds.map(codeOf).sort(), ['info-description', 'operation-id-missing', 'path-trailing-slash']);
  });

  it('every contributed command is registered once the extension is active', async () => {
    await extension().activate(); // already active after the tests above; this test may also run alone
    const manifest = extension().packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'contributed in package.json but not registered by the extension');
  });
});
