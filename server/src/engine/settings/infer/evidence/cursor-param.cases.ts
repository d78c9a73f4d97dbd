import type { DetectorCase } from './detector';

const q = (name: string, schema: object = { type: 'string' }, description = '') => ({ name, in: 'query', schema, description });

export const cases: DetectorCase[] = [
  { name: 'a cursor by name', get: { parameters: [q('starting_after')] }, expect: 'cursor parameter starting_after' },
  { name: 'nested under page[]', get: { parameters: [q('page[after]')] }, expect: 'cursor parameter page[after]' },
  {
    name: 'an offset that is an opaque token',
    get: { parameters: [q('offset', { type: 'string' }, 'The token from the previous response')] },
    expect: 'cursor parameter offset',
  },
  { name: 'a cursor-named date is a filter', get: { parameters: [q('after', { type: 'string', format: 'date-time' })] }, expect: undefined },
  { name: 'a numeric nextPage is a page number, not a cursor', get: { parameters: [q('nextPage', { type: 'integer' })] }, expect: undefined },
  { name: 'a filter member is not paging', get: { parameters: [q('filter[cursor]')] }, expect: undefined },
];
