import { single, type Rule } from '../rule';
import { findCycles } from '../ref-graph';
import { getAt } from '../pointer';
import { isObject } from '../spec-index';

export const circularRef: Rule = {
  id: 'circular-ref',
  rewstError: 'Circular reference detected',
  description: 'A schema must not reach itself through $refs.',
  severity: 'error',
  fixAll: true,
  check({ index, report }) {
    for (const cycle of findCycles(index.refs)) {
      report({
        path: [...cycle.refPath, '$ref'],
        target: 'value',
        message: `Rewst will report "Circular reference detected": ${cycle.chain.join(' → ')}.`,
        data: { refPath: cycle.refPath, chain: cycle.chain, breaks: cycle.breaks },
      });
    }
  },
  fix({ data }, { editor, root, batch }) {
    // In a batch only the references that a depth-first search finds closing a cycle go:
    // removing those is enough to break every cycle, and keeps the rest of the schema.
    if (batch && !data?.breaks) return undefined;
    const refPath = data?.refPath as Array<string | number> | undefined;
    if (!Array.isArray(refPath)) return undefined;
    const holder = getAt(root, refPath);
    if (!isObject(holder)) return undefined;
    const title = `Remove the circular $ref to ${String(holder.$ref)}`;
    const onlyRef = Object.keys(holder).length === 1;
    return onlyRef
      ? single(title, editor.replaceValue(refPath, {}), { op: 'set', path: refPath, value: {} })
      : single(title, editor.removeMember(refPath, '$ref'), { op: 'delete', path: [...refPath, '$ref'] });
  },
  cases: [
    {
      name: "Rewst's example: an array whose items refer to its own schema (YAML)",
      text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Folder:\n      type: array\n      items:\n        $ref: "#/components/schemas/Folder"\n',
      expect: [{ pointer: '/components/schemas/Folder/items/$ref', message: /#\/components\/schemas\/Folder → #\/components\/schemas\/Folder/ }],
      fixed: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Folder:\n      type: array\n      items: {}\n',
    },
    {
      name: 'chain A → B → A (JSON)',
      text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"b":{"$ref":"#/components/schemas/B"}}},"B":{"properties":{"a":{"$ref":"#/components/schemas/A","description":"back"}}}}}}',
      expect: [
        { pointer: '/components/schemas/A/properties/b/$ref', message: /A → #\/components\/schemas\/B → #\/components\/schemas\/A/ },
        { pointer: '/components/schemas/B/properties/a/$ref' },
      ],
      fixed:
        '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"b":{}}},"B":{"properties":{"a":{"$ref":"#/components/schemas/A","description":"back"}}}}}}',
    },
    {
      name: 'Swagger 2.0 definitions and an inline schema',
      text: 'swagger: "2.0"\ndefinitions:\n  Node:\n    properties:\n      children:\n        type: array\n        items:\n          $ref: "#/definitions/Node"\n          description: a child\n',
      expect: [{ pointer: '/definitions/Node/properties/children/items/$ref' }],
      fixed: 'swagger: "2.0"\ndefinitions:\n  Node:\n    properties:\n      children:\n        type: array\n        items:\n          description: a child\n',
    },
    {
      name: 'shared but acyclic refs are fine',
      text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"properties":{"b":{"$ref":"#/components/schemas/B"},"c":{"$ref":"#/components/schemas/B"}}},"B":{"type":"string"}}}}',
      expect: [],
    },
  ],
};
