// Writes media/rewst-integration.schema.json from the settings field table
// (server/src/engine/settings/json-schema.ts). test/settings-model.test.ts checks the file is current.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'rewst-schema-'));
try {
  const out = join(dir, 'schema.cjs');
  buildSync({ entryPoints: [join(root, 'server/src/engine/settings/json-schema.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const { settingsJsonSchema } = createRequire(import.meta.url)(out);
  writeFileSync(join(root, 'media/rewst-integration.schema.json'), JSON.stringify(settingsJsonSchema(), null, 2) + '\n');
  console.log('wrote media/rewst-integration.schema.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
