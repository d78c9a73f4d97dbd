/**
 * What every request this project sends shares (a try of an action, a fetched `$ref`): which hosts count as
 * this machine, and reading a response body no further than a size limit. Node's built-in fetch does the rest.
 */

/** `localhost`, `[::1]` or `::1`, and 127.0.0.0/8: the hosts plain http may reach (the tests' servers). */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The body as text, or undefined past `max` bytes (a declared length over it is refused unread; else read no further than that). */
export async function readCapped(res: Response, max: number): Promise<string | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    return undefined;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks)); // a byte-order mark is dropped, as JSON.parse needs
}
