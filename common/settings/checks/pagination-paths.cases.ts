import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  {
    name: 'dotted keys and a JSONPath pointer',
    settings: { pagination: { type: 'pointer', resultsKey: 'data.items', pointerJsonPath: '$.meta.next_cursor' } },
    expect: [],
  },
  {
    name: 'index paging without a page size parameter',
    settings: { pagination: { type: 'index', indexParam: 'offset' } },
    expect: [{ code: 'settings-required', path: ['pagination', 'pageSizeParam'], severity: 'warning', message: /items are skipped or repeated/ }],
  },
  {
    name: 'a pointer that is not a JSONPath',
    settings: { pagination: { type: 'pointer', pointerJsonPath: 'meta.next' } },
    expect: [{ code: 'settings-type', path: ['pagination', 'pointerJsonPath'] }],
  },
  {
    name: 'a results key written as a JSONPath',
    settings: { pagination: { type: 'page', resultsKey: '$.data' } },
    expect: [{ code: 'settings-type', path: ['pagination', 'resultsKey'], message: /not a JSONPath/ }],
  },
];
