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

function touches(range: Range, change: TextDocumentContentChangeEvent): boolean {
  if (!('range' in change) || !change.range) return true;
  return !before(range.end, change.range.start) && !before(change.range.end, range.start);
}

/**
 * The range after `changes`, applied in order; undefined when one of them
 * replaced text in it or next to it (typing at a key's end changes the key), or
 * was a whole-document change: what was computed over that range no longer holds.
 */
export function shiftUntouched(range: Range, changes: ReadonlyArray<TextDocumentContentChangeEvent>): Range | undefined {
  let r = range;
  for (const change of changes) {
    if (touches(r, change)) return undefined;
    r = shiftRange(r, change);
  }
  return r;
}

/** The most changes kept per document: past that, what was computed before them is computed again. */
const MAX_CHANGES = 1000;

/**
 * The content changes of each open document since a version, so that what
 * was computed on that version's text (the last analysis) can be moved to
 * the current text without analysing it (features/code-actions.ts).
 */
export class ChangeLog {
  private readonly logs = new Map<string, Array<{ from: number; changes: ReadonlyArray<TextDocumentContentChangeEvent> }>>();

  /** `changes` took the document from version `from` to its next. */
  record(uri: string, from: number, changes: ReadonlyArray<TextDocumentContentChangeEvent>): void {
    let log = this.logs.get(uri);
    if (!log) this.logs.set(uri, (log = []));
    log.push({ from, changes });
    if (log.length > MAX_CHANGES) log.splice(0, log.length - MAX_CHANGES);
  }

  /** The changes from version `version` to now, in order; undefined when the log does not reach back that far. */
  since(uri: string, version: number): TextDocumentContentChangeEvent[] | undefined {
    const log = this.logs.get(uri) ?? [];
    const first = log.findIndex((e) => e.from === version);
    if (first < 0) return undefined;
    return log.slice(first).flatMap((e) => e.changes);
  }

  /** Version `version` was analysed: what came before it is not needed any more. */
  forgetBefore(uri: string, version: number): void {
    const log = this.logs.get(uri);
    if (!log) return;
    const keep = log.filter((e) => e.from >= version);
    if (keep.length) this.logs.set(uri, keep);
    else this.logs.delete(uri);
  }

  delete(uri: string): void {
    this.logs.delete(uri);
  }
}
