/**
 * Every contributed command through `vscode.commands.executeCommand`, with the
 * answers it would ask for given as arguments, and what it made checked: files
 * written (equal to what the CLI writes from the same engine), edits made
 * (undoable as one step), forms opened with the settings the spec suggests.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { cli, closeAll, open, readText, run, waitFor, workspaceUri } from './helpers';

const scratch = mkdtempSync(path.join(tmpdir(), 'rewst-exthost-cli-'));

/** What the CLI writes to a file of its own (-o), for comparison. */
function cliOutput(name: string, ...args: string[]): string {
  const out = path.join(scratch, name);
  cli(...args, '-o', out);
  return readFileSync(out, 'utf8');
}

function webviewTabs(viewTypeSuffix: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewTypeSuffix));
}

describe('commands', () => {
  afterEach(closeAll);

  it("Convert Swagger 2.0 to OpenAPI 3, into a new file: the CLI's conversion", async () => {
    const source = workspaceUri('commands/convert-me.json');
    const written = await run<vscode.Uri>('rewstOpenapi.convertSwagger2', source, { target: 'newFile', overwrite: true });
    assert.equal(written?.toString(), workspaceUri('commands/convert-me.openapi3.json').toString());
    assert.equal(await readText(written), cli('convert', source.fsPath));
    assert.match(await readText(written), /"openapi": "3\./);
  });

  it('Convert Swagger 2.0 to OpenAPI 3, replacing the document: one edit, undone by one undo', async () => {
    const { document } = await open('commands/replace-me.json');
    const before = document.getText();
    const result = await run<vscode.Uri>('rewstOpenapi.convertSwagger2', undefined, { target: 'replace' });
    assert.equal(result?.toString(), document.uri.toString());
    assert.equal(document.getText(), cli('convert', document.uri.fsPath));
    assert.equal(document.isDirty, true, 'the document is changed, not saved');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  it('Convert YAML to JSON: the file beside it, as the CLI converts it', async () => {
    const source = workspaceUri('commands/to-json.yaml');
    const written = await run<vscode.Uri>('rewstOpenapi.convertYamlToJson', source, { overwrite: true });
    assert.equal(written?.toString(), workspaceUri('commands/to-json.json').toString());
    assert.equal(await readText(written), cli('convert', source.fsPath, '--to', 'json'));
  });

  it('Prepare for Rewst Upload: the .rewst.json the CLI prepares', async () => {
    const source = workspaceUri('commands/prepare-me.json');
    const written = await run<vscode.Uri>('rewstOpenapi.prepareForRewst', source);
    assert.equal(written?.toString(), workspaceUri('commands/prepare-me.rewst.json').toString());
    assert.equal(await readText(written), cliOutput('prepared.json', 'prepare', source.fsPath));
  });

  it('Prepare for Rewst Upload (slim): the .rewst.json the CLI prepares with --slim, smaller than without', async () => {
    const source = workspaceUri('commands/slim-me.yaml');
    const written = await run<vscode.Uri>('rewstOpenapi.prepareForRewstSlim', source, { budgetKB: 64 });
    assert.equal(written?.toString(), workspaceUri('commands/slim-me.rewst.json').toString());
    const text = await readText(written);
    assert.equal(text, cliOutput('prepared-slim.json', 'prepare', source.fsPath, '--slim', '--budget', '64'));
    assert.ok(text.length < cliOutput('prepared-whole.json', 'prepare', source.fsPath).length);
  });

  it('Reduce Spec to the POST operations: what the CLI keeps', async () => {
    const source = workspaceUri('commands/reduce-me.yaml');
    const written = await run<vscode.Uri>('rewstOpenapi.reduceSpec', source, { methods: ['POST'], overwrite: true });
    assert.equal(written?.toString(), workspaceUri('commands/reduce-me.reduced.yaml').toString());
    const text = await readText(written);
    assert.equal(text, cliOutput('reduced.yaml', 'reduce', source.fsPath, '--method', 'post'));
    assert.match(text, /post:/);
    assert.doesNotMatch(text, /get:/);
  });

  it('Rename Actions with a Regex: the edits the CLI writes, one undo step', async () => {
    const { document } = await open('commands/rename-me.yaml');
    const before = document.getText();
    const args = { match: '^Photo Records (\\w+)$', replace: '$1 photo record' };
    const result = await run<{ renamed: number }>('rewstOpenapi.renameActions', { uri: document.uri, field: 'name', ...args });
    assert.deepEqual(result, { renamed: 2 });
    const copy = path.join(scratch, 'rename-me.yaml');
    writeFileSync(copy, before);
    cli('rename', copy, '--field', 'name', '--match', args.match, '--replace', args.replace, '--write');
    assert.equal(document.getText(), readFileSync(copy, 'utf8'));
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  it('Rename Actions with a Regex on a split spec: the actions written in paths/tickets.yaml are renamed in that file, as the CLI writes them', async () => {
    const { document } = await open('commands/split/openapi.yaml');
    const tickets = await vscode.workspace.openTextDocument(workspaceUri('commands/split/paths/tickets.yaml'));
    const [specBefore, ticketsBefore] = [document.getText(), tickets.getText()];
    const result = await run<{ renamed: number }>('rewstOpenapi.renameActions', { uri: document.uri, match: 'ticket', replace: 'case' });
    assert.deepEqual(result, { renamed: 3 });
    // The CLI on a copy of the folder as it was.
    const copy = path.join(scratch, 'split');
    mkdirSync(path.join(copy, 'paths'), { recursive: true });
    writeFileSync(path.join(copy, 'openapi.yaml'), specBefore);
    writeFileSync(path.join(copy, 'paths', 'tickets.yaml'), ticketsBefore);
    cli('rename', path.join(copy, 'openapi.yaml'), '--match', 'ticket', '--replace', 'case', '--write');
    assert.equal(document.getText(), readFileSync(path.join(copy, 'openapi.yaml'), 'utf8'));
    assert.equal(tickets.getText(), readFileSync(path.join(copy, 'paths', 'tickets.yaml'), 'utf8'));
    assert.notEqual(tickets.getText(), ticketsBefore);
    // Saved, so no later test meets an unsaved file (an undo across files asks for confirmation).
    assert.ok((await document.save()) && (await tickets.save()));
  });

  it("Refresh Actions lists the active spec's actions, and follows a rename; Reveal Operation selects one", async () => {
    const { document } = await open('commands/actions.yaml');
    const listed = await run<{ spec: vscode.Uri; names: string[] }>('rewstOpenapi.refreshActions');
    assert.equal(listed?.spec.toString(), document.uri.toString());
    assert.deepEqual([...listed.names].sort(), ['Photo Records Create', 'Photo Records Get', 'createPhotoRecord']);

    await run('rewstOpenapi.renameActions', { uri: document.uri, match: '^Photo Records ', replace: 'Photos: ' });
    const after = await run<{ spec: vscode.Uri; names: string[] }>('rewstOpenapi.refreshActions');
    assert.deepEqual([...after.names].sort(), ['Photos: Create', 'Photos: Get', 'createPhotoRecord']);

    // The view's items run Reveal Operation with the spec and the operation's range.
    const range = { start: { line: 9, character: 4 }, end: { line: 9, character: 7 } };
    await run('rewstOpenapi.revealAction', document.uri, range);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character], [9, 4, 9, 7]);
    assert.equal(editor.document.getText(editor.selection), 'get');
  });

  for (const [command, kind, viewType] of [
    ['rewstOpenapi.openAuthForm', 'auth', 'rewstOpenapi.authForm'],
    ['rewstOpenapi.openPaginationForm', 'pagination', 'rewstOpenapi.paginationForm'],
  ] as const) {
    it(`${command} opens the ${kind} form with the settings the spec suggests`, async () => {
      const spec = workspaceUri('commands/forms.yaml');
      const init = await run<{ kind: string; specUri: string; settingsExists: boolean; settings: Record<string, unknown> }>(command, spec);
      assert.equal(init?.kind, kind);
      assert.equal(vscode.Uri.parse(init.specUri).fsPath, spec.fsPath);
      assert.equal(init.settingsExists, false);
      const proposed = JSON.parse(cli('init', spec.fsPath, '-o', '-')) as Record<string, unknown>;
      assert.deepEqual(init.settings.auth, proposed.auth);
      assert.deepEqual(init.settings.pagination, proposed.pagination);
      assert.deepEqual(init.settings.auth, { method: 'api-key', apiKeyHeaderName: 'Authorization', apiKeyPreamble: 'Bearer' });
      await waitFor(
        `a ${viewType} panel`,
        () => webviewTabs(viewType).length,
        (n) => n === 1,
        [vscode.window.tabGroups.onDidChangeTabs],
      );
    });
  }

  it("the Pagination form opened from the Auth form takes the Auth form's place in its editor group; with unsaved changes, beside it in that group", async () => {
    const spec = workspaceUri('commands/forms.yaml');
    await open('commands/forms.yaml');
    const changes = [vscode.window.tabGroups.onDidChangeTabs, vscode.window.tabGroups.onDidChangeTabGroups];
    const where = () => ({
      auth: webviewTabs('rewstOpenapi.authForm').map((t) => t.group.viewColumn),
      pagination: webviewTabs('rewstOpenapi.paginationForm').map((t) => t.group.viewColumn),
      groups: vscode.window.tabGroups.all.length,
    });
    await run('rewstOpenapi.openAuthForm', spec);
    const before = await waitFor('the auth form', where, (w) => w.auth.length === 1, changes);
    assert.equal(before.groups, 2, 'the spec, and the form beside it');
    const column = before.auth[0];

    // What the Auth form's "Pagination form" button asks for (the page's openForm message, unsaved: false).
    await run('rewstOpenapi.openPaginationForm', spec, { replacing: 'auth' });
    const after = await waitFor('the pagination form in place of the auth form', where, (w) => w.auth.length === 0 && w.pagination.length === 1, changes);
    assert.deepEqual(after, { auth: [], pagination: [column], groups: 2 }, 'same group, no third column, the auth tab gone');

    // Back to the Auth form from a Pagination form with unsaved changes: both stay, in the one group.
    await run('rewstOpenapi.openAuthForm', spec, { replacing: 'pagination', keep: true });
    const kept = await waitFor('the auth form beside the kept pagination form', where, (w) => w.auth.length === 1, changes);
    assert.deepEqual(kept, { auth: [column], pagination: [column], groups: 2 });
  });

  it("Show Setup Sheet: the values to type into Rewst's wizard, from the settings file", async () => {
    const spec = workspaceUri('commands/sheet.yaml');
    const sheet = await run<vscode.Uri>('rewstOpenapi.showSetupSheet', spec);
    assert.ok(sheet, 'a sheet is shown');
    const text = (await vscode.workspace.openTextDocument(sheet)).getText();
    const settings = JSON.parse(await readText(workspaceUri('commands/sheet.rewst-integration.json'))) as {
      hostname: string;
      pagination: { pageSizeParam: string };
    };
    assert.ok(text.includes(settings.hostname), `the sheet names the hostname ${settings.hostname}`);
    assert.ok(text.includes(settings.pagination.pageSizeParam), `the sheet names the page size parameter ${settings.pagination.pageSizeParam}`);
  });
});
