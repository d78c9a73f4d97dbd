/** A page-size parameter: the most likely name first (limit before count before max). */
import type { PagingDetector } from './detector';
import { countLike, pick, SIZE_PARAMS } from './params';

export const sizeParam: PagingDetector = {
  kind: 'size-param',
  reads: 'request',
  detect(op, root) {
    for (const name of SIZE_PARAMS) {
      const p = pick(op.query, (n, p) => n === name && countLike(root, op.query, p));
      if (p) return { says: `page size parameter ${p.name}`, param: p };
    }
    return undefined;
  },
};
