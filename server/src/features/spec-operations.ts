/**
 * A spec's operations as the server's views count them: those written in the spec (the analysis's one
 * enumerator) and those of path items that are `$ref`s to files of its folder (read through the one
 * confined reader, an open editor's text first), each pointing into its file.
 */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { specOperationsOfAnalysis, type Analysis, type SpecOperations } from '../engine';
import { operationsInReferencedFiles, type ReferencedOperation } from '../engine/bundle';
import { bundlingOf } from './open-files';

export function specOperationsWithElsewhere(
  documents: TextDocuments<TextDocument>,
  doc: TextDocument,
  analysis: Analysis,
): { spec: SpecOperations; uriOf(relative: string): string } {
  const { elsewhere, uriOf } = operationsElsewhere(documents, doc, analysis);
  return { spec: { ...specOperationsOfAnalysis(analysis), elsewhere }, uriOf };
}

/** Only the operations of path items written in other files (the outline's part), with the URI of a file they name. */
export function operationsElsewhere(
  documents: TextDocuments<TextDocument>,
  doc: TextDocument,
  analysis: Analysis,
): { elsewhere: ReferencedOperation[]; uriOf(relative: string): string } {
  const { file, entry, read } = bundlingOf(documents, doc.uri);
  const elsewhere = analysis.root && file && entry && read ? operationsInReferencedFiles(analysis.root, { entry, read }) : [];
  const uriOf = (relative: string) => pathToFileURL(join(dirname(file ?? ''), ...relative.split('/'))).toString();
  return { elsewhere, uriOf };
}
