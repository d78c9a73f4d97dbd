import type { RuleCase } from '../rule';

/** pathTrailingSlash's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'trailing slash (YAML, quoted key keeps its quotes)',
    text: "openapi: 3.0.0\npaths:\n  '/users/':\n    get: {}\n  /: {}\n",
    expect: [{ pointer: '/paths/~1users~1', message: /\/users\/ should be \/users/, fixable: true }],
    fixed: "openapi: 3.0.0\npaths:\n  '/users':\n    get: {}\n  /: {}\n",
  },
  {
    name: 'JSON',
    text: '{\n  "swagger": "2.0",\n  "paths": {\n    "/a/{id}/": {}\n  }\n}',
    expect: [{ pointer: '/paths/~1a~1{id}~1' }],
    fixed: '{\n  "swagger": "2.0",\n  "paths": {\n    "/a/{id}": {}\n  }\n}',
  },
  {
    name: 'stripped path exists: no fix, said so',
    text: '{"openapi":"3.0.0","paths":{"/a/":{},"/a":{}}}',
    expect: [{ pointer: '/paths/~1a~1', message: /merged by hand/, fixable: false }],
  },
  { name: 'root path is fine', text: '{"openapi":"3.0.0","paths":{"/":{}}}', expect: [] },
];
