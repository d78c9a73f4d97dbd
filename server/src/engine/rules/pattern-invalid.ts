import { checkPattern } from '../schema-pattern';
import { single, type Rule } from '../rule';

export const patternInvalid: Rule = {
  id: 'pattern-invalid',
  rewstError: 'Regex is not valid',
  description: 'A schema pattern must be a valid ECMA-262 regular expression.',
  severity: 'error',
  fixAll: true,
  check({ index, report }) {
    for (const { path, pattern } of index.patterns) {
      const verdict = checkPattern(pattern);
      if (verdict.ok) continue;
      report({
        path: [...path, 'pattern'],
        target: 'value',
        severity: verdict.severity,
        message: `${verdict.severity === 'error' ? 'Rewst will report "Regex is not valid"' : 'Regex may be rejected'}: ${JSON.stringify(pattern.length > 80 ? pattern.slice(0, 80) + '…' : pattern)}: ${verdict.reason}.`,
        data: verdict.fixed === undefined ? undefined : { fixed: verdict.fixed },
        fixable: verdict.fixed !== undefined,
      });
    }
  },
  fix({ path, data }, { editor }) {
    if (typeof data?.fixed !== 'string') return undefined;
    return single('Escape the "/" delimiter', editor.replaceValue(path, data.fixed), { op: 'set', path, value: data.fixed });
  },
};
