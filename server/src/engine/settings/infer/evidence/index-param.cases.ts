import type { DetectorCase } from './detector';

const q = (name: string, schema: object = { type: 'integer' }, description = '') => ({ name, in: 'query', schema, description });

export const cases: DetectorCase[] = [
  { name: 'offset', get: { parameters: [q('offset')] }, expect: 'index parameter offset' },
  { name: 'Jira startAt as a string of digits', get: { parameters: [q('startAt', { type: 'string', default: '0' })] }, expect: 'index parameter startAt' },
  {
    name: 'offset and limit both plain strings: together they page',
    get: { parameters: [q('offset', { type: 'string' }), q('limit', { type: 'string' })] },
    expect: 'index parameter offset',
  },
  { name: 'a plain-string offset alone is not a number', get: { parameters: [q('offset', { type: 'string' })] }, expect: undefined },
  { name: 'a date "from" is a filter', get: { parameters: [q('from', { type: 'string', format: 'date' })] }, expect: undefined },
  { name: 'a prefixed from is a bound', get: { parameters: [q('range.from')] }, expect: undefined },
  {
    name: "Orthanc's since, an index",
    get: { parameters: [q('since', { type: 'integer' }, 'Show only the resources since the provided index')] },
    expect: 'index parameter since',
  },
  { name: 'a since without index is a date filter', get: { parameters: [q('since', { type: 'integer' }, 'Unix time')] }, expect: undefined },
];
