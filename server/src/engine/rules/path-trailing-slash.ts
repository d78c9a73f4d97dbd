import type { Rule } from '../rule';
import { renamePathKey, reportPathKeys } from './path-key';

function strip(pathKey: string): string {
  return pathKey.replace(/\/+$/, '') || '/';
}

export const pathTrailingSlash: Rule = {
  id: 'path-trailing-slash',
  rewstError: 'Path must not end with a slash',
  description: 'A path other than "/" must not end with "/".',
  severity: 'error',
  fixAll: true,
  check(ctx) {
    reportPathKeys(
      ctx,
      (key) => (key.length < 2 || !key.endsWith('/') ? undefined : strip(key)),
      (key, stripped, conflict) =>
        conflict
          ? `Rewst will report "Path must not end with a slash": ${key}. ${stripped} also exists, so the two paths must be merged by hand (no automatic fix).`
          : `Rewst will report "Path must not end with a slash": ${key} should be ${stripped}.`,
      'stripped',
    );
  },
  fix: ({ data }, ctx) => renamePathKey(data, 'stripped', ctx),
  cases: [
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
  ],
};
