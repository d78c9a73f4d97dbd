import type { SettingsCheckCase } from '../check';

export const cases: SettingsCheckCase[] = [
  { name: 'paged actions with a pagination type', settings: { pagination: { type: 'page' }, paginatedActions: ['listA', 'listB'] }, expect: [] },
  { name: 'no pagination, no list', settings: { pagination: { type: 'none' } }, expect: [] },
  {
    name: 'twice, and not a string',
    settings: { pagination: { type: 'page' }, paginatedActions: ['listA', 'listA', 3] },
    expect: [
      { code: 'settings-type', path: ['paginatedActions', 1], severity: 'warning', message: /listed twice/ },
      { code: 'settings-type', path: ['paginatedActions', 2], severity: 'error' },
    ],
  },
  {
    name: 'listed, but no pagination',
    settings: { pagination: { type: 'none' }, paginatedActions: ['listA'] },
    expect: [{ code: 'settings-unused', path: ['paginatedActions'] }],
  },
  {
    name: 'a type, but nothing marked',
    settings: { pagination: { type: 'link' } },
    expect: [{ code: 'settings-not-paginated', path: ['pagination', 'type'], severity: 'information' }],
  },
  { name: 'not a list', settings: { paginatedActions: 'listA' }, expect: [{ code: 'settings-type', path: ['paginatedActions'] }] },
];
