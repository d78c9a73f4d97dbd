/**
 * The one protocol between the extension client and the language server:
 * every custom request and notification as a typed RequestType or
 * NotificationType (its method named once, here; the tests send these too),
 * with its `*Params` and `*Result`, which both sides import (as
 * rust-analyzer's lsp_ext.ts and vscode-eslint's customMessages.ts are).
 *
 * The wire types are written out here, not derived from engine types: an
 * engine refactor that changes what goes over the wire fails to compile where
 * the server builds the answer, instead of silently changing this. Positions,
 * ranges and edits are LSP's own.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0, type Range, type TextEdit } from 'vscode-languageserver-protocol';
import type { IntegrationSettings } from './settings/model';
import type { SettingsReport } from './settings/findings';
import type { Note, Proposal } from './settings/proposal';

export type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
export type { Note };

// --- the actions view and the regex rename ---

/** What an action's name comes from: the summary, else the operationId, else method and path. */
export type ActionNameSource = 'summary' | 'operationId' | 'method-and-path';

/** One action Rewst will create: an operation of the spec. */
export interface ActionInfo {
  name: string;
  nameFrom: ActionNameSource;
  operationId?: string;
  description?: string;
  /** Upper case, as Rewst shows it. */
  method: string;
  path: string;
  tags: string[];
  /** Listed in the integration settings file's `paginatedActions`. */
  paginated: boolean;
  /** JSON pointer of the operation (in `uri` when it has one). */
  pointer: string;
  /** The operation's method key: where "reveal" goes, in `uri` when the operation is written in another file. */
  range: Range;
  /** The file the operation is written in, when it is not the spec (a split spec). */
  uri?: string;
}

/** A tag and its actions: indices into `actions`, in spec order ('' for operations without a tag). */
export interface ActionGroup {
  tag: string;
  actions: number[];
}

/** Which text of each action the regex rename changes. */
export type RenameField = 'name' | 'description';

export interface ActionsParams {
  uri: string;
}

/** `rewst/actions`: the actions Rewst will create from the document; null when the document is not open. */
export interface ActionsResult {
  uri: string;
  version: number;
  isSpec: boolean;
  /** Why the file has no actions when it does not parse. */
  problem?: string;
  actions: ActionInfo[];
  groups: ActionGroup[];
  /** The integration settings file the paginated marks came from, when there is one. */
  settingsUri?: string;
}

export interface RenamePreviewParams {
  uri: string;
  field: RenameField;
  /** The pattern; with `literal`, the text as typed, where `/pattern/flags` is read as a regex literal. */
  match: string;
  flags?: string;
  literal?: boolean;
  replace: string;
}

/** An action the rename names (in a collision, a skipped one). */
export interface RenameActionRef {
  method: string;
  path: string;
  operationId?: string;
}

export interface RenamePreviewChange extends RenameActionRef {
  /** JSON pointer of the operation (in its file). */
  pointer: string;
  /** The file it is written in, relative to the spec's folder, when that is not the spec itself. */
  file?: string;
  old: string;
  new: string;
  /** The operation had no summary, so one is added (its name was its operationId). */
  added: boolean;
  /** The edit's range in the original text of the change's file (empty where a summary is inserted). */
  range: Range;
  /** On the text of the change's file: the spec's, or the one `uri` names. */
  edit: TextEdit;
  /** The file the operation is written in, when it is not the spec (a split spec): the edit goes there. */
  uri?: string;
}

/** `rewst/renamePreview`: every change and its edit, on the document version returned. Nothing is applied. */
export type RenamePreviewResult =
  | { ok: false; reason: string }
  | {
      ok: true;
      version: number;
      /** The regex as read, e.g. `/(.*?) Get/i`. */
      regex: string;
      total: number;
      matched: number;
      changes: RenamePreviewChange[];
      collisions: Array<{ name: string; actions: Array<RenameActionRef & { changed: boolean }> }>;
      emptyNames: number;
      skipped: Array<RenameActionRef & { reason: string }>;
      edits: TextEdit[];
    };

