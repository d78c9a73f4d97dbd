/** Messages between the language server and the Spectral worker thread. */
import type { SpectralFinding } from './index';

export interface LintRequest {
  id: number;
  text: string;
  format: 'json' | 'yaml';
  source: string | null;
  rulesetFile?: string;
  /** Only the OpenAPI schema rules (prepare's structural check). */
  structuralOnly?: boolean;
  /** One Int32: the server stores 1 to cancel this run. */
  cancel: SharedArrayBuffer;
}

export type LintResponse =
  | { id: number; kind: 'findings'; findings: SpectralFinding[] }
  | { id: number; kind: 'cancelled' }
  /** `ruleset`: the workspace's ruleset file could not be loaded. */
  | { id: number; kind: 'error'; message: string; ruleset: boolean };
