/**
 * A vendor's API for the Try tests: node's http on 127.0.0.1, port 0, started and stopped by the
 * test itself. Each test gives the handler; every request is kept (method, URL, headers, body)
 * for the test to check what was sent.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface VendorRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export type VendorHandler = (req: VendorRequest, res: ServerResponse) => void;

export interface Vendor {
  /** `127.0.0.1:PORT`, as the settings' hostname takes it. */
  host: string;
  /** `http://127.0.0.1:PORT`. */
  base: string;
  requests: VendorRequest[];
  /** The handler may be changed between tests. */
  handle: VendorHandler;
  close(): Promise<void>;
}

export async function startVendor(handle: VendorHandler = (_, res) => json(res, 404, { message: 'no handler' })): Promise<Vendor> {
  const requests: VendorRequest[] = [];
  const vendor = { requests, handle } as Vendor;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: VendorRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', vendor.base),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(r);
      try {
        vendor.handle(r, res);
      } catch (e) {
        json(res, 500, { message: String(e) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  vendor.host = `127.0.0.1:${port}`;
  vendor.base = `http://${vendor.host}`;
  vendor.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return vendor;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Items 1..n as `{ id }` objects. */
export function items(n: number): Array<{ id: number }> {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
}

/** A minimal OpenAPI 3 spec with one GET list operation and the query parameters given (with their schemas). */
export function listSpec(query: Record<string, Record<string, unknown>> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'Vendor', version: '1' },
    servers: [{ url: 'https://api.vendor.example' }],
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          summary: 'List items',
          parameters: Object.entries(query).map(([name, schema]) => ({ name, in: 'query', schema })),
          responses: { '200': { description: 'ok' } },
        },
        post: { operationId: 'createItem', summary: 'Create item', responses: { '201': { description: 'created' } } },
      },
      '/things/{id}': {
        get: {
          operationId: 'getThing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok' } },
        },
      },
      ...extra,
    },
  };
}
