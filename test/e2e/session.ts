/**
 * One run of the suite: set-up (Debian packages, code-server in its cache),
 * `npm run package`, the .vsix installed into a fresh code-server, the
 * workspace with each scenario's folder, Debian's chromium on the workbench.
 * Everything lives in one scratch folder and is stopped by process group.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from './chromium';
import { ROOT } from './cli';
import { installExtension, startCodeServer, type CodeServer } from './code-server';
import { sweep } from './processes';
import type { Scenario, ScenarioContext } from './scenario';
import { Workbench } from './workbench';

export const SCREENSHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
const VSIX = path.join(ROOT, 'rewst-openapi.vsix');

export interface NamedScenario extends Scenario {
  /** The file name without extension; also the scenario's workspace folder. */
  id: string;
}

function log(message: string): void {
  console.log(`e2e: ${message}`);
}

/** Runs a set-up step, showing its output only when it fails. Returns stdout. */
function step(what: string, command: string, args: string[]): string {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SCARF_ANALYTICS: 'false' }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.stdout;
}

/**
 * Keeps what chromium's console says (the workbench, every webview frame, the webviews' service worker) in
 * `file`: a webview that never starts leaves its reason there, not on the page.
 */
function recordConsole(browser: BrowserContext, file: string): void {
  const write = (where: string, type: string, text: string) => appendFileSync(file, `${new Date().toISOString()} [${type}] ${where}: ${text}\n`);
  browser.on('console', (m) => write(m.page()?.url() === m.location().url ? 'page' : m.location().url.replace(/\?.*/, ''), m.type(), m.text()));
  browser.on('weberror', (e) => write('page', 'uncaught', String(e.error())));
  browser.on('serviceworker', (w) => {
    write(w.url().replace(/\?.*/, ''), 'start', w.url());
    w.on('console', (m) => write(w.url().replace(/\?.*/, ''), m.type(), m.text()));
  });
}

export class Session {
  private failures = 0;

  private constructor(
    private readonly runDir: string,
    private readonly workspace: string,
    private readonly server: CodeServer,
    private readonly browser: BrowserContext,
    readonly wb: Workbench,
  ) {}

  static async start(scenarios: NamedScenario[]): Promise<Session> {
    const bin = step('set-up (Debian packages, code-server in its cache)', 'bash', [path.join(ROOT, 'test', 'e2e', 'setup.sh')])
      .trim()
      .split('\n')
      .pop()!;
    step('npm run package', 'npm', ['run', '--silent', 'package']);
    log(`packaged ${path.relative(ROOT, VSIX)}: ${(statSync(VSIX).size / 1024).toFixed(0)} KB`);

    // Screenshots are this run's only: a failure-*.png left from an earlier run would mislead.
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const f of readdirSync(SCREENSHOTS)) if (f.endsWith('.png')) rmSync(path.join(SCREENSHOTS, f));

    const runDir = mkdtempSync(path.join(tmpdir(), 'rewst-openapi-e2e-'));
    const workspace = path.join(runDir, 'workspace');
    for (const s of scenarios) {
      const dir = path.join(workspace, s.id);
      mkdirSync(dir, { recursive: true });
      s.prepare?.(dir);
    }
    let started = Date.now();
    await installExtension(bin, runDir, VSIX);
    log(`extension installed into code-server: ${((Date.now() - started) / 1000).toFixed(1)} s`);

    started = Date.now();
    const server = await startCodeServer(bin, runDir, workspace);
    let browser: BrowserContext | undefined;
    try {
      browser = await launchChromium(path.join(runDir, 'chromium'));
      recordConsole(browser, path.join(runDir, 'chromium-console.log'));
      const page = browser.pages()[0] ?? (await browser.newPage());
      page.setDefaultTimeout(20_000);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The explorer listing the scenario folders means the workspace is open.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      log(`code-server and workbench up: ${((Date.now() - started) / 1000).toFixed(1)} s (${server.url}, log ${server.log})`);
      return new Session(runDir, workspace, server, browser, new Workbench(page, workspace, SCREENSHOTS));
    } catch (e) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw e;
    }
  }

  /** Runs one scenario; on failure the error carries what the page showed. Always leaves no editor open. */
  async run(s: NamedScenario): Promise<void> {
    const dir = path.join(this.workspace, s.id);
    const t: ScenarioContext = {
      wb: this.wb,
      dir,
      file: (name) => path.join(dir, name),
      rel: (name) => `${s.id}/${name}`,
      screenshot: (name, parts) => this.wb.screenshot(name, parts),
      logsDir: this.server.logsDir,
      log: (message) => log(`[${s.id}] ${message}`),
    };
    try {
      await s.run(t);
    } catch (e) {
      this.failures++;
      throw await this.explain(s, e);
    } finally {
      await this.reset(s);
    }
  }

  /** The error plus what the page showed: a screenshot, the status bar, the Problems panel, any notifications. */
  private async explain(s: NamedScenario, e: unknown): Promise<Error> {
    const error = e instanceof Error ? e : new Error(String(e));
    // Reading the stack formats it now, with the message as it is: it is rewritten below to carry the report.
    const stack = error.stack ?? '';
    const lines = ['', `--- what the page showed (scenario ${s.id}) ---`];
    const tryAdd = async (label: string, f: () => Promise<string>) => {
      try {
        lines.push(`${label}: ${await f()}`);
      } catch (err) {
        lines.push(`${label}: (could not read: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
      }
    };
    await tryAdd('screenshot', () => this.wb.screenshot(`failure-${s.id}`));
    await tryAdd('status bar', async () => JSON.stringify(await this.wb.status()));
    await tryAdd('notifications', async () => JSON.stringify(await this.wb.notifications()));
    await tryAdd('Problems panel', async () => '\n' + (await this.wb.problemsText()));
    lines.push(`code-server log: ${this.server.log}`);
    lines.push(`chromium console: ${path.join(this.runDir, 'chromium-console.log')}`);
    // The test report prints the stack, so the stack must carry the report too.
    const original = error.message;
    error.message += lines.join('\n');
    error.stack = stack.includes(original) ? stack.replace(original, error.message) : `${error.message}\n${stack}`;
    return error;
  }

  /** Back to an empty workbench: no editors open, none of their markers left for the next scenario. */
  private async reset(s: NamedScenario): Promise<void> {
    try {
      await this.wb.closeAllEditors();
    } catch (e) {
      log(`[${s.id}] could not reset the workbench: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Closes the browser and code-server, then checks that no process of this run is left. */
  async stop(): Promise<void> {
    await this.browser.close().catch((e) => log(`closing chromium: ${String(e)}`));
    await this.server.stop();
    const left = await sweep(this.runDir);
    if (left.length) log(`stopped ${left.length} process(es) left after shutdown:\n  ${left.join('\n  ')}`);
    if (this.failures || process.env.REWST_E2E_KEEP) {
      log(`kept ${this.runDir} (code-server log, chromium console, workspace files)${this.failures ? ' for the failure(s) above' : ''}`);
    } else {
      rmSync(this.runDir, { recursive: true, force: true });
    }
  }
}
