/** A page-number parameter (Page paging); one typed as a string is still a page number, unless it is described as a token. */
import { typesOf } from '../../model/spec-model';
import type { PagingDetector } from './detector';
import { isDate, isNumeric, PAGE_PARAMS, pick, tokenLike } from './params';

export const pageParam: PagingDetector = {
  kind: 'page-param',
  reads: 'request',
  detect(op, root) {
    const p = pick(op.query, (n, p) => PAGE_PARAMS.has(n) && (isNumeric(root, p) || (typesOf(root, p.schema).has('string') && !tokenLike(p) && !isDate(p))));
    return p && { says: `page parameter ${p.name}`, param: p };
  },
};
