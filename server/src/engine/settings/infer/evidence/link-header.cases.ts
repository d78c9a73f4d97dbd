import type { DetectorCase } from './detector';

const headers = (h: object) => ({ responses: { '200': { description: 'OK', headers: h } } });

export const cases: DetectorCase[] = [
  { name: 'Link', get: headers({ Link: { schema: { type: 'string' } } }), expect: 'Link response header' },
  { name: 'lower case', get: headers({ link: { schema: { type: 'string' } } }), expect: 'Link response header' },
  { name: 'another header', get: headers({ 'X-Rate-Limit': { schema: { type: 'integer' } } }), expect: undefined },
];
