/**
 * The folder the extension-host suite opens: the repository's example specs,
 * this folder's fixtures and test/fixtures/navigation/, copied under the
 * names the tests use (each test owns its files, so tests that write do not
 * disturb others), plus a settings file made by the CLI's `init` for the
 * setup-sheet test.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The repository: the folder holding package.json above this file (src or out). */
export const ROOT = (() => {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'rewst-openapi') return dir;
  }
  throw new Error(`no rewst-openapi package.json above ${__dirname}`);
})();

const FIXTURES = path.join(ROOT, 'test', 'exthost', 'fixtures');
const EXAMPLES = path.join(ROOT, 'examples');
const NAVIGATION = path.join(ROOT, 'test', 'fixtures', 'navigation');
const SLIM = path.join(ROOT, 'test', 'fixtures', 'slim');
const SPLIT = path.join(ROOT, 'test', 'fixtures', 'split');

/** Target name in the workspace → source file. */
const COPIES: Record<string, string> = {
  'unrelated/tool-config.json': path.join(FIXTURES, 'tool-config.json'),
  'diagnostics/photo-records.yaml': path.join(EXAMPLES, 'photo-records.yaml'),
  'diagnostics/legacy-swagger.json': path.join(EXAMPLES, 'legacy-swagger.json'),
  'diagnostics/external-ref.json': path.join(FIXTURES, 'external-ref.json'),
  'fixes/photo-records.yaml': path.join(EXAMPLES, 'photo-records.yaml'),
  'fixes/legacy-swagger.json': path.join(EXAMPLES, 'legacy-swagger.json'),
  'fixes/assets.yaml': path.join(FIXTURES, 'paged-api.yaml'),
  'fixes/assets.rewst-integration.json': path.join(FIXTURES, 'assets.rewst-integration.json'),
  'commands/convert-me.json': path.join(EXAMPLES, 'legacy-swagger.json'),
  'commands/replace-me.json': path.join(EXAMPLES, 'legacy-swagger.json'),
  'commands/to-json.yaml': path.join(EXAMPLES, 'photo-records.yaml'),
  'commands/prepare-me.json': path.join(EXAMPLES, 'legacy-swagger.json'),
  'commands/slim-me.yaml': path.join(SLIM, 'slim-me.yaml'),
  'commands/reduce-me.yaml': path.join(EXAMPLES, 'photo-records.yaml'),
  'commands/rename-me.yaml': path.join(EXAMPLES, 'photo-records.yaml'),
  // A spec split over files, to rename actions written in its path-item file.
  'commands/split/openapi.yaml': path.join(SPLIT, 'openapi.yaml'),
  'commands/split/paths/tickets.yaml': path.join(SPLIT, 'paths', 'tickets.yaml'),
  'commands/split/parameters.yaml': path.join(SPLIT, 'parameters.yaml'),
  'commands/split/schemas/ticket.yaml': path.join(SPLIT, 'schemas', 'ticket.yaml'),
  'commands/split/schemas/user.yaml': path.join(SPLIT, 'schemas', 'user.yaml'),
  'commands/actions.yaml': path.join(EXAMPLES, 'photo-records.yaml'),
  'commands/forms.yaml': path.join(FIXTURES, 'paged-api.yaml'),
  'commands/sheet.yaml': path.join(FIXTURES, 'paged-api.yaml'),
  'status/upload.json': path.join(EXAMPLES, 'legacy-swagger.json'),
  'settings/spectral.yaml': path.join(FIXTURES, 'paged-api.yaml'),
  'settings/problems.yaml': path.join(FIXTURES, 'paged-api.yaml'),
  'settings/problems.rewst-integration.json': path.join(FIXTURES, 'problems.rewst-integration.json'),
  // Navigation: each spec with its schema file and settings file beside it, and copies to rename in.
  'navigation/json/tickets.json': path.join(NAVIGATION, 'tickets.json'),
  'navigation/json/schemas/ticket.json': path.join(NAVIGATION, 'schemas', 'ticket.json'),
  'navigation/json/tickets.rewst-integration.json': path.join(NAVIGATION, 'tickets.rewst-integration.json'),
  'navigation/yaml/tickets.yaml': path.join(NAVIGATION, 'tickets.yaml'),
  'navigation/yaml/schemas/ticket.yaml': path.join(NAVIGATION, 'schemas', 'ticket.yaml'),
  'navigation/yaml/tickets.rewst-integration.json': path.join(NAVIGATION, 'tickets.rewst-integration.json'),
  'navigation/rename/tickets.json': path.join(NAVIGATION, 'tickets.json'),
  'navigation/rename/tickets.yaml': path.join(NAVIGATION, 'tickets.yaml'),
};

export function buildWorkspace(dir: string): string {
  for (const [target, source] of Object.entries(COPIES)) {
    mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
    copyFileSync(source, path.join(dir, target));
  }
  // A download cut short: half a Swagger file no longer parses.
  const whole = readFileSync(path.join(EXAMPLES, 'legacy-swagger.json'), 'utf8');
  writeFileSync(path.join(dir, 'diagnostics', 'cut-short.json'), whole.slice(0, Math.floor(whole.length / 2)));
  // The setup sheet needs a settings file: the one the CLI proposes for the spec.
  execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'init', path.join(dir, 'commands', 'sheet.yaml')], { stdio: 'pipe' });
  return dir;
}
