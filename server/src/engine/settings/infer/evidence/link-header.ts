/** A `Link` response header (Link paging, the next link in a header). */
import type { PagingDetector } from './detector';

export const linkHeader: PagingDetector = {
  kind: 'link-header',
  reads: 'response',
  detect: (op) => (op.responseHeaders.includes('link') ? { says: 'Link response header' } : undefined),
};
