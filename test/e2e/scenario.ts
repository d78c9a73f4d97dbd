/**
 * What a scenario is. One file per scenario in scenarios/, exporting
 * `scenario`; files run in name order, each with its own folder of the
 * workspace. To add one: copy the smallest existing scenario, give it a
 * numbered name, prepare the files it opens, drive the workbench, assert on
 * what the page shows and on the files on disk. See test/e2e/README.md.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli';
import type { Workbench } from './workbench';

export interface Scenario {
  /** What a person would check, as the test's name. */
  title: string;
  /** Writes the files the scenario opens into `dir`, its own workspace folder, before VS Code starts (so Quick Open knows them). */
  prepare?(dir: string): void;
  run(t: ScenarioContext): Promise<void>;
  /** Default 3 minutes: generous for a loaded machine, short enough that a hang fails. */
  timeoutMs?: number;
}

export interface ScenarioContext {
  wb: Workbench;
  /** The scenario's folder on disk. */
  dir: string;
  /** Absolute path of a file in the scenario's folder. */
  file(name: string): string;
  /** Workspace-relative path of a file in the scenario's folder, as Quick Open shows it. */
  rel(name: string): string;
  /** Saves a screenshot under test/e2e/screenshots/ (of the whole page, or of the given workbench parts) and returns its path. */
  screenshot(name: string, parts?: string[]): Promise<string>;
  /** code-server's logs folder (output channels' files are under it, e.g. "… Rewst OpenAPI.log"). */
  logsDir: string;
  /** Prints a line in the suite's output (measurements, what was checked). */
  log(message: string): void;
}

/** Copies a file of the repository (e.g. "examples/photo-records.yaml") into a scenario folder. */
export function copyFromRepo(from: string, dir: string, as = path.basename(from)): string {
  const to = path.join(dir, as);
  copyFileSync(path.join(ROOT, from), to);
  return to;
}

/** Writes a JSON file from the repository pretty-printed, as vendors usually ship it. */
export function prettyJsonFromRepo(from: string, dir: string, as = path.basename(from)): string {
  const to = path.join(dir, as);
  const text = JSON.stringify(JSON.parse(readFileSync(path.join(ROOT, from), 'utf8')), null, 2) + '\n';
  writeFileSync(to, text);
  return to;
}
