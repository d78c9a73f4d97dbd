import type { DetectorCase } from './detector';

const headers = (h: object) => ({ '200': { description: 'OK', headers: h } });

export const cases: DetectorCase[] = [
  {
    name: 'a paging response header',
    get: { responses: headers({ 'X-Pagination-Page': { schema: { type: 'integer' } } }) },
    expect: 'paging response header x-pagination-page',
  },
  {
    name: 'the header comes before the words',
    get: { summary: 'A paginated list', responses: headers({ 'X-Total-Count': { schema: { type: 'integer' } } }) },
    expect: 'paging response header x-total-count',
  },
  { name: 'the summary', get: { summary: 'Returns a paginated list of things' }, expect: 'its summary or description says it pages' },
  { name: 'the description', get: { description: 'Results come in pages of results, 50 each.' }, expect: 'its summary or description says it pages' },
  { name: 'a page is not paging', get: { summary: 'Get the landing page' }, expect: undefined },
];
