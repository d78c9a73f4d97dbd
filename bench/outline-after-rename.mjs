#!/usr/bin/env node
/**
 * The outline after a rename on GitHub's 13 MB description (issue 24): Rename Symbol of a schema sends its
 * hundreds of edits as one didChange, then the editor asks the outline again. Printed against a baseline
 * measured in the same run: the same changes applied one at a time by the text-document library in this
 * process, which is what the server did before (server/src/document-update.ts).
 *
 *   node bench/outline-after-rename.mjs        (after npm run build)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { require, root } from './lib.mjs';
import { startServer } from './lsp-session.mjs';

const { TextDocument } = require('vscode-languageserver-textdocument');
const FILE = join(root, 'node_modules/@octokit/openapi/generated/api.github.com.json');
const SCHEMA = 'simple-user';
const text = readFileSync(FILE, 'utf8');

const s = await startServer();
const uri = s.open(FILE, text, 'json');
await s.waitForDiagnostics(uri);
const key = text.indexOf(`"${SCHEMA}": {`) + 1;
const lineStart = text.lastIndexOf('\n', key) + 1;
const position = { line: text.slice(0, key).split('\n').length - 1, character: key - lineStart };
await s.request('textDocument/documentSymbol', { textDocument: { uri } });
const edit = await s.request('textDocument/rename', { textDocument: { uri }, position, newName: `${SCHEMA}-renamed` });
// As VS Code sends them: from the end of the file to its start.
const changes = (edit.documentChanges?.[0]?.edits ?? edit.changes?.[uri] ?? [])
  .slice()
  .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
  .map((e) => ({ range: e.range, text: e.newText }));
const t = performance.now();
s.change(uri, changes);
const symbols = await s.request('textDocument/documentSymbol', { textDocument: { uri } });
const ms = performance.now() - t;
await s.stop();
if (!symbols?.length) throw new Error('no outline after the rename');

const b = performance.now();
TextDocument.update(TextDocument.create('file:///x.json', 'json', 1, text), changes, 2);
const baseline = performance.now() - b;
console.log(`outline after renaming ${SCHEMA} (${changes.length} edits in one didChange), GitHub REST description (${(text.length / 1e6).toFixed(1)} MB):`);
console.log(`  didChange applied and the outline answered: ${ms.toFixed(0)} ms`);
console.log(`  baseline, the library applying the changes one at a time (before, not counting the outline): ${baseline.toFixed(0)} ms`);
console.log(`  ratio: ${(ms / baseline).toFixed(3)} of the baseline`);
