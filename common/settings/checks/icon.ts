/** The icon is an SVG: Rewst does not upload other image formats. (That the file exists and parses is the server's check, engine/settings/check/svg.ts.) */
import type { SettingsCheck } from '../check';

export const icon: SettingsCheck = {
  id: 'icon',
  codes: ['settings-icon'],
  description: 'The icon names an .svg file.',
  check(s, out) {
    if (typeof s.icon === 'string' && s.icon !== '' && !/\.svg$/i.test(s.icon))
      out.push({
        code: 'settings-icon',
        path: ['icon'],
        severity: 'error',
        message: 'The icon must be an .svg file: Rewst does not upload other image formats.',
      });
  },
};
