/**
 * The document's outline: info, paths → operations (method, path, action name), components by section →
 * names. A path item that is a `$ref` to another file lists the operations written there (given by the
 * caller, who reads files), each at the path's key: an outline points only into its own document.
 */
import { actionName } from '../actions';
import type { OperationRef } from '../spec-index';
import { lastNamed, type NavStructure, type Span } from './nav-index';

export type SymbolKind = 'info' | 'paths' | 'path' | 'operation' | 'components' | 'section' | 'component';

export interface NavSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole member, key to end of value. */
  span: Span;
  /** The key: what the editor selects. */
  selection: Span;
  children?: NavSymbol[];
}

/** An operation written in another file, as referenced-operations.ts reads it. */
export type OperationElsewhere = OperationRef & { file: string };

export function documentSymbols(index: NavStructure, elsewhere: ReadonlyArray<OperationElsewhere> = []): NavSymbol[] {
  const out: NavSymbol[] = [];
  const member = (key: string) => lastNamed(index.top, key);
  const info = member('info');
  if (info) {
    const title = (index.root.info as { title?: unknown } | undefined)?.title;
    out.push({
      name: 'info',
      detail: typeof title === 'string' ? title : undefined,
      kind: 'info',
      span: { start: info.keyStart, end: info.valueEnd },
      selection: { start: info.keyStart, end: info.keyEnd },
    });
  }
  const paths = member('paths');
  if (paths) {
    const children = index.paths.map((p): NavSymbol => ({
      name: p.key,
      kind: 'path',
      span: { start: p.keySpan.start, end: p.value.end },
      selection: p.keySpan,
      children: [
        ...p.operations.map((o): NavSymbol => ({
          name: `${o.op.method.toUpperCase()} ${p.key}`,
          detail: actionName(o.op).name,
          kind: 'operation',
          span: { start: o.key.start, end: o.value.end },
          selection: o.key,
        })),
        ...elsewhere
          .filter((o) => o.pathKey === p.key)
          .map((o): NavSymbol => ({
            name: `${o.method.toUpperCase()} ${p.key}`,
            detail: `${actionName(o).name} · in ${o.file}`,
            kind: 'operation',
            span: { start: p.keySpan.start, end: p.value.end },
            selection: p.keySpan,
          })),
      ],
    }));
    out.push({
      name: 'paths',
      detail: `${index.operations.length + elsewhere.length} operations`,
      kind: 'paths',
      span: { start: paths.keyStart, end: paths.valueEnd },
      selection: { start: paths.keyStart, end: paths.keyEnd },
    });
    out[out.length - 1].children = children;
  }
  const sections = [...index.sectionSites]
    .sort((a, b) => a.key.start - b.key.start)
    .map((s): NavSymbol => ({
      name: s.section.label,
      detail: `${s.components.length}`,
      kind: 'section',
      span: { start: s.key.start, end: s.value.end },
      selection: s.key,
      children: s.components.map((c) => ({ name: c.name, kind: 'component', span: { start: c.key.start, end: c.value.end }, selection: c.key })),
    }));
  const components = index.componentsMember;
  if (components)
    out.push({
      name: 'components',
      kind: 'components',
      span: { start: components.keyStart, end: components.valueEnd },
      selection: { start: components.keyStart, end: components.keyEnd },
      children: sections,
    });
  else out.push(...sections);
  return out.sort((a, b) => a.span.start - b.span.start);
}
