import type { RuleCase } from '../rule';

/** securitySchemeHttp's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    // The PSA's scheme.
    name: 'apiKey in the Authorization header with scheme bearer becomes http bearer (JSON)',
    text: '{\n  "openapi": "3.0.1",\n  "components": {\n    "securitySchemes": {\n      "Bearer": {\n        "type": "apiKey",\n        "description": "JWT",\n        "name": "Authorization",\n        "in": "header",\n        "scheme": "Bearer",\n        "bearerFormat": "JWT"\n      }\n    }\n  }\n}',
    expect: [
      {
        pointer: '/components/securitySchemes/Bearer/scheme',
        message: /"Bearer" is of type apiKey with scheme and bearerFormat.*it is type: http with scheme: bearer/,
      },
    ],
    fixed:
      '{\n  "openapi": "3.0.1",\n  "components": {\n    "securitySchemes": {\n      "Bearer": {\n        "type": "http",\n        "description": "JWT",\n        "scheme": "bearer",\n        "bearerFormat": "JWT"\n      }\n    }\n  }\n}',
  },
  {
    name: 'basic, YAML, comment kept',
    text: 'openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    basicAuth: # user and API key\n      type: apiKey\n      in: header\n      name: authorization\n      scheme: basic\n',
    expect: [{ pointer: '/components/securitySchemes/basicAuth/scheme', message: /type: http with scheme: basic/ }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    basicAuth: # user and API key\n      type: http\n      scheme: basic\n',
  },
  {
    name: 'any other header or scheme: the stray field goes (YAML)',
    text: 'openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    key:\n      type: apiKey\n      scheme: bearer # not in Authorization\n      in: header\n      name: X-API-Key\n',
    expect: [{ pointer: '/components/securitySchemes/key/scheme', message: /It is not sent as "Authorization: Bearer" or "Basic", so the field goes/ }],
    fixed: 'openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    key:\n      type: apiKey\n      in: header\n      name: X-API-Key\n',
  },
  {
    name: 'http and plain apiKey schemes are fine',
    text: '{"openapi":"3.0.0","components":{"securitySchemes":{"a":{"type":"http","scheme":"bearer"},"b":{"type":"apiKey","in":"header","name":"Authorization"}}}}',
    expect: [],
  },
];
