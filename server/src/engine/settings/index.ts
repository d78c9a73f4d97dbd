/** Rewst integration settings: model, inference, validation, cross-checks, edits and the setup sheet. */
export * from '../../../../common/settings/model';
export * from '../../../../common/settings/fields';
export {
  analyzeSettings,
  settingsFix,
  settingsReports,
  type IconContext,
  type SettingsAnalysis,
  type SettingsContext,
  type SpecContext,
} from './check/analyze';
export { crossCheck } from './check/cross-check';
export { serializeSettings, settingsEdits } from './write/settings-edits';
export * from '../../../../common/settings/form';
export { inferAuth, OAUTH_DEFAULTS, type AuthOption, type AuthProposal } from './infer/auth';
export { inferPagination, whyNotMarked, type PaginationProposal } from './infer/pagination';
export { pagingName, pagingOf, type OperationPaging, type ResultsFrom } from './infer/paging';
export { listSummaries, proposeSettings, type Note, type OperationSummary, type Proposal, type ProposeOptions } from './infer/propose';
export { FIXABLE_CODES, SETTINGS_CODES, type SettingsCode, type SettingsReport } from '../../../../common/settings/findings';
export { SECRET_WHY } from '../../../../common/settings/secrets';
export { setupSheet, type SheetInput } from './write/sheet';
export { operationModelsOf, type OperationModel } from './model/spec-model';
export { svgProblem } from './check/svg';
export { cleanHostname, cleanName, validateSettings } from '../../../../common/settings/validate';
export { settingsEditorSchema, settingsJsonSchema } from './write/json-schema';
export { parseSettingsText } from '../../../../common/settings/settings-text';
export { carrySettings, type CarriedSettings, type OperationIdChange } from './write/carry-over';
