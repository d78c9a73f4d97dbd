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
  cases: [
    {
      name: 'two operations share an id (YAML)',
      text: "openapi: 3.0.0\npaths:\n  /users:\n    get:\n      operationId: list\n  /groups:\n    get:\n      operationId: 'list' # keep me\n",
      expect: [
        { pointer: '/paths/~1users/get/operationId', message: /"list" is used by 2 operations \(also GET \/groups\)/ },
        { pointer: '/paths/~1groups/get/operationId' },
      ],
      fixed: "openapi: 3.0.0\npaths:\n  /users:\n    get:\n      operationId: getUsers\n  /groups:\n    get:\n      operationId: 'list' # keep me\n",
    },
    {
      name: 'JSON, renamed id avoids existing ones',
      text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"x"},"put":{"operationId":"getA"}},"/b":{"get":{"operationId":"x"}}}}',
      expect: [{ pointer: '/paths/~1a/get/operationId' }, { pointer: '/paths/~1b/get/operationId' }],
      fixed: '{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"getA2"},"put":{"operationId":"getA"}},"/b":{"get":{"operationId":"x"}}}}',
    },
    {
      name: 'one read through a $ref path item: renamed where it is written',
      text: 'openapi: 3.1.0\ncomponents:\n  pathItems:\n    B:\n      get:\n        operationId: x\npaths:\n  /a:\n    get:\n      operationId: x\n  /b:\n    $ref: "#/components/pathItems/B"\n',
      expect: [{ pointer: '/components/pathItems/B/get/operationId', message: /also GET \/a/ }, { pointer: '/paths/~1a/get/operationId' }],
      fixed:
        'openapi: 3.1.0\ncomponents:\n  pathItems:\n    B:\n      get:\n        operationId: getB\npaths:\n  /a:\n    get:\n      operationId: x\n  /b:\n    $ref: "#/components/pathItems/B"\n',
    },
    { name: 'unique ids', text: '{"openapi":"3.0.0","paths":{"/a":{"get":{"operationId":"a"},"put":{"operationId":"b"}}}}', expect: [] },
  ],
};
