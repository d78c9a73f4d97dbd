import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'an SVG', settings: { icon: 'logo.SVG' }, expect: [] },
  { name: 'a PNG', settings: { icon: 'logo.png' }, expect: [{ code: 'settings-icon', path: ['icon'], message: /must be an \.svg file/ }] },
];
