/** Navigation in a spec (definition, references, hover, outline, completion, rename), on offsets: no LSP here. */
export { whatIsAt, type Under } from './cursor';
export { definitionAt, definitionOf, locatePointer, resolveInFile, type Definition } from './definition';
export { describeTarget, hoverAt, type ActionContext, type Hover } from './hover';
export { navIndexOf, navStructureOf, type ComponentSite, type NavIndex, type NavStructure, type OperationSite, type RefSite, type Span } from './nav-index';
export { referencesAt, type References } from './references';
export { prepareRenameAt, renameAt, type RenameTarget, type Refusal } from './rename';
export { documentSymbols, type NavSymbol, type OperationElsewhere, type SymbolKind } from './symbols';
export { componentDescription, refCompletion, refValueAt, type RefCompletion, type RefCompletionItem } from './completion';
export { operationKeySpan, paginatedEntries, paginatedEntryAt } from './settings-nav';
