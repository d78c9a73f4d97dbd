import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'no secrets', settings: { name: 'Stripe', extraRequestHeaders: { Accept: 'application/json' } }, expect: [] },
  {
    name: 'a Stripe key deep down',
    settings: { extraRequestHeaders: { 'X-Note': 'sk_live_abcdefghijklmnop' } },
    expect: [{ code: 'settings-secret', path: ['extraRequestHeaders', 'X-Note'], message: /looks like a real key/ }],
  },
  {
    name: 'a JWT in a list',
    settings: { notes: ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc'] },
    expect: [{ code: 'settings-secret', path: ['notes', 0] }],
  },
];
