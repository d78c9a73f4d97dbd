/** What is under the cursor: a `$ref` or mapping value, a component's key, an operation's method key or its operationId. */
import { membersOf } from './members';
import { siteAt, type ComponentSite, type NavIndex, type OperationSite, type RefSite, type Span } from './nav-index';

export type Under =
  | { kind: 'ref'; site: RefSite }
  | { kind: 'component'; site: ComponentSite }
  | { kind: 'method'; site: OperationSite }
  | { kind: 'operationId'; site: OperationSite; operationId: string; span: Span };

export function whatIsAt(index: NavIndex, offset: number): Under | undefined {
  const ref = siteAt(index.refs, offset, (s) => s);
  if (ref) return { kind: 'ref', site: ref };
  const component = siteAt(index.components, offset, (s) => s.key);
  if (component) return { kind: 'component', site: component };
  const method = siteAt(index.operations, offset, (s) => s.key);
  if (method) return { kind: 'method', site: method };
  return operationIdAt(index, offset);
}

/** The operationId value under the cursor: only the operation around the cursor is read. */
function operationIdAt(index: NavIndex, offset: number): Under | undefined {
  const id = index.operations.find((o) => o.value.start <= offset && offset <= o.value.end);
  if (!id || typeof id.op.operation.operationId !== 'string') return undefined;
  const members = membersOf(index.doc, {
    key: id.op.method,
    keyStart: id.key.start,
    keyEnd: id.key.end,
    valueStart: id.value.start,
    valueEnd: id.value.end,
    node: id.node,
  });
  const m = members?.filter((x) => x.key === 'operationId').pop();
  if (!m || offset < m.valueStart || offset > m.valueEnd) return undefined;
  return { kind: 'operationId', site: id, operationId: id.op.operation.operationId, span: { start: m.valueStart, end: m.valueEnd } };
}
