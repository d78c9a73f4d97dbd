import type { RuleCase } from '../rule';

/** swagger2's table of cases (test-only: kept out of the server bundle). */
export const cases: RuleCase[] = [
  {
    name: 'Swagger 2.0',
    text: 'swagger: "2.0"\ninfo: {title: t, version: "1", description: d}\npaths: {}\n',
    expect: [{ pointer: '/swagger', severity: 'information', message: /not JSON pasted/ }],
  },
  { name: 'OpenAPI 3', text: '{"openapi":"3.0.3","paths":{}}', expect: [] },
];
