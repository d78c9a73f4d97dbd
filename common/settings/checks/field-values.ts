/** Each field's value: its type, choices and Rewst's limits; a field the chosen method or type does not ask for. */
import type { SettingsCheck } from '../check';
import type { JsonPath, SettingsReport } from '../findings';
import { FIELDS, fieldApplies, getField, type FieldSpec } from '../fields';
import { AUTH_LABELS, PAGINATION_LABELS, type AuthMethod, type IntegrationSettings, type PaginationType } from '../model';
import { isPlainObject } from '../check';

export const fieldValues: SettingsCheck = {
  id: 'field-values',
  codes: ['settings-type', 'settings-range', 'settings-unused'],
  description: "Each field holds its kind of value within Rewst's limits, and only fields the chosen method and type ask for are set.",
  check(s, out) {
    for (const field of FIELDS) {
      const v = getField(s, field.key);
      if (v === undefined) continue;
      const path = field.key.split('.');
      if (!checkType(field, v, path, out)) continue;
      if (!fieldApplies(field, s) && !isDefaultOnly(field, v))
        out.push({
          code: 'settings-unused',
          path,
          target: 'key',
          severity: 'information',
          message: `${field.label} is not asked for ${whenText(field, s)}: Rewst ignores it.`,
        });
    }
  },
};

function checkType(field: FieldSpec, v: unknown, path: JsonPath, out: SettingsReport[]): boolean {
  const bad = (what: string) => (out.push({ code: 'settings-type', path, severity: 'error', message: `${field.label} must be ${what}.` }), false);
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return typeof v === 'string' || bad('a string');
    case 'boolean':
      return typeof v === 'boolean' || bad('true or false');
    case 'select': {
      const choices = field.options!.map((o) => o.value);
      return (typeof v === 'string' && choices.includes(v)) || bad(`one of ${choices.map((c) => `"${c}"`).join(', ')}`);
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isInteger(v)) return bad('a whole number');
      if ((field.min !== undefined && v < field.min) || (field.max !== undefined && v > field.max)) {
        out.push({
          code: 'settings-range',
          path,
          severity: 'error',
          message: `${field.label} must be between ${field.min} and ${field.max} in Rewst; ${v} is ${field.max !== undefined && v > field.max ? 'too high' : 'too low'}.`,
        });
        return false;
      }
      return true;
    }
    case 'pairs':
      return (isPlainObject(v) && Object.values(v).every((x) => typeof x === 'string')) || bad('an object of names to string values');
  }
}

/** Defaults the form prefills (false checkboxes) are no noise when the method changes. */
function isDefaultOnly(field: FieldSpec, v: unknown): boolean {
  return field.kind === 'boolean' && v === false;
}

function whenText(field: FieldSpec, s: IntegrationSettings): string {
  if (field.when?.auth && !field.when.auth.includes(s.auth?.method as AuthMethod))
    return s.auth?.method ? `with ${AUTH_LABELS[s.auth.method] ?? s.auth.method}` : 'until an authentication method is chosen';
  const type = s.pagination?.type as PaginationType | undefined;
  return type ? `with pagination type ${PAGINATION_LABELS[type] ?? type}` : 'until a pagination type is chosen';
}
