import { single, type Rule } from '../rule';
import { getAt } from '../pointer';
import { isObject } from '../spec-index';
import type { JsonPath } from '../types';

/**
 * `required: []` in a schema. OpenAPI 3.0 and Swagger 2.0 take `required` from JSON Schema draft 4/5,
 * where the list has at least one name, so a validating importer rejects an empty one; it requires
 * nothing, so removing it changes nothing. OpenAPI 3.1 (JSON Schema 2020-12) allows it.
 */
export const requiredEmpty: Rule = {
  id: 'required-empty',
  rewstError: 'Imported Swagger file throws red error messages',
  description: "A schema's required list must name at least one property in OpenAPI 3.0 and Swagger 2.0: an empty one is removed.",
  severity: 'error',
  fixAll: true,
  check({ doc, index, report }) {
    if (doc.version !== 'openapi-3.0' && doc.version !== 'swagger-2.0') return;
    for (const { path, required } of index.requireds) {
      if (required.length) continue;
      report({
        path: [...path, 'required'],
        target: 'key',
        message: `required is an empty list, which ${doc.version === 'swagger-2.0' ? 'Swagger 2.0' : 'OpenAPI 3.0'} does not allow (it must name at least one property): an importer that validates the document rejects it. It requires nothing: remove it.`,
        data: { schemaPath: path },
      });
    }
  },
  fix({ data }, { editor, root }) {
    const schemaPath = data?.schemaPath as JsonPath | undefined;
    const schema = Array.isArray(schemaPath) ? getAt(root, schemaPath) : undefined;
    if (!isObject(schema) || !Array.isArray(schema.required) || schema.required.length) return undefined;
    return single('Remove the empty required list', editor.removeMember(schemaPath!, 'required'), { op: 'delete', path: [...schemaPath!, 'required'] });
  },
};
