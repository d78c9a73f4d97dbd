import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { RULES } from '../server/src/engine';
import { SETTINGS_CODES } from '../server/src/engine/settings';
import { runCli } from './support/cli';

/**
 * The built CLI (dist/cli.js, what `npm test` builds first) run as a child
 * process on real files, the way CI would run it.
 */

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PHOTO = 'examples/photo-records.yaml';
const LEGACY = 'examples/legacy-swagger.json';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  return runCli(args);
}

function read(file: string): string {
  return readFileSync(resolve(ROOT, file), 'utf8');
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  pointer: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

interface JsonReport {
  files: Array<{ file: string; isSpec: boolean; findings: JsonFinding[] }>;
}

/**
 * What a finding must be, and where: `token` is the exact text its range covers,
 * found as the first occurrence of `anchor` (default: the token) after the text `after`.
 */
interface Expected {
  ruleId: string;
  severity: 'error' | 'warning' | 'information';
  pointer: string;
  token: string;
  anchor?: string;
  after?: string;
  fixable: boolean;
}

/** 1-based line and column (UTF-16 units, as the CLI counts) of an offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function locate(text: string, e: Expected): { start: number; end: number } {
  const from = e.after === undefined ? 0 : text.indexOf(e.after);
  assert.ok(from >= 0, `"${e.after}" is in the file`);
  const anchor = e.anchor ?? e.token;
  const at = text.indexOf(anchor, from);
  assert.ok(at >= 0, `"${anchor}" is in the file after "${e.after ?? ''}"`);
  const start = at + anchor.indexOf(e.token);
  assert.ok(anchor.includes(e.token));
  return { start, end: start + e.token.length };
}

// photo-records.yaml: one of each error class, in the order of the file.
const PHOTO_EXPECTED: Expected[] = [
  { ruleId: 'info-description', severity: 'error', pointer: '/info', token: 'info', anchor: '\ninfo:', fixable: true },
  {
    ruleId: 'path-trailing-slash',
    severity: 'error',
    pointer: '/paths/~1photo-records~1',
    token: '/photo-records/',
    anchor: '/photo-records/:',
    fixable: true,
  },
  {
    ruleId: 'operation-id-missing',
    severity: 'error',
    pointer: '/paths/~1photo-records~1/get',
    token: 'get',
    anchor: 'get:',
    after: '/photo-records/:',
    fixable: true,
  },
  {
    ruleId: 'pattern-invalid',
    severity: 'error',
    pointer: '/paths/~1photo-records~1/get/parameters/0/schema/pattern',
    token: "'^[0-9]{4}-[12-0][0-9]-[0-3][0-9]$'",
    fixable: false,
  },
  {
    ruleId: 'operation-id-duplicate',
    severity: 'error',
    pointer: '/paths/~1photo-records~1/post/operationId',
    token: 'createPhotoRecord',
    after: 'post:',
    fixable: true,
  },
  {
    ruleId: 'operation-id-duplicate',
    severity: 'error',
    pointer: '/paths/~1photo-records~1{id}/get/operationId',
    token: 'createPhotoRecord',
    after: '/photo-records/{id}:',
    fixable: true,
  },
  {
    ruleId: 'required-undefined',
    severity: 'error',
    pointer: '/components/schemas/PhotoRecord/required/2',
    token: 'album',
    anchor: 'required: [id, url, album]',
    fixable: true,
  },
  {
    ruleId: 'circular-ref',
    severity: 'error',
    pointer: '/components/schemas/Tags/items/$ref',
    token: "'#/components/schemas/Tags'",
    after: '\n    Tags:',
    fixable: true,
  },
];

// legacy-swagger.json: Swagger 2.0, a two-schema cycle, a pattern with an unescaped "/".
const LEGACY_EXPECTED: Expected[] = [
  { ruleId: 'swagger-2', severity: 'information', pointer: '/swagger', token: '"swagger"', fixable: false },
  { ruleId: 'info-description', severity: 'error', pointer: '/info', token: '"info"', fixable: true },
  { ruleId: 'path-trailing-slash', severity: 'error', pointer: '/paths/~1tickets~1', token: '"/tickets/"', fixable: true },
  { ruleId: 'operation-id-missing', severity: 'error', pointer: '/paths/~1tickets~1/get', token: '"get"', after: '"/tickets/"', fixable: true },
  { ruleId: 'operation-id-missing', severity: 'error', pointer: '/paths/~1tickets~1{id}/get', token: '"get"', after: '"/tickets/{id}"', fixable: true },
  { ruleId: 'pattern-invalid', severity: 'warning', pointer: '/paths/~1tickets~1{id}/get/parameters/0/pattern', token: '"^TCK-[0-9]+/[a-z]+$"', fixable: true },
  {
    ruleId: 'required-undefined',
    severity: 'error',
    pointer: '/definitions/Ticket/required/1',
    token: '"subject"',
    anchor: '"required": ["id", "subject"]',
    fixable: true,
  },
  { ruleId: 'circular-ref', severity: 'error', pointer: '/definitions/Ticket/properties/parent/$ref', token: '"#/definitions/Thread"', fixable: true },
  {
    ruleId: 'circular-ref',
    severity: 'error',
    pointer: '/definitions/Thread/properties/first/$ref',
    token: '"#/definitions/Ticket"',
    after: '"Thread": {',
    fixable: true,
  },
];

const CLEAN_YAML = `openapi: 3.0.3
info:
  title: Clean
  description: A spec Rewst imports as it is.
  version: "1"
paths:
  /items/{id}:
    get:
      operationId: getItem
      parameters:
        - name: id
          in: path
          required: true
          schema: { type: string, pattern: '^[a-z0-9-]+$' }
      responses:
        '200':
          description: The item
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Item'
components:
  schemas:
    Item:
      type: object
      required: [id]
      properties:
        id: { type: string }
        parent: { $ref: '#/components/schemas/Ref' }
    Ref:
      type: string
`;

let tmp: string;

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run "npm run build" first`);
  tmp = mkdtempSync(join(tmpdir(), 'rewst-cli-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function checkFindings(file: string, got: JsonFinding[], expected: Expected[]) {
  const text = read(file);
  assert.deepEqual(
    got.map((f) => `${f.ruleId} ${f.pointer}`),
    expected.map((e) => `${e.ruleId} ${e.pointer}`),
    `${file}: findings, in the order of the file`,
  );
  expected.forEach((e, i) => {
    const f = got[i];
    const where = `${file} ${e.ruleId} ${e.pointer}`;
    assert.equal(f.severity, e.severity, where);
    assert.equal(f.fixable, e.fixable, `${where}: fixable`);
    assert.ok(f.message.length > 20, `${where}: has a message`);
    const { start, end } = locate(text, e);
    assert.deepEqual({ line: f.line, column: f.column }, positionOf(text, start), `${where}: start`);
    assert.deepEqual({ line: f.endLine, column: f.endColumn }, positionOf(text, end), `${where}: end`);
    assert.equal(text.slice(offsetOf(text, f.line, f.column), offsetOf(text, f.endLine, f.endColumn)), e.token, `${where}: the range covers the node`);
  });
}

describe('rewst-openapi lint', () => {
  it('json format: every finding of both examples, with exact pointers, lines and columns', () => {
    const r = cli('lint', '--format', 'json', PHOTO, LEGACY);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => [f.file, f.isSpec]),
      [
        [PHOTO, true],
        [LEGACY, true],
      ],
    );
    checkFindings(PHOTO, report.files[0].findings, PHOTO_EXPECTED);
    checkFindings(LEGACY, report.files[1].findings, LEGACY_EXPECTED);
    // the messages name what Rewst would say
    const photo = report.files[0].findings;
    assert.match(photo.find((f) => f.ruleId === 'pattern-invalid')!.message, /Regex is not valid.*out of order \(2-0\)/);
    assert.match(photo.find((f) => f.ruleId === 'circular-ref')!.message, /Circular reference detected/);
    assert.match(report.files[1].findings.find((f) => f.ruleId === 'required-undefined')!.message, /"subject" is required at \/definitions\/Ticket/);
  });

  it('--format=json (with "=") reads the same', () => {
    const a = cli('lint', '--format=json', LEGACY);
    const b = cli('lint', '--format', 'json', LEGACY);
    assert.equal(a.code, 1);
    assert.equal(a.stdout, b.stdout);
  });

  it('text format: one line per finding, file:line:col, and a summary', () => {
    const r = cli('lint', '--no-spectral', PHOTO, LEGACY);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(cli('lint', '--no-spectral', '--format', 'json', PHOTO, LEGACY).stdout) as JsonReport;
    const lines = r.stdout.trimEnd().split('\n');
    const expectedLines = json.files.flatMap((file) =>
      file.findings.map((f) => `${file.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}: ${f.message} (at ${f.pointer})`),
    );
    assert.deepEqual(lines.slice(0, -1), expectedLines);
    const errors = PHOTO_EXPECTED.concat(LEGACY_EXPECTED).filter((e) => e.severity === 'error').length;
    assert.equal(lines.at(-1), `${errors} error(s), ${PHOTO_EXPECTED.length + LEGACY_EXPECTED.length - errors} other finding(s) in 2 file(s).`);
    assert.ok(
      lines.includes(
        `${PHOTO}:9:3: error path-trailing-slash: Rewst will report "Path must not end with a slash": /photo-records/ should be /photo-records. (at /paths/~1photo-records~1)`,
      ),
    );
  });

  it('sarif format: SARIF 2.1.0 with results, rule ids and regions', () => {
    const r = cli('lint', '--no-spectral', '--format', 'sarif', PHOTO, LEGACY);
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'rewst-openapi');
    const ruleIds: string[] = run.tool.driver.rules.map((x: { id: string }) => x.id);
    assert.deepEqual(ruleIds, [...RULES.map((x) => x.id), 'parse-error', ...Object.keys(SETTINGS_CODES)]);
    const json = JSON.parse(cli('lint', '--no-spectral', '--format', 'json', PHOTO, LEGACY).stdout) as JsonReport;
    const flat = json.files.flatMap((file) => file.findings.map((f) => ({ file: file.file, f })));
    assert.equal(run.results.length, PHOTO_EXPECTED.length + LEGACY_EXPECTED.length);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    run.results.forEach((res: any, i: number) => {
      const { file, f } = flat[i];
      assert.equal(res.ruleId, f.ruleId);
      assert.equal(ruleIds[res.ruleIndex], res.ruleId, 'ruleIndex points at the rule');
      assert.equal(res.level, levels[f.severity]);
      assert.equal(res.message.text, f.message);
      const loc = res.locations[0];
      assert.equal(loc.physicalLocation.artifactLocation.uri, file);
      assert.deepEqual(loc.physicalLocation.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
      assert.equal(loc.logicalLocations[0].fullyQualifiedName, f.pointer);
    });
    assert.deepEqual(
      run.results.map((x: { ruleId: string }) => x.ruleId).sort(),
      PHOTO_EXPECTED.concat(LEGACY_EXPECTED)
        .map((e) => e.ruleId)
        .sort(),
    );
  });

  it('a clean spec exits 0', () => {
    const file = join(tmp, 'clean.yaml');
    writeFileSync(file, CLEAN_YAML);
    const text = cli('lint', '--no-spectral', file);
    assert.equal(text.code, 0, text.stdout + text.stderr);
    assert.equal(text.stdout, 'No problems found.\n');
    const json = cli('lint', '--no-spectral', '--format', 'json', file);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), { files: [{ file, isSpec: true, findings: [] }] });
    const sarif = cli('lint', '--no-spectral', '--format', 'sarif', file);
    assert.equal(sarif.code, 0);
    assert.deepEqual(JSON.parse(sarif.stdout).runs[0].results, []);
  });

  it('warnings and information alone exit 0', () => {
    const file = join(tmp, 'warn.json');
    writeFileSync(
      file,
      JSON.stringify(
        { swagger: '2.0', info: { title: 't', description: 'd', version: '1' }, paths: {}, definitions: { D: { type: 'string', pattern: '^a/b$' } } },
        null,
        2,
      ),
    );
    const r = cli('lint', '--no-spectral', '--format', 'json', file);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(
      (JSON.parse(r.stdout) as JsonReport).files[0].findings.map((f) => [f.ruleId, f.severity, f.pointer]),
      [
        ['swagger-2', 'information', '/swagger'],
        ['pattern-invalid', 'warning', '/definitions/D/pattern'],
      ],
    );
  });

  it('a JSON file that is not a spec exits 0 and says it was skipped', () => {
    const file = join(tmp, 'package.json');
    writeFileSync(file, JSON.stringify({ name: 'not-a-spec', version: '1.0.0', paths: { '/a/': {} } }, null, 2));
    const text = cli('lint', file);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not an OpenAPI or Swagger document .*skipped$`, 'm'));
    assert.match(text.stdout, /No problems found\./);
    const json = cli('lint', '--format', 'json', file);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), { files: [{ file, isSpec: false, findings: [] }] });
  });

  it('a spec that does not parse is an error at the broken place', () => {
    const file = join(tmp, 'broken.json');
    const text = '{\n  "openapi": "3.0.0",\n  "info": { "title": "x" \n  "paths": {}\n}\n';
    writeFileSync(file, text);
    const r = cli('lint', '--format', 'json', file);
    assert.equal(r.code, 1);
    const [f] = (JSON.parse(r.stdout) as JsonReport).files[0].findings;
    assert.equal(f.ruleId, 'parse-error');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /JSON syntax error/);
    assert.deepEqual({ line: f.line, column: f.column }, positionOf(text, text.indexOf('"paths"')), 'at the member after the missing comma');
  });

  it('a missing file exits 2 with the reason on stderr', () => {
    const r = cli('lint', 'examples/no-such-file.yaml');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /cannot read examples\/no-such-file\.yaml: ENOENT/);
    assert.equal(cli('fix', 'examples/no-such-file.yaml').code, 2);
  });

  it('an unknown command or option, or no files, exits 2 with usage on stderr', () => {
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate', PHOTO], /unknown command "frobnicate"/],
      [[], /no command given/],
      [['lint', '--bogus', PHOTO], /unknown option "--bogus"/],
      [['lint', '--format', 'xml', PHOTO], /--format must be text, json or sarif, not "xml"/],
      [['lint', '--format'], /--format must be text, json or sarif/],
      [['lint', '--write', PHOTO], /unknown option "--write"/],
      [['fix', '--format', 'json', PHOTO], /unknown option "--format"/],
      [['lint'], /no files given/],
    ];
    for (const [args, reason] of cases) {
      const r = cli(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: exit code`);
      assert.equal(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
      assert.match(r.stderr, reason, args.join(' '));
      assert.match(
        r.stderr,
        /Usage:\n {2}rewst-openapi lint FILE\.\.\. \[--format text\|json\|sarif\] \[--no-spectral\][^\n]*\n {2}rewst-openapi fix FILE\.\.\. \[--write\]/,
        `${args.join(' ')}: usage`,
      );
    }
  });

  it('--help prints usage on stdout and exits 0', () => {
    const r = cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage:/);
    assert.equal(r.stderr, '');
  });
});

/** Lines removed from `a` and added in `b`, by a longest common subsequence of lines. */
function lineDiff(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i][j + 1] >= lcs[i + 1][j])) added.push(y[j++]);
    else removed.push(x[i++]);
  }
  return { removed, added };
}

