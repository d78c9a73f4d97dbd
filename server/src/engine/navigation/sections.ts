/**
 * Where components live, per version: OpenAPI 3 keeps them under
 * `components/<section>`, Swagger 2.0 at the top (`definitions`, `parameters`, ...).
 * A component is named by its section's path plus one key.
 */
import type { SpecVersion } from '../parse';
import { parseLocalRef, toPointer } from '../pointer';

export interface Section {
  /** Path of the object that holds the components, e.g. ['components', 'schemas']. */
  path: string[];
  /** What the outline and completion call it. */
  label: string;
  /** Security schemes are named by key in security requirements, not by `$ref`: never renamed here. */
  namedByKey?: boolean;
}

const OPENAPI3 = ['schemas', 'parameters', 'responses', 'requestBodies', 'headers', 'examples', 'links', 'callbacks', 'securitySchemes', 'pathItems'];
const SWAGGER2 = ['definitions', 'parameters', 'responses', 'securityDefinitions'];

export function sectionsOf(version: SpecVersion | undefined): Section[] {
  if (version === 'swagger-2.0') return SWAGGER2.map((s) => ({ path: [s], label: s, namedByKey: s === 'securityDefinitions' || undefined }));
  return OPENAPI3.map((s) => ({ path: ['components', s], label: s, namedByKey: s === 'securitySchemes' || undefined }));
}

/** The component a pointer path names or lies inside: its section and key; undefined outside every section. */
export function componentOfPath(sections: ReadonlyArray<Section>, path: ReadonlyArray<string>): { section: Section; name: string; depth: number } | undefined {
  for (const section of sections) {
    const n = section.path.length;
    if (path.length <= n) continue;
    if (section.path.every((seg, i) => path[i] === seg)) return { section, name: path[n], depth: n };
  }
  return undefined;
}

/** The pointer (`#/components/schemas/A~1B`) of a component. */
export function componentPointer(section: Section, name: string): string {
  return '#' + toPointer([...section.path, name]);
}

/** A local `$ref` made canonical (escaping as RFC 6901 spells it, percent-encoding undone), so equal targets compare equal. */
export function canonicalRef(ref: string): { path: string[]; pointer: string } | undefined {
  const path = parseLocalRef(ref);
  return path ? { path, pointer: '#' + toPointer(path) } : undefined;
}

/** One pointer segment as written in a `$ref`: `~` and `/` escaped, and anything a URI fragment cannot hold percent-encoded. */
export function encodeSegment(name: string): string {
  const escaped = name.replace(/~/g, '~0').replace(/\//g, '~1');
  return escaped.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu, (c) => encodeURIComponent(c));
}

/** The component a relative file reference names: `./schemas/ticket.yaml#/Ticket` → file and fragment. */
export function splitFileRef(ref: string): { file: string; fragment: string } | undefined {
  if (ref.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return undefined;
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  if (!file) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(file);
  } catch {
    return undefined;
  }
  return { file: decoded, fragment: hash < 0 ? '' : ref.slice(hash) };
}
