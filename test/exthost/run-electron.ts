/**
 * `npm run test:electron`: the same extension-host suite in desktop VS Code,
 * downloaded by @vscode/test-electron (needs update.code.visualstudio.com;
 * these build machines cannot reach it, so CI runs the suite in code-server
 * instead: `npm run test:exthost`). A failed download is reported in one line.
 * REWST_VSCODE_VERSION picks the version (default: the lowest engines.vscode allows).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { buildWorkspace, ROOT } from './workspace';

const VERSION = process.env.REWST_VSCODE_VERSION ?? '1.100.3';
const DOWNLOAD_TIMEOUT_MS = 60_000;

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: VERSION,
      reporter: new SilentReporter(),
      timeout: DOWNLOAD_TIMEOUT_MS,
      cachePath: path.join(ROOT, '.vscode-test'),
    });
  } catch (e) {
    console.error(
      `test:electron: could not download VS Code ${VERSION} (${oneLine(e)}); on a machine without access to update.code.visualstudio.com run the same suite in code-server: npm run test:exthost`,
    );
    return 1;
  }
  const workspace = buildWorkspace(path.join(mkdtempSync(path.join(tmpdir(), 'rewst-openapi-electron-')), 'workspace'));
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // The workspace, and no installed extension but the one under test (test-electron adds its own flags and a fresh profile).
      launchArgs: [workspace, '--disable-extensions'],
    });
  } catch (e) {
    console.error(`test:electron: ${oneLine(e)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
