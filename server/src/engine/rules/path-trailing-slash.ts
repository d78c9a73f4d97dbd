import { single, type Rule } from '../rule';
import { isObject } from '../spec-index';

function strip(pathKey: string): string {
  return pathKey.replace(/\/+$/, '') || '/';
}

export const pathTrailingSlash: Rule = {
  id: 'path-trailing-slash',
  rewstError: 'Path must not end with a slash',
  description: 'A path other than "/" must not end with "/".',
  severity: 'error',
  fixAll: true,
  check({ root, report }) {
    const paths = root.paths;
    if (!isObject(paths)) return;
    for (const key of Object.keys(paths)) {
      if (key.length < 2 || !key.endsWith('/')) continue;
      const stripped = strip(key);
      const conflict = stripped in paths;
      report({
        path: ['paths', key],
        target: 'key',
        message: conflict
          ? `Rewst will report "Path must not end with a slash": ${key}. ${stripped} also exists, so the two paths must be merged by hand (no automatic fix).`
          : `Rewst will report "Path must not end with a slash": ${key} should be ${stripped}.`,
        data: { pathKey: key, stripped, conflict },
        fixable: !conflict,
      });
    }
  },
  fix({ data }, { editor, claim }) {
    if (data?.conflict) return undefined;
    const key = String(data?.pathKey);
    const stripped = String(data?.stripped);
    if (!claim(`path:${stripped}`)) return undefined;
    return single(`Rename path to ${stripped}`, editor.renameKey(['paths'], key, stripped), { op: 'rename', path: ['paths'], from: key, to: stripped });
  },
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
