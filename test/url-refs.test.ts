/**
 * References by URL through the engine: the URL map (a clone of the vendor's
 * repository beside the spec) and fetching over a real HTTP server on
 * 127.0.0.1 that the test starts and stops. The fixture (test/fixtures/url-refs)
 * is a spec whose `$ref`s name sibling files by URL, and those files name each
 * other by URL in turn (and one relatively), in JSON and YAML.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../server/src/engine';
import { bundleWithUrls, MAX_FETCH_ROUNDS, parseRefMap, routeUrl, shortUrl, type FetchDocuments } from '../server/src/engine/bundle';
import { prepareForRewst, prepareReport } from '../server/src/engine/convert';
import { bundleReaderWithin } from '../server/src/read-within';
import { DEFAULT_FETCH_LIMITS, fetchDocument, refusedUrl, RemoteDocuments } from '../server/src/remote-refs';
import { FIXTURE, startLoopback, VENDOR_PREFIX, type Loopback } from './support/loopback-server';
import { refsIn } from './support/specs';

type Json = Record<string, any>;
const read = bundleReaderWithin(FIXTURE);
const spec = (name: string): Json => {
  const text = readFileSync(join(FIXTURE, name), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
};
const { map: MAP } = parseRefMap({ [VENDOR_PREFIX]: './' });

/** The target of a local `$ref` in a document, or undefined. */
function at(doc: unknown, ref: string): unknown {
  let node: any = doc;
  for (const raw of ref.slice(2).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, seg)) return undefined;
    node = node[seg];
  }
  return node;
}

