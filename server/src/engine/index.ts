/** The engine's public face: text in, findings and edits out. No LSP, no VS Code. */
export { analyze, fixAll, fixFor, PARSE_ERROR, type Analysis, type AnalyzeOptions, type FixAllResult } from './engine';
export { detectFormat, type Format } from './parse';
export { RULES, RULES_BY_ID } from './rules';
export { applyEdits } from './edit-ops';
export { applyFixAllIntents, applyIntents } from './intent';
export { parseSpec } from './parse';
export type { Finding, Fix, FixIntent, Position, Range, Severity, TextEdit } from './types';
export {
  actionListOf,
  actionListOfText,
  specOperationsOfAnalysis,
  paginatedActionsOf,
  specOperationsOfText,
  type Action,
  type ActionList,
  type SpecOperations,
  type TagGroup,
} from './actions';
export { previewRename, renameIn, type Collision, type RenameChange, type RenameField, type RenamePreview, type RenameRequest } from './rename';
export { checkUserRegex, splitRegexLiteral } from './user-regex';
