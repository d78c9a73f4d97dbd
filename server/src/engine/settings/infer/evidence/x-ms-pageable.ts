/** Azure's `x-ms-pageable` extension: the results (itemName) and next link (nextLinkName) it names. */
import { isObject } from '../../../spec-index';
import { operationObject } from '../../model/spec-model';
import type { PagingDetector } from './detector';

export const xMsPageable: PagingDetector = {
  kind: 'x-ms-pageable',
  reads: 'response',
  detect(op, root) {
    const xms = operationObject(root, op)?.['x-ms-pageable'];
    return isObject(xms) ? { says: 'x-ms-pageable', value: xms } : undefined;
  },
};
