/**
 * The settings the extension contributes change what it does:
 * `rewstOpenapi.spectral.enable` off removes Spectral's diagnostics (Rewst's
 * stay), on brings them back.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, open, waitFor, workspaceUri } from './helpers';

const bySource = (uri: vscode.Uri, source: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);

describe('settings', () => {
  const config = () => vscode.workspace.getConfiguration('rewstOpenapi');
  after(async () => {
    await config().update('spectral.enable', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('rewstOpenapi.spectral.enable: off clears Spectral\'s diagnostics, on brings them back', async () => {
    const file = 'settings/spectral.yaml';
    const uri = workspaceUri(file);
    await open(file);
    const first = await waitFor('Spectral diagnostics', () => bySource(uri, 'spectral'), (ds) => ds.length > 0);
    assert.ok(first.some((d) => d.code === 'operation-tags' || (typeof d.code === 'object' && d.code.value === 'operation-tags')), 'spectral:oas finds the operations without tags');

    await config().update('spectral.enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('Spectral diagnostics to go', () => bySource(uri, 'spectral'), (ds) => ds.length === 0);

    await config().update('spectral.enable', true, vscode.ConfigurationTarget.Workspace);
    const again = await waitFor('Spectral diagnostics to come back', () => bySource(uri, 'spectral'), (ds) => ds.length === first.length);
    assert.deepEqual(again.map((d) => d.message).sort(), first.map((d) => d.message).sort());
  });
});