/** The whole line of `text` holding the first `needle` (after `after`). */
function lineWith(text: string, needle: string, after = ''): string {
  const at = text.indexOf(needle, text.indexOf(after));
  assert.ok(at >= 0, `"${needle}" is in the file`);
  return text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at));
}

interface FixCase {
  file: string;
  exit: number;
  /** Lines the fixes must remove (found in the original) and add, and nothing else. */
  removed: (original: string) => string[];
  added: string[];
  /** Findings left afterwards: only ones no fix can handle. */
  left: Array<[string, string]>;
  applied: string[];
}

const FIX_CASES: FixCase[] = [
  {
    file: PHOTO,
    exit: 1, // the out-of-order regex needs a person
    removed: (t) => [
      lineWith(t, '/photo-records/:'),
      lineWith(t, 'createPhotoRecord  # copied'),
      lineWith(t, 'items:', '\n    Tags:'),
      lineWith(t, "$ref: '#/components/schemas/Tags'", '\n    Tags:'),
    ],
    added: [
      '  description: Photo Records API',
      '  /photo-records:',
      '      operationId: photoRecordsGet',
      '      operationId: getPhotoRecordsById  # copied from above by mistake',
      '        album: {}',
      '      items: {}',
    ],
    left: [['pattern-invalid', '/paths/~1photo-records/get/parameters/0/schema/pattern']],
    applied: ['info-description', 'path-trailing-slash', 'operation-id-missing', 'operation-id-duplicate', 'required-undefined', 'circular-ref'],
  },
  {
    file: LEGACY,
    exit: 0,
    removed: (t) => [lineWith(t, '"/tickets/"'), lineWith(t, '"pattern"'), lineWith(t, '"parent"'), lineWith(t, '"first"')],
    added: [
      '    "description": "Legacy Tickets API",',
      '    "/tickets": {',
      '        "operationId": "listTickets",',
      '        "operationId": "getTicketsById",',
      '            "pattern": "^TCK-[0-9]+\\\\/[a-z]+$"',
      '        "parent": { "$ref": "#/definitions/Thread" },',
      '        "subject": {}',
      '        "first": {}',
    ],
    left: [['swagger-2', '/swagger']],
    applied: [
      'info-description',
      'path-trailing-slash',
      'operation-id-missing',
      'operation-id-missing',
      'pattern-invalid',
      'required-undefined',
      'circular-ref',
    ],
  },
];

