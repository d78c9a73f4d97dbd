/**
 * The settings checked against the spec they describe: paginated operationIds
 * that exist, and operations that accept the parameters and return the shapes
 * the pagination settings name. A problem every paginated action shares is
 * reported once, at the settings field; one some actions have, at each action.
 */
import type { ContextCheck } from './context';
import { checkOperation, type OperationProblem } from './operation';
import type { IntegrationSettings } from '../../../../../common/settings/model';
import type { SettingsReport } from '../../../../../common/settings/findings';
import { operationModelsOf, type Obj, type OperationModel } from '../model/spec-model';

export function crossCheck(settings: IntegrationSettings, root: Obj, ops: OperationModel[] = operationModelsOf(root)): SettingsReport[] {
  const out: SettingsReport[] = [];
  const list = Array.isArray(settings.paginatedActions) ? settings.paginatedActions : [];
  const byId = new Map<string, OperationModel>();
  for (const op of ops) if (op.operationId) byId.set(op.operationId, op);
  const found: Array<{ index: number; op: OperationModel; problems: OperationProblem[] }> = [];
  const pagination = settings.pagination ?? {};
  const mappingAction = typeof settings.organizationMapping?.action === 'string' ? settings.organizationMapping.action : undefined;
  list.forEach((id, index) => {
    if (typeof id !== 'string') return;
    const op = byId.get(id);
    if (!op) {
      out.push({
        code: 'settings-operation-missing',
        path: ['paginatedActions', index],
        severity: 'error',
        message: `The spec has no operation "${id}"${didYouMean(id, byId)}: it was renamed or removed, so Rewst will have no such action to mark paginated.`,
      });
      return;
    }
    found.push({ index, op, problems: checkOperation(root, op, pagination) });
  });
  if (found.length === 0) return out;
  // Group by field and code: shared by all → at the field; else at each action.
  const keys = new Set(found.flatMap((f) => f.problems.map((p) => `${p.field}\u0000${p.code}`)));
  for (const key of keys) {
    const [field, code] = key.split('\u0000');
    const hits = found.filter((f) => f.problems.some((p) => p.field === field && p.code === code));
    const severity = code === 'settings-param-not-accepted' ? 'warning' : 'error';
    if (hits.length === found.length) {
      const first = hits[0].problems.find((p) => p.field === field)!;
      out.push({
        code: code as SettingsReport['code'],
        path: field.split('.'),
        severity,
        message: found.length === 1 ? first.message : `None of the ${found.length} paginated actions fits: ${first.message}`,
      });
    } else {
      for (const h of hits)
        for (const p of h.problems)
          if (p.field === field && p.code === code)
            out.push(
              h.op.operationId === mappingAction && p.code === 'settings-results-key'
                ? // Marked paginated for the organization mapping, it may hold its results under another key: Rewst takes one per action.
                  {
                    code: p.code,
                    path: ['paginatedActions', h.index],
                    severity: 'warning',
                    message: `${p.message} It is the organization mapping's action: in Rewst's action editor, set its own Results Key under its pagination settings.`,
                  }
                : { code: p.code, path: ['paginatedActions', h.index], severity, message: p.message },
            );
    }
  }
  return out;
}

export function didYouMean(id: string, byId: Map<string, OperationModel>): string {
  const lower = id.toLowerCase();
  for (const other of byId.keys()) if (other.toLowerCase() === lower) return ` (did you mean "${other}"?)`;
  return '';
}

export const paginatedOperations: ContextCheck = {
  id: 'paginated-operations',
  codes: ['settings-operation-missing', 'settings-results-key', 'settings-param-not-accepted', 'settings-pointer-path', 'settings-next-page-key'],
  description: 'Every paginated operationId is in the spec, and each accepts the parameters and returns the shapes the pagination settings name.',
  check(s, context, out) {
    if (context.spec?.root) out.push(...crossCheck(s, context.spec.root));
  },
};
