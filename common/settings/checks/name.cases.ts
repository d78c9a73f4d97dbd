import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'letters, digits, spaces', settings: { name: 'Acme API 2' }, expect: [] },
  { name: 'special characters', settings: { name: 'Acme-API (v2)!' }, expect: [{ code: 'settings-name', path: ['name'], message: /Use "Acme API v2"/ }] },
  { name: 'extra spaces', settings: { name: 'Acme  API' }, expect: [{ code: 'settings-name', path: ['name'], message: /extra spaces/ }] },
  { name: 'empty is the required check', settings: { name: '' }, expect: [] },
];
