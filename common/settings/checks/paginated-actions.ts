/** The paginated actions list: operationIds, none twice; pagination on when actions are listed, and the other way round. */
import type { SettingsCheck } from '../check';
import type { JsonPath, SettingsReport } from '../findings';

export const paginatedActions: SettingsCheck = {
  id: 'paginated-actions',
  codes: ['settings-type', 'settings-unused', 'settings-not-paginated'],
  description: 'paginatedActions is a list of distinct operationIds, set when (and only when) a pagination type is chosen.',
  check(s, out) {
    const list = s.paginatedActions as unknown;
    if (list === undefined) {
      if (s.pagination?.type && s.pagination.type !== 'none') out.push(notPaginated(['pagination', 'type']));
      return;
    }
    if (!Array.isArray(list))
      return void out.push({
        code: 'settings-type',
        path: ['paginatedActions'],
        severity: 'error',
        message: 'paginatedActions must be a list of operationIds.',
      });
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (typeof id !== 'string')
        out.push({ code: 'settings-type', path: ['paginatedActions', i], severity: 'error', message: 'Each paginated action is an operationId (a string).' });
      else if (seen.has(id)) out.push({ code: 'settings-type', path: ['paginatedActions', i], severity: 'warning', message: `"${id}" is listed twice.` });
      else seen.add(id);
    });
    const type = s.pagination?.type;
    if ((!type || type === 'none') && list.length)
      out.push({
        code: 'settings-unused',
        path: ['paginatedActions'],
        target: 'key',
        severity: 'warning',
        message: `${list.length} action(s) are listed as paginated but the pagination type is ${type ? 'No pagination' : 'not chosen'}: Rewst will not page them.`,
      });
    if (type && type !== 'none' && list.length === 0) out.push(notPaginated(['paginatedActions']));
  },
};

function notPaginated(path: JsonPath): SettingsReport {
  return {
    code: 'settings-not-paginated',
    path,
    target: 'key',
    severity: 'information',
    message:
      'No action is marked paginated: Rewst shows the organization mapping only when the integration has a paginated action. Mark the list operations to page.',
  };
}
