/** The OAuth URLs are absolute http(s) URLs. */
import type { SettingsCheck } from '../check';
import { FIELDS_BY_KEY } from '../fields';

export const oauthUrls: SettingsCheck = {
  id: 'oauth-urls',
  codes: ['settings-url'],
  description: 'The OAuth authorization and token URLs are absolute http(s) URLs.',
  check(s, out) {
    for (const key of ['authorizationUrl', 'accessTokenUrl'] as const) {
      const v = s.auth?.oauth?.[key];
      if (typeof v !== 'string' || v === '') continue;
      let ok: boolean;
      try {
        const u = new URL(v);
        ok = (u.protocol === 'https:' || u.protocol === 'http:') && Boolean(u.hostname);
      } catch {
        ok = false;
      }
      if (!ok)
        out.push({
          code: 'settings-url',
          path: ['auth', 'oauth', key],
          severity: 'error',
          message: `${FIELDS_BY_KEY.get(`auth.oauth.${key}`)!.label} must be an absolute URL (https://...).`,
        });
    }
  },
};
