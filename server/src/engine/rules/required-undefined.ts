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
};
