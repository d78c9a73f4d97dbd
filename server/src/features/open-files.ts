/**
 * The language server's file access for the engine's look-ups
 * (engine/spec-files.ts): an open document's text, unsaved edits and all,
 * else the file on disk.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReadFile } from '../engine/bundle';
import { diskFiles, type FileAccess } from '../engine/spec-files';
import { bundlingFor } from '../read-within';

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

/**
 * What prepare needs to bundle a document's relative `$ref`s: for a saved file, its path, its name and a
 * reader confined to its folder, where an open editor's text wins over the disk. An untitled document has
 * no folder: nothing is bundled.
 */
export function bundlingOf(documents: TextDocuments<TextDocument>, uri: string | undefined): { file?: string; entry?: string; read?: ReadFile } {
  const file = uri === undefined ? undefined : pathOf(uri);
  if (file === undefined) return {};
  return { file, ...bundlingFor(file, (f) => documents.get(pathToFileURL(f).toString())?.getText()) };
}
