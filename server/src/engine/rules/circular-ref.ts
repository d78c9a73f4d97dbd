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
};