export const ActionsRequest = new RequestType<ActionsParams, ActionsResult | null, void>('rewst/actions');
export const RenamePreviewRequest = new RequestType<RenamePreviewParams, RenamePreviewResult, void>('rewst/renamePreview');

// --- convert, prepare, reduce ---

export type DocFormat = 'json' | 'yaml';

/** Every request sends the text the user sees (saved or not) and its format. */
export interface ConvertParams {
  text: string;
  format: DocFormat;
}

/** Why nothing was produced, with the places at fault (1-based). */
export interface ConvertFailure {
  ok: false;
  message: string;
  problems: Array<{ line: number; column: number; message: string }>;
}

export type ConvertSwagger2Result =
  { ok: true; text: string; from: string; to: string; warnings: Array<{ pointer: string; message: string }>; patches: number } | ConvertFailure;

export type YamlToJsonResult = { ok: true; text: string } | ConvertFailure;

/** The spec's settings file (`from`), carried over as `name` beside the prepared file, with what changed. */
export interface PrepareSettings {
  from: string;
  name: string;
  text: string;
  changes: string[];
}

/**
 * `report` is Markdown, ready to show; `errorsLeft` counts Rewst errors still in `text`, `referencesLeft`
 * the references Rewst cannot follow, `structuralLeft` the general lint's structural errors (oas3-schema);
 * `ready` is true when all are zero, and `verdict` says it in one line.
 */
export type PrepareResult =
  | {
      ok: true;
      text: string;
      report: string;
      errorsLeft: number;
      referencesLeft: number;
      structuralLeft: number;
      ready: boolean;
      verdict: string;
      changes: number;
      settings?: PrepareSettings;
      /** The written file's size, and the budget it was checked against (from the params, else the setting) when there is one. */
      bytes: number;
      budget?: { kb: number; fits: boolean };
      /** The server URL's base path: folded into `folded` paths, or (folded false) not in the paths of the written file. */
      basePath?: { path: string; folded: boolean; prefixed: number; missing: number };
    }
  | ConvertFailure;

/** `rewst/reduceChoices`: what the reduce command offers to keep. */
export type ReduceChoicesParams = ConvertParams;

export type ReduceChoicesResult =
  { ok: true; operations: number; tags: Array<{ name: string; operations: number }>; methods: Array<{ method: string; operations: number }> } | ConvertFailure;

export type ReduceResult = { ok: true; text: string; summary: string; report: string } | ConvertFailure;

/** Prepare and reduce also name the source file and the output, for the report. */
export interface PrepareParams extends ConvertParams {
  source: string;
  output: string;
  /** The document's URI: a saved file's relative `$ref`s are bundled from its folder. */
  uri?: string;
  /** Slim the file: remove what Rewst does not turn into actions. */
  slim?: boolean;
  /** The upload budget in KB; when absent, the setting rewstOpenapi.uploadBudgetKB (0: none). */
  budgetKB?: number;
  /** Write the server URL's base path in front of every path (false: keep the paths as written); when absent, the setting rewstOpenapi.foldBasePath (on by default). */
  foldBasePath?: boolean;
}

export interface ReduceParams extends ConvertParams {
  tags: string[];
  paths: string[];
  methods: string[];
  source: string;
  output: string;
  /** The selection described in words, for the report. */
  selection: string;
}

export const ConvertSwagger2Request = new RequestType<ConvertParams, ConvertSwagger2Result, void>('rewst/convertSwagger2');
export const YamlToJsonRequest = new RequestType<ConvertParams, YamlToJsonResult, void>('rewst/yamlToJson');
export const PrepareRequest = new RequestType<PrepareParams, PrepareResult, void>('rewst/prepare');
export const ReduceChoicesRequest = new RequestType<ReduceChoicesParams, ReduceChoicesResult, void>('rewst/reduceChoices');
export const ReduceRequest = new RequestType<ReduceParams, ReduceResult, void>('rewst/reduce');

// --- the upload size in the status bar ---

export interface UploadSizeParams {
  uri: string;
}

