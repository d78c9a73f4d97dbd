/** Extra request headers and OAuth authorization parameters: valid header names, no credential in a value. */
import type { SettingsCheck } from '../check';
import type { SettingsReport } from '../findings';
import { isCredentialHeader, SECRET_WHY, secretKindOfKey } from '../secrets';
import { isPlainObject } from '../check';

export const pairs: SettingsCheck = {
  id: 'pairs',
  codes: ['settings-type', 'settings-secret'],
  description: 'Extra headers have valid names; no extra header or parameter carries a credential.',
  check(s, out) {
    checkPairs(s.extraRequestHeaders, ['extraRequestHeaders'], 'header', out);
    checkPairs(s.auth?.oauth?.authorizationExtraParams, ['auth', 'oauth', 'authorizationExtraParams'], 'parameter', out);
  },
};

function checkPairs(pairs: unknown, path: string[], what: 'header' | 'parameter', out: SettingsReport[]): void {
  if (!isPlainObject(pairs)) return;
  for (const [name, value] of Object.entries(pairs)) {
    if (what === 'header' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      out.push({ code: 'settings-type', path: [...path, name], target: 'key', severity: 'error', message: `"${name}" is not a valid header name.` });
    const secretName = what === 'header' ? isCredentialHeader(name) : secretKindOfKey(name) === 'secret';
    if (secretName && typeof value === 'string' && value.trim() !== '')
      out.push({
        code: 'settings-secret',
        path: [...path, name],
        severity: 'error',
        message: `The ${what} "${name}" carries a credential. ${SECRET_WHY} Leave its value empty here.`,
      });
  }
}
