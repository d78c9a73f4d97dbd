/** Conversions over the engine: Swagger 2.0 to OpenAPI 3, YAML to JSON, "prepare for Rewst" and "reduce". */
export { CancelledError, ConvertError, type ConvertProblem, type IsCancelled } from './problems';
export { convertSwagger2, type ConvertWarning, type Swagger2Result } from './swagger2';
export { yamlToJson, MAX_ALIAS_EXPANSION } from './yaml-to-json';
export { byteLength, jsonIndentOf } from './serialize';
export { prepareForRewst, type PrepareChange, type PrepareResult } from './prepare';
export { readForReduce, reduceSpec, tagsOf, type ReduceResult, type ReduceSelection } from './reduce';
export { matchAny, DEFAULT_MATCH_TIME_LIMIT_MS } from './path-match';
