/** Where a workspace's Spectral ruleset lives. Light on purpose: the language server imports it, and Spectral stays in the worker. */
import { statSync } from 'node:fs';
import { join } from 'node:path';

export const RULESET_FILES = ['.spectral.yaml', '.spectral.yml', '.spectral.json'];

/** The ruleset file at the root of `folder`, if there is one. */
export function findRulesetFile(folder: string): string | undefined {
  return RULESET_FILES.map((name) => join(folder, name)).find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}