function sorted(xs: string[]): string[] {
  return [...xs].sort();
}

describe('rewst-openapi fix', () => {
  for (const c of FIX_CASES) {
    describe(c.file, () => {
      let printed: Run;

      it('without --write prints the fixed document and leaves the file untouched', () => {
        const path = resolve(ROOT, c.file);
        const before = readFileSync(path);
        const mtime = statSync(path).mtimeMs;
        printed = cli('fix', c.file);
        assert.equal(printed.code, c.exit, printed.stderr);
        assert.ok(readFileSync(path).equals(before), 'file unchanged');
        assert.equal(statSync(path).mtimeMs, mtime, 'file not rewritten');
        assert.notEqual(printed.stdout, before.toString('utf8'));
        // stderr names each fix applied
        const appliedRules = [...printed.stderr.matchAll(new RegExp(`^${c.file.replace(/\./g, '\\.')}: .* \\(([a-z0-9-]+)\\)$`, 'gm'))].map((m) => m[1]);
        assert.deepEqual(sorted(appliedRules), sorted(c.applied));
        if (c.exit) assert.match(printed.stderr, /still needs a person: pattern-invalid/);
      });

      it('--write rewrites a copy, which parses, has no fixable findings left and changed only where intended', () => {
        const original = read(c.file);
        const copy = join(tmp, c.file.split('/').pop()!);
        copyFileSync(resolve(ROOT, c.file), copy);
        const r = cli('fix', '--write', copy);
        assert.equal(r.code, c.exit, r.stderr);
        assert.equal(r.stdout, '', 'nothing on stdout with --write');
        assert.match(r.stderr, new RegExp(`${c.applied.length} fix\\(es\\) written`));
        const fixed = readFileSync(copy, 'utf8');
        assert.equal(fixed, printed.stdout, 'the same text as printed without --write');

        // it parses
        if (c.file.endsWith('.json')) JSON.parse(fixed);
        else assert.deepEqual(parseDocument(fixed).errors, []);

        // it lints with nothing fixable left
        const lint = cli('lint', '--no-spectral', '--format', 'json', copy);
        const left = (JSON.parse(lint.stdout) as JsonReport).files[0].findings;
        assert.deepEqual(
          left.map((f) => [f.ruleId, f.pointer]),
          c.left,
        );
        assert.ok(
          left.every((f) => !f.fixable),
          'no fixable finding left',
        );
        assert.equal(lint.code, c.exit);

        // line by line, only the intended changes
        const { removed, added } = lineDiff(original, fixed);
        assert.deepEqual(sorted(removed), sorted(c.removed(original)), 'removed lines');
        assert.deepEqual(sorted(added), sorted(c.added), 'added lines');

        // a second run has nothing left to do
        const again = cli('fix', '--write', copy);
        assert.match(again.stderr, /0 fix\(es\) needed; file unchanged/);
        assert.equal(readFileSync(copy, 'utf8'), fixed);
      });
    });
  }
});

