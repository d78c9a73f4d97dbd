/** The icon file a settings file names: there, readable and SVG (that it is named .svg is common/settings/checks/icon.ts). */
import type { ContextCheck } from './context';
import { svgProblem } from './svg';

export const iconFile: ContextCheck = {
  id: 'icon-file',
  codes: ['settings-icon'],
  description: 'The SVG the icon names exists beside the settings file (inside its folder) and parses as SVG.',
  check(s, context, out) {
    if (!context.icon || typeof s.icon !== 'string' || !/\.svg$/i.test(s.icon)) return;
    if (context.icon.problem) out.push({ code: 'settings-icon', path: ['icon'], severity: 'error', message: context.icon.problem });
    else if (!context.icon.exists)
      out.push({
        code: 'settings-icon',
        path: ['icon'],
        severity: 'error',
        message: `${s.icon} does not exist (the path is relative to the settings file).`,
      });
    else {
      const why = svgProblem(context.icon.text ?? '');
      if (why)
        out.push({
          code: 'settings-icon',
          path: ['icon'],
          severity: 'error',
          message: `${s.icon} does not parse as SVG: ${why}. Rewst will not upload it.`,
        });
    }
  },
};
