/**
 * The organization mapping against the spec: the action exists, is a GET that returns a list, and the value and
 * label keys are fields of its items (when the spec describes them). That it is marked paginated is
 * common/settings/checks/org-mapping.ts.
 */
import type { ContextCheck } from './context';
import { didYouMean } from './cross-check';
import { describeOperation } from './operation';
import { pagingOf } from '../infer/paging';
import { itemFieldsOf } from '../infer/org-mapping';
import { operationModelsOf, type OperationModel } from '../model/spec-model';
import { isPlainObject } from '../../../../../common/settings/check';

export const orgMappingOperation: ContextCheck = {
  id: 'org-mapping-operation',
  codes: ['settings-operation-missing', 'settings-org-mapping'],
  description: "The organization mapping action is a list operation of the spec, and its value and label keys are fields of the list's items.",
  check(s, context, out) {
    const root = context.spec?.root;
    const m = s.organizationMapping as unknown;
    if (!root || !isPlainObject(m) || typeof m.action !== 'string' || m.action === '') return;
    const id = m.action;
    const byId = new Map<string, OperationModel>();
    for (const op of operationModelsOf(root)) if (op.operationId) byId.set(op.operationId, op);
    const op = byId.get(id);
    const at = ['organizationMapping', 'action'];
    if (!op)
      return void out.push({
        code: 'settings-operation-missing',
        path: at,
        severity: 'error',
        message: `The spec has no operation "${id}"${didYouMean(id, byId)}: Rewst will have no such action to read the organization mapping from.`,
      });
    const paging = op.method === 'get' ? pagingOf(root, op) : undefined;
    if (!paging?.isList)
      return void out.push({
        code: 'settings-org-mapping',
        path: at,
        severity: 'error',
        message: `${describeOperation(op)} ${op.method === 'get' ? 'does not return a list' : 'is not a GET'}: the organization mapping reads its drop-down from a list action's items.`,
      });
    const fields = itemFieldsOf(root, paging);
    if (!fields.length) return; // the items are not described: nothing to check the keys against
    for (const key of ['valueKey', 'labelKey'] as const) {
      const v = m[key];
      if (typeof v === 'string' && v !== '' && !fields.includes(v))
        out.push({
          code: 'settings-org-mapping',
          path: ['organizationMapping', key],
          severity: 'warning',
          message: `"${v}" is not a field of the items of ${describeOperation(op)} (its fields: ${fields.slice(0, 10).join(', ')}${fields.length > 10 ? ', …' : ''}).`,
        });
    }
  },
};
