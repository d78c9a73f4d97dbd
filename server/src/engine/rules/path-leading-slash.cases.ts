import type { RuleCase } from '../rule';

/** pathLeadingSlash's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'no leading slash (YAML, comment kept)',
    text: 'openapi: 3.0.0\npaths:\n  tickets/{id}: # one ticket\n    get: {}\n  /users: {}\n',
    expect: [{ pointer: '/paths/tickets~1{id}', message: /"tickets\/\{id\}" does not start with "\/".*It should be \/tickets\/\{id\}/, fixable: true }],
    fixed: 'openapi: 3.0.0\npaths:\n  /tickets/{id}: # one ticket\n    get: {}\n  /users: {}\n',
  },
  {
    name: 'JSON',
    text: '{\n  "swagger": "2.0",\n  "paths": {\n    "pets": {}\n  }\n}',
    expect: [{ pointer: '/paths/pets' }],
    fixed: '{\n  "swagger": "2.0",\n  "paths": {\n    "/pets": {}\n  }\n}',
  },
  {
    name: 'the slashed path exists and both have post: no fix, said so',
    text: '{"openapi":"3.0.0","paths":{"a":{"post":{}},"/a":{"post":{"summary":"x"}}}}',
    expect: [{ pointer: '/paths/a', message: /both have post, so the two paths must be merged by hand/, fixable: false }],
  },
  {
    name: 'the slashed path exists, methods apart: merged (JSON)',
    text: '{"openapi":"3.0.0","paths":{"a":{"post":{}},"/a":{"get":{}}}}',
    expect: [{ pointer: '/paths/a', message: /\/a also exists: the two path items are merged/ }],
    fixed: '{"openapi":"3.0.0","paths":{"/a":{"get":{},"post":{}}}}',
  },
  { name: 'extensions and slashed paths are fine', text: '{"openapi":"3.0.0","paths":{"/":{},"x-internal":{}}}', expect: [] },
];
