/** The pagination keys and paths as Rewst reads them. */
import type { SettingsCheck } from '../check';
import { FIELDS_BY_KEY } from '../fields';
import { parseJsonPath } from '../json-path';

export const paginationPaths: SettingsCheck = {
  id: 'pagination-paths',
  codes: ['settings-required', 'settings-type'],
  description: 'Index paging has a page size parameter; the pointer is a valid JSONPath; the results and next page keys are dotted paths.',
  check(s, out) {
    const p = s.pagination;
    // Index moves by the page size: if Rewst cannot set it, the API's own default must match.
    if (p?.type === 'index' && !p.pageSizeParam)
      out.push({
        code: 'settings-required',
        path: ['pagination', 'pageSizeParam'],
        target: 'key',
        severity: 'warning',
        message:
          'Index paging moves the index by Default Page Size: without a Page Size Param the API uses its own page size, and if that differs, items are skipped or repeated.',
      });
    if (typeof p?.pointerJsonPath === 'string' && p.pointerJsonPath.trim()) {
      const parsed = parseJsonPath(p.pointerJsonPath);
      if ('error' in parsed)
        out.push({
          code: 'settings-type',
          path: ['pagination', 'pointerJsonPath'],
          severity: 'error',
          message: `Pointer JSONPath is not valid: ${parsed.error}.`,
        });
    }
    for (const key of ['resultsKey', 'nextPageKey'] as const) {
      const v = p?.[key];
      if (typeof v === 'string' && /^\$|[[\]]/.test(v.trim()))
        out.push({
          code: 'settings-type',
          path: ['pagination', key],
          severity: 'error',
          message: `${FIELDS_BY_KEY.get(`pagination.${key}`)!.label} is a dotted path like results or results.foo, not a JSONPath.`,
        });
    }
  },
};
