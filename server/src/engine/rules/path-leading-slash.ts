import type { Rule } from '../rule';
import { clashText, renamePathKey, reportPathKeys } from './path-key';

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
      (key, fixed, clash) =>
        clash
          ? `The path "${key}" does not start with "/": an importer that validates the document rejects it. ${clashText(fixed, clash)}`
          : `The path "${key}" does not start with "/": an importer that validates the document rejects it. It should be ${fixed}.`,
      'fixed',
    );
  },
  fix: ({ data }, ctx) => renamePathKey(data, 'fixed', ctx),
};
