import type { Rule } from '../rule';
import { clashText, renamePathKey, reportPathKeys } from './path-key';

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
      (key, stripped, clash) =>
        clash
          ? `Rewst will report "Path must not end with a slash": ${key}. ${clashText(stripped, clash)}`
          : `Rewst will report "Path must not end with a slash": ${key} should be ${stripped}.`,
      'stripped',
    );
  },
  fix: ({ data }, ctx) => renamePathKey(data, 'stripped', ctx),
};
