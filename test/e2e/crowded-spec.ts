/**
 * A spec with more problems than VS Code lists (the per-rule limit's tests, in the LSP, extension-host and
 * end-to-end suites): `operations` operations without an operationId, a schema that refers to itself, and a
 * pattern Rewst may reject.
 */
export function crowdedSpec(operations: number): string {
  const lines = ['openapi: 3.0.0', 'info:', '  title: Crowded', '  description: Many operations', '  version: "1"', 'paths:'];
  for (let i = 0; i < operations; i++) lines.push(`  /items${i}:`, '    get:', '      responses:', "        '200':", '          description: OK');
  lines.push(
    'components:',
    '  schemas:',
    '    Node:',
    '      type: object',
    '      properties:',
    '        next:',
    "          $ref: '#/components/schemas/Node'",
    '        code:',
    '          type: string',
    "          pattern: '^[0-9]{4}-[12-0][0-9]$'",
    '',
  );
  return lines.join('\n');
}
