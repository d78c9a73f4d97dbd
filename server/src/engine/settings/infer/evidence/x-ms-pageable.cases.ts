import type { DetectorCase } from './detector';

export const cases: DetectorCase[] = [
  { name: 'the extension', get: { 'x-ms-pageable': { nextLinkName: 'nextLink' } }, expect: 'x-ms-pageable' },
  { name: 'an empty one still says it pages', get: { 'x-ms-pageable': {} }, expect: 'x-ms-pageable' },
  { name: 'null is not the extension', get: { 'x-ms-pageable': null }, expect: undefined },
  { name: 'none', get: {}, expect: undefined },
];
