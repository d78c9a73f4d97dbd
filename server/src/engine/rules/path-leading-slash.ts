import type { Rule } from '../rule';
import { renamePathKey, reportPathKeys } from './path-key';

export const pathLeadingSlash: Rule = {
  id: 'path-leading-slash',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'A path must start with "/" (OpenAPI requires it; an importer that validates rejects the file, and the path\'s actions are lost).',
  severity: 'error',
  fixAll: true,
  check(ctx) {
    reportPathKeys(
      ctx,
      (key) => (key.startsWith('/') || key.startsWith('x-') ? undefined : `/${key}`),
      (key, fixed, conflict) =>
        conflict
          ? `The path "${key}" does not start with "/": an importer that validates the document rejects it. ${fixed} also exists, so the two paths must be merged by hand (no automatic fix).`
          : `The path "${key}" does not start with "/": an importer that validates the document rejects it. It should be ${fixed}.`,
      'fixed',
    );
  },
  fix: ({ data }, ctx) => renamePathKey(data, 'fixed', ctx),
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
