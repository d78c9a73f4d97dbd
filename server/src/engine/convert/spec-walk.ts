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
import { HTTP_METHODS, isObject } from '../spec-index';

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

/**
 * Calls `visit` on every specification object of an OpenAPI 3 or Swagger 2.0 document, parents before
 * children, with the keys that lead to it (a linked chain: `toPath` in bundle/kinds.ts makes it a path).
 */
export function walkSpec(root: Json, visit: (obj: Json, kind: SpecKind, at: Chain | undefined) => void): void {
  const swagger = root.swagger !== undefined && root.openapi === undefined;
  const stack: Array<[Json, SpecKind, Chain | undefined]> = [[root, 'root', undefined]];
  const push = (v: unknown, kind: SpecKind, at: Chain) => {
    if (isObject(v)) stack.push([v, kind, at]);
  };
  while (stack.length) {
    const [o, kind, at] = stack.pop()!;
    visit(o, kind, at);
    for (const [field, shape, child] of (swagger ? SWAGGER_CHILDREN[kind] : undefined) ?? CHILDREN[kind] ?? []) {
      const v = field ? o[field] : o;
      if (v === null || typeof v !== 'object') continue;
      const here = field ? chainPush(at, field) : at;
      if (shape === 'one') push(v, child, here!);
      else if (shape === 'list') {
        if (Array.isArray(v)) v.forEach((x, i) => push(x, child, chainPush(here, i)));
      } else if (isObject(v)) {
        for (const [k, x] of Object.entries(v)) if (shape === 'map' || !k.startsWith('x-')) push(x, child, chainPush(here, k));
      }
    }
  }
}
