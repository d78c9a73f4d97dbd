/**
 * The rule tables people read (README.md's "Rules", MARKETPLACE.md's "What Rewst reports") against the
 * rules themselves (server/src/engine/rules): one row per rule, the rule's id, Rewst's error in the rule's
 * own words, and in the README the rule's severity. The list of rules comes from the code, so a rule added
 * without its rows fails here, as does a row left behind by a rule renamed or removed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PARSE_ERROR, RULES } from '../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');

interface Row {
  /** The row's 1-based line in its file, for messages. */
  line: number;
  cells: string[];
}

/** The rows of the Markdown table whose header's first two cells are `first` and `second`; fails when there is no such table. */
function tableAfter(file: string, first: string, second: string): Row[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split(/\r?\n/);
  const cellsOf = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const header = lines.findIndex((l) => l.trim().startsWith('|') && cellsOf(l)[0] === first && cellsOf(l)[1] === second);
  assert.ok(header >= 0, `${file} has a table headed "${first} | ${second}"`);
  const rows: Row[] = [];
  for (let i = header + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) rows.push({ line: i + 1, cells: cellsOf(lines[i]) });
  return rows;
}

/** The rule id a row names: its first cell, in backticks. */
function idOf(row: Row, file: string): string {
  const m = /^`([^`]+)`$/.exec(row.cells[0]);
  assert.ok(m, `${file}:${row.line}: the first cell names a rule id in backticks, not ${JSON.stringify(row.cells[0])}`);
  return m[1];
}

/** Every rule's id, and the parse error the engine reports itself (it has a row too, with no Rewst error of its own). */
const IDS = [...RULES.map((r) => r.id), PARSE_ERROR];

for (const { file, header } of [
  { file: 'README.md', header: ['Rule id', "Rewst's error"] },
  { file: 'MARKETPLACE.md', header: ['Rule id', "Rewst's error"] },
]) {
  describe(`${file}: the rule table`, () => {
    const rows = tableAfter(file, header[0], header[1]);

    it('has one row per rule, and none for a rule that does not exist', () => {
      assert.deepEqual(rows.map((r) => idOf(r, file)).sort(), [...IDS].sort());
    });

    it("gives each rule's Rewst error in the rule's own words", () => {
      for (const rule of RULES) {
        const row = rows.find((r) => idOf(r, file) === rule.id);
        assert.ok(row, `${file} has a row for ${rule.id}`);
        assert.equal(row.cells[1], rule.rewstError, `${file}:${row.line}: Rewst's error for ${rule.id}`);
      }
    });

    if (file === 'README.md') {
      it("gives each rule's severity", () => {
        for (const rule of RULES) {
          const row = rows.find((r) => idOf(r, file) === rule.id)!;
          assert.match(row.cells[2], new RegExp(`^${rule.severity}\\b`), `${file}:${row.line}: the severity of ${rule.id}`);
        }
      });
    }
  });
}

describe('MARKETPLACE.md: the rule ids listed under Features', () => {
  it('are the rules and the parse error', () => {
    const text = readFileSync(path.join(ROOT, 'MARKETPLACE.md'), 'utf8');
    const list = /the rule id as the code \(([^)]*)\)/.exec(text.replace(/\s+/g, ' '));
    assert.ok(list, 'MARKETPLACE.md says "the rule id as the code (...)"');
    assert.deepEqual([...list[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort(), [...IDS].sort());
  });
});
