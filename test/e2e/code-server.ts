/**
 * A real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the packaged
 * extension installed, serving one workspace folder on a free local port.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { stopGroup, trackGroup } from './processes';

const run = promisify(execFile);

export interface CodeServer {
  url: string;
  /** code-server's own log: stdout and stderr. */
  log: string;
  /** The logs folder under its user-data-dir: each window's and extension host's logs, output channels included. */
  logsDir: string;
  stop(): Promise<void>;
}

/** The user settings the suite runs under: nothing that waits on the network, no preview tabs replacing each other. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'workbench.editor.enablePreviewFromQuickOpen': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'json.schemaDownload.enable': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  // In a browser VS Code asks before opening files over 10 MB (desktop VS Code: 1 GB); GitHub's 13 MB spec must just open.
  'workbench.editorLargeFileConfirmation': 1024,
  // Every code-action request's time in the extension's output channel: scenario 91 tells the lightbulb's wait ours or VS Code's.
  'rewstOpenapi.logRequestTimes': true,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Directories of one code-server instance, all inside the run's scratch folder. */
function dirsOf(runDir: string) {
  return {
    extensions: path.join(runDir, 'extensions'),
    userData: path.join(runDir, 'user-data'),
    // code-server writes its config.yaml under XDG_CONFIG_HOME: keep it out of the real home.
    xdgConfig: path.join(runDir, 'xdg-config'),
  };
}

function envFor(runDir: string): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CONFIG_HOME: dirsOf(runDir).xdgConfig };
}

/** Installs the .vsix the way a user would (`--install-extension`), into this run's extensions folder. */
export async function installExtension(bin: string, runDir: string, vsix: string): Promise<string> {
  const dirs = dirsOf(runDir);
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const { stdout, stderr } = await run(bin, ['--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix], {
    env: envFor(runDir),
    timeout: 120_000,
  });
  const out = stdout + stderr;
  if (!/successfully installed/i.test(out)) throw new Error(`code-server did not install ${vsix}:\n${out}`);
  return out.trim();
}

export async function startCodeServer(bin: string, runDir: string, workspace: string): Promise<CodeServer> {
  const dirs = dirsOf(runDir);
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const port = await freePort();
  const log = path.join(runDir, 'code-server.log');
  const fd = openSync(log, 'a');
  // detached: the child calls setsid(), so it leads a new process group that we stop as a whole.
  const child = spawn(
    bin,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--extensions-dir',
      dirs.extensions,
      '--user-data-dir',
      dirs.userData,
      workspace,
    ],
    { env: envFor(runDir), detached: true, stdio: ['ignore', fd, fd] },
  );
  const pgid = child.pid!;
  trackGroup(pgid);
  const stop = () => stopGroup(pgid);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (code ${child.exitCode}) before answering; see ${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within 60 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, log, logsDir: path.join(dirs.userData, 'logs'), stop };
}
