import type { RuleCase } from '../rule';

/** infoDescription's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  { name: 'present', text: 'openapi: 3.0.3\ninfo:\n  title: Pets\n  description: All pets\n  version: "1"\npaths: {}\n', expect: [] },
  {
    name: 'missing (YAML), fix keeps comments',
    text: 'openapi: 3.0.3\ninfo:\n  title: Pets # the name\n  version: "1"\npaths: {}\n',
    expect: [{ pointer: '/info', message: /Description missing.*missing/ }],
    fixed: 'openapi: 3.0.3\ninfo:\n  title: Pets # the name\n  description: Pets API\n  version: "1"\npaths: {}\n',
  },
  {
    name: 'blank (JSON)',
    text: '{\n  "openapi": "3.0.3",\n  "info": {\n    "title": "Pets API",\n    "description": "  ",\n    "version": "1"\n  },\n  "paths": {}\n}\n',
    expect: [{ pointer: '/info/description', message: /blank/ }],
    fixed: '{\n  "openapi": "3.0.3",\n  "info": {\n    "title": "Pets API",\n    "description": "Pets API",\n    "version": "1"\n  },\n  "paths": {}\n}\n',
  },
  {
    name: 'missing (JSON, minified)',
    text: '{"swagger":"2.0","info":{"title":"Pets","version":"1"},"paths":{}}',
    expect: [{ pointer: '/info' }],
    fixed: '{"swagger":"2.0","info":{"title":"Pets","description":"Pets API","version":"1"},"paths":{}}',
  },
  { name: 'no info at all', text: '{"openapi":"3.1.0","paths":{}}', expect: [{ pointer: '/openapi', message: /no info object/, fixable: false }] },
];
