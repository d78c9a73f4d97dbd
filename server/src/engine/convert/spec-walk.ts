/**
 * Every object of an OpenAPI 3 document that the specification defines (root,
 * info, path items, operations, parameters, media types, schemas, ...), each
 * with its kind. Maps of names (`properties`, `headers`, `components.schemas`,
 * `content`, ...) are walked through but never visited themselves, and data
 * (`example`, `default`, `enum`, `const`, an extension's value) is never entered:
 * so a key `x-rate-limit` in `headers` or a property named `example` is a name,
 * never mistaken for an extension or a keyword. Iterative: nesting depth cannot
 * overflow the stack. A Swagger 2.0 document is walked by its own shape
 * (`definitions`, top-level `parameters` and `responses`, a response's `schema`).
 */
import { push as chainPush, type Chain } from '../bundle/kinds';
import { HTTP_METHODS } from '../spec-index';

export type Json = Record<string, unknown>;

export type SpecKind =
  | 'root'
  | 'info'
  | 'other'
  | 'server'
  | 'tag'
  | 'paths'
  | 'pathItem'
  | 'operation'
  | 'parameter'
  | 'requestBody'
  | 'mediaType'
  | 'encoding'
  | 'responses'
  | 'response'
  | 'callback'
  | 'header'
  | 'schema'
  | 'example'
  | 'link'
  | 'securityScheme'
  | 'components';

/** Schema keywords whose value is one schema, a list of schemas, or a map of names to schemas. */
const SUBSCHEMA = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentSchema',
];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** components.<section> → the kind of each entry. */
const COMPONENT_KINDS: Record<string, SpecKind> = {
  schemas: 'schema',
  responses: 'response',
  parameters: 'parameter',
  examples: 'example',
  requestBodies: 'requestBody',
  headers: 'header',
  securitySchemes: 'securityScheme',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'pathItem',
};

/** How a field holds its children: one object, a list, a map of names, or (field '') the object itself is a map whose `x-` keys are extensions. */
type Shape = 'one' | 'list' | 'map' | 'keyed';
type Child = readonly [field: string, shape: Shape, kind: SpecKind];

const one = (field: string, kind: SpecKind): Child => [field, 'one', kind];
const list = (field: string, kind: SpecKind): Child => [field, 'list', kind];
const map = (field: string, kind: SpecKind): Child => [field, 'map', kind];
const keyed = (kind: SpecKind): Child => ['', 'keyed', kind];

const PARAMETER_LIKE: readonly Child[] = [one('schema', 'schema'), map('content', 'mediaType'), map('examples', 'example')];

/** The specification's object graph: for each kind, where its child objects are and what they are. */
const CHILDREN: Partial<Record<SpecKind, readonly Child[]>> = {
  root: [
    one('info', 'info'),
    list('servers', 'server'),
    list('tags', 'tag'),
    one('externalDocs', 'other'),
    one('paths', 'paths'),
    map('webhooks', 'pathItem'),
    one('components', 'components'),
  ],
  info: [one('contact', 'other'), one('license', 'other')],
  server: [map('variables', 'other')],
  tag: [one('externalDocs', 'other')],
  paths: [keyed('pathItem')],
  pathItem: [list('servers', 'server'), list('parameters', 'parameter'), ...HTTP_METHODS.map((m) => one(m, 'operation'))],
  operation: [
    one('externalDocs', 'other'),
    list('parameters', 'parameter'),
    one('requestBody', 'requestBody'),
    one('responses', 'responses'),
    map('callbacks', 'callback'),
    list('servers', 'server'),
  ],
  responses: [keyed('response')],
  callback: [keyed('pathItem')],
  parameter: PARAMETER_LIKE,
  header: PARAMETER_LIKE,
  requestBody: [map('content', 'mediaType')],
  response: [map('headers', 'header'), map('content', 'mediaType'), map('links', 'link')],
  mediaType: [one('schema', 'schema'), map('examples', 'example'), map('encoding', 'encoding')],
  encoding: [map('headers', 'header')],
  link: [one('server', 'server')],
  securityScheme: [one('flows', 'other'), map('flows', 'other')],
  schema: [
    ...SUBSCHEMA.map((k) => one(k, 'schema')),
    ...SUBSCHEMA_LISTS.map((k) => list(k, 'schema')),
    ...SUBSCHEMA_MAPS.map((k) => map(k, 'schema')),
    one('discriminator', 'other'),
    one('xml', 'other'),
    one('externalDocs', 'other'),
  ],
  components: Object.entries(COMPONENT_KINDS).map(([section, kind]) => map(section, kind)),
};

