/**
 * A window reload with a spec open logs no error from the extension. VS Code delivers the editor's last
 * requests (the lightbulb, re-asked as markers clear) in the same turn as the deactivation; the client used
 * to stop at once, leaving them between "started" and "connected": "[error] Request textDocument/codeAction
 * failed. Starting server failed" in the channel and "provider FAILED" in the extension host's log, at every
 * reload (client/src/extension.ts, deactivate). Checked here over two reloads, in every log file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copyFromRepo, type Scenario } from '../scenario';

const FILE = 'photo-records.yaml';
const ERRORS = /Starting server failed|\[rewst-openapi\.rewst-openapi\] provider FAILED/;

function errorLines(logsDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) for (const line of readFileSync(p, 'utf8').split('\n')) if (ERRORS.test(line)) found.push(`${e.name}: ${line}`);
    }
  };
  walk(logsDir);
  return found;
}

export const scenario: Scenario = {
  title: 'a window reload with a spec open logs no "Starting server failed"',
  prepare(dir) {
    copyFromRepo(`examples/${FILE}`, dir);
  },
  async run(t) {
    const { wb } = t;
    const before = errorLines(t.logsDir).length;
    await wb.open(t.rel(FILE));
    await wb.page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    for (let i = 1; i <= 2; i++) {
      const reloaded = wb.page.waitForEvent('framenavigated', { predicate: (f) => f === wb.page.mainFrame(), timeout: 60_000 });
      await wb.command('Developer: Reload Window');
      await reloaded;
      await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The spec's editor is restored and its squiggles come back: the extension is running again.
      await wb.page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
      t.log(`reload ${i}: the spec's diagnostics came back`);
    }
    assert.deepEqual(errorLines(t.logsDir).slice(before), [], 'errors logged across the reloads');
  },
};
