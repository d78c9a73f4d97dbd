import type { RuleCase } from '../rule';

/** refExternal's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'URL and relative file (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"$ref":"https://evil.example.com/x.json#/A"},"B":{"$ref":"../../etc/passwd#/x"},"C":{"$ref":"#/components/schemas/A"}}}}',
    expect: [
      { pointer: '/components/schemas/A/$ref', message: /to a URL .*never fetched/ },
      { pointer: '/components/schemas/B/$ref', message: /to another file.*Prepare for Rewst Upload \(or rewst-openapi bundle\) bundles/ },
    ],
  },
  {
    name: 'local refs only (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      $ref: "#/components/schemas/A"\n',
    expect: [],
  },
];
