/**
 * The operation says it pages without saying how: a paging response header
 * (Trakt's X-Pagination-Page, X-Total-Count: one page of several, not which
 * parameter asks for the next), else its summary or description.
 */
import { operationObject } from '../../model/spec-model';
import type { PagingDetector } from './detector';

const PAGING_HEADER = /^x-(pagination|page|per-page|total-count|total-pages|next-page|next-cursor|has-more)/;
const PAGED_TEXT = /\b(paginated|paged|pageable|paginates|pagination)\b|\bpages? of (results|items|records)\b/i;

export const saysPaged: PagingDetector = {
  kind: 'says-paged',
  reads: 'hint',
  detect(op, root) {
    const header = op.responseHeaders.find((h) => PAGING_HEADER.test(h));
    if (header) return { says: `paging response header ${header}` };
    const description = operationObject(root, op)?.description;
    const text = `${op.summary} ${typeof description === 'string' ? description.slice(0, 2000) : ''}`;
    return PAGED_TEXT.test(text) ? { says: 'its summary or description says it pages' } : undefined;
  },
};
