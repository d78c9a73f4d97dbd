/** The fields Rewst cannot go on without, given the method and type chosen. */
import type { SettingsCheck } from '../check';
import type { SettingsReport } from '../findings';
import { getField, requiredFields, type FieldSpec } from '../fields';
import { AUTH_LABELS, PAGINATION_LABELS, type IntegrationSettings } from '../model';

export const required: SettingsCheck = {
  id: 'required',
  codes: ['settings-required'],
  description: 'Every field the chosen method and type need is filled (not the icon: Rewst applies a default one since August 2026).',
  check(s, out) {
    for (const field of requiredFields(s)) {
      const v = getField(s, field.key);
      if (v === undefined || v === '') out.push(missing(field, s));
    }
  },
};

function missing(field: FieldSpec, s: IntegrationSettings): SettingsReport {
  const why = field.when?.auth
    ? ` for ${AUTH_LABELS[s.auth!.method!]}`
    : field.when?.pagination
      ? ` for pagination type ${PAGINATION_LABELS[s.pagination!.type!]}`
      : '';
  return { code: 'settings-required', path: field.key.split('.'), target: 'key', severity: 'error', message: `${field.label} is required${why}.` };
}
