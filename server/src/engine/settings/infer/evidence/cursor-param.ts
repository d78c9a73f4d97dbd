/** A cursor parameter (Pointer paging): by name, or an offset or page that is an opaque token (Stripe's search `page`, ClickMeter's `offset`). */
import type { PagingDetector } from './detector';
import { INDEX_PARAMS, isDate, isNumeric, PAGE_PARAMS, pick, tokenLike } from './params';

const POINTER_PARAMS = new Set([
  'cursor',
  'after',
  'startingafter',
  'startafter',
  'nexttoken',
  'pagetoken',
  'nextpagetoken',
  'continuationtoken',
  'continuation',
  'marker',
  'startcursor',
  'pagecursor',
  'pageafter',
  'skiptoken',
  'nextcursor',
  'searchafter',
  'pagingtoken',
  'batchtoken',
  'paginationtoken',
  'startingtoken',
  'iterator',
  'nextpage',
  'nextkey',
]);

export const cursorParam: PagingDetector = {
  kind: 'cursor-param',
  reads: 'request',
  detect(op, root) {
    const p =
      pick(op.query, (n, p) => POINTER_PARAMS.has(n) && !isDate(p) && !(n === 'nextpage' && isNumeric(root, p))) ??
      pick(op.query, (n, p) => (INDEX_PARAMS.has(n) || PAGE_PARAMS.has(n)) && !isNumeric(root, p) && tokenLike(p));
    return p && { says: `cursor parameter ${p.name}`, param: p };
  },
};
