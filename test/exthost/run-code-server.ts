/**
 * Runs the extension-host suite (suite/index.js) inside code-server: the
 * extension loaded from this repository as a development extension, the suite
 * as its tests module, exactly what @vscode/test-electron does with desktop
 * VS Code. Debian's chromium opens the workbench (the extension host starts
 * with the first window) and learns the exit code through
 * `window.codeAutomationExit`. The suite's report is printed as it is written.
 * Usage: node out/exthost/exthost/run-code-server.js  (after `npm run build`);
 * REWST_EXTHOST_GREP=regex runs some tests only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';
import { startCodeServer, type CodeServer } from '../e2e/code-server';
import { sweep } from '../e2e/processes';
import { buildWorkspace, ROOT } from './workspace';

const SUITE = path.join(__dirname, 'suite', 'index.js');
/** The whole suite's guard: its tests have their own, far shorter ones. */
const SUITE_TIMEOUT_MS = 15 * 60_000;

function log(message: string): void {
  console.log(`exthost: ${message}`);
}

function codeServerBin(): string {
  const r = spawnSync('bash', [path.join(ROOT, 'test', 'e2e', 'setup.sh')], { encoding: 'utf8', env: { ...process.env, SCARF_ANALYTICS: 'false' } });
  if (r.status !== 0) throw new Error(`set-up failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
}

/** Prints what the suite appended to `file` since the last call. */
function follower(file: string): () => void {
  let printed = 0;
  return () => {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    if (text.length > printed) process.stdout.write(text.slice(printed));
    printed = text.length;
  };
}

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build` first');
  const bin = codeServerBin();
  const runDir = mkdtempSync(path.join(tmpdir(), 'rewst-openapi-exthost-'));
  const workspace = buildWorkspace(path.join(runDir, 'workspace'));
  const report = path.join(runDir, 'report.txt');
  writeFileSync(report, '');
  // code-server hands its environment to the extension host it starts: this is how the suite learns where to write.
  process.env.REWST_EXTHOST_LOG = report;
  mkdirSync(path.join(runDir, 'extensions'), { recursive: true }); // empty: the extension under test is the development one

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const print = follower(report);
  let ok = false;
  try {
    const started = Date.now();
    server = await startCodeServer(bin, runDir, workspace);
    const host = new URL(server.url).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${host}${SUITE}`],
    ];
    browser = await launchChromium(path.join(runDir, 'chromium'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    log(`code-server up, suite loading (${((Date.now() - started) / 1000).toFixed(1)} s; log ${server.log})`);
    const ticker = setInterval(print, 250);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exit, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), SUITE_TIMEOUT_MS)))]);
    clearInterval(ticker);
    clearTimeout(timer);
    print();
    if (code === 'timeout') log(`the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} min; code-server log: ${server.log}`);
    else log(`the suite exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    ok = code === 0;
    if (!ok) log(`code-server log (last lines):\n${readFileSync(server.log, 'utf8').split('\n').slice(-40).join('\n')}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    const left = await sweep(runDir);
    if (left.length) log(`stopped ${left.length} process(es) left after shutdown`);
    if (ok && !process.env.REWST_EXTHOST_KEEP) rmSync(runDir, { recursive: true, force: true });
    else log(`kept ${runDir} for the failure above`);
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`exthost: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
