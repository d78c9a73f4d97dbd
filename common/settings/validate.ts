/**
 * Every check of a settings object on its own, in the order they report:
 * one module each in checks/ (see check.ts). Pure, so the webview runs it as
 * the user types and the server and CLI run the same code.
 */
import { isPlainObject, type SettingsCheck } from './check';
import type { SettingsReport } from './findings';
import type { IntegrationSettings } from './model';
import { fieldValues } from './checks/field-values';
import { hostname } from './checks/hostname';
import { icon } from './checks/icon';
import { keys } from './checks/keys';
import { name } from './checks/name';
import { oauthUrls } from './checks/oauth-urls';
import { orgMapping } from './checks/org-mapping';
import { paginatedActions } from './checks/paginated-actions';
import { paginationPaths } from './checks/pagination-paths';
import { pairs } from './checks/pairs';
import { preamble } from './checks/preamble';
import { required } from './checks/required';
import { secretValues } from './checks/secret-values';

export { cleanName } from './checks/name';
export { cleanHostname } from './checks/hostname';

/** secret-values comes last: it does not repeat a secret an earlier check reported at the same place. */
export const SETTINGS_CHECKS: ReadonlyArray<SettingsCheck> = [
  keys,
  fieldValues,
  required,
  name,
  hostname,
  icon,
  oauthUrls,
  preamble,
  pairs,
  paginationPaths,
  paginatedActions,
  orgMapping,
  secretValues,
];

export function validateSettings(value: unknown): SettingsReport[] {
  if (!isPlainObject(value)) return [{ code: 'settings-type', path: [], severity: 'error', message: 'The settings file must hold a JSON object.' }];
  const out: SettingsReport[] = [];
  for (const c of SETTINGS_CHECKS) c.check(value as IntegrationSettings, out);
  return out;
}
