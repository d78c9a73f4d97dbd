import type { Rule } from '../rule';

export const swagger2: Rule = {
  id: 'swagger-2',
  rewstError: 'OpenAPI Swagger vs V3',
  description: 'Swagger 2.0 is converted by Rewst only when uploaded as a .json file.',
  severity: 'information',
  fixAll: false,
  check({ doc, report }) {
    if (doc.version !== 'swagger-2.0') return;
    report({
      path: ['swagger'],
      target: 'key',
      message:
        'Swagger 2.0: Rewst converts an uploaded .json file to OpenAPI 3.0, but not JSON pasted into its editor. Upload the file, or convert it to OpenAPI 3 first.',
    });
  },
};
