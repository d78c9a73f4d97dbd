/**
 * A spec split over files (test/fixtures/split: a main file whose path item,
 * parameters and schemas are relative `$ref`s into paths/ and schemas/), as a
 * person opens it: the Problems panel lists what the Rewst rules find in the
 * referenced files, in those files, exactly as the CLI's lint reports them,
 * and in the spec at the `$ref` that reads each file; typing in a referenced
 * file updates both; the status bar counts the bundled spec's actions and the
 * size prepare writes; Prepare for Rewst Upload (slim) from the palette writes
 * the bundled, slimmed file the CLI writes.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, lint, lintFiles } from '../cli';
import { rewstMarkers, waitForFindings } from '../expect';
import { copyFromRepo, type Scenario } from '../scenario';

const FILES = ['openapi.yaml', 'parameters.yaml', 'paths/tickets.yaml', 'schemas/user.yaml', 'schemas/ticket.yaml'];

/** The spec's own markers for what its referenced files hold: file:line:col of the place, and the $ref's line in the spec. */
const THROUGH = [
  { at: 'paths/tickets.yaml:15:1', rule: 'operation-id-missing', refLine: 11 },
  { at: 'schemas/user.yaml:11:11', rule: 'circular-ref', refLine: 28 },
  { at: 'schemas/user.yaml:15:13', rule: 'circular-ref', refLine: 28 },
  { at: 'schemas/ticket.yaml:9:11', rule: 'circular-ref', refLine: 24 },
];

/** What `rewst-openapi prepare ARGS` writes for a copy of the scenario's files as they are on disk. */
function prepared(dir: string, args: string[]): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'rewst-e2e-split-'));
  try {
    for (const f of FILES) {
      mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
      copyFileSync(path.join(dir, f), path.join(copy, f));
    }
    cli(['prepare', path.join(copy, 'openapi.yaml'), ...args, '-o', path.join(copy, 'openapi.rewst.json')]);
    return readFileSync(path.join(copy, 'openapi.rewst.json'), 'utf8');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const preparedBytes = (dir: string, args: string[]) => Buffer.byteLength(prepared(dir, args));

export const scenario: Scenario = {
  title: "a spec split over files: the referenced files' problems in the Problems panel, in the files and at the spec's $refs; prepare (slim) bundles",
  prepare(dir) {
    mkdirSync(path.join(dir, 'paths'));
    mkdirSync(path.join(dir, 'schemas'));
    for (const f of FILES) copyFromRepo(`test/fixtures/split/${f}`, dir, f);
  },
  async run(t) {
    const { wb, page } = { wb: t.wb, page: t.wb.page };
    const spec = t.file('openapi.yaml');
    await wb.open(t.rel('openapi.yaml'));
    const expected = lintFiles(spec);
    // Each referenced file, not open: exactly what the CLI reports in it.
    for (const f of ['paths/tickets.yaml', 'schemas/user.yaml', 'schemas/ticket.yaml']) {
      const findings = expected.get(t.file(f)) ?? [];
      assert.ok(findings.length, `the CLI finds something in ${f}`);
      await waitForFindings(wb, t.file(f), findings);
    }
    t.log(`referenced files in the Problems panel: ${[...expected.keys()].map((f) => `${path.relative(t.dir, f)} ${expected.get(f)!.length}`).join(', ')}`);

    // The spec: its own findings, and one per referenced finding at the $ref that reads the file.
    const markers = await wb.waitFor(
      'the spec to show its own findings and one per finding of its referenced files',
      async () => rewstMarkers(await wb.problems(), spec),
      (ms) => ms.length === lint(spec).length + THROUGH.length,
    );
    for (const th of THROUGH) {
      const m = markers.find((x) => x.code === th.rule && x.message.startsWith(`In ${th.at}, which this reference reads: `));
      assert.ok(m, `a marker in openapi.yaml for ${th.rule} at ${th.at}: ${markers.map((x) => x.message).join(' | ')}`);
      assert.equal(m.line, th.refLine, `the marker for ${th.at} is at the $ref on line ${th.refLine}`);
    }
    t.log(`openapi.yaml: ${markers.length} markers, ${THROUGH.length} of them for its referenced files`);

    // The status bar: the actions Rewst will create from the bundled spec (two of three written in paths/tickets.yaml)
    // and the size of what Prepare would write, in KB as the CLI's prepare reports it.
    const bytes = preparedBytes(t.dir, []);
    const status = await wb.waitFor(
      'the upload-size item in the status bar',
      async () => (await page.locator('.part.statusbar .statusbar-item', { hasText: 'actions ·' }).allInnerTexts()).join(' | '),
      (text) => text.includes('3 actions · ') && text.includes(`${(bytes / 1024).toFixed(1)} KB`),
    );
    t.log(`status bar: ${status.trim()} (the CLI's prepare: ${bytes} bytes)`);

    // Typing in a referenced file: deleting user.yaml's self-reference (lines 10-11) clears it there and in the spec.
    await wb.open(t.rel('schemas/user.yaml'));
    await wb.goTo(10, 1);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await wb.waitFor(
      "user.yaml's self-reference gone from the Problems panel, in the file and in the spec",
      async () => {
        const all = await wb.problems();
        return { user: rewstMarkers(all, t.file('schemas/user.yaml')), spec: rewstMarkers(all, spec) };
      },
      (r) =>
        r.user.length === 1 &&
        r.user[0].line === 13 &&
        r.spec
          .filter((m) => m.message.startsWith('In schemas/user.yaml:'))
          .map((m) => m.message.slice(0, 'In schemas/user.yaml:13:13'.length))
          .join() === 'In schemas/user.yaml:13:13',
    );
    t.log('typing in schemas/user.yaml: its self-reference cleared there and at the spec’s $ref');
    await wb.save();

    // Prepare for Rewst Upload (slim): one bundled, slimmed file, what `prepare --slim` writes from the same (saved) files.
    await wb.open(t.rel('openapi.yaml'));
    await wb.command('Prepare for Rewst Upload (slim)');
    const preparedText = await wb.fileWritten(t.file('openapi.rewst.json'));
    assert.equal(preparedText, prepared(t.dir, ['--slim']), 'the prepared file is what `rewst-openapi prepare --slim` writes');
    assert.ok(!preparedText.includes('.yaml'), 'no reference to another file is left in the prepared file');
    t.log(`prepare (slim): openapi.rewst.json (${Buffer.byteLength(preparedText)} bytes), every $ref local`);
  },
};
