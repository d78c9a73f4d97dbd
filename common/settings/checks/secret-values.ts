/** Any string anywhere that has the shape of a real key or token (Stripe, GitHub, Slack, AWS, a JWT, a private key). */
import type { SettingsCheck } from '../check';
import type { SettingsReport } from '../findings';
import { looksLikeSecretValue, SECRET_WHY } from '../secrets';
import { isPlainObject } from '../check';

export const secretValues: SettingsCheck = {
  id: 'secret-values',
  codes: ['settings-secret'],
  description: 'No value anywhere looks like a real key or token (reported once where an earlier check already did).',
  check: (s, out) => checkSecretValues(s, [], out),
};

/** Any string anywhere that has the shape of a real key or token. */
function checkSecretValues(node: unknown, path: Array<string | number>, out: SettingsReport[], depth = 0): void {
  if (depth > 20) return;
  if (typeof node === 'string') {
    if (looksLikeSecretValue(node) && !out.some((r) => r.code === 'settings-secret' && r.path.join('\u0000') === path.join('\u0000')))
      out.push({ code: 'settings-secret', path, severity: 'error', message: `This looks like a real key or token. ${SECRET_WHY}` });
  } else if (Array.isArray(node)) node.forEach((x, i) => checkSecretValues(x, [...path, i], out, depth + 1));
  else if (isPlainObject(node)) for (const [k, v] of Object.entries(node)) checkSecretValues(v, [...path, k], out, depth + 1);
}
