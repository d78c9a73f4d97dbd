import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'values of their kinds', settings: { name: 'A', pagination: { type: 'page', defaultPageSize: 50 } }, expect: [] },
  {
    name: 'a choice that is not one',
    settings: { auth: { method: 'token' } },
    expect: [{ code: 'settings-type', path: ['auth', 'method'], message: /one of "api-key"/ }],
  },
  {
    name: "over Rewst's limit",
    settings: { pagination: { type: 'page', defaultPageSize: 5000 } },
    expect: [{ code: 'settings-range', path: ['pagination', 'defaultPageSize'], message: /between 1 and 1000 in Rewst; 5000 is too high/ }],
  },
  {
    name: 'not a whole number',
    settings: { pagination: { type: 'page', defaultPageLimit: 2.5 } },
    expect: [{ code: 'settings-type', path: ['pagination', 'defaultPageLimit'] }],
  },
  {
    name: 'a field the chosen method does not ask for',
    settings: { auth: { method: 'basic', apiKeyHeaderName: 'X-Key' } },
    expect: [{ code: 'settings-unused', path: ['auth', 'apiKeyHeaderName'], severity: 'information', message: /with Basic Auth/ }],
  },
  {
    name: 'a false checkbox left from another method is no noise',
    settings: { auth: { method: 'basic', oauth: { tokenExchangeBasicAuth: false } } },
    expect: [],
  },
];
