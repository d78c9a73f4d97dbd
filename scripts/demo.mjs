#!/usr/bin/env node
/**
 * The main job on the bundled example specs: lint them as Rewst's importer
 * would, fix what can be fixed safely (into a scratch folder, never over the
 * originals), and lint the result again.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => /\.(json|ya?ml)$/.test(f))
  .map((f) => join('examples', f));

function run(args, title) {
  console.log(`\n$ rewst-openapi ${args.join(' ')}   # ${title}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  return r.status;
}

const before = run(['lint', ...examples], 'what Rewst would reject');
const scratch = mkdtempSync(join(tmpdir(), 'rewst-demo-'));
const copies = examples.map((f) => {
  const to = join(scratch, f.split('/').pop());
  copyFileSync(join(root, f), to);
  return to;
});
run(['fix', ...copies, '--write'], `apply every safe fix to copies in ${scratch}`);
const after = run(['lint', ...copies], 'what is left for a person');
console.log(`\nBefore: exit ${before}. After fixing: exit ${after}. Fixed copies are in ${scratch}.`);
// The examples are built to fail before; the demo itself succeeds when both runs completed.
process.exitCode = before === 1 && (after === 0 || after === 1) ? 0 : 1;
