// Types for the few dependencies of the Spectral runner that ship none.
declare module 'nimma/parser' {
  export function parse(expression: string): unknown[];
}
declare module 'nimma/fallbacks' {
  export const jsonPathPlus: unknown;
}
declare module 'lodash' {
  export function get(object: unknown, path: unknown): unknown;
  export function toPath(value: string): string[];
}
