import type { DetectorCase } from './detector';

export const cases: DetectorCase[] = [
  {
    name: "HaloPSA's pageinate",
    get: { parameters: [{ name: 'pageinate', in: 'query', schema: { type: 'boolean' } }] },
    expect: 'paging switch parameter pageinate',
  },
  { name: 'a paginate that is not a boolean', get: { parameters: [{ name: 'paginate', in: 'query', schema: { type: 'string' } }] }, expect: undefined },
  { name: 'another boolean', get: { parameters: [{ name: 'verbose', in: 'query', schema: { type: 'boolean' } }] }, expect: undefined },
];
