/** Conversions over the engine: Swagger 2.0 to OpenAPI 3, YAML to JSON, "prepare for Rewst" and "reduce". */
export { CancelledError, ConvertError, type ConvertProblem, type IsCancelled } from './problems';
export { convertSwagger2, convertSwagger2Value, type ConvertWarning, type Swagger2Result } from './swagger2';
export { yamlToJson, MAX_ALIAS_EXPANSION } from './yaml-to-json';
export { byteLength, jsonIndentOf, serializeLike, toYaml } from './serialize';
export { describeVersion, readSpecValue } from './read';
export { LINT_NOT_BLOCKING, prepareForRewst, type PrepareChange, type PrepareOptions, type PrepareResult, type StructuralFinding } from './prepare';
export { preparedFileName, preparedReportName } from './file-names';
export { readForReduce, reducedFileName, reduceSpec, tagsOf, type ReduceResult, type ReduceSelection } from './reduce';
export { matchAny, DEFAULT_MATCH_TIME_LIMIT_MS } from './path-match';
export { kb, mdCode, mdLink, mdText } from './markdown';
export { groupBy, reduceReport, reduceSummary } from './report';
export { basePathLine, prepareReport, prepareVerdict } from './prepare-report';
export { bundleText, type BundleFileResult } from './bundle';
export { jsonSize, sizeBreakdown, type ComponentSize, type SizeBreakdown, type TagSize } from './size';
export { cutText, isJsonMediaType, KEPT_EXTENSIONS, MAX_DESCRIPTION, slimSpec, type SlimResult, type SlimStep } from './slim';
export { checkBudget, type BudgetResult } from './budget';
export { budgetLine, dropAdvice, sizeLines } from './size-report';
export { urlRefsLines, URL_WAYS } from './url-report';
