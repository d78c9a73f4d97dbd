// Writes the settings file's JSON Schemas from the settings field table
// (server/src/engine/settings/write/json-schema.ts): media/rewst-integration.schema.json, the whole schema
// with Rewst's limits (for other tools), and media/rewst-integration.editor-schema.json, the one VS Code
// gets (hover and completion; no validation: the language server reports those problems once).
// test/settings-model.test.ts checks both files are current.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rewst-schema-'));
try {
  const out = join(dir, 'schema.cjs');
  buildSync({
    entryPoints: [join(root, 'server/src/engine/settings/write/json-schema.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
  });
  const { settingsJsonSchema, settingsEditorSchema } = createRequire(import.meta.url)(out);
  for (const [file, schema] of [
    ['rewst-integration.schema.json', settingsJsonSchema()],
    ['rewst-integration.editor-schema.json', settingsEditorSchema()],
  ]) {
    writeFileSync(join(root, 'media', file), JSON.stringify(schema, null, 2) + '\n');
    console.log(`wrote media/${file}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
