import { idFromMethodAndPath, idFromSummary, uniqueId } from '../operation-ids';
import { single, type Rule } from '../rule';
import { operationNamed, writtenOnce } from '../spec-index';

export const operationIdMissing: Rule = {
  id: 'operation-id-missing',
  rewstError: 'OperationID missing in path',
  description: 'Every operation needs an operationId: Rewst names its action after it.',
  severity: 'error',
  fixAll: true,
  check({ index, report }) {
    for (const op of writtenOnce(index.operations)) {
      const id = op.operation.operationId;
      if (typeof id === 'string' && id.trim() !== '') continue;
      const blank = typeof id === 'string';
      report({
        path: blank ? [...op.path, 'operationId'] : op.path,
        target: blank ? 'value' : 'key',
        message: `Rewst will report "OperationID missing in path": ${op.method.toUpperCase()} ${op.pathKey} has ${blank ? 'a blank' : 'no'} operationId.`,
        data: { method: op.method, pathKey: op.pathKey, blank },
      });
    }
  },
  fix({ data }, { editor, index, takenOperationIds }) {
    // Where the operation is written: under a path item a `$ref` leads to, it is not under `paths`.
    const op = operationNamed(index.operations, data?.method, data?.pathKey);
    if (!op) return undefined;
    const { method, pathKey, operation, path: opPath } = op;
    const id = uniqueId(idFromSummary(operation.summary) ?? idFromMethodAndPath(method, pathKey), takenOperationIds);
    takenOperationIds.add(id);
    const title = `Add operationId "${id}"`;
    const intent = { op: 'set', path: [...opPath, 'operationId'], value: id } as const;
    if (data?.blank) return single(title, editor.replaceValue([...opPath, 'operationId'], id), intent);
    return single(title, editor.insertMember(opPath, 'operationId', id, 'summary' in operation ? { after: 'summary' } : 'start'), intent);
  },
};
