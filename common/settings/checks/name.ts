/** The integration's name without special characters: Rewst shows it as the header of its actions. */
import type { SettingsCheck } from '../check';

/** Letters, digits and spaces; separators become spaces, anything else goes. */
export function cleanName(name: string): string {
  return name
    .replace(/[-_./:|+&]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const name: SettingsCheck = {
  id: 'name',
  codes: ['settings-name'],
  description: 'The name has letters, digits and single spaces only; the fix gives the cleaned name.',
  check(s, out) {
    if (typeof s.name !== 'string' || s.name === '') return;
    const clean = cleanName(s.name);
    if (clean !== s.name) {
      const bad = [...new Set(s.name.replace(/[\p{L}\p{N} ]/gu, ''))].join(' ');
      out.push({
        code: 'settings-name',
        path: ['name'],
        severity: 'error',
        message: `The name shouldn't contain special characters (${bad ? `"${bad}"` : 'extra spaces'}): Rewst shows it as the header of the integration's actions. Use "${clean}".`,
        data: { replacement: clean },
      });
    }
  },
};
