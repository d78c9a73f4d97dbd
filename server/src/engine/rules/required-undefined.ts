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

export const requiredUndefined: Rule = {
  id: 'required-undefined',
  rewstError: 'Required field is not defined',
  description: 'Every name in a schema\'s required list must be defined in its properties.',
  severity: 'error',
  fixAll: true,
  check({ root, index, report }) {
    for (const { path, schema, scope, required } of index.requireds) {
      const defined = new Set<string>();
      if (!definedProperties(root, scope, defined, new Set())) continue;
      if (!definedProperties(root, schema, defined, new Set())) continue;
      if (isObject(schema.patternProperties) && Object.keys(schema.patternProperties).length) continue;
      required.forEach((name, i) => {
        if (typeof name !== 'string' || defined.has(name)) return;
        report({
          path: [...path, 'required', i],
          target: 'value',
          message: `Rewst will report "Required field is not defined": "${name}" is required at ${displayPointer(path)} but properties does not define it.`,
          data: { schemaPath: path, name },
        });
      });
    }
  },
  fix({ data }, { editor, root, claim }) {
    const schemaPath = data?.schemaPath as Array<string | number> | undefined;
    const name = String(data?.name);
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || !Array.isArray(schema.required)) return undefined;
    const title = `Add "${name}" to properties`;
    if (isObject(schema.properties)) return single(title, editor.insertMember([...schemaPath!, 'properties'], name, {}, 'end'));
    // No properties object yet: one fix creates it with every missing name, so two fixes never both add it.
    if (!claim(`properties:${toPointer(schemaPath!)}`)) return undefined;
    const missing = schema.required.filter((n): n is string => typeof n === 'string');
    const props = Object.fromEntries([...new Set(missing)].map((n) => [n, {}]));
    return single(missing.length > 1 ? `Add properties ${missing.map((n) => `"${n}"`).join(', ')}` : title, editor.insertMember(schemaPath!, 'properties', props, { after: 'required' }));
  },
  cases: [
    {
      name: 'missing property (YAML)',
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string}\n',
      expect: [{ pointer: '/components/schemas/User/required/1', message: /"name" is required at \/components\/schemas\/User/ }],
      fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    User:\n      type: object\n      required: [id, name]\n      properties:\n        id: {type: string}\n        name: {}\n',
    },
    {
      name: 'no properties at all (JSON)',
      text: '{\n  "swagger": "2.0",\n  "definitions": {\n    "User": {\n      "required": [\n        "id"\n      ]\n    }\n  }\n}',
      expect: [{ pointer: '/definitions/User/required/0' }],
      fixed: '{\n  "swagger": "2.0",\n  "definitions": {\n    "User": {\n      "required": [\n        "id"\n      ],\n      "properties": {\n        "id": {}\n      }\n    }\n  }\n}',
    },
    {
      name: 'allOf members and oneOf branches see the whole schema',
      text: '{"openapi":"3.0.0","components":{"schemas":{"Base":{"properties":{"id":{}}},"User":{"allOf":[{"$ref":"#/components/schemas/Base"},{"required":["id","name"],"properties":{"name":{}}}]},"Pick":{"properties":{"a":{},"b":{}},"oneOf":[{"required":["a"]},{"required":["b"]}]}}}}',
      expect: [],
    },
    {
      name: 'a parameter\'s boolean required is not a list',
      text: 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n          required: true\n',
      expect: [],
    },
  ],
};
