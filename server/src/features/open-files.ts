/**
 * The language server's file access for the engine's look-ups
 * (engine/spec-files.ts): an open document's text, unsaved edits and all,
 * else the file on disk.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diskFiles, type FileAccess } from '../engine/spec-files';

/** The file path of a `file:` URI; undefined for other schemes. */
export function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export interface OpenFiles extends FileAccess {
  /** The open document of a file, if it is open. */
  openDoc(file: string): TextDocument | undefined;
}

export function openFiles(documents: TextDocuments<TextDocument>): OpenFiles {
  const openDoc = (file: string) => documents.all().find((d) => pathOf(d.uri) === file);
  return {
    openDoc,
    exists: (file) => Boolean(openDoc(file)) || diskFiles.exists(file),
    readText(file, maxBytes) {
      const doc = openDoc(file);
      if (!doc) return diskFiles.readText(file, maxBytes);
      const text = doc.getText();
      return maxBytes !== undefined && Buffer.byteLength(text) > maxBytes ? { tooLarge: true } : { text };
    },
    stamp(file) {
      const doc = openDoc(file);
      return doc ? `open:${doc.version}` : diskFiles.stamp(file);
    },
  };
}
