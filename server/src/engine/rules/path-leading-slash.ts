import { single, type Rule } from '../rule';
import { isObject } from '../spec-index';

export const pathLeadingSlash: Rule = {
  id: 'path-leading-slash',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'A path must start with "/" (OpenAPI requires it; an importer that validates rejects the file, and the path\'s actions are lost).',
  severity: 'error',
  fixAll: true,
  check({ root, report }) {
    const paths = root.paths;
    if (!isObject(paths)) return;
    for (const key of Object.keys(paths)) {
      if (key.startsWith('/') || key.startsWith('x-')) continue;
      const fixed = `/${key}`;
      const conflict = fixed in paths;
      report({
        path: ['paths', key],
        target: 'key',
        message: conflict
          ? `The path "${key}" does not start with "/": an importer that validates the document rejects it. ${fixed} also exists, so the two paths must be merged by hand (no automatic fix).`
          : `The path "${key}" does not start with "/": an importer that validates the document rejects it. It should be ${fixed}.`,
        data: { pathKey: key, fixed, conflict },
        fixable: !conflict,
      });
    }
  },
  fix({ data }, { editor, claim }) {
    if (data?.conflict) return undefined;
    const key = String(data?.pathKey);
    const fixed = String(data?.fixed);
    if (!claim(`path:${fixed}`)) return undefined;
    return single(`Rename path to ${fixed}`, editor.renameKey(['paths'], key, fixed), { op: 'rename', path: ['paths'], from: key, to: fixed });
  },
  cases: [
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
      name: 'the slashed path exists: no fix, said so',
      text: '{"openapi":"3.0.0","paths":{"a":{},"/a":{}}}',
      expect: [{ pointer: '/paths/a', message: /merged by hand/, fixable: false }],
    },
    { name: 'extensions and slashed paths are fine', text: '{"openapi":"3.0.0","paths":{"/":{},"x-internal":{}}}', expect: [] },
  ],
};
