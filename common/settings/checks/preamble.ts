/** The API key preamble is the word before the key, not the key itself. */
import type { SettingsCheck } from '../check';
import { SECRET_WHY } from '../secrets';

export const preamble: SettingsCheck = {
  id: 'preamble',
  codes: ['settings-secret'],
  description: 'The API key preamble is one word (like Bearer), not the key.',
  check(s, out) {
    const p = s.auth?.apiKeyPreamble;
    if (typeof p === 'string' && /\s/.test(p.trim()))
      out.push({
        code: 'settings-secret',
        path: ['auth', 'apiKeyPreamble'],
        severity: 'error',
        message: `The preamble is the word sent before the key (like "Bearer"), not the key itself. ${SECRET_WHY}`,
      });
  },
};
