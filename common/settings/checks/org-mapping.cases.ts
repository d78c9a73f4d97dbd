import type { SettingsCheckCase } from '../check';

const paged = { pagination: { type: 'page' }, paginatedActions: ['listCustomers'] };

export const cases: SettingsCheckCase[] = [
  {
    name: 'a paginated action with both keys',
    settings: { ...paged, organizationMapping: { action: 'listCustomers', valueKey: 'id', labelKey: 'name' } },
    expect: [],
  },
  { name: 'no mapping', settings: paged, expect: [] },
  {
    name: 'not marked paginated',
    settings: { ...paged, organizationMapping: { action: 'listClients', valueKey: 'id', labelKey: 'name' } },
    expect: [{ code: 'settings-org-mapping', path: ['organizationMapping', 'action'], severity: 'error', message: /not in paginatedActions/ }],
  },
  {
    name: 'no pagination at all',
    settings: { pagination: { type: 'none' }, organizationMapping: { action: 'listCustomers', valueKey: 'id', labelKey: 'name' } },
    expect: [{ code: 'settings-org-mapping', path: ['organizationMapping', 'action'], message: /only when an action is paginated/ }],
  },
  {
    name: 'keys missing',
    settings: { ...paged, organizationMapping: { action: 'listCustomers', valueKey: '' } },
    expect: [
      { code: 'settings-required', path: ['organizationMapping'], message: /valueKey is required/ },
      { code: 'settings-required', path: ['organizationMapping'], message: /labelKey is required/ },
    ],
  },
  {
    name: 'no action',
    settings: { ...paged, organizationMapping: { valueKey: 'id', labelKey: 'name' } },
    expect: [{ code: 'settings-required', path: ['organizationMapping'], message: /action is required/ }],
  },
];
