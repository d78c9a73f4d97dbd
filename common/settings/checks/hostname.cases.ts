import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'a hostname and port', settings: { hostname: 'api.example.com:8443' }, expect: [] },
  {
    name: 'a URL',
    settings: { hostname: 'https://api.example.com/v1' },
    expect: [{ code: 'settings-hostname', path: ['hostname'], message: /without the scheme \(https:\/\/\) or a path: "api.example.com"/ }],
  },
  {
    name: 'a server variable',
    settings: { hostname: '{tenant}.example.com' },
    expect: [{ code: 'settings-hostname-placeholder', path: ['hostname'], severity: 'error' }],
  },
  {
    name: 'not a hostname',
    settings: { hostname: 'api example.com' },
    expect: [{ code: 'settings-hostname', path: ['hostname'], message: /is not a hostname/ }],
  },
];
