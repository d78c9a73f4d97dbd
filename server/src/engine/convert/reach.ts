/**
 * Which reusable components a set of roots reaches, transitively through
 * local `$ref`s, discriminator mappings, link `operationRef`s and security
 * requirements. Over-inclusion only keeps a component more; missing one would
 * leave a dangling reference, so every string `$ref` counts, wherever it is.
 */
import { isObject } from '../spec-index';
import { parseLocalRef } from '../pointer';

/** Where reusable things live: OpenAPI 3 under components, Swagger 2.0 at the top level. */
export function componentContainers(root: Record<string, unknown>): string[][] {
  if ('swagger' in root) return [['definitions'], ['parameters'], ['responses'], ['securityDefinitions']];
  const components = isObject(root.components) ? root.components : {};
  return Object.keys(components)
    .filter((k) => !k.startsWith('x-') && isObject(components[k]))
    .map((k) => ['components', k]);
}

export interface Reach {
  /** Container path joined by '/' → names reached in it. */
  components: Map<string, Set<string>>;
  /** Path keys that a reference reaches into (they must be kept). */
  paths: Set<string>;
  /** Local references whose target does not exist (reported, never invented). */
  dangling: string[];
}

/**
 * `roots` are values to scan; `security` the requirement lists in force.
 * `pathItem(key)` gives a path item that a reference reaches into, so it can be scanned too.
 */
export function reachFrom(root: Record<string, unknown>, roots: unknown[], securityLists: unknown[], pathItem: (key: string) => unknown): Reach {
  const containers = componentContainers(root);
  const byFirst = new Map<string, string[][]>();
  for (const c of containers) byFirst.set(c[0], [...(byFirst.get(c[0]) ?? []), c]);
  const reach: Reach = { components: new Map(containers.map((c) => [c.join('/'), new Set<string>()])), paths: new Set(), dangling: [] };
  const queue: unknown[] = [...roots];
  const schemesKey = 'swagger' in root ? 'securityDefinitions' : 'components/securitySchemes';
  const mark = (containerKey: string, name: string, value: unknown) => {
    const set = reach.components.get(containerKey);
    if (!set || set.has(name)) return;
    set.add(name);
    queue.push(value);
  };
  const containerValue = (c: string[]): Record<string, unknown> | undefined => {
    let node: unknown = root;
    for (const seg of c) node = isObject(node) ? node[seg] : undefined;
    return isObject(node) ? node : undefined;
  };
  const follow = (ref: string) => {
    const path = parseLocalRef(ref);
    if (!path) return; // external references are not ours to follow
    for (const c of byFirst.get(path[0]) ?? []) {
      if (path.length <= c.length || c.some((seg, i) => path[i] !== seg)) continue;
      const name = path[c.length];
      const map = containerValue(c);
      if (!map || !Object.prototype.hasOwnProperty.call(map, name)) reach.dangling.push(ref);
      else mark(c.join('/'), name, map[name]);
      return;
    }
    if (path[0] === 'paths' && path.length > 1 && !reach.paths.has(path[1])) {
      reach.paths.add(path[1]);
      queue.push(pathItem(path[1]));
    }
  };
  const addSecurity = (list: unknown) => {
    if (!Array.isArray(list)) return;
    const schemes = containerValue(schemesKey.split('/'));
    for (const requirement of list) {
      if (!isObject(requirement)) continue;
      for (const name of Object.keys(requirement)) if (schemes && Object.prototype.hasOwnProperty.call(schemes, name)) mark(schemesKey, name, schemes[name]);
    }
  };
  for (const list of securityLists) addSecurity(list);
  const seen = new Set<object>();
  while (queue.length) {
    const value = queue.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) queue.push(item);
      continue;
    }
    const obj = value as Record<string, unknown>;
    if (typeof obj.$ref === 'string') follow(obj.$ref);
    if (typeof obj.operationRef === 'string') follow(obj.operationRef);
    if (isObject(obj.discriminator) && isObject(obj.discriminator.mapping)) {
      for (const target of Object.values(obj.discriminator.mapping)) {
        if (typeof target !== 'string') continue;
        // A bare name in a mapping means a schema of that name (OpenAPI 3).
        follow(target.startsWith('#') ? target : `#/components/schemas/${target}`);
      }
    }
    // Operations inside callbacks or reached path items carry their own requirements.
    if (Array.isArray(obj.security) && obj.security.every(isObject)) addSecurity(obj.security);
    for (const k in obj) {
      const child = obj[k];
      if (child !== null && typeof child === 'object') queue.push(child);
    }
  }
  return reach;
}
