/** The spec beside the settings file could not be read or parsed: said once, and the checks against it are skipped. */
import type { ContextCheck } from './context';

export const specReadable: ContextCheck = {
  id: 'spec-readable',
  codes: ['settings-spec'],
  description: 'The spec the settings describe is found and parses, so the settings can be checked against it.',
  check(s, context, out) {
    if (context.spec?.root || !context.spec?.problem) return;
    out.push({
      code: 'settings-spec',
      path: typeof s.spec === 'string' ? ['spec'] : [],
      severity: 'warning',
      message: `${context.spec.problem} The settings cannot be checked against the spec.`,
    });
  },
};
