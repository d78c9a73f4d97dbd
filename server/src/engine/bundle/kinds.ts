/**
 * Where a `$ref` sits says what it stands for: a schema, a parameter, a
 * response, a path item… The bundler walks the document it builds with a
 * short chain of the keys that lead to each node (its output path), and these
 * functions read that chain. Redocly's bundler decides the same way, from the
 * OpenAPI structure rather than from the referenced file's content.
 */

/** A path kept as a linked list, so a walk of a deep document never copies paths. */
export interface Chain {
  key: string | number;
  up: Chain | undefined;
  depth: number;
}

export function push(up: Chain | undefined, key: string | number): Chain {
  return { key, up, depth: up ? up.depth + 1 : 1 };
}

export function toPath(chain: Chain | undefined): Array<string | number> {
  const out: Array<string | number> = [];
  for (let c = chain; c; c = c.up) out.push(c.key);
  return out.reverse();
}

export function fromPath(path: ReadonlyArray<string | number>, base?: Chain): Chain | undefined {
  let c = base;
  for (const k of path) c = push(c, k);
  return c;
}

/** The kinds of reusable things a referenced target becomes, by the name of their OpenAPI 3 container. */
export type ComponentKind = 'schemas' | 'parameters' | 'responses' | 'requestBodies' | 'headers' | 'examples' | 'links' | 'callbacks' | 'securitySchemes';

/** What to do with an external `$ref` at a place: make the target a component of a kind, or copy it in place. */
export type Placement = { component: ComponentKind } | { inline: 'pathItem' | 'other' };

/** Keys whose members are named by the author (a property called `example` is a schema, not data). */
const SCHEMA_NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

export interface Mode {
  /** Inside a schema: every `$ref` is a schema. */
  schema: boolean;
  /** Instance data (examples, defaults, enums, vendor extensions): `$ref` there is text, not a reference. */
  data: boolean;
  /** The node's members are named by the author. */
  nameMap: boolean;
}

export const TOP: Mode = { schema: false, data: false, nameMap: false };
// Shared, so the walk allocates no mode per node.
const DATA: Mode = { schema: false, data: true, nameMap: false };
const SCHEMA: Mode = { schema: true, data: false, nameMap: false };
const SCHEMA_NAMES: Mode = { schema: true, data: false, nameMap: true };

/** The mode of the member `key` of a node in `mode`, whose own path is `chain`. */
export function childMode(mode: Mode, chain: Chain | undefined, key: string | number): Mode {
  if (mode.data) return mode;
  if (mode.schema) {
    if (mode.nameMap) return SCHEMA;
    if (typeof key === 'string' && (key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' || key.startsWith('x-')))
      return DATA;
    return typeof key === 'string' && SCHEMA_NAME_MAPS.has(key) ? SCHEMA_NAMES : SCHEMA;
  }
  if (typeof key === 'string' && (key === 'example' || key.startsWith('x-'))) return DATA;
  // An Example object's value is data.
  if (key === 'value' && chain?.up?.key === 'examples') return DATA;
  if (key === 'schema') return SCHEMA;
  // components/schemas/NAME, and Swagger 2.0's top-level definitions/NAME
  const isSchemaSlot =
    chain && ((chain.depth === 2 && chain.key === 'schemas' && chain.up?.key === 'components') || (chain.depth === 1 && chain.key === 'definitions'));
  if (isSchemaSlot) return SCHEMA;
  return TOP;
}

/** What an external `$ref` at `chain` (the path of the object that holds it) stands for. */
export function placementAt(chain: Chain | undefined, mode: Mode): Placement {
  if (mode.schema) return { component: 'schemas' };
  if (!chain) return { inline: 'other' };
  const t1 = chain.key;
  const t2 = chain.up?.key;
  const t3 = chain.up?.up?.key;
  if ((chain.depth === 2 && (t2 === 'paths' || t2 === 'webhooks')) || t3 === 'callbacks') return { inline: 'pathItem' };
  if (chain.depth === 2 && t2 === 'parameters') return { component: 'parameters' }; // Swagger 2.0's top-level parameters
  if (chain.depth === 2 && t2 === 'responses') return { component: 'responses' };
  if (t2 === 'parameters' && (typeof t1 === 'number' || t3 === 'components')) return { component: 'parameters' };
  if (t2 === 'responses') return { component: 'responses' };
  if (t1 === 'requestBody' || (t2 === 'requestBodies' && t3 === 'components')) return { component: 'requestBodies' };
  if (t2 === 'headers') return { component: 'headers' };
  if (t2 === 'examples') return { component: 'examples' };
  if (t2 === 'links') return { component: 'links' };
  if (t2 === 'callbacks') return { component: 'callbacks' };
  if (t2 === 'securitySchemes' && t3 === 'components') return { component: 'securitySchemes' };
  return { inline: 'other' };
}

/** The container a kind lives in: `components/KIND` in OpenAPI 3; Swagger 2.0 has three, the rest are copied in place. */
export function containerOf(kind: ComponentKind, swagger: boolean): string[] | undefined {
  if (!swagger) return ['components', kind];
  if (kind === 'schemas') return ['definitions'];
  if (kind === 'parameters') return ['parameters'];
  if (kind === 'responses') return ['responses'];
  return undefined;
}
