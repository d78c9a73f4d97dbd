/** Spectral's final pass over results: drop exact duplicates, then sort by source, position, rule and path. */
import type { IRange } from '@stoplight/types';

export interface RawResult {
  code: string | number;
  message: string;
  path: Array<string | number>;
  severity: number;
  source?: string;
  range: IRange;
  documentationUrl?: string;
}

function fingerprint(r: RawResult): string {
  let id = String(r.code);
  id += r.path.length > 0 ? JSON.stringify(r.path) : JSON.stringify(r.range);
  if (r.source !== undefined) id += r.source;
  if (r.message !== undefined) id += r.message;
  return id;
}

export function deduplicate<T extends RawResult>(results: T[]): T[] {
  const seen = new Set<string>();
  return results.filter((r) => {
    const f = fingerprint(r);
    if (seen.has(f)) return false;
    seen.add(f);
    return true;
  });
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compare(a: RawResult, b: RawResult): number {
  if (a.source !== b.source) {
    if (a.source === undefined) return -1;
    if (b.source === undefined) return 1;
    const s = sign(a.source.localeCompare(b.source));
    if (s) return s;
  }
  const line = a.range.start.line - b.range.start.line;
  if (line) return sign(line);
  const ch = a.range.start.character - b.range.start.character;
  if (ch) return sign(ch);
  const code = String(a.code).localeCompare(String(b.code), undefined, { numeric: true });
  if (code) return sign(code);
  return sign(a.path.join().localeCompare(b.path.join()));
}

export function sortResults<T extends RawResult>(results: T[]): T[] {
  return [...results].sort(compare);
}