/** One self-contained document: every `$ref` local, and each names something that is there. */
function assertSelfContained(doc: Json): void {
  const refs = refsIn(doc);
  assert.ok(refs.length > 0);
  for (const { ref } of refs) {
    assert.match(ref, /^#\//, `not local: ${ref}`);
    assert.notEqual(at(doc, ref), undefined, `names nothing: ${ref}`);
  }
}

describe('references by URL: the URL map', () => {
  for (const name of ['spec.json', 'spec.yaml']) {
    it(`${name}: the mapped files and their own URL references are bundled, every $ref local`, async () => {
      const r = await bundleWithUrls(spec(name), { entry: name, read, map: MAP });
      assertSelfContained(r.value);
      assert.deepEqual(r.problems, []);
      assert.equal(r.urls, 0);
      // roles.yaml is named only inside users.json, by URL: it was followed in turn
      assert.deepEqual([...r.byUrl.values()].sort(), ['common.json', 'roles.yaml', 'tickets.yaml', 'users.json']);
      const schemas = (r.value as Json).components.schemas;
      assert.deepEqual(Object.keys(schemas).sort(), ['Id', 'Role', 'Ticket', 'User', 'UserList']);
      assert.deepEqual(schemas.Role.properties.permissions, { type: 'array', items: { type: 'string' } });
      // tickets.yaml names Id relatively and users.json names it by URL: one component
      assert.equal(schemas.Ticket.properties.id.$ref, '#/components/schemas/Id');
      assert.equal(schemas.User.properties.id.$ref, '#/components/schemas/Id');
      assert.equal((r.value as Json).components.parameters.PageSize.name, 'pageSize');
    });
  }

  it('without a map the URLs stay, counted per document', async () => {
    const r = await bundleWithUrls(spec('spec.json'), { entry: 'spec.json', read });
    assert.deepEqual([...r.urlsLeft].sort(), [
      [`${VENDOR_PREFIX}common.json`, 3],
      [`${VENDOR_PREFIX}tickets.yaml`, 1],
      [`${VENDOR_PREFIX}users.json`, 2],
    ]);
    assert.equal(r.urls, 6);
    assert.equal(r.files.length, 0);
  });

  it('a mapped URL never leads outside the spec folder; a bad map entry is refused with its reason', () => {
    assert.deepEqual(routeUrl(`${VENDOR_PREFIX}..%2F..%2Fsecret.json`, { map: MAP }), {
      kind: 'refused',
      message: `the URL map sends "${VENDOR_PREFIX}..%2F..%2Fsecret.json" to ../../secret.json, outside the spec's folder: it is never read`,
    });
    // `..` in the URL itself is resolved by the URL: it leaves the prefix, so it is not mapped
    assert.deepEqual(routeUrl(new URL('../../x.json', VENDOR_PREFIX).href, { map: MAP }), { kind: 'url' });
    assert.deepEqual(routeUrl(`${VENDOR_PREFIX}sub/users.json`, { map: parseRefMap({ [VENDOR_PREFIX]: 'clone/' }).map }), {
      kind: 'file',
      file: 'clone/sub/users.json',
    });
    const bad = parseRefMap({ 'ftp://x/': './', [VENDOR_PREFIX]: '../elsewhere', 'https://a.example/': '/etc' });
    assert.deepEqual(bad.map, []);
    assert.equal(bad.errors.length, 3);
    assert.match(bad.errors[1], /not inside the spec's folder/);
  });

  it('prepare (YAML spec) writes one self-contained file, and its report says what was mapped', async () => {
    const r = await prepareForRewst(readFileSync(join(FIXTURE, 'spec.yaml'), 'utf8'), { format: 'yaml', entry: 'spec.yaml', read, urls: { map: MAP } });
    assertSelfContained(JSON.parse(r.text));
    assert.equal(r.blocking.references, 0);
    assert.deepEqual(r.urlRefs?.mapped.map((m) => m.file).sort(), ['common.json', 'roles.yaml', 'tickets.yaml', 'users.json']);
    assert.deepEqual(r.urlRefs?.left, []);
    const report = prepareReport(r, 'spec.yaml', 'spec.rewst.json');
    assert.match(
      report,
      /## References by URL\n\n- mapped to local files \\\(4\\\): https:\/\/raw\.githubusercontent\.com\/.*\/v8\.0\/users\.json → users\.json/,
    );
  });

  it('prepare without a map: the warning is one per URL, and the report gives both ways', async () => {
    const text = readFileSync(join(FIXTURE, 'spec.json'), 'utf8');
    const before = analyze(text, { format: 'json' }).findings.filter((f) => f.ruleId === 'ref-external');
    assert.deepEqual(
      before.map((f) => [f.pointer, f.data?.file, f.data?.references, f.related?.length]),
      [
        ['/paths/~1users/get/parameters/0/$ref', 'common.json', 3, 2],
        ['/paths/~1users/get/responses/200/content/application~1json/schema/$ref', 'users.json', 2, 1],
        ['/paths/~1tickets/get/responses/200/content/application~1json/schema/items/$ref', 'tickets.yaml', 1, 0],
      ],
    );
    for (const f of before) assert.ok(f.message.includes(shortUrl(f.data!.url as string)) && f.message.includes(`/${f.data!.file}:`), f.message);
    const r = await prepareForRewst(text, { format: 'json', entry: 'spec.json', read });
    assert.equal(r.ready, false);
    assert.deepEqual(
      r.urlRefs?.left.map((l) => l.references),
      [3, 2, 1],
    );
    const report = prepareReport(r, 'spec.json', 'spec.rewst.json');
    assert.match(report, /left as URLs, which Rewst cannot follow: 6 reference\\\(s\\\) to 3 document\\\(s\\\)/);
    assert.match(report, /rewstOpenapi\.refMap.*rewstOpenapi\.fetchRemoteRefs/);
  });
});

describe('references by URL: fetching over a loopback server', () => {
  let server: Loopback;
  before(async () => {
    server = await startLoopback();
  });
  after(async () => {
    await server.close();
  });
  /** A session that may fetch from the loopback server only: any other host asked fails the test before a connection. */
  const loopbackOnly = () =>
    new RemoteDocuments(undefined, async (hosts) => {
      for (const host of hosts.keys()) assert.equal(host, new URL(server.origin).host, `asked to fetch from ${host}`);
      return new Set(hosts.keys());
    });
  const localSpec = (name: string): Json => {
    const text = server.localized(name);
    return name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  };

  for (const name of ['spec.json', 'spec.yaml']) {
    it(`${name}: fetched documents and their own URL references are bundled; each URL fetched once a session`, async () => {
      const remote = loopbackOnly();
      server.requests.length = 0;
      const r = await bundleWithUrls(localSpec(name), { entry: name, read, fetch: remote.fetch });
      assertSelfContained(r.value);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.fetched.map((f) => f.url.slice(server.prefix.length)).sort(), ['common.json', 'roles.yaml', 'tickets.yaml', 'users.json']);
      assert.deepEqual(Object.keys((r.value as Json).components.schemas).sort(), ['Id', 'Role', 'Ticket', 'User', 'UserList']);
      assert.equal(server.requests.length, 4, server.requests.map((q) => q.path).join(' '));
      for (const q of server.requests) {
        assert.equal(q.headers.cookie, undefined);
        assert.equal(q.headers.authorization, undefined);
      }
      // the same session: the cache answers
      const again = await bundleWithUrls(localSpec(name), { entry: name, read, fetch: remote.fetch });
      assertSelfContained(again.value);
      assert.equal(server.requests.length, 4);
    });
  }

  it('a URL map wins over fetching: mapped files are read from the folder, the rest fetched', async () => {
    server.requests.length = 0;
    // the fixture's users.json names the vendor's URLs: those are mapped too, so nothing leaves this machine
    const map = parseRefMap({ [`${server.prefix}users.json`]: 'users.json', [VENDOR_PREFIX]: './' }).map;
    const r = await bundleWithUrls(localSpec('spec.json'), { entry: 'spec.json', read, map, fetch: loopbackOnly().fetch });
    assertSelfContained(r.value);
    assert.equal(r.byUrl.get(`${server.prefix}users.json`), 'users.json');
    assert.ok(!server.requests.some((q) => q.path.endsWith('/users.json')));
  });

  it('prepare fetches, and the hosts are confirmed once before the first fetch; refused hosts are not fetched', async () => {
    const asked: string[][] = [];
    server.requests.length = 0;
    const no = new RemoteDocuments(undefined, async (hosts) => (asked.push([...hosts.keys()]), new Set()));
    const refused = await prepareForRewst(server.localized('spec.json'), { format: 'json', entry: 'spec.json', read, urls: { fetch: no.fetch } });
    assert.equal(server.requests.length, 0);
    assert.equal(refused.ready, false);
    assert.match(refused.unbundled[0].message, /fetching from 127\.0\.0\.1:\d+ was not allowed/);
    const yes = new RemoteDocuments(undefined, async (hosts) => (asked.push([...hosts.keys()]), new Set(hosts.keys())));
    const r = await prepareForRewst(server.localized('spec.json'), { format: 'json', entry: 'spec.json', read, urls: { fetch: yes.fetch } });
    assertSelfContained(JSON.parse(r.text));
    assert.equal(r.blocking.references, 0);
    assert.equal(r.urlRefs?.fetched.length, 4);
    const host = new URL(server.origin).host;
    assert.deepEqual(asked, [[host], [host]]);
    assert.match(prepareReport(r, 'spec.json', 'spec.rewst.json'), /- fetched \\\(4\\\): http:\/\/127\.0\.0\.1:\d+\/v8\.0\/common\.json \\\(\d+ bytes\\\)/);
  });

  it('only https, or http to this machine; never a URL carrying credentials', () => {
    assert.equal(refusedUrl('https://raw.githubusercontent.com/a/b.json'), undefined);
    // (checked as text only: nothing here connects)
    for (const ok of ['http://127.0.0.1:8080/a.json', 'http://127.1.2.3/a.json', 'http://localhost/a.json', 'http://[::1]/a.json'])
      assert.equal(refusedUrl(ok), undefined, ok);
    assert.match(refusedUrl('http://example.com/a.json')!, /plain http is fetched only from this machine/);
    assert.match(refusedUrl('http://127.0.0.1.example.com/a.json')!, /plain http/);
    assert.match(refusedUrl('https://user:secret@example.com/a.json')!, /credentials are never sent/);
    assert.match(refusedUrl('file:///etc/passwd')!, /file: URLs are never fetched/);
  });

  it('redirects are followed by hand and checked by the same rules; errors, size and time limits become reasons', async () => {
    const limits = { ...DEFAULT_FETCH_LIMITS, maxBytes: 32 * 1024, timeoutMs: 300, maxRedirects: 3 };
    server.requests.length = 0;
    const moved = await fetchDocument(`${server.origin}/moved/roles.yaml`, limits);
    assert.ok('text' in moved && moved.text.includes('Role:'));
    assert.deepEqual(
      server.requests.map((q) => q.path),
      ['/moved/roles.yaml', '/v8.0/roles.yaml'],
    );
    assert.deepEqual(await fetchDocument(`${server.origin}/away/roles.yaml`, limits), {
      error: 'not fetched: redirected to http://192.0.2.1/roles.yaml, and plain http is fetched only from this machine (127.0.0.1, localhost): use https',
    });
    assert.deepEqual(await fetchDocument(`${server.origin}/loop`, limits), { error: 'not fetched: more than 3 redirects' });
    assert.deepEqual(await fetchDocument(`${server.origin}/nothing.json`, limits), { error: 'the server answered 404 Not Found' });
    assert.deepEqual(await fetchDocument(`${server.origin}/big.json`, limits), { error: 'not fetched: larger than 32 KB' });
    assert.deepEqual(await fetchDocument(`${server.origin}/slow.json`, limits), { error: 'not fetched: no complete answer within 300 ms' });
    // a second server of this test, on 127.0.0.1 too: in a session whose user confirmed the first one only,
    // a redirect to it is refused (a redirect cannot ask); without a confirmation step (the CLI, whose
    // --fetch-refs is the consent) the same redirect is followed
    const second = await startLoopback();
    try {
      const port = new URL(second.origin).port;
      const url = `${server.origin}/to/${port}/roles.yaml`;
      const confirmed = new RemoteDocuments(limits, async (hosts) => new Set(hosts.keys()));
      assert.deepEqual((await confirmed.fetch([url])).get(url), {
        error: `not fetched: redirected to ${second.origin}/v8.0/roles.yaml, and it redirects to 127.0.0.1:${port}, a host not confirmed for fetching`,
      });
      assert.equal(second.requests.length, 0);
      assert.ok('text' in (await fetchDocument(url, limits)));
      assert.deepEqual(
        second.requests.map((q) => q.path),
        ['/v8.0/roles.yaml'],
      );
    } finally {
      await second.close();
    }
  });

  it('hostile documents: a chain of URL references without end stops after 20 levels; a YAML alias bomb is refused', async () => {
    server.requests.length = 0;
    const doc: Json = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {},
      components: {
        schemas: {
          Start: { $ref: `${server.origin}/chain/0.json#/components/schemas/S0` },
          Bomb: { $ref: `${server.origin}/bomb.yaml#/components/schemas/Bomb` },
        },
      },
    };
    const r = await bundleWithUrls(doc, { entry: 'spec.json', read, fetch: loopbackOnly().fetch });
    assert.equal(server.requests.filter((q) => q.path.startsWith('/chain/')).length, MAX_FETCH_ROUNDS);
    const messages = r.problems.map((p) => p.message);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.ok(
      messages.some((m) => m.includes(`not fetched: more than ${MAX_FETCH_ROUNDS} levels of documents that reference each other by URL`)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith(`Not bundled: cannot read ${server.origin}/bomb.yaml: it is not valid YAML`)),
      messages.join('\n'),
    );
  });

  it('a document that cannot be fetched is reported where it is named, and the rest is bundled', async () => {
    const doc = localSpec('spec.json');
    doc.paths['/tickets'].get.responses['200'].content['application/json'].schema.items.$ref = `${server.origin}/nothing.yaml#/components/schemas/Ticket`;
    const fetch: FetchDocuments = loopbackOnly().fetch;
    const r = await bundleWithUrls(doc, { entry: 'spec.json', read, fetch });
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [`Not bundled: cannot read ${server.origin}/nothing.yaml: the server answered 404 Not Found.`],
    );
    assert.deepEqual(r.fetchFailed, [{ url: `${server.origin}/nothing.yaml`, error: 'the server answered 404 Not Found' }]);
    assert.equal(r.fetched.length, 3);
  });
});
