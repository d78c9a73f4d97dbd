/**
 * Rename Symbol (F2) on a component's key: the new name typed into the rename
 * box, Enter, Ctrl+S; the saved file is the original with the key, every
 * `$ref` naming it and the discriminator mapping changed, and nothing else.
 * YAML (Dog, named by a mapping pointer) and JSON (Cat, named bare by the mapping).
 * The lines that change were read off test/fixtures/navigation/ by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lint } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

interface Case {
  file: string;
  /** The component's key, where F2 is pressed (1-based). */
  at: [number, number];
  from: string;
  to: string;
  /** Line (1-based) → its text after the rename; every other line stays. */
  lines: Record<number, string>;
}

const CASES: Case[] = [
  {
    file: 'tickets.yaml',
    at: [118, 5],
    from: 'Dog',
    to: 'Hound',
    lines: { 113: "          dog: '#/components/schemas/Hound'", 116: "        - $ref: '#/components/schemas/Hound'", 118: '    Hound:' },
  },
  {
    file: 'tickets.json',
    at: [206, 8],
    from: 'Cat',
    to: 'Feline',
    lines: { 185: '            "cat": "Feline"', 193: '            "$ref": "#/components/schemas/Feline"', 206: '      "Feline": {' },
  },
];

export const scenario: Scenario = {
  title: 'F2 on a component renames its key, every $ref and the discriminator mapping, and the saved file changes by exactly that',
  prepare(dir) {
    for (const c of CASES) copyFromRepo(`test/fixtures/navigation/${c.file}`, dir);
  },
  async run(t) {
    const { wb } = t;
    const page = wb.page;
    for (const c of CASES) {
      const file = t.file(c.file);
      const before = readFileSync(file, 'utf8');
      const lines = before.split('\n');
      for (const n of Object.keys(c.lines)) assert.ok(lines[Number(n) - 1].includes(c.from), `${c.file} line ${n} names ${c.from}`);
      const expected = lines.map((l, i) => c.lines[i + 1] ?? l).join('\n');

      await wb.open(t.rel(c.file));
      await waitForFindings(wb, file, lint(file)); // the language server has the file
      await wb.goTo(...c.at);
      await page.keyboard.press('F2');
      const box = page.locator('.rename-box input');
      await box.waitFor({ state: 'visible', timeout: 30_000 });
      // The box opens on the name prepareRename gave: the key's text.
      await wb.waitFor(
        'the rename box to hold the old name',
        () => box.inputValue(),
        (v) => v === c.from,
        10_000,
      );
      await box.fill(c.to);
      await box.press('Enter');
      await box.waitFor({ state: 'hidden' });
      await wb.waitFor(
        'the rename to reach the editor',
        () => wb.isDirty(),
        (dirty) => dirty,
      );
      await wb.save();
      assert.equal(readFileSync(file, 'utf8'), expected, `${c.file} on disk: ${c.from} → ${c.to} at lines ${Object.keys(c.lines).join(', ')}, nothing else`);
      t.log(`${c.file}: F2 ${c.from} → ${c.to} changed lines ${Object.keys(c.lines).join(', ')} and nothing else`);
    }
  },
};
