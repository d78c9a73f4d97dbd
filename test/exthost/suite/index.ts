/**
 * The extension-host suite's entry: VS Code (desktop through
 * @vscode/test-electron, or code-server) loads this module inside its
 * extension host and awaits `run()`. Mocha runs every *.test.js here in name
 * order. When REWST_EXTHOST_LOG names a file, the report also goes there:
 * code-server's extension host has no terminal of its own, so its runner
 * prints that file.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const logFile = process.env.REWST_EXTHOST_LOG;
  if (logFile) {
    // Mocha's reporters print through Base.consoleLog (console.log as it was when mocha loaded); tests through helpers' log().
    const tee =
      (original: (...args: unknown[]) => void) =>
      (...args: unknown[]) => {
        appendFileSync(logFile, format(...args) + '\n');
        original(...args);
      };
    Mocha.reporters.Base.consoleLog = tee(Mocha.reporters.Base.consoleLog);
    appendFileSync(logFile, `extension-host suite: VS Code ${vscode.version}, ${process.release.name} ${process.version}\n`);
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  const grep = process.env.REWST_EXTHOST_GREP;
  if (grep) mocha.grep(new RegExp(grep, 'i'));
  for (const f of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
