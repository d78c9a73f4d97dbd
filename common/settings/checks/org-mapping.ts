/**
 * The organization mapping as the file states it: an action, its value and label keys, and the action marked
 * paginated (Rewst shows the mapping table only when an action is paginated). That the action is a list of the
 * spec is server/src/engine/settings/check/org-mapping.ts.
 */
import { isPlainObject, type SettingsCheck } from '../check';

export const orgMapping: SettingsCheck = {
  id: 'org-mapping',
  codes: ['settings-required', 'settings-org-mapping'],
  description: 'organizationMapping names an action (and, a warning, a value key and a label key), and the action is marked paginated.',
  check(s, out) {
    const m = s.organizationMapping as unknown;
    if (!isPlainObject(m)) return; // absent, or not an object (keys.ts says so)
    const missing = (key: string, why: string) => {
      const severity = key === 'action' ? 'error' : 'warning'; // the proposal leaves a key out when the spec does not describe the items
      if (m[key] === undefined || m[key] === '')
        out.push({
          code: 'settings-required',
          path: ['organizationMapping'],
          target: 'key',
          severity,
          message: `organizationMapping.${key} is required: ${why}.`,
        });
    };
    missing('action', "it names the list action whose items are the vendor's customers");
    missing('valueKey', "Rewst stores the item's value (its id) for each child organization");
    missing('labelKey', 'the mapping drop-down shows each item by its label (a name)');
    const action = m.action;
    if (typeof action !== 'string' || action === '') return;
    const type = s.pagination?.type;
    const list = Array.isArray(s.paginatedActions) ? s.paginatedActions : [];
    if (!type || type === 'none')
      out.push({
        code: 'settings-org-mapping',
        path: ['organizationMapping', 'action'],
        severity: 'error',
        message: `The pagination type is ${type ? 'No pagination' : 'not chosen'}: Rewst shows the organization mapping only when an action is paginated, so ${action} cannot feed it.`,
      });
    else if (!list.includes(action))
      out.push({
        code: 'settings-org-mapping',
        path: ['organizationMapping', 'action'],
        severity: 'error',
        message: `${action} is not in paginatedActions: Rewst shows the organization mapping only when an action is paginated and reads it from a paginated list action. Add it to paginatedActions.`,
      });
  },
};
