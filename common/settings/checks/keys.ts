/** Unknown keys in the file's own objects: a secret among them is an error, an account detail or anything else a warning. */
import type { SettingsCheck } from '../check';
import type { SettingsReport } from '../findings';
import { FIELDS, FIELDS_BY_KEY } from '../fields';
import { SECRET_WHY, secretKindOfKey } from '../secrets';
import { isPlainObject } from '../check';

/** Keys the file may hold besides FIELDS: the objects that group them, and bookkeeping. */
const CONTAINERS = new Set(['auth', 'auth.oauth', 'pagination', 'organizationMapping']);
const OTHER_KEYS = new Set(['$schema', 'spec', 'paginatedActions']);

export const keys: SettingsCheck = {
  id: 'keys',
  codes: ['settings-unknown', 'settings-secret', 'settings-type'],
  description: "Every key is a field of Rewst's wizard (or $schema, spec, paginatedActions); none names a secret.",
  check: (s, out) => checkKeys(s as Record<string, unknown>, '', out),
};

/** Unknown keys (a secret among them is an error; anything else a warning) in the file's own objects. */
function checkKeys(obj: Record<string, unknown>, prefix: string, out: SettingsReport[]): void {
  for (const key of Object.keys(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    const path = full.split('.');
    if (CONTAINERS.has(full)) {
      if (isPlainObject(obj[key])) checkKeys(obj[key] as Record<string, unknown>, full, out);
      else out.push({ code: 'settings-type', path, severity: 'error', message: `${full} must be an object.` });
      continue;
    }
    if (FIELDS_BY_KEY.has(full) || (!prefix && OTHER_KEYS.has(key))) continue;
    const kind = secretKindOfKey(key);
    if (kind === 'secret') out.push({ code: 'settings-secret', path, target: 'key', severity: 'error', message: `"${key}" is a secret. ${SECRET_WHY}` });
    else if (kind === 'account')
      out.push({
        code: 'settings-secret',
        path,
        target: 'key',
        severity: 'warning',
        message: `"${key}" is an account detail that each configuration in Rewst sets for itself; leave it out of the shared settings file.`,
      });
    else
      out.push({
        code: 'settings-unknown',
        path,
        target: 'key',
        severity: 'warning',
        message: `"${key}" is not a field of Rewst's wizard${suggestion(key, prefix)}.`,
      });
  }
}

function suggestion(key: string, prefix: string): string {
  const near = FIELDS.filter(
    (f) => f.key.startsWith(prefix ? prefix + '.' : '') && f.key.split('.').length === (prefix ? prefix.split('.').length + 1 : 1),
  ).map((f) => f.key.split('.').pop()!);
  const hit = near.find((n) => n.toLowerCase() === key.toLowerCase().replace(/[-_ ]/g, ''));
  return hit ? `; did you mean "${hit}"?` : '';
}
