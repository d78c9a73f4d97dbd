/** What every benchmark here shares: the repository root, the built engine, medians of timed runs. */
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
