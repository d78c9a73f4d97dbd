/**
 * The settings the extension contributes change what it does:
 * `rewstOpenapi.spectral.enable` off removes Spectral's diagnostics (Rewst's
 * stay), on brings them back. And the integration settings file: its JSON
 * Schema (jsonValidation) gives hover and completion, while its problems are
 * reported once, by the language server.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, open, rewstDiagnostics, waitFor, workspaceUri } from './helpers';

const bySource = (uri: vscode.Uri, source: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);

describe('settings', () => {
  const config = () => vscode.workspace.getConfiguration('rewstOpenapi');
  after(async () => {
    await config().update('spectral.enable', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it("rewstOpenapi.spectral.enable: off clears Spectral's diagnostics, on brings them back", async () => {
    const file = 'settings/spectral.yaml';
    const uri = workspaceUri(file);
    await open(file);
    const first = await waitFor(
      'Spectral diagnostics',
      () => bySource(uri, 'spectral'),
      (ds) => ds.length > 0,
    );
    assert.ok(
      first.some((d) => d.code === 'operation-tags' || (typeof d.code === 'object' && d.code.value === 'operation-tags')),
      'spectral:oas finds the operations without tags',
    );

    await config().update('spectral.enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor(
      'Spectral diagnostics to go',
      () => bySource(uri, 'spectral'),
      (ds) => ds.length === 0,
    );

    await config().update('spectral.enable', true, vscode.ConfigurationTarget.Workspace);
    const again = await waitFor(
      'Spectral diagnostics to come back',
      () => bySource(uri, 'spectral'),
      (ds) => ds.length === first.length,
    );
    assert.deepEqual(again.map((d) => d.message).sort(), first.map((d) => d.message).sort());
  });

  it('a settings file: hover and completion from its schema, and each problem reported once (by the language server, not also by the JSON service)', async () => {
    const file = 'settings/problems.rewst-integration.json';
    const uri = workspaceUri(file);
    const { document: doc } = await open(file);
    const ours = await waitFor(
      "the language server's findings",
      () => rewstDiagnostics(uri).map(codeOf).sort(),
      (codes) => ['settings-hostname', 'settings-range', 'settings-unknown'].every((c) => codes.includes(c)),
    );
    const at = (text: string, offset = 1) => doc.positionAt(doc.getText().indexOf(text) + offset);

    // Hover answers from the schema once VS Code's JSON service has it.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at('"defaultPageSize"'));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /Default Page Size/, "hover shows the field's label and help from the schema");

    // The JSON service validates on change: a duplicate key (which only it reports) tells when it has, and in the
    // same pass it would report the schema problems the language server reports too (as it did with the full schema).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, at('"spec"', 0), '"spec": "problems.yaml",\n  ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const other = await waitFor(
      "the JSON service's findings after the edit",
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'rewst'),
      (ds) => ds.some((d) => /duplicate/i.test(d.message)),
    );
    assert.deepEqual(
      other.filter((d) => !/duplicate/i.test(d.message)).map((d) => d.message),
      [],
      `the JSON service reports none of what the language server reports (${ours.join(', ')})`,
    );

    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, at('"api-key"', 0));
    const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const method of ['api-key', 'basic', 'none'])
      assert.ok(
        labels.some((l) => l.includes(method)),
        `completion offers the auth method ${method}: ${labels.join(', ')}`,
      );
  });
});
