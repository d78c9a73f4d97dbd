/**
 * Applying LSP text edits the way an editor does, written independently of
 * the server (which uses vscode-languageserver-textdocument) so the tests
 * check its edits rather than repeat its arithmetic.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** Offsets where each line starts. LSP line breaks are \n, \r\n and \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset of a position (characters are UTF-16 code units); out-of-range positions clamp, as in LSP. */
export function offsetAt(text: string, position: Position, starts = lineStarts(text)): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const lineStart = starts[position.line];
  let lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // a character offset past the end of the line stops before its line break
  while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

export function positionAt(text: string, offset: number, starts = lineStarts(text)): Position {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const starts = lineStarts(text);
  return text.slice(offsetAt(text, range.start, starts), offsetAt(text, range.end, starts));
}

/**
 * Applies edits that all refer to the original text. Overlapping edits are an
 * error (the LSP spec forbids them); insertions at the same position keep
 * their order in the array.
 */
export function applyLspEdits(text: string, edits: ReadonlyArray<TextEdit>): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e, i) => ({ start: offsetAt(text, e.range.start, starts), end: offsetAt(text, e.range.end, starts), newText: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let last = 0;
  for (const s of spans) {
    if (s.end < s.start) throw new Error(`edit ${s.i} has its end before its start`);
    if (s.start < last) throw new Error(`edit ${s.i} overlaps an earlier edit`);
    out += text.slice(last, s.start) + s.newText;
    last = s.end;
  }
  return out + text.slice(last);
}

/** The edits a workspace edit makes to one document (from `changes` or `documentChanges`). */
export function editsForUri(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((c) =>
    'textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e) : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

/** Offset of the `n`th (0-based) occurrence of `needle` in `text`, plus `delta`; throws when there is none. */
export function offsetOf(text: string, needle: string, delta = 1, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} (#${n}) not in the text`);
  }
  return i + delta;
}
