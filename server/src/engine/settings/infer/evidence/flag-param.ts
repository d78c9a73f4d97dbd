/** A boolean that switches paging on (HaloPSA's `pageinate`). */
import { typesOf } from '../../model/spec-model';
import type { PagingDetector } from './detector';
import { pick } from './params';

const FLAG_PARAMS = new Set(['paginate', 'pageinate', 'paginated', 'paged', 'paging', 'usepaging', 'pagination', 'enablepaging']);

export const flagParam: PagingDetector = {
  kind: 'flag-param',
  reads: 'request',
  detect(op, root) {
    const p = pick(op.query, (n, p) => FLAG_PARAMS.has(n) && typesOf(root, p.schema).has('boolean'));
    return p && { says: `paging switch parameter ${p.name}`, param: p };
  },
};
