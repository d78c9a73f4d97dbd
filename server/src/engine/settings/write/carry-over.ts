/**
 * The settings of a spec, carried over to the file prepared from it: the
 * same auth, pagination and paginated actions, with each paginated
 * operationId changed to the one the operation has in the prepared file
 * (prepare renames repeated ids), and the paths the file names (spec, icon)
 * made relative to where the new settings file goes. Edits are minimal, so
 * the author's formatting and unknown keys stay.
 */
import { applyEdits } from '../../edit-ops';
import { parseSettingsText } from '../../../../../common/settings/settings-text';
import { settingsEdits } from './settings-edits';
import type { IntegrationSettings } from '../../../../../common/settings/model';

/** One operation of the spec, by the id it had before prepare and the id it has after. */
export interface OperationIdChange {
  before?: string;
  after?: string;
}

export interface CarriedSettings {
  text: string;
  /** What changed, in words; empty when the file is carried over as it was. */
  changes: string[];
}

/**
 * `relocate` turns a path relative to the old settings file into one relative
 * to the new (identity when both sit in the same folder); `spec` is the
 * prepared file's name relative to the new settings file.
 */
export function carrySettings(
  text: string,
  operations: readonly OperationIdChange[],
  options: { spec: string; relocate?: (relative: string) => string },
): CarriedSettings {
  const value = parseSettingsText(text);
  if (value === undefined) return { text, changes: ['The settings file does not parse: copied as it is.'] };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { text, changes: ['The settings file is not a JSON object: copied as it is.'] };
  const settings = value as IntegrationSettings & Record<string, unknown>;
  const next: IntegrationSettings & Record<string, unknown> = { ...settings };
  const changes: string[] = [];
  if (Array.isArray(settings.paginatedActions)) {
    next.paginatedActions = settings.paginatedActions.map((id) => {
      if (typeof id !== 'string') return id;
      const ops = operations.filter((o) => o.before === id);
      // An id two operations shared: the one that keeps it (fix-all keeps the first), else the first one renamed.
      const kept = ops.find((o) => o.after === id) ?? ops[0];
      const others = ops.filter((o) => o !== kept && o.after && o.after !== id).map((o) => `"${o.after}"`);
      if (others.length)
        changes.push(
          `paginatedActions: "${id}" was the id of ${ops.length} operations; it now names one, and the other${others.length > 1 ? 's are' : ' is'} ${others.join(', ')}: add ${others.length > 1 ? 'them' : 'it'} if ${others.length > 1 ? 'they page' : 'it pages'} too.`,
        );
      if (!kept?.after || kept.after === id) return id;
      changes.push(`paginatedActions: "${id}" is now "${kept.after}" (renamed by prepare).`);
      return kept.after;
    });
  }
  const mapping = settings.organizationMapping;
  if (mapping && typeof mapping === 'object' && typeof mapping.action === 'string') {
    const ops = operations.filter((o) => o.before === mapping.action);
    const kept = ops.find((o) => o.after === mapping.action) ?? ops[0];
    if (kept?.after && kept.after !== mapping.action) {
      next.organizationMapping = { ...mapping, action: kept.after };
      changes.push(`organizationMapping.action: "${mapping.action}" is now "${kept.after}" (renamed by prepare).`);
    }
  }
  if (typeof settings.spec === 'string' && settings.spec !== options.spec) {
    next.spec = options.spec;
    changes.push(`spec: now ${options.spec}.`);
  }
  if (typeof settings.icon === 'string' && options.relocate) {
    const icon = options.relocate(settings.icon);
    if (icon !== settings.icon) {
      next.icon = icon;
      changes.push(`icon: now ${icon} (relative to the new file).`);
    }
  }
  return { text: changes.length ? applyEdits(text, settingsEdits(text, next)) : text, changes };
}
