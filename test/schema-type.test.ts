/**
 * The one reading of written types (server/src/engine/schema-type.ts), and the settings inference reading
 * types through it: a spec whose paging parameters say `type: int` pages by Page, as the type-name rule
 * would read it, instead of being taken for something else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonTypeOf, schemaOf, typeMeaning } from '../server/src/engine/schema-type';
import { proposeSettings } from '../server/src/engine/settings';

type Obj = Record<string, unknown>;

describe('what a written type means', () => {
  it('names, cases, namespaces and C# nullables', () => {
    const cases: Array<[string, string | undefined]> = [
      ['int', 'integer'],
      ['Int32', 'integer'],
      ['System.Int64', 'integer'],
      ['long', 'integer'],
      ['bool', 'boolean'],
      ['int?', 'integer'],
      ['String', 'string'],
      ['string', 'string'],
      ['null', 'null'],
      ['List<int>', 'array'],
      ['IEnumerable<string>', 'array'],
      ['Dictionary<string,int>', 'object'],
      ['Nullable<double>', 'number'],
      ['Customer', undefined],
      ['List<int', undefined],
      ['Tuple<int,int>', undefined],
      ['x'.repeat(300), undefined],
    ];
    for (const [written, want] of cases) assert.equal(jsonTypeOf(written), want, written);
  });

  it('the schema a generic stands for, down to its items and values', () => {
    assert.deepEqual(schemaOf(typeMeaning('List<long>')!), { type: 'array', items: { type: 'integer', format: 'int64' } });
    assert.deepEqual(schemaOf(typeMeaning('IDictionary<string, List<bool>>')!), {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'boolean' } },
    });
    assert.deepEqual(
      schemaOf(typeMeaning('List<Ticket>')!, (n) => (n === 'Ticket' ? '#/components/schemas/Ticket' : undefined)),
      { type: 'array', items: { $ref: '#/components/schemas/Ticket' } },
    );
    assert.equal(schemaOf(typeMeaning('List<Ticket>')!), undefined);
  });
});

describe('inference reads types as the rules read them', () => {
  /** A PSA-like spec: list operations whose page_no and page_size are typed `int`, as C#-generated docs write. */
  const list = (name: string, param: (n: string) => Obj) => ({
    get: {
      operationId: `list${name}`,
      parameters: [param('page_no'), param('page_size'), param('search')],
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } } },
    },
  });
  const names = ['Tickets', 'Clients', 'Assets', 'Invoices'];

  it('OpenAPI 3: schema type int gives Page with page_no and page_size, every list operation marked', () => {
    const spec: Obj = {
      openapi: '3.0.3',
      info: { title: 'PSA', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: Object.fromEntries(
        names.map((n) => [`/${n.toLowerCase()}`, list(n, (p) => ({ name: p, in: 'query', schema: { type: p === 'search' ? 'string' : 'int' } }))]),
      ),
    };
    const proposal = proposeSettings(spec);
    assert.equal(proposal.settings.pagination?.type, 'page');
    assert.equal(proposal.settings.pagination?.pageParam, 'page_no');
    assert.equal(proposal.settings.pagination?.pageSizeParam, 'page_size');
    assert.deepEqual([...(proposal.settings.paginatedActions ?? [])].sort(), names.map((n) => `list${n}`).sort());
  });

  it('Swagger 2.0: type Int32 on the parameter itself, the same', () => {
    const spec: Obj = {
      swagger: '2.0',
      info: { title: 'PSA', version: '1' },
      host: 'api.example.com',
      paths: Object.fromEntries(
        names.map((n) => [
          `/${n.toLowerCase()}`,
          {
            get: {
              operationId: `list${n}`,
              parameters: ['page_no', 'page_size'].map((p) => ({ name: p, in: 'query', type: 'Int32' })),
              responses: { '200': { description: 'OK', schema: { type: 'array', items: { type: 'object' } } } },
            },
          },
        ]),
      ),
    };
    const proposal = proposeSettings(spec);
    assert.equal(proposal.settings.pagination?.type, 'page');
    assert.equal(proposal.settings.pagination?.pageParam, 'page_no');
    assert.equal((proposal.settings.paginatedActions ?? []).length, names.length);
  });
});
