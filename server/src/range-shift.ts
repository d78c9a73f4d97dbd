/**
 * Moves ranges with the text: given an LSP content change, where a range
 * computed on the text before the change lies after it. Diagnostics from a
 * slow source (Spectral) are kept across edits this way until that source's
 * run for the new version replaces them, so the Problems list does not jump.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function shiftPosition(p: Position, start: Position, end: Position, lines: number, lastLineLength: number): Position {
  if (before(p, start)) return p;
  if (before(p, end)) return start; // inside the replaced text: to its start
  if (p.line === end.line) return { line: start.line + lines, character: (lines === 0 ? start.character : 0) + lastLineLength + (p.character - end.character) };
  return { line: p.line + lines - (end.line - start.line), character: p.character };
}

/** The range after `change`; a whole-document change keeps it as it is (nothing to map it through). */
export function shiftRange(range: Range, change: TextDocumentContentChangeEvent): Range {
  if (!('range' in change) || !change.range) return range;
  const text = change.text;
  let lines = 0;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lines++;
    lastBreak = i;
  }
  const lastLineLength = text.length - lastBreak - 1;
  const { start, end } = change.range;
  return { start: shiftPosition(range.start, start, end, lines, lastLineLength), end: shiftPosition(range.end, start, end, lines, lastLineLength) };
}
