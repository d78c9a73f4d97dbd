/** Rewst integration settings: model, inference, validation, cross-checks, edits and the setup sheet. */
export * from './model';
export { analyzeSettings, settingsFix, settingsReports, type IconContext, type SettingsAnalysis, type SettingsContext, type SpecContext } from './analyze';
export { crossCheck } from './cross-check';
export { serializeSettings, settingsEdits } from './write-settings';
export * from './form';
export { inferAuth, OAUTH_DEFAULTS, type AuthOption, type AuthProposal } from './infer-auth';
export { inferPagination, whyNotMarked, type PaginationProposal } from './infer-pagination';
export { pagingName, pagingOf, type OperationPaging, type ResultsFrom } from './paging';
export { listSummaries, proposeSettings, type Note, type OperationSummary, type Proposal, type ProposeOptions } from './propose';
export { FIXABLE_CODES, SETTINGS_CODES, type SettingsCode, type SettingsReport } from './findings';
export { SECRET_WHY } from './secrets';
export { setupSheet, type SheetInput } from './sheet';
export { operationModelsOf, type OperationModel } from './spec-model';
export { svgProblem } from './svg';
export { cleanHostname, cleanName, validateSettings } from './validate';
export { settingsEditorSchema, settingsJsonSchema } from './json-schema';
export { parseSettingsText } from './settings-text';
export { carrySettings, type CarriedSettings, type OperationIdChange } from './carry-over';