/** Where Swagger 2.0 differs: its root holds definitions, parameters and responses; a response holds its schema. */
const SWAGGER_CHILDREN: Partial<Record<SpecKind, readonly Child[]>> = {
  root: [
    one('info', 'info'),
    list('tags', 'tag'),
    one('externalDocs', 'other'),
    one('paths', 'paths'),
    map('definitions', 'schema'),
    map('parameters', 'parameter'),
    map('responses', 'response'),
    map('securityDefinitions', 'securityScheme'),
  ],
  response: [one('schema', 'schema'), map('headers', 'header')],
  parameter: [one('schema', 'schema')],
  header: [],
};

/** A kind's children by field, and the kind of its own members when it is a map of names ('keyed'). */
interface Plan {
  fields: Map<string, Array<readonly [Shape, SpecKind]>>;
  keyed?: SpecKind;
}

function plans(table: Partial<Record<SpecKind, readonly Child[]>>, base?: Map<SpecKind, Plan>): Map<SpecKind, Plan> {
  const out = new Map<SpecKind, Plan>(base);
  for (const [kind, children] of Object.entries(table) as Array<[SpecKind, readonly Child[]]>) {
    const plan: Plan = { fields: new Map() };
    for (const [field, shape, child] of children) {
      if (shape === 'keyed') plan.keyed = child;
      else plan.fields.set(field, [...(plan.fields.get(field) ?? []), [shape, child]]);
    }
    out.set(kind, plan);
  }
  return out;
}

const OPENAPI_PLANS = plans(CHILDREN);
const SWAGGER_PLANS = plans(SWAGGER_CHILDREN, OPENAPI_PLANS);

/**
 * Calls `visit` on every specification object of an OpenAPI 3 or Swagger 2.0 document, parents before
 * children, with the keys that lead to it (a linked chain: `toPath` in bundle/kinds.ts makes it a path).
 * Each object's own keys are looked up in its kind's plan, so a schema costs its few members, not a
 * test of every field a schema may have.
 */
export function walkSpec(root: Json, visit: (obj: Json, kind: SpecKind, at: Chain | undefined) => void): void {
  const table = root.swagger !== undefined && root.openapi === undefined ? SWAGGER_PLANS : OPENAPI_PLANS;
  const objs: Json[] = [root];
  const kinds: SpecKind[] = ['root'];
  const chains: Array<Chain | undefined> = [undefined];
  const push = (v: unknown, kind: SpecKind, at: Chain) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      objs.push(v as Json);
      kinds.push(kind);
      chains.push(at);
    }
  };
  while (objs.length) {
    const o = objs.pop()!;
    const kind = kinds.pop()!;
    const at = chains.pop();
    visit(o, kind, at);
    const plan = table.get(kind);
    if (!plan) continue;
    for (const k in o) {
      const v = o[k];
      if (v === null || typeof v !== 'object') continue;
      if (plan.keyed && !k.startsWith('x-')) push(v, plan.keyed, chainPush(at, k));
      const children = plan.fields.get(k);
      if (!children) continue;
      for (const [shape, child] of children) {
        if (shape === 'one') {
          if (!Array.isArray(v)) push(v, child, chainPush(at, k));
        } else if (shape === 'list') {
          if (Array.isArray(v)) {
            const here = chainPush(at, k);
            for (let i = 0; i < v.length; i++) push(v[i], child, chainPush(here, i));
          }
        } else if (!Array.isArray(v)) {
          const here = chainPush(at, k);
          for (const name in v) push((v as Json)[name], child, chainPush(here, name));
        }
      }
    }
  }
}

export interface SchemaAt {
  schema: Json;
  at: Chain | undefined;
}

const schemaLists = new WeakMap<Json, SchemaAt[]>();

/** Every schema of a document with the keys that lead to it, in walk order; one walk per parsed document, shared by the rules that read schemas. */
export function schemasOf(root: Json): readonly SchemaAt[] {
  let list = schemaLists.get(root);
  if (!list) {
    const found: SchemaAt[] = [];
    walkSpec(root, (schema, kind, at) => {
      if (kind === 'schema') found.push({ schema, at });
    });
    schemaLists.set(root, (list = found));
  }
  return list;
}
