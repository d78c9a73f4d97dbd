/**
 * The command palette as a newcomer reads it: no title that says "Rewst" twice once its category is put in
 * front, and Convert Swagger 2.0 offered on Swagger 2.0 files only. A `when` clause cannot be evaluated
 * through the API, so the test reads the clauses from the manifest and the context key they test from the
 * extension's API, on real documents.
 */
import assert from 'node:assert/strict';
import { closeAll, extension, open, waitFor, workspaceUri } from './helpers';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
  };
}

interface Api {
  swagger2Resources(): string[];
}

describe('the command palette', () => {
  before(() => extension().activate());
  after(closeAll);
  const manifest = () => extension().packageJSON as Manifest;

  it('no command reads "Rewst: … Rewst …" in the palette', () => {
    const labels = manifest().contributes.commands.map((c) => (c.category ? `${c.category}: ${c.title}` : c.title));
    const doubled = labels.filter((l) => (l.match(/\bRewst\b/g) ?? []).length > 1);
    assert.deepEqual(doubled, []);
    assert.ok(labels.includes('Prepare for Rewst Upload'), JSON.stringify(labels));
  });

  it('Convert Swagger 2.0 is offered on a Swagger 2.0 file, not on an OpenAPI 3 file', async () => {
    const menus = manifest().contributes.menus;
    for (const where of ['commandPalette', 'editor/context']) {
      const entry = menus[where].find((m) => m.command === 'rewstOpenapi.convertSwagger2');
      assert.match(entry?.when ?? '', /^resource in rewstOpenapi\.swagger2Resources\b/, where);
    }
    const api = () => extension().exports as unknown as Api;
    const swagger = workspaceUri('diagnostics/legacy-swagger.json');
    const openapi = workspaceUri('diagnostics/photo-records.yaml');
    await open('diagnostics/legacy-swagger.json');
    await open('diagnostics/photo-records.yaml');
    const listed = await waitFor(
      'the Swagger 2.0 file in rewstOpenapi.swagger2Resources',
      () => api().swagger2Resources(),
      (r) => r.includes(swagger.toString()),
    );
    assert.ok(!listed.includes(openapi.toString()), `an OpenAPI 3 file is not listed: ${JSON.stringify(listed)}`);
  });
});
