/**
 * Navigation between a spec and its integration settings file: the
 * operationIds listed in `paginatedActions`, and the operations they name.
 */
import type { SpecOperations } from '../actions';
import { locateJsonPaths, readKey, readNode } from '../json-scan';
import { parseSettingsText } from '../../../../common/settings/settings-text';
import type { Span } from './nav-index';

/** Each string of `paginatedActions` with its span (quotes included); empty when the file does not parse. */
export function paginatedEntries(settingsText: string): Array<{ operationId: string; span: Span }> {
  if (parseSettingsText(settingsText) === undefined) return []; // the scanner reads only text JSON.parse accepts
  const [found] = locateJsonPaths(settingsText, [['paginatedActions']]);
  if (!found.value) return [];
  const node = readNode(settingsText, found.value.start);
  return node.items.filter((i) => settingsText.charCodeAt(i.start) === 34).map((i) => ({ operationId: readKey(settingsText, i.start, i.end), span: i }));
}

/** The `paginatedActions` entry under the cursor. */
export function paginatedEntryAt(settingsText: string, offset: number): { operationId: string; span: Span } | undefined {
  return paginatedEntries(settingsText).find((e) => e.span.start <= offset && offset <= e.span.end);
}

/** The method key of the operation with this operationId; undefined when the spec has none. */
export function operationKeySpan(spec: SpecOperations, operationId: string): Span | undefined {
  const op = spec.operations.filter((o) => o.operation.operationId === operationId).pop();
  return op && spec.doc.locate([{ path: op.path, target: 'key' }])[0];
}
