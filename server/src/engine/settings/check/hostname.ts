/**
 * The hostname still a placeholder: the spec's server URL has a variable in
 * the host (a tenant's subdomain, a region) and the settings keep the
 * hostname the spec yields, or a free variable's default, or a `{variable}`
 * was never replaced at all. Rewst would call the spec's example tenant, or
 * no host.
 */
import { describeVariable, placeholdersIn, specServer } from '../../server-url';
import type { SettingsReport } from '../../../../../common/settings/findings';
import type { IntegrationSettings } from '../../../../../common/settings/model';
import type { Obj } from '../model/spec-model';
import type { ContextCheck } from './context';

/** The hostname against the spec's server: a host variable still at its default is a warning. */
export function hostnamePlaceholder(s: IntegrationSettings, root: Obj): SettingsReport[] {
  if (typeof s.hostname !== 'string' || !s.hostname || /[{}]/.test(s.hostname)) return [];
  const server = specServer(root);
  if (!server) return [];
  const atDefault = placeholdersIn(s.hostname, server);
  // The spec's own hostname, untouched: every variable is named. Once some are changed, a variable whose values
  // the spec lists (a region) may rightly keep its default; a free one (a tenant's subdomain) may not.
  const untouched = atDefault.length === server.hostVariables.filter((v) => v.default !== undefined).length;
  const left = untouched ? atDefault : atDefault.filter((v) => !v.enum?.length);
  if (!left.length) return [];
  const parts = left.map((v) => `"${v.default}" is the default of ${describeVariable(v)}`);
  return [
    {
      code: 'settings-hostname-placeholder',
      path: ['hostname'],
      severity: 'warning',
      message: `The hostname is still the spec's placeholder (server URL ${server.raw}): ${parts.join('; ')}. Replace ${left.length > 1 ? 'them' : 'it'} with your tenant's own.`,
    },
  ];
}

export const hostnameAtPlaceholder: ContextCheck = {
  id: 'hostname-placeholder',
  codes: ['settings-hostname-placeholder'],
  description: "The hostname is not the spec's placeholder: a host variable still at its default.",
  check(s, context, out) {
    if (context.spec?.root) out.push(...hostnamePlaceholder(s, context.spec.root));
  },
};
