import type { DetectorCase } from './detector';

const q = (name: string, schema: object = { type: 'integer' }, description = '') => ({ name, in: 'query', schema, description });

export const cases: DetectorCase[] = [
  { name: 'page', get: { parameters: [q('page')] }, expect: 'page parameter page' },
  { name: 'ASP.NET style', get: { parameters: [q('options.pageNumber')] }, expect: 'page parameter options.pageNumber' },
  { name: 'JSON:API page[number]', get: { parameters: [q('page[number]')] }, expect: 'page parameter page[number]' },
  { name: 'a page number typed as a string', get: { parameters: [q('page', { type: 'string' })] }, expect: 'page parameter page' },
  { name: 'a page that is a token is not a page number', get: { parameters: [q('page', { type: 'string' }, 'A cursor token')] }, expect: undefined },
  { name: 'no page parameter', get: { parameters: [q('limit')] }, expect: undefined },
];
