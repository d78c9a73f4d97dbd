/**
 * Stock Spectral, run the way `spectral lint` (@stoplight/spectral-cli) runs it,
 * in-process: the reference our own Spectral runner is measured and checked
 * against. Nothing here is ours; it must stay exactly what the CLI does:
 *
 *   - `new Spectral()` with the CLI's default resolver (createHttpAndFileResolver);
 *   - the ruleset a `.spectral.yaml` of `extends: ["spectral:oas"]` migrates to,
 *     loaded with `severity: 'recommended'` as the CLI's getRuleset does;
 *   - `new Document(text, Parsers.Yaml, absolutePath)`: the CLI parses every
 *     file, JSON included, with the YAML parser;
 *   - `spectral.run(document)`.
 */
const { resolve } = require('node:path');
const { Document, Ruleset, Spectral } = require('@stoplight/spectral-core');
const Parsers = require('@stoplight/spectral-parsers');
const { oas } = require('@stoplight/spectral-rulesets');

/** Stock Spectral's results for one file (text given, so callers can time only the lint). */
async function stockSpectral(file, text) {
  const spectral = new Spectral();
  spectral.setRuleset(new Ruleset({ extends: [oas] }, { severity: 'recommended', source: resolve('.spectral.yaml') }));
  return spectral.run(new Document(text, Parsers.Yaml, resolve(file)));
}

/** The comparable part of a result: rule, JSON path and severity (0 error .. 3 hint). */
function findingKey(result) {
  return `${result.code}\t${JSON.stringify(result.path)}\t${result.severity}`;
}

module.exports = { stockSpectral, findingKey };
