import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  {
    name: 'https URLs',
    settings: { auth: { method: 'oauth2', oauth: { authorizationUrl: 'https://a.example.com/auth', accessTokenUrl: 'http://a.example.com/token' } } },
    expect: [],
  },
  {
    name: 'a relative and an ftp URL',
    settings: { auth: { method: 'oauth2', oauth: { authorizationUrl: '/auth', accessTokenUrl: 'ftp://a.example.com/token' } } },
    expect: [
      { code: 'settings-url', path: ['auth', 'oauth', 'authorizationUrl'], message: /OAuth Authorization Code URL must be an absolute URL/ },
      { code: 'settings-url', path: ['auth', 'oauth', 'accessTokenUrl'] },
    ],
  },
];
