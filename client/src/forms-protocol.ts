/**
 * The one message protocol between the settings forms' host (the extension,
 * client/src/settings-forms.ts) and their page (client/webview/forms-page.ts).
 * Both import this file; nothing here runs, it only names shapes.
 */
import type { FormKind } from '../../common/settings/form';
import type { IntegrationSettings } from '../../common/settings/model';
import type { SettingsReport } from '../../common/settings/findings';
import type { Proposal } from '../../common/settings/proposal';

export const VIEW_TYPES: Record<FormKind, string> = { auth: 'rewstOpenapi.authForm', pagination: 'rewstOpenapi.paginationForm' };

/** What the page starts from, carried in the HTML (escaped) and kept by the webview across reloads. */
export interface FormInit {
  kind: FormKind;
  specUri: string;
  settingsUri: string;
  specName: string;
  settingsName: string;
  /** The spec's title, for the heading. */
  title: string;
  settingsExists: boolean;
  /** The settings file's content, or the proposal when there is no file yet. */
  settings: IntegrationSettings;
  proposal: Proposal;
  /** A page opened again in a new webview (its first one never started) starts from what that one was given. */
  state?: PageState;
}

/** What the page keeps with vscode.setState: enough to come back after a hide or a window reload. */
export interface PageState {
  kind: FormKind;
  specUri: string;
  settingsUri: string;
  draft: IntegrationSettings;
  /** Field keys the user changed since the last load or save. */
  dirty: string[];
}

export type PageMessage =
  | { type: 'ready' }
  /** The draft changed: the host asks the server for every finding (cross-checks included). */
  | { type: 'draft'; seq: number; draft: IntegrationSettings }
  | { type: 'save'; draft: IntegrationSettings }
  | { type: 'pickIcon' }
  | { type: 'showSheet' }
  | { type: 'openFile' }
  /** Try an action with the settings file (the Pagination form's button); `draft`: the page's values, when the file does not hold them yet. */
  | { type: 'trySettings'; draft?: IntegrationSettings }
  /** `unsaved`: the page has changes not saved, so the host keeps it open (in the same group) rather than replacing it. */
  | { type: 'openForm'; kind: FormKind; unsaved?: boolean };

export type HostMessage =
  /** The settings file as it is now (after a hand edit, or a save). */
  | { type: 'file'; settings: IntegrationSettings; exists: boolean }
  /** The file does not parse: the form keeps its values. */
  | { type: 'fileBroken'; message: string }
  | { type: 'reports'; seq: number; reports: SettingsReport[]; iconSrc?: string }
  | { type: 'iconPicked'; path: string }
  | { type: 'saved'; ok: boolean; message: string };
