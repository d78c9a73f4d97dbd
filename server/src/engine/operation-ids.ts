/** Words of a phrase or path, without punctuation. */
function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function pascal(ws: string[]): string {
  return ws.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
}

function camel(ws: string[]): string {
  const p = pascal(ws);
  return p ? p[0].toLowerCase() + p.slice(1) : '';
}

/** `GET /photo-records/{id}` → `getPhotoRecordsById`. */
export function idFromMethodAndPath(method: string, pathKey: string): string {
  const parts = pathKey.split('/').filter(Boolean);
  let name = method.toLowerCase();
  for (const part of parts) {
    const param = /^\{(.+)\}$/.exec(part);
    name += param ? 'By' + pascal(words(param[1])) : pascal(words(part));
  }
  return parts.length ? name : name + 'Root';
}

/** "List all photo records" → `listAllPhotoRecords`; undefined when the summary has no usable words. */
export function idFromSummary(summary: unknown): string | undefined {
  if (typeof summary !== 'string') return undefined;
  const ws = words(summary).slice(0, 8);
  const id = camel(ws);
  if (!id || /^[0-9]/.test(id)) return undefined;
  return id;
}

/** The first of `base`, `base2`, `base3`… that `taken` does not hold. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(base + n)) return base + n;
}