/**
 * `rewst/uploadSize`: what the status bar item shows for a spec's current version; null when the document is
 * not open or is not a spec. `actions` (the operations of this version's analysis) is known at once; `bytes`
 * and `preparedActions` (what Prepare for Rewst Upload would write: bundled, converted to OpenAPI 3 JSON, fixed)
 * or `problem` (why prepare would write nothing) once measured, until then `pending` is true.
 *
 * Design: the request answers with what is known now and subscribes the client to the document until it
 * closes: for each version the server runs (after its diagnostics are published) it sends
 * `rewst/uploadSizeChanged` with the same answer, pending, and again once that version's size is measured.
 * A version that goes stale (a newer one, a close) gets no measured answer; its successor's come instead.
 */
export interface UploadSizeResult {
  uri: string;
  version: number;
  actions: number;
  pending: boolean;
  bytes?: number;
  /** The operations in the prepared file (differs from `actions` when bundling brings in path items from other files). */
  preparedActions?: number;
  problem?: string;
}

export const UploadSizeRequest = new RequestType<UploadSizeParams, UploadSizeResult | null, void>('rewst/uploadSize');
export const UploadSizeChangedNotification = new NotificationType<UploadSizeResult>('rewst/uploadSizeChanged');

// --- the integration settings forms and the setup sheet ---

/** `rewst/settings/locate`: from a spec or a settings file, the pair. */
export interface SettingsLocateParams {
  uri: string;
}

export interface SettingsLocateResult {
  /** The spec; undefined when none is found beside a settings file. */
  specUri?: string;
  /** The settings file: the existing one, or where a new one goes. */
  settingsUri: string;
  settingsExists: boolean;
  /** Why there is no spec, or why the given file is neither. */
  problem?: string;
}

/** `rewst/settings/propose`: what the spec suggests. */
export interface SettingsProposeParams {
  specUri: string;
}

export type SettingsProposeResult = { ok: true; specName: string; title: string; proposal: Proposal } | { ok: false; reason: string };

/** `rewst/settings/check`: every finding for a draft the form holds (the settings file's own text is not read). */
export interface SettingsCheckParams {
  settingsUri: string;
  settings: IntegrationSettings;
}

export interface SettingsCheckResult {
  reports: SettingsReport[];
  /** The icon as a path the client can show, when it exists and parses as SVG. */
  iconPath?: string;
}

/** `rewst/settings/edit`: the minimal edits turning `text` into a file holding `settings` (offsets into `text`). */
export interface SettingsEditParams {
  text: string;
  settings: IntegrationSettings;
}

export interface SettingsEditResult {
  edits: Array<{ start: number; end: number; newText: string }>;
}

/** `rewst/settings/sheet`: the setup sheet for a settings file (open or on disk), as Markdown. */
export interface SettingsSheetParams {
  settingsUri: string;
}

export type SettingsSheetResult = { ok: true; markdown: string } | { ok: false; reason: string };

export const SettingsLocateRequest = new RequestType<SettingsLocateParams, SettingsLocateResult, void>('rewst/settings/locate');
export const SettingsProposeRequest = new RequestType<SettingsProposeParams, SettingsProposeResult, void>('rewst/settings/propose');
export const SettingsCheckRequest = new RequestType<SettingsCheckParams, SettingsCheckResult, void>('rewst/settings/check');
export const SettingsEditRequest = new RequestType<SettingsEditParams, SettingsEditResult, void>('rewst/settings/edit');
export const SettingsSheetRequest = new RequestType<SettingsSheetParams, SettingsSheetResult, void>('rewst/settings/sheet');

// --- settings, Spectral, diagnostics of the server itself ---

/** Client → server: a `rewstOpenapi.*` setting or a workspace Spectral ruleset changed; read the settings again and lint every open document again. */
export const SettingsChangedNotification = new NotificationType0('rewst/settingsChanged');

/** `rewst/opening`: an editor tab opened on a spec file whose document has not reached the extension host yet. */
export interface OpeningParams {
  uri: string;
}

