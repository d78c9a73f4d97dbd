import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'one word', settings: { auth: { method: 'api-key', apiKeyPreamble: 'Bearer' } }, expect: [] },
  {
    name: 'the key after it',
    settings: { auth: { method: 'api-key', apiKeyPreamble: 'Bearer abc123' } },
    expect: [{ code: 'settings-secret', path: ['auth', 'apiKeyPreamble'], message: /not the key itself/ }],
  },
];
