/** An offset parameter (Index paging): offset, start, skip... as a number, not a date. */
import type { PagingDetector } from './detector';
import { countLike, INDEX_PARAMS, isDate, isNumeric, pick } from './params';

export const indexParam: PagingDetector = {
  kind: 'index-param',
  reads: 'request',
  detect(op, root) {
    const p =
      pick(op.query, (n, p) => INDEX_PARAMS.has(n) && countLike(root, op.query, p) && !isDate(p)) ??
      // Orthanc's `since`: "Show only the resources since the provided index" (a `since` is usually a date filter).
      pick(op.query, (n, p) => n === 'since' && isNumeric(root, p) && !isDate(p) && /\b(index|offset|position)\b/i.test(p.description));
    return p && { says: `index parameter ${p.name}`, param: p };
  },
};
