/**
 * Rewst: Try Action… in the extension host, against a vendor server on 127.0.0.1 (port 0, started
 * and stopped here): the credential given once is kept in SecretStorage and used again without
 * asking; the report is a read-only document with the key masked; Apply fix is one edit of the
 * settings file, undone by one undo; forgetting the credentials makes the next try ask again.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { items, json, listSpec, startVendor, type Vendor } from '../../support/vendor';
import { closeAll, run, workspaceUri } from './helpers';

const KEY = 'exthost-key-4d4d4d4d';

interface Outcome {
  report: { totalItems: number; stoppedBecause: string; findings: Array<{ code: string }>; requests: Array<{ status?: number }> };
  reportUri: vscode.Uri;
  settingsUri: string;
  applied?: string;
}

describe('Try Action', () => {
  let vendor: Vendor;
  const spec = workspaceUri('try/vendor.json');
  const settings = workspaceUri('try/vendor.rewst-integration.json');
  let settingsText: string;

  before(async () => {
    vendor = await startVendor((r, res) => {
      if (r.headers['x-api-key'] !== KEY) return json(res, 401, { message: 'bad key' });
      const page = Number(r.url.searchParams.get('page'));
      json(res, 200, { data: { rows: items(5).slice((page - 1) * 3, page * 3) } });
    });
    const pagination = { type: 'page', pageParam: 'page', pageSizeParam: 'per_page', defaultPageSize: 3, defaultPageLimit: 10, resultsKey: 'results' };
    settingsText = `${JSON.stringify({ name: 'Vendor', hostname: vendor.host, auth: { method: 'api-key', apiKeyHeaderName: 'X-API-Key' }, pagination, paginatedActions: ['listItems'] }, null, 2)}\n`;
    await vscode.workspace.fs.writeFile(spec, Buffer.from(JSON.stringify(listSpec({ page: { type: 'integer' }, per_page: { type: 'integer' } }), null, 2)));
    await vscode.workspace.fs.writeFile(settings, Buffer.from(settingsText));
    await vscode.window.showTextDocument(spec);
  });
  after(async () => {
    await closeAll();
    await vendor?.close();
  });

  it('sends the try with the credential given, shows the masked report, applies the fix as one undoable edit', async () => {
    const outcome = await run<Outcome>('rewstOpenapi.tryAction', {
      uri: spec,
      operationId: 'listItems',
      credentials: { apiKey: KEY },
      applyFix: 'results-key-missing',
    });
    assert.ok(outcome, 'the command gave its outcome');
    assert.deepEqual(
      outcome.report.findings.map((f) => f.code),
      ['results-key-missing'],
    );
    assert.equal(outcome.applied, 'results-key-missing');
    assert.equal(vendor.requests.length, 1);
    assert.equal(vendor.requests[0].headers['x-api-key'], KEY);
    const report = await vscode.workspace.openTextDocument(outcome.reportUri);
    assert.match(report.getText(), /results-key-missing/);
    assert.ok(!report.getText().includes(KEY), 'the key is masked in the report');
    const doc = await vscode.workspace.openTextDocument(settings);
    assert.equal(doc.getText(), settingsText.replace('"resultsKey": "results"', '"resultsKey": "data.rows"'));
    assert.ok(doc.isDirty, 'written, not saved');

    // The key is kept: the next try asks nothing, and reads the fixed (unsaved) settings; run from the settings file's editor, it tries its spec.
    await vscode.window.showTextDocument(doc);
    const again = await run<Outcome>('rewstOpenapi.tryAction', { operationId: 'listItems' });
    assert.deepEqual(again?.report.findings, []);
    assert.equal(again?.report.totalItems, 5);
    assert.ok(vendor.requests.slice(1).every((r) => r.headers['x-api-key'] === KEY));

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), settingsText, 'one undo reverts the fix');
  });

  it('Forget Try Action Credentials: the next try asks for the key again (cancelled here), and sends nothing', async () => {
    assert.equal(await run<boolean>('rewstOpenapi.forgetTryCredentials', spec), true);
    const sent = vendor.requests.length;
    let done = false;
    const pending = Promise.resolve(
      vscode.commands.executeCommand<Outcome | undefined>('rewstOpenapi.tryAction', { uri: spec, operationId: 'listItems' }),
    ).finally(() => (done = true));
    // The input box for the key is open: cancel it (as Escape does) until the command returns.
    for (let i = 0; !done && i < 100; i++) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(await pending, undefined, 'cancelled at the credential prompt');
    assert.equal(vendor.requests.length, sent, 'nothing was sent without the key');
  });
});
