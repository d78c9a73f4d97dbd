import type { ContextCheckCase } from './context';

const svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';

export const cases: ContextCheckCase[] = [
  { name: 'an SVG that parses', settings: { icon: 'logo.svg' }, context: { icon: { exists: true, text: svg } }, expect: [] },
  { name: 'no icon context: nothing read, nothing said', settings: { icon: 'logo.svg' }, context: {}, expect: [] },
  { name: 'not an .svg name: the pure icon check says it', settings: { icon: 'logo.png' }, context: { icon: { exists: false } }, expect: [] },
  {
    name: 'missing',
    settings: { icon: 'logo.svg' },
    context: { icon: { exists: false } },
    expect: [{ code: 'settings-icon', path: ['icon'], message: /logo\.svg does not exist/ }],
  },
  {
    name: 'not SVG inside',
    settings: { icon: 'logo.svg' },
    context: { icon: { exists: true, text: '<html></html>' } },
    expect: [{ code: 'settings-icon', path: ['icon'], message: /does not parse as SVG: the root element is <html>/ }],
  },
  {
    name: 'not read, and why',
    settings: { icon: '../logo.svg' },
    context: { icon: { exists: false, problem: '../logo.svg is outside the folder.' } },
    expect: [{ code: 'settings-icon', path: ['icon'], message: /outside the folder/ }],
  },
];
