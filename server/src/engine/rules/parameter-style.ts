import { getAt } from '../pointer';
import { single, type Rule } from '../rule';
import { isObject } from '../spec-index';
import type { JsonPath } from '../types';
import { isOpenApi3, paramLabel, writtenParameters } from './parameters';

/** The styles OpenAPI 3 allows in each location, the default first. */
const STYLES: Readonly<Record<string, readonly string[]>> = {
  path: ['simple', 'matrix', 'label'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
};

function misfit(param: Record<string, unknown>): readonly string[] | undefined {
  const allowed = typeof param.in === 'string' ? STYLES[param.in] : undefined;
  return allowed && typeof param.style === 'string' && !allowed.includes(param.style) ? allowed : undefined;
}

export const parameterStyle: Rule = {
  id: 'parameter-style',
  rewstError: 'Imported Swagger file throws red error messages',
  description:
    "An OpenAPI 3 parameter's style is one its location allows (path: simple, matrix, label; query: form, spaceDelimited, pipeDelimited, deepObject; header: simple; cookie: form).",
  severity: 'error',
  fixAll: true,
  check({ doc, root, report }) {
    if (!isOpenApi3(doc.version)) return;
    for (const { path, param } of writtenParameters(root)) {
      const allowed = misfit(param);
      if (!allowed) continue;
      report({
        path: [...path, 'style'],
        target: 'value',
        message: `The parameter ${paramLabel(param)} has style: ${String(param.style)}, which a ${String(param.in)} parameter cannot have (${allowed.join(', ')}): an importer that validates the document rejects it. It should be ${allowed[0]}, the default there.`,
        data: { paramPath: path },
      });
    }
  },
  fix({ data }, { root, editor }) {
    const path = data?.paramPath as JsonPath | undefined;
    const param = Array.isArray(path) ? getAt(root, path) : undefined;
    const allowed = isObject(param) ? misfit(param) : undefined;
    if (!isObject(param) || !allowed) return undefined;
    return single(`Change style ${String(param.style)} to ${allowed[0]}`, editor.replaceValue([...path!, 'style'], allowed[0]), {
      op: 'set',
      path: [...path!, 'style'],
      value: allowed[0],
    });
  },
};
