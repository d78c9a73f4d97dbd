import type { RuleCase } from '../rule';

/** patternInvalid's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  { name: 'valid', text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    Id:\n      type: string\n      pattern: "^[a-z0-9-]+$"\n', expect: [] },
  {
    name: "Rewst's example: range out of order",
    text: '{"openapi":"3.0.0","components":{"schemas":{"Code":{"type":"string","pattern":"^[z-a]+$"}}}}',
    expect: [{ pointer: '/components/schemas/Code/pattern', message: /character range is out of order \(z-a\)/, severity: 'error', fixable: false }],
  },
  {
    name: 'unescaped delimiter is a warning with a fix (YAML single quotes kept)',
    text: "swagger: '2.0'\nparameters:\n  date:\n    in: query\n    name: d\n    type: string\n    pattern: '^\\d{2}/\\d{2}$'\n",
    expect: [{ pointer: '/parameters/date/pattern', message: /unescaped delimiter/, severity: 'warning', fixable: true }],
    fixed: "swagger: '2.0'\nparameters:\n  date:\n    in: query\n    name: d\n    type: string\n    pattern: '^\\d{2}\\/\\d{2}$'\n",
  },
  {
    name: 'valid only without the u flag',
    text: 'openapi: 3.1.0\ncomponents:\n  schemas:\n    X:\n      pattern: "\\\\-"\n',
    expect: [{ pointer: '/components/schemas/X/pattern', message: /only without the "u"/, severity: 'warning', fixable: false }],
  },
  {
    name: 'catastrophic but valid pattern is never run',
    text: '{"openapi":"3.0.0","components":{"schemas":{"X":{"pattern":"^(a+)+$"}}}}',
    expect: [],
  },
  {
    name: 'unterminated group; a property named pattern is not a pattern',
    text: '{"openapi":"3.0.0","components":{"schemas":{"X":{"properties":{"pattern":{"type":"string"}},"pattern":"(ab"}}}}',
    expect: [{ pointer: '/components/schemas/X/pattern', message: /never closed/ }],
  },
];
