/** Find All References on a component's key or a `$ref`: every `$ref` and mapping value that names the target. */
import { whatIsAt } from './cursor';
import { locatePointer } from './definition';
import type { NavIndex, RefSite, Span } from './nav-index';

export type References =
  | { kind: 'target'; pointer: string; declaration?: Span; sites: RefSite[] }
  /** An operationId: the settings file lists it (found by the caller, which reads that file). */
  | { kind: 'operationId'; operationId: string; declaration: Span };

export function referencesAt(index: NavIndex, offset: number): References | undefined {
  const under = whatIsAt(index, offset);
  if (!under) return undefined;
  if (under.kind === 'component')
    return { kind: 'target', pointer: under.site.pointer, declaration: under.site.key, sites: index.usages.get(under.site.pointer) ?? [] };
  if (under.kind === 'operationId') return { kind: 'operationId', operationId: under.operationId, declaration: under.span };
  if (under.kind !== 'ref') return undefined;
  const { target, path } = under.site.meaning;
  if (!target || !path) return undefined;
  const component = index.byPointer.get(target);
  // A component is named by references to it and to anything inside it; any other target by the same pointer.
  if (component) return { kind: 'target', pointer: target, declaration: component.key, sites: index.usages.get(target) ?? [] };
  return { kind: 'target', pointer: target, declaration: locatePointer(index.doc, path), sites: index.refs.filter((s) => s.meaning.target === target) };
}
