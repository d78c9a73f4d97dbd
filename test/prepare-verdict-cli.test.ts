/**
 * prepare's verdict and its report file through the built CLI (dist/cli.js):
 * the split helpdesk fixture (test/fixtures/split, five files) with its server
 * URL set to https://api.example.com/v2. With the paths kept as written, every
 * action would call api.example.com/tickets, not /v2/tickets: "Not ready", the
 * paths listed with links; folded (the default), "Ready to upload". Either way
 * the report is written beside the upload file as NAME.rewst.report.md, and its
 * links open the written file at the line of each place.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './support/cli';
import { ROOT } from './support/specs';

let dir = '';
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rewst-verdict-cli-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'split'), dir, { recursive: true });
  const spec = path.join(dir, 'openapi.yaml');
  const text = readFileSync(spec, 'utf8');
  assert.ok(text.includes('https://helpdesk.example.com/api'));
  writeFileSync(spec, text.replace('https://helpdesk.example.com/api', 'https://api.example.com/v2'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

/** Every link of the report into `file`: its label and the 1-based line and column it opens. */
function linksInto(report: string, file: string): Array<{ label: string; line: number; column: number }> {
  const re = new RegExp(`\\[([^\\]]*)\\]\\(${file.replace(/\./g, '\\.')}#L(\\d+),(\\d+)\\)`, 'g');
  return [...report.matchAll(re)].map((m) => ({ label: m[1], line: Number(m[2]), column: Number(m[3]) }));
}

describe('prepare: a split spec whose server URL is https://api.example.com/v2', () => {
  it('paths kept as written (--keep-base-path): not "Ready to upload", exit 1, each path without /v2 in the report file with a link', () => {
    const r = runCli(['prepare', 'openapi.yaml', '--keep-base-path'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /Ready to upload/);
    assert.match(r.stderr, /^Not ready: 2 paths without the base path \/v2, whose actions would call the wrong URL/m);
    const written = read('openapi.rewst.json');
    assert.deepEqual(Object.keys((JSON.parse(written) as { paths: object }).paths), ['/tickets', '/tickets/{id}']);
    assert.ok(existsSync(path.join(dir, 'openapi.rewst.report.md')), 'the report beside the upload file');
    assert.match(r.stderr, /\n {2}report: .*openapi\.rewst\.report\.md\n/);
    const report = read('openapi.rewst.report.md');
    assert.match(report, /^# Prepared for Rewst: openapi\.rewst\.json\n\n\*\*Not ready\*\*: 2 paths without the base path \/v2/);
    assert.match(report, /## Needs a person \(2\)\n\n### Paths without the base path ` \/v2 ` \(2\)/);
    const lines = written.split('\n');
    const links = linksInto(report, 'openapi.rewst.json');
    assert.equal(links.length, 2, report);
    for (const [i, key] of ['/tickets', '/tickets/{id}'].entries()) {
      // The link opens the line of the path key, at its column.
      assert.equal(lines[links[i].line - 1].indexOf(`"${key}"`), links[i].column - 1, `${key} at line ${links[i].line}`);
    }
  });

  it('folded by default: "Ready to upload", exit 0, every action calls /v2/…, and the report file says so', () => {
    const r = runCli(['prepare', 'openapi.yaml'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^Ready to upload: no Rewst error, no reference Rewst cannot follow, no error of the general lint, every path starts with the base path \/v2\.$/m,
    );
    const out = JSON.parse(read('openapi.rewst.json')) as { paths: object; servers: unknown };
    assert.deepEqual(Object.keys(out.paths), ['/v2/tickets', '/v2/tickets/{id}']);
    assert.deepEqual(out.servers, [{ url: 'https://api.example.com' }]);
    const report = read('openapi.rewst.report.md');
    assert.match(report, /^\*\*Ready to upload\*\*/m);
    assert.match(report, /\| base path \| \/v2 folded into 2 paths \|/);
    assert.match(report, /## Needs a person \(0\)\n\nNothing\./);
    assert.match(report, /\| to \| \[openapi\.rewst\.json\]\(openapi\.rewst\.json\) /);
  });

  it('-o elsewhere: the report goes beside the upload file, named after it', () => {
    const r = runCli(['prepare', 'openapi.yaml', '-o', path.join('paths', 'helpdesk.json')], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(path.join(dir, 'paths', 'helpdesk.rewst.report.md')));
    assert.match(read(path.join('paths', 'helpdesk.rewst.report.md')), /^# Prepared for Rewst: helpdesk\.json\n/);
  });
});
