/** A form page's init message, as the extension sends it, for a spec held as a value in a test. */
import type { FormInit } from '../../client/src/forms-protocol';
import { proposeSettings, type IntegrationSettings } from '../../server/src/engine/settings';

export type FormFiles = Pick<FormInit, 'specUri' | 'settingsUri' | 'specName' | 'settingsName'>;

/**
 * The init of a `kind` form for `spec` (its title heads the page): the proposal made from the spec, and
 * `settings` as the settings file's content (the proposal's settings when there is none).
 */
export function formInit(
  kind: FormInit['kind'],
  spec: Record<string, unknown> & { info: { title: string } },
  files: FormFiles,
  settings?: IntegrationSettings,
  settingsExists = settings !== undefined,
): FormInit {
  const proposal = proposeSettings(spec, { specName: files.specName });
  return { kind, ...files, title: spec.info.title, settingsExists, settings: settings ?? proposal.settings, proposal };
}
