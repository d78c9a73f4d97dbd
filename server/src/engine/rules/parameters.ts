/**
 * Where an OpenAPI 3 document writes parameters: the lists of path items and of operations, and
 * components.parameters. What the parameter rules walk; `$ref` items are not followed (their target is
 * written, and checked, where it is).
 */
import { HTTP_METHODS, isObject } from '../spec-index';
import type { JsonPath } from '../types';

export interface ParameterList {
  /** The list's path: `paths/P/parameters` or `paths/P/METHOD/parameters`. */
  path: JsonPath;
  list: unknown[];
}

export function parameterLists(root: Record<string, unknown>): ParameterList[] {
  const out: ParameterList[] = [];
  const paths = root.paths;
  if (!isObject(paths)) return out;
  for (const key of Object.keys(paths)) {
    const item = paths[key];
    if (!isObject(item)) continue;
    if (Array.isArray(item.parameters)) out.push({ path: ['paths', key, 'parameters'], list: item.parameters });
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op) && Array.isArray(op.parameters)) out.push({ path: ['paths', key, method, 'parameters'], list: op.parameters });
    }
  }
  return out;
}

/** Every parameter object written in the document (not a `$ref`), with its path. */
export function writtenParameters(root: Record<string, unknown>): Array<{ path: JsonPath; param: Record<string, unknown> }> {
  const out: Array<{ path: JsonPath; param: Record<string, unknown> }> = [];
  for (const { path, list } of parameterLists(root))
    list.forEach((p, i) => {
      if (isObject(p) && typeof p.$ref !== 'string') out.push({ path: [...path, i], param: p });
    });
  const components = root.components;
  const params = isObject(components) ? components.parameters : undefined;
  if (isObject(params))
    for (const [name, p] of Object.entries(params))
      if (isObject(p) && typeof p.$ref !== 'string') out.push({ path: ['components', 'parameters', name], param: p });
  return out;
}

/** Every header object written in the document (not a `$ref`): components.headers, and the headers of responses in components and operations. */
export function writtenHeaders(root: Record<string, unknown>): Array<{ path: JsonPath; header: Record<string, unknown>; name: string }> {
  const out: Array<{ path: JsonPath; header: Record<string, unknown>; name: string }> = [];
  const add = (at: JsonPath, headers: unknown) => {
    if (!isObject(headers)) return;
    for (const [name, h] of Object.entries(headers)) if (isObject(h) && typeof h.$ref !== 'string') out.push({ path: [...at, name], header: h, name });
  };
  const fromResponses = (at: JsonPath, responses: unknown) => {
    if (!isObject(responses)) return;
    for (const [code, r] of Object.entries(responses)) if (isObject(r)) add([...at, code, 'headers'], r.headers);
  };
  const components = root.components;
  if (isObject(components)) {
    add(['components', 'headers'], components.headers);
    fromResponses(['components', 'responses'], components.responses);
  }
  const paths = root.paths;
  if (isObject(paths))
    for (const key of Object.keys(paths)) {
      const item = paths[key];
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (isObject(op)) fromResponses(['paths', key, method, 'responses'], op.responses);
      }
    }
  return out;
}

/** How a finding names a parameter: `"page" (in: query)`. */
export function paramLabel(param: Record<string, unknown>): string {
  return `"${String(param.name)}" (in: ${String(param.in)})`;
}

export function isOpenApi3(version: string | undefined): boolean {
  return version === 'openapi-3.0' || version === 'openapi-3.1';
}
