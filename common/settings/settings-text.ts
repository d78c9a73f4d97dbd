/**
 * The one reading of a settings file's text as JSON: a byte-order mark
 * dropped, then JSON.parse. The server, the CLI, navigation and prepare all
 * read it here; why a file does not parse is the settings checks' to say
 * (analyze.ts reads the text with the engine's parser and reports where).
 */

/** The settings file's value; undefined when there is no text or it is not JSON. */
export function parseSettingsText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return undefined;
  }
}
