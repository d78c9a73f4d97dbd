/**
 * Which files are ours, from their name and the head of their text: an
 * OpenAPI or Swagger spec, or a Rewst integration settings file. The client
 * asks it before it starts a language server (VS Code activates the extension
 * for every JSON and YAML file) and the engine asks it of text that does not
 * parse (is the parse error ours to report?): one answer on both sides.
 */

/** A spec's integration settings file ends so: `tickets.rewst-integration.json`. */
export const SETTINGS_SUFFIX = '.rewst-integration.json';

export function isSettingsName(name: string): boolean {
  return name.toLowerCase().endsWith(SETTINGS_SUFFIX);
}

/** How much of a text the check reads: specs name their version in the first lines, and this keeps it cheap on 50 MB files. */
export const SNIFF_CHARS = 200_000;

const SPEC_KEY = /^\uFEFF?\s*(?:\{\s*)?["']?(openapi|swagger)["']?\s*:/m;
const JSON_SPEC_KEY = /"(openapi|swagger)"\s*:/;

/** Does the text look like a spec (an `openapi` or `swagger` key starting a line, or quoted near the start), parsed or not? */
export function looksLikeSpec(text: string): boolean {
  return SPEC_KEY.test(text.slice(0, SNIFF_CHARS)) || JSON_SPEC_KEY.test(text.slice(0, 4096));
}
