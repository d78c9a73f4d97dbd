/**
 * A real HTTP server on 127.0.0.1 (a port the system picks) for the tests of
 * fetching references by URL; the test starts it and stops it. It serves the
 * files of a folder under /v8.0/, with the vendor's URL prefix in them
 * rewritten to its own, and a few routes that misbehave on purpose. Every
 * request is recorded (path and headers) so a test can check what was asked.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** The prefix the url-refs fixture's files are written with. */
export const VENDOR_PREFIX = 'https://raw.githubusercontent.com/acme-psa/acme-api-spec/refs/heads/main/v8.0/';
export const FIXTURE = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'url-refs');

export interface Loopback {
  /** `http://127.0.0.1:PORT/v8.0/`: the vendor prefix as this server serves it. */
  prefix: string;
  origin: string;
  requests: Array<{ path: string; headers: IncomingHttpHeaders }>;
  /** A fixture file's text with the vendor prefix turned into this server's. */
  localized(name: string): string;
  close(): Promise<void>;
}

export async function startLoopback(folder = FIXTURE): Promise<Loopback> {
  const requests: Loopback['requests'] = [];
  let prefix = '';
  const localized = (name: string) => readFileSync(join(folder, name), 'utf8').split(VENDOR_PREFIX).join(prefix);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const file = /^\/v8\.0\/([\w.-]+)$/.exec(path)?.[1];
    if (file && existsSync(join(folder, file))) {
      res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/yaml' });
      res.end(localized(file));
    } else if (path === '/moved/roles.yaml') {
      res.writeHead(302, { location: '/v8.0/roles.yaml' }).end();
    } else if (path === '/away/roles.yaml') {
      // Never connected to: the redirect is checked before it is followed (plain http off this machine).
      res.writeHead(302, { location: 'http://192.0.2.1/roles.yaml' }).end();
    } else if (/^\/to\/\d+\/roles\.yaml$/.test(path)) {
      // To another server of the test on 127.0.0.1 (another port, so another host): allowed by the rules, not confirmed.
      res.writeHead(302, { location: `http://127.0.0.1:${path.split('/')[2]}/v8.0/roles.yaml` }).end();
    } else if (/^\/chain\/\d+\.json$/.test(path)) {
      // Each document names the next by URL, without end.
      const n = Number(path.slice(7, -5));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ components: { schemas: { [`S${n}`]: { $ref: `/chain/${n + 1}.json#/components/schemas/S${n + 1}` } } } }));
    } else if (path === '/bomb.yaml') {
      // A YAML alias bomb: nine levels of ten aliases each.
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 10; i++)
        lines.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      res.writeHead(200, { 'content-type': 'application/yaml' });
      res.end(lines.join('\n') + '\ncomponents: {schemas: {Bomb: {enum: *a9}}}\n');
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' }).end();
    } else if (path === '/big.json') {
      // No content-length: the limit is enforced on the stream.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"components":{"schemas":{"Big":{"description":"');
      res.write('x'.repeat(64 * 1024));
      res.end('"}}}}');
    } else if (path === '/slow.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      // the rest never comes; the server's close ends it
    } else {
      res.writeHead(404).end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  prefix = `${origin}/v8.0/`;
  return {
    prefix,
    origin,
    requests,
    localized,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
