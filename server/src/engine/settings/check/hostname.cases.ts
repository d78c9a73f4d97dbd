import type { ContextCheckCase } from './context';

const spec = (url: string, variables: object) => ({ name: 'a.json', root: { openapi: '3.0.0', servers: [{ url, variables }], paths: {} } });
const tenant = spec('https://{tenant}.example.com/api', { tenant: { default: 'demo' } });

export const cases: ContextCheckCase[] = [
  { name: "the tenant's own", settings: { hostname: 'acme.example.com' }, context: { spec: tenant }, expect: [] },
  {
    name: "the spec's example tenant",
    settings: { hostname: 'demo.example.com' },
    context: { spec: tenant },
    expect: [{ code: 'settings-hostname-placeholder', path: ['hostname'], severity: 'warning', message: /"demo" is the default of \{tenant\}/ }],
  },
  { name: 'no spec: nothing to compare', settings: { hostname: 'demo.example.com' }, context: {}, expect: [] },
  {
    name: 'a region from a list may keep its default once the tenant is changed',
    settings: { hostname: 'acme.eu.example.com' },
    context: { spec: spec('https://{tenant}.{region}.example.com', { tenant: { default: 'demo' }, region: { default: 'eu', enum: ['eu', 'us'] } }) },
    expect: [],
  },
];
