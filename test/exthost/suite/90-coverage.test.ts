/**
 * Runs last: every command package.json contributes was run by a test of this
 * suite (through helpers' run()), so a command added later without a test fails here.
 */
import assert from 'node:assert/strict';
import { exercised, extension } from './helpers';

describe('coverage of the contributed commands', () => {
  it('every contributed command was run by a test', () => {
    const manifest = extension().packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 10);
    assert.deepEqual(
      contributed.filter((c) => !exercised.has(c)),
      [],
      'contributed commands no test ran',
    );
  });
});
