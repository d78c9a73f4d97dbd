import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'known keys only', settings: { $schema: 'x', spec: 'a.json', name: 'A', auth: { method: 'none' }, paginatedActions: [] }, expect: [] },
  {
    name: 'a typo, with a suggestion',
    settings: { pagination: { results_key: 'data' } },
    expect: [{ code: 'settings-unknown', path: ['pagination', 'results_key'], severity: 'warning', message: /did you mean "resultsKey"/ }],
  },
  { name: 'a secret key is an error', settings: { apiKey: 'x' }, expect: [{ code: 'settings-secret', path: ['apiKey'], severity: 'error' }] },
  {
    name: 'an account detail is a warning',
    settings: { auth: { client_id: 'x' } },
    expect: [{ code: 'settings-secret', path: ['auth', 'client_id'], severity: 'warning' }],
  },
  {
    name: 'a group that is not an object',
    settings: { auth: 'api-key' },
    expect: [{ code: 'settings-type', path: ['auth'], message: /auth must be an object/ }],
  },
];
