/**
 * What the boxes of Rename Actions with a Regex say (client/src/rename-box-text.ts), on previews from the
 * real server: a first run's box is empty, so its placeholder shows and nothing claims a match count for
 * the example; what is typed gets the count; the preview's placeholder fits the quick pick.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RenamePreviewResult } from '../common/protocol';
import { FIRST_ANSWERS, PATTERN_PLACEHOLDER, PREVIEW_PLACEHOLDER, patternVerdict, replaceVerdict } from '../client/src/rename-box-text';
import { LspClient } from './support/lsp-client';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const TIMEOUT = { timeout: 10_000 };

describe('Rename Actions with a Regex: what its boxes say', () => {
  let client: LspClient;
  const uri = 'file:///rename-box-text/photo-records.yaml';
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { spectral: { enable: false } });
    const published = client.waitForDiagnostics(uri, { version: 1 });
    const text = readFileSync(path.join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await published;
  });
  after(() => client.shutdown());
  const preview = (match: string, replace: string) =>
    client.request<RenamePreviewResult>('rewst/renamePreview', { uri, field: 'name', match, literal: true, replace }, 10_000);

  it('a first run opens the pattern box empty, its example in the placeholder, and counts nothing for it', TIMEOUT, async () => {
    assert.equal(FIRST_ANSWERS.match, '');
    assert.ok(PATTERN_PLACEHOLDER.includes('(.*?) Get'));
    const empty = patternVerdict(FIRST_ANSWERS.match, undefined, 'action name');
    assert.doesNotMatch(empty.message, /matches/);
    assert.equal(empty.level, 'info');
  });

  it('what is typed gets the count of names it matches, from the server', TIMEOUT, async () => {
    const r = await preview('(.*?) Get', '$&');
    assert.ok(r.ok);
    const v = patternVerdict('(.*?) Get', r, 'action name');
    assert.equal(v.message, `${r.regex} matches ${r.matched} of ${r.total} action names`);
    assert.ok(r.matched > 0 && v.level === 'info', v.message);
    assert.equal(patternVerdict('(', await preview('(', '$&'), 'action name').level, 'error');
  });

  it('an empty replacement is an answer (it removes the match) and says so', TIMEOUT, async () => {
    const r = await preview(' Get', '');
    const v = replaceVerdict('', r, 'action name');
    assert.match(v.message, /^\(empty\) "Photo Records Get" → "Photo Records"/);
  });

  it("the preview's placeholder fits the quick pick (about 70 characters)", () => {
    assert.ok(PREVIEW_PLACEHOLDER.length <= 70, `${PREVIEW_PLACEHOLDER.length}: ${PREVIEW_PLACEHOLDER}`);
  });
});
