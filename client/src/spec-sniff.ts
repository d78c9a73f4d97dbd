/**
 * Which open documents are ours, decided without the language server: an
 * OpenAPI or Swagger spec or a Rewst integration settings file, by the one
 * test the engine also applies (common/spec-sniff.ts). VS Code activates the
 * extension for every JSON and YAML file (it cannot look inside a file before
 * activating), so this check is what keeps package.json or a CI workflow from
 * starting a language server.
 */
import * as vscode from 'vscode';
import { isSettingsName, looksLikeSpec as looksLikeSpecText, SNIFF_CHARS } from '../../common/spec-sniff';

const SPEC_LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

export function isSettingsFile(uri: vscode.Uri): boolean {
  return isSettingsName(uri.path);
}

export function looksLikeSpec(doc: vscode.TextDocument): boolean {
  if (!SPEC_LANGUAGES.has(doc.languageId) || isSettingsFile(doc.uri)) return false;
  // Only the head is read: this runs on every change of every JSON and YAML document until a spec shows up.
  return looksLikeSpecHead(doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(SNIFF_CHARS))));
}

const SWAGGER_2 = /(^|[{,\s])["']?swagger["']?\s*:\s*["']?2\./m;

/** A Swagger 2.0 spec (what Convert Swagger 2.0 is offered on), from its head. */
export function looksLikeSwagger2(doc: vscode.TextDocument): boolean {
  return looksLikeSpec(doc) && SWAGGER_2.test(doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(SNIFF_CHARS))));
}

/** The same check on the head of a text (a file's first HEAD_BYTES read from disk). */
export function looksLikeSpecHead(head: string): boolean {
  return looksLikeSpecText(head);
}

/** How many bytes of a file the check needs (at least one byte a character). */
export const HEAD_BYTES = SNIFF_CHARS;

/** A spec in a file or an untitled editor: the documents the actions view and the status bar ask the server about. */
export function isSpecDocument(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && looksLikeSpec(doc);
}

/** A spec or a settings file: the documents the language server is started for. */
export function isOurs(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && (isSettingsFile(doc.uri) || looksLikeSpec(doc));
}
