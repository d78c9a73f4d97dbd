/** The engine's public face: text in, findings and edits out. No LSP, no VS Code. */
export { analyze, fixAll, fixFor, PARSE_ERROR, type Analysis, type AnalyzeOptions, type FixAllResult } from './engine';
export { detectFormat, type Format } from './parse';
export { RULES, RULES_BY_ID } from './rules';
export { applyEdits } from './text-edits';
export type { Finding, Fix, Position, Range, Severity, TextEdit } from './types';
