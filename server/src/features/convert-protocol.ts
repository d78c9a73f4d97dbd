/**
 * The custom requests between the client and the language server for the
 * conversion commands. Types and method names only, so the client can import
 * this file without pulling in the engine.
 */

export const CONVERT_SWAGGER2_METHOD = 'rewst/convertSwagger2';
export const YAML_TO_JSON_METHOD = 'rewst/yamlToJson';
export const PREPARE_METHOD = 'rewst/prepare';
export const REDUCE_CHOICES_METHOD = 'rewst/reduceChoices';
export const REDUCE_METHOD = 'rewst/reduce';

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

export type ConvertSwagger2Result = { ok: true; text: string; from: string; to: string; warnings: Array<{ pointer: string; message: string }>; patches: number } | ConvertFailure;

export type YamlToJsonResult = { ok: true; text: string } | ConvertFailure;

/** The spec's settings file (`from`), carried over as `name` beside the prepared file, with what changed. */
export interface PrepareSettings {
  from: string;
  name: string;
  text: string;
  changes: string[];
}

export interface PrepareParams extends ConvertParams {
  source: string;
  output: string;
  /** The document's URI: a saved file's relative `$ref`s are bundled from its folder. */
  uri?: string;
}

/**
 * `report` is Markdown, ready to show; `errorsLeft` counts Rewst errors still in `text`, `referencesLeft`
 * the references Rewst cannot follow, `structuralLeft` the general lint's structural errors (oas3-schema);
 * `ready` is true when all are zero, and `verdict` says it in one line.
 */
export type PrepareResponse =
  | { ok: true; text: string; report: string; errorsLeft: number; referencesLeft: number; structuralLeft: number; ready: boolean; verdict: string; changes: number; settings?: PrepareSettings }
  | ConvertFailure;

export type ReduceChoicesResult =
  | { ok: true; operations: number; tags: Array<{ name: string; operations: number }>; methods: Array<{ method: string; operations: number }> }
  | ConvertFailure;

export interface ReduceParams extends ConvertParams {
  tags: string[];
  paths: string[];
  methods: string[];
}

export type ReduceResponse = { ok: true; text: string; summary: string; report: string } | ConvertFailure;
