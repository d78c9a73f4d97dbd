import type { DetectorCase } from './detector';

const q = (name: string, schema: object = { type: 'integer' }) => ({ name, in: 'query', schema });

export const cases: DetectorCase[] = [
  { name: 'limit', get: { parameters: [q('limit')] }, expect: 'page size parameter limit' },
  { name: 'the most likely name wins, whatever the order', get: { parameters: [q('count'), q('per_page')] }, expect: 'page size parameter per_page' },
  { name: 'OData $top', get: { parameters: [q('$top')] }, expect: 'page size parameter $top' },
  { name: 'page[size]', get: { parameters: [q('page[size]')] }, expect: 'page size parameter page[size]' },
  { name: 'a string limit without an offset is no number', get: { parameters: [q('limit', { type: 'string' })] }, expect: undefined },
  { name: 'a filter member', get: { parameters: [q('filter[limit]')] }, expect: undefined },
];
