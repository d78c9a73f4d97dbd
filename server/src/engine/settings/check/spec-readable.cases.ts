import type { ContextCheckCase } from './context';

export const cases: ContextCheckCase[] = [
  { name: 'a parsed spec', settings: {}, context: { spec: { name: 'a.json', root: { openapi: '3.0.0', paths: {} } } }, expect: [] },
  {
    name: 'named, and broken',
    settings: { spec: 'a.json' },
    context: { spec: { name: 'a.json', problem: 'The spec a.json does not parse.' } },
    expect: [{ code: 'settings-spec', path: ['spec'], severity: 'warning', message: /does not parse\. The settings cannot be checked against the spec\./ }],
  },
  {
    name: 'beside it, missing: at the file',
    settings: {},
    context: { spec: { name: 'a.json', problem: 'No spec found.' } },
    expect: [{ code: 'settings-spec', path: [] }],
  },
];
