import type { RuleCase } from '../rule';

/** refExternal's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'URL and relative file (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"$ref":"https://evil.example.com/x.json#/A"},"B":{"$ref":"../../etc/passwd#/x"},"C":{"$ref":"#/components/schemas/A"}}}}',
    expect: [
      { pointer: '/components/schemas/A/$ref', message: /^A reference to the URL https:\/\/evil\.example\.com\/x\.json: .*refMap/ },
      { pointer: '/components/schemas/B/$ref', message: /to another file.*Prepare for Rewst Upload \(or rewst-openapi bundle\) bundles/ },
    ],
  },
  {
    name: 'one finding per URL, its name whole (JSON)',
    text: '{"openapi":"3.0.0","components":{"schemas":{"A":{"$ref":"https://raw.githubusercontent.com/vendor-org/vendor-api-specification/refs/heads/main/v8.0/users.json#/components/schemas/User"},"B":{"$ref":"https://raw.githubusercontent.com/vendor-org/vendor-api-specification/refs/heads/main/v8.0/users.json#/components/schemas/Role"},"C":{"$ref":"https://raw.githubusercontent.com/vendor-org/vendor-api-specification/refs/heads/main/v8.0/tickets.json#/components/schemas/Ticket"}}}}',
    expect: [
      { pointer: '/components/schemas/A/$ref', message: /^2 references to the URL https:\/\/raw\.githubusercontent\.com\/….*\/v8\.0\/users\.json: / },
      { pointer: '/components/schemas/C/$ref', message: /^A reference to the URL https:\/\/raw\.githubusercontent\.com\/.*\/tickets\.json: / },
    ],
  },
  {
    name: 'local refs only (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {type: string}\n    B:\n      $ref: "#/components/schemas/A"\n',
    expect: [],
  },
];
