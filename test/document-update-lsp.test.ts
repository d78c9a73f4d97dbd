/**
 * A didChange with many changes (a rename's edits, listed from the end of the file to its start, as VS Code
 * sends them) is applied in one pass (server/src/document-update.ts); any other list goes through the
 * text-document library. Either way the server must hold the text the library would make: its diagnostics
 * for the edited document equal those of a document opened with that text. The time saved is in
 * bench/outline-after-rename.mjs (13 MB).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './support/lsp-client';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const TIMEOUT = { timeout: 10_000 };
const TEXT = readFileSync(path.join(ROOT, 'examples', 'photo-records.yaml'), 'utf8');
let n = 0;

const shape = (ds: Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).sort();

describe('LSP: a didChange of many changes', () => {
  let client: LspClient;
  before(async () => {
    client = LspClient.start(SERVER, ROOT);
    await client.initialize(null, { spectral: { enable: false }, debounceMs: 0 });
  });
  after(() => client.shutdown());

  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///document-update-lsp/${++n}/photo-records.yaml`;
    const published = client.waitForDiagnostics(uri, { version: 1 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return { uri, diagnostics: (await published).diagnostics };
  }

  async function edited(changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const { uri } = await open(TEXT);
    const published = client.waitForDiagnostics(uri, { version: 2 });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
    const got = (await published).diagnostics;
    // The library applies them one after the other: the reference.
    const expected = TextDocument.update(TextDocument.create('file:///x.yaml', 'yaml', 1, TEXT), changes, 2).getText();
    assert.notEqual(expected, TEXT);
    assert.deepEqual(shape(got), shape((await open(expected)).diagnostics));
  }

  // A comment line added above every fifth line, and the path key's trailing slash typed over, from the end up.
  const descending = (): TextDocumentContentChangeEvent[] => [
    ...[60, 55, 50, 45, 40, 35, 30, 25, 20, 15, 10].map((line) => ({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      text: `# note ${line}\n`,
    })),
    { range: { start: { line: 8, character: 16 }, end: { line: 8, character: 17 } }, text: '' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' },
  ];

  it('listed from the end of the file to its start (a rename): the text the library makes, in one pass', TIMEOUT, async () => {
    await edited(descending());
  });

  it('in any other order (each in the text the previous ones made): the library applies them', TIMEOUT, async () => {
    await edited(descending().reverse());
  });
});
