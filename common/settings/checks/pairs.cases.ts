import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'a plain header, a credential header left empty', settings: { extraRequestHeaders: { Accept: 'application/json', Authorization: '' } }, expect: [] },
  {
    name: 'a bad header name and a credential in a value',
    settings: { extraRequestHeaders: { 'Bad Name': 'x', 'X-Api-Key': 'abc' } },
    expect: [
      { code: 'settings-type', path: ['extraRequestHeaders', 'Bad Name'], message: /not a valid header name/ },
      { code: 'settings-secret', path: ['extraRequestHeaders', 'X-Api-Key'], message: /The header "X-Api-Key" carries a credential/ },
    ],
  },
  {
    name: 'a secret OAuth parameter',
    settings: { auth: { method: 'oauth2', oauth: { authorizationExtraParams: { audience: 'api', client_secret: 's' } } } },
    expect: [{ code: 'settings-secret', path: ['auth', 'oauth', 'authorizationExtraParams', 'client_secret'] }],
  },
];
