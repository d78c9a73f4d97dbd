import { idFromMethodAndPath, uniqueId } from '../operation-ids';
import { single, type Rule } from '../rule';
import { operationNamed, writtenOnce, type OperationRef } from '../spec-index';

export const operationIdDuplicate: Rule = {
  id: 'operation-id-duplicate',
  rewstError: 'OperationID missing in path (operation IDs must be unique)',
  description: 'Each operationId must be used by one operation only.',
  severity: 'error',
  fixAll: true,
  check({ index, report }) {
    const byId = new Map<string, OperationRef[]>();
    for (const op of writtenOnce(index.operations)) {
      const id = op.operation.operationId;
      if (typeof id !== 'string' || id.trim() === '') continue;
      const list = byId.get(id);
      if (list) list.push(op);
      else byId.set(id, [op]);
    }
    for (const [id, ops] of byId) {
      if (ops.length < 2) continue;
      ops.forEach((op, i) => {
        const others = ops.filter((o) => o !== op);
        report({
          path: [...op.path, 'operationId'],
          target: 'value',
          message: `Rewst needs unique operation IDs: "${id}" is used by ${ops.length} operations (also ${others.map((o) => `${o.method.toUpperCase()} ${o.pathKey}`).join(', ')}).`,
          data: { method: op.method, pathKey: op.pathKey, operationId: id, occurrence: i },
          related: others.map((o) => ({
            path: [...o.path, 'operationId'],
            target: 'value' as const,
            message: `"${id}" is also used by ${o.method.toUpperCase()} ${o.pathKey}`,
          })),
        });
      });
    }
  },
  fix({ data }, { editor, index, takenOperationIds, batch }) {
    // In a batch the first occurrence keeps its id and the others change.
    if (batch && data?.occurrence === 0) return undefined;
    const op = operationNamed(index.operations, data?.method, data?.pathKey);
    if (!op) return undefined;
    const id = uniqueId(idFromMethodAndPath(op.method, op.pathKey), takenOperationIds);
    takenOperationIds.add(id);
    const path = [...op.path, 'operationId'];
    return single(`Rename operationId to "${id}"`, editor.replaceValue(path, id), { op: 'set', path, value: id });
  },
};
