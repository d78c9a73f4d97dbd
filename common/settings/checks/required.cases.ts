import type { SettingsCheckCase } from '../check';

const details = { name: 'A', description: 'B', hostname: 'api.example.com', icon: 'a.svg' };

export const cases: SettingsCheckCase[] = [
  { name: 'all there', settings: { ...details, auth: { method: 'none' }, pagination: { type: 'none' } }, expect: [] },
  {
    name: 'no icon is fine (Rewst applies a default since August 2026), the rest are errors',
    settings: { name: 'A', description: '', auth: { method: 'none' }, pagination: { type: 'none' } },
    expect: [
      { code: 'settings-required', path: ['description'], severity: 'error' },
      { code: 'settings-required', path: ['hostname'], severity: 'error' },
    ],
  },
  {
    name: 'what a method needs',
    settings: { ...details, auth: { method: 'api-key' }, pagination: { type: 'none' } },
    expect: [{ code: 'settings-required', path: ['auth', 'apiKeyHeaderName'], message: /required for API Key/ }],
  },
  {
    name: 'a next page key for a link in the body',
    settings: { ...details, auth: { method: 'none' }, pagination: { type: 'link', nextLinkLocation: 'body', defaultPageSize: 10, defaultPageLimit: 5 } },
    expect: [{ code: 'settings-required', path: ['pagination', 'nextPageKey'] }],
  },
];
