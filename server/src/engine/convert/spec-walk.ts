/**
 * Every object of an OpenAPI 3 document that the specification defines (root,
 * info, path items, operations, parameters, media types, schemas, ...), each
 * with its kind. Maps of names (`properties`, `headers`, `components.schemas`,
 * `content`, ...) are walked through but never visited themselves, and data
 * (`example`, `default`, `enum`, `const`, an extension's value) is never entered:
 * so a key `x-rate-limit` in `headers` or a property named `example` is a name,
 * never mistaken for an extension or a keyword. Iterative: nesting depth cannot
 * overflow the stack.
 */
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

/** Calls `visit` on every specification object of an OpenAPI 3 document, parents before children. */
export function walkSpec(root: Json, visit: (obj: Json, kind: SpecKind) => void): void {
  const stack: Array<[unknown, SpecKind]> = [[root, 'root']];
  const push = (v: unknown, kind: SpecKind) => {
    if (isObject(v)) stack.push([v, kind]);
  };
  const each = (v: unknown, kind: SpecKind) => {
    if (Array.isArray(v)) for (const x of v) push(x, kind);
  };
  /** A map of names: every value is one object of `kind`. */
  const values = (v: unknown, kind: SpecKind) => {
    if (isObject(v)) for (const x of Object.values(v)) push(x, kind);
  };
  /** A map whose keys are names or expressions, and whose `x-` keys are extensions (paths, responses, callbacks). */
  const keyed = (v: Json, kind: SpecKind) => {
    for (const [k, x] of Object.entries(v)) if (!k.startsWith('x-')) push(x, kind);
  };
  while (stack.length) {
    const [v, kind] = stack.pop()!;
    const o = v as Json;
    visit(o, kind);
    switch (kind) {
      case 'root':
        push(o.info, 'info');
        each(o.servers, 'server');
        each(o.tags, 'tag');
        push(o.externalDocs, 'other');
        push(o.paths, 'paths');
        values(o.webhooks, 'pathItem');
        push(o.components, 'components');
        break;
      case 'info':
        push(o.contact, 'other');
        push(o.license, 'other');
        break;
      case 'server':
        values(o.variables, 'other');
        break;
      case 'tag':
        push(o.externalDocs, 'other');
        break;
      case 'paths':
        keyed(o, 'pathItem');
        break;
      case 'pathItem':
        each(o.servers, 'server');
        each(o.parameters, 'parameter');
        for (const m of HTTP_METHODS) push(o[m], 'operation');
        break;
      case 'operation':
        push(o.externalDocs, 'other');
        each(o.parameters, 'parameter');
        push(o.requestBody, 'requestBody');
        push(o.responses, 'responses');
        values(o.callbacks, 'callback');
        each(o.servers, 'server');
        break;
      case 'responses':
        keyed(o, 'response');
        break;
      case 'callback':
        keyed(o, 'pathItem');
        break;
      case 'parameter':
      case 'header':
        push(o.schema, 'schema');
        values(o.content, 'mediaType');
        values(o.examples, 'example');
        break;
      case 'requestBody':
        values(o.content, 'mediaType');
        break;
      case 'response':
        values(o.headers, 'header');
        values(o.content, 'mediaType');
        values(o.links, 'link');
        break;
      case 'mediaType':
        push(o.schema, 'schema');
        values(o.examples, 'example');
        values(o.encoding, 'encoding');
        break;
      case 'encoding':
        values(o.headers, 'header');
        break;
      case 'link':
        push(o.server, 'server');
        break;
      case 'securityScheme':
        if (isObject(o.flows)) {
          push(o.flows, 'other');
          values(o.flows, 'other');
        }
        break;
      case 'schema':
        for (const k of SUBSCHEMA) if (!Array.isArray(o[k])) push(o[k], 'schema');
        for (const k of SUBSCHEMA_LISTS) each(o[k], 'schema');
        for (const k of SUBSCHEMA_MAPS) values(o[k], 'schema');
        push(o.discriminator, 'other');
        push(o.xml, 'other');
        push(o.externalDocs, 'other');
        break;
      case 'components':
        for (const [section, entryKind] of Object.entries(COMPONENT_KINDS)) values(o[section], entryKind);
        break;
      default:
        break;
    }
  }
}