describe('lint: a spec whose $ref names a file that is not there', () => {
  it('the missing file is one ref-unresolved error among the spec’s own findings, as the editor shows it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewst-cli-missing-'));
    try {
      const spec = join(dir, 'tickets.yaml');
      copyFileSync(join(ROOT, 'test', 'fixtures', 'navigation', 'tickets.yaml'), spec);
      const r = cli('lint', '--no-spectral', '--format', 'json', spec);
      const files = (
        JSON.parse(r.stdout) as { files: Array<{ file: string; findings: Array<{ ruleId: string; line: number; column: number; message: string }> }> }
      ).files;
      assert.deepEqual(
        files.map((f) => f.file),
        [spec],
        'the spec is listed once',
      );
      const missing = files[0].findings.filter((f) => f.ruleId === 'ref-unresolved');
      assert.deepEqual(
        missing.map((f) => [f.line, f.column]),
        [[30, 21]],
      );
      assert.match(missing[0].message, /cannot read schemas\/ticket\.yaml: no such file/);
      assert.doesNotMatch(missing[0].message, /found through/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fix: a spec split over files', () => {
  it('fixes the referenced files too: reported without --write, saved with it, comments kept; lint is clean after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rewst-cli-fix-split-'));
    try {
      cpSync(join(ROOT, 'test', 'fixtures', 'split'), dir, { recursive: true });
      const spec = join(dir, 'openapi.yaml');
      const tickets = join(dir, 'paths', 'tickets.yaml');
      const user = join(dir, 'schemas', 'user.yaml');
      const before = [readFileSync(tickets, 'utf8'), readFileSync(user, 'utf8')];

      const dry = cli('fix', spec);
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stderr, /paths\/tickets\.yaml: Add operationId "createATicket" \(operation-id-missing; found through openapi\.yaml\)/);
      assert.match(dry.stderr, /paths\/tickets\.yaml: 1 fix\(es\) not saved \(use --write\)/);
      assert.deepEqual([readFileSync(tickets, 'utf8'), readFileSync(user, 'utf8')], before, 'nothing saved without --write');

      const r = cli('fix', '--write', spec);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        readFileSync(tickets, 'utf8'),
        before[0].replace('  summary: Create a ticket\n', '  summary: Create a ticket\n  operationId: createATicket\n'),
      );
      assert.ok(readFileSync(user, 'utf8').startsWith('# A user refers to itself'), 'the comment is kept');
      const lint = cli('lint', '--no-spectral', spec);
      assert.equal(lint.code, 0, lint.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
