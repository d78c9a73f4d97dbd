/** The hostname: no scheme, credentials or path, no `{variable}` left, a hostname's characters. */
import type { SettingsCheck } from '../check';
import type { SettingsReport } from '../findings';

/** Strips a scheme, credentials, a path, a query and a fragment: what is left is the hostname (and port). */
export function cleanHostname(host: string): string {
  return host
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^/@]*@/, '')
    .replace(/[/?#].*$/s, '')
    .replace(/\.$/, '');
}

/** A `{variable}` written in the hostname (no spec needed): Rewst cannot call it. */
export function unfilledVariable(hostname: string): SettingsReport | undefined {
  const names = [...hostname.matchAll(/\{([^{}]*)\}/g)].map((m) => `{${m[1]}}`);
  if (!names.length) return undefined;
  return {
    code: 'settings-hostname-placeholder',
    path: ['hostname'],
    severity: 'error',
    message: `"${hostname}" is not a hostname: the server variable ${names.join(', ')} must be replaced by your tenant's value.`,
  };
}

export const hostname: SettingsCheck = {
  id: 'hostname',
  codes: ['settings-hostname', 'settings-hostname-placeholder'],
  description: "The hostname is a hostname (and port) only; a server variable in it must be replaced by the tenant's value.",
  check(s, out) {
    if (typeof s.hostname !== 'string' || s.hostname === '') return;
    const clean = cleanHostname(s.hostname);
    if (clean !== s.hostname && clean) {
      const rest = s.hostname.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
      const parts = [
        /^\s*[a-z][a-z0-9+.-]*:\/\//i.test(s.hostname) ? 'the scheme (https://)' : '',
        /^[^/@]*@/.test(rest) ? 'credentials' : '',
        /[/?#]./.test(rest) ? 'a path' : '',
      ].filter(Boolean);
      out.push({
        code: 'settings-hostname',
        path: ['hostname'],
        severity: 'error',
        message: `Enter the hostname only${parts.length ? `, without ${parts.join(' or ')}` : ''}: "${clean}".`,
        data: { replacement: clean },
      });
      return;
    }
    const unfilled = unfilledVariable(clean);
    if (unfilled) out.push(unfilled);
    else if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/.test(clean))
      out.push({ code: 'settings-hostname', path: ['hostname'], severity: 'error', message: `"${s.hostname}" is not a hostname.` });
  },
};
