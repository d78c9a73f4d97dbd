/**
 * Does one operation fit the pagination settings? Its query parameters must
 * include the ones Rewst will send, and its response must hold the results
 * array, the cursor and the next link where the settings say. The inference
 * proposes only operations that pass, and the cross-checks report the rest.
 */
import type { PaginationSettings } from '../../../../../common/settings/model';
import type { SettingsCode } from '../../../../../common/settings/findings';
import { isArraySchema, parseJsonPath, propertiesOf, resolveKey, resolveSchemaPath, typesOf, type Obj, type OperationModel } from '../model/spec-model';

export interface OperationProblem {
  code: SettingsCode;
  /** The settings field at fault, e.g. "pagination.resultsKey". */
  field: string;
  message: string;
}

export function describeOperation(op: OperationModel): string {
  return `${op.operationId ?? '(no operationId)'} (${op.method.toUpperCase()} ${op.pathKey})`;
}

export function checkOperation(root: Obj, op: OperationModel, p: PaginationSettings): OperationProblem[] {
  const out: OperationProblem[] = [];
  const type = p.type;
  if (!type || type === 'none') return out;
  const who = describeOperation(op);
  const param = (field: string, name: string | undefined, what: string) => {
    if (typeof name === 'string' && name !== '' && !op.query.has(name)) {
      const has = [...op.query.keys()];
      out.push({
        code: 'settings-param-not-accepted',
        field,
        message: `${who} does not accept the ${what} "${name}"${has.length ? ` (its query parameters: ${has.slice(0, 10).join(', ')}${has.length > 10 ? ', …' : ''})` : ' (it has no query parameters)'}.`,
      });
    }
  };
  param('pagination.pageSizeParam', p.pageSizeParam, 'page size parameter');
  if (type === 'index') param('pagination.indexParam', p.indexParam, 'index parameter');
  if (type === 'page') param('pagination.pageParam', p.pageParam, 'page parameter');
  if (type === 'pointer') param('pagination.afterParam', p.afterParam, 'after parameter');

  const schema = op.responseSchema;
  if (!schema) return out; // nothing to check the response against
  const key = typeof p.resultsKey === 'string' ? p.resultsKey.trim() : '';
  if (key === '') {
    if (!isArraySchema(root, schema) && typesOf(root, schema).size)
      out.push({
        code: 'settings-results-key',
        field: 'pagination.resultsKey',
        message: `${who} returns an object, not an array: Results Key must name the array of results in it.`,
      });
  } else if (isArraySchema(root, schema) && !propertiesOf(root, schema).size) {
    out.push({
      code: 'settings-results-key',
      field: 'pagination.resultsKey',
      message: `${who} returns an array itself, not an object holding "${key}": leave Results Key empty for it.`,
    });
  } else {
    const r = resolveKey(root, schema, key);
    if (!r.ok)
      out.push({
        code: 'settings-results-key',
        field: 'pagination.resultsKey',
        message: `Results Key "${key}" does not lead to an array in the response of ${who}: ${pathUpTo(key, r.at)} ${r.reason}.`,
      });
    else if (typesOf(root, r.schema).size && !isArraySchema(root, r.schema))
      out.push({
        code: 'settings-results-key',
        field: 'pagination.resultsKey',
        message: `Results Key "${key}" is ${[...typesOf(root, r.schema)].join('/')}, not an array, in the response of ${who}.`,
      });
  }
  if (type === 'pointer' && typeof p.pointerJsonPath === 'string' && p.pointerJsonPath.trim()) {
    const parsed = parseJsonPath(p.pointerJsonPath);
    if ('segments' in parsed) {
      const r = resolveSchemaPath(root, schema, parsed.segments);
      if (!r.ok)
        out.push({
          code: 'settings-pointer-path',
          field: 'pagination.pointerJsonPath',
          message: `Pointer JSONPath ${p.pointerJsonPath} does not resolve in the response of ${who}: step ${r.at + 1} ${r.reason}.`,
        });
    }
  }
  if (type === 'link' && p.nextLinkLocation === 'body' && typeof p.nextPageKey === 'string' && p.nextPageKey.trim()) {
    const r = resolveKey(root, schema, p.nextPageKey.trim());
    if (!r.ok)
      out.push({
        code: 'settings-next-page-key',
        field: 'pagination.nextPageKey',
        message: `Next Page Key "${p.nextPageKey}" is not in the response of ${who}: ${pathUpTo(p.nextPageKey, r.at)} ${r.reason}.`,
      });
  }
  return out;
}

function pathUpTo(dotted: string, at: number): string {
  const parts = dotted.split('.');
  return at === 0 ? 'the response' : `"${parts.slice(0, at).join('.')}"`;
}