/** Client → server: read the file from disk and publish its diagnostics now, while its text is on its way (server/src/features/open-ahead.ts). */
export const OpeningNotification = new NotificationType<OpeningParams>('rewst/opening');

/** The settings the server reads through workspace/configuration (contributed in package.json). */
export const SPECTRAL_ENABLE_SETTING = 'rewstOpenapi.spectral.enable';
export const MAX_PER_RULE_SETTING = 'rewstOpenapi.diagnostics.maxPerRule';

/** What `rewst/serverStats` answers: enough to see, from a test or a bug report, that memory stays bounded. */
export interface ServerStatsResult {
  heapUsed: number;
  rss: number;
  openDocuments: number;
}

export const ServerStatsRequest = new RequestType0<ServerStatsResult, void>('rewst/serverStats');

// --- Try Action: one action sent as Rewst would send it, with the settings beside the spec ---

/** The credentials a try may need; which ones the settings' auth method needs is in `TryPlanResult.credentials`. */
export type TryCredentialField = 'apiKey' | 'username' | 'password' | 'clientId' | 'clientSecret' | 'accessToken';
export type TryCredentials = Partial<Record<TryCredentialField, string>>;

/** `rewst/try/plan`: what the command asks before a try of `operationId` (nothing is sent). */
export interface TryPlanParams {
  specUri: string;
  operationId: string;
}

/** A path or required query parameter to fill, with the spec's default or example when it has one. */
export interface TryParam {
  name: string;
  in: 'path' | 'query';
  value?: string;
}

export type TryPlanResult =
  | {
      ok: true;
      /** Upper case; anything but GET is sent only after a confirmation. */
      method: string;
      path: string;
      settingsUri: string;
      /** The integration's name in the settings, for the prompts. */
      integration: string;
      params: TryParam[];
      /** What the auth method needs, in the order to ask; the secret ones are asked with the input hidden. */
      credentials: Array<{ field: TryCredentialField; label: string; secret: boolean }>;
    }
  | { ok: false; reason: string };

/** `rewst/tryAction`: sends the requests (the only request that does); the server keeps no credential and logs none. */
export interface TryActionParams {
  specUri: string;
  operationId: string;
  params: Record<string, string>;
  pages?: number;
  credentials: TryCredentials;
  /** The user confirmed a method other than GET. */
  allowMethod?: boolean;
}

/** A finding's settings change, for "Apply fix": `key` is a dotted path in the settings file. */
export interface TrySettingsEdit {
  key: string;
  value: unknown;
}

export interface TryFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  request?: number;
  fix?: string;
  edit?: TrySettingsEdit;
}

export interface TrySentRequest {
  kind: 'api' | 'token' | 'refresh';
  method: string;
  /** Secrets masked. */
  url: string;
  headers: Record<string, string>;
  status?: number;
  ms?: number;
  items?: number;
  page?: string;
  error?: string;
}

/** The report with every known secret masked, and the same as Markdown to show. */
export interface TryReportWire {
  operationId: string;
  method: string;
  requests: TrySentRequest[];
  totalItems: number;
  stoppedBecause: string;
  pageCap: number;
  firstItems: unknown[];
  findings: TryFinding[];
  notes: string[];
}

export type TryActionResult = { ok: true; report: TryReportWire; markdown: string; settingsUri: string } | { ok: false; reason: string };

/** `rewst/try/fixEdits`: the one minimal edit writing a finding's fix into the settings file's `text` (offsets into `text`). */
export interface TryFixEditsParams {
  text: string;
  edit: TrySettingsEdit;
}

export type TryFixEditsResult = { ok: true; edits: Array<{ start: number; end: number; newText: string }> } | { ok: false; reason: string };

export const TryPlanRequest = new RequestType<TryPlanParams, TryPlanResult, void>('rewst/try/plan');
export const TryActionRequest = new RequestType<TryActionParams, TryActionResult, void>('rewst/tryAction');
export const TryFixEditsRequest = new RequestType<TryFixEditsParams, TryFixEditsResult, void>('rewst/try/fixEdits');
