/**
 * Which action should feed Rewst's organization mapping: the list operation
 * whose items are the vendor's customers (a PSA's clients or companies, an
 * RMM's sites, a help desk's organizations, a CRM's accounts), with the item
 * field that is the id (the mapping's value) and the one that is a name (its
 * label). Read from the path, tags, summary and item schema name; a list at
 * the collection's own path only, not a sub-resource of another record
 * (`/customers/{id}/contacts`), and never users or OAuth clients.
 */
import { isObject } from '../../spec-index';
import { itemsOf, operationObject, propertiesOf, resolveKey, type Obj, type OperationModel } from '../model/spec-model';
import type { OperationPaging } from './paging';
import type { OrgMappingCandidate, OrgMappingProposal } from '../../../../../common/settings/proposal';
import { NO_CLIENT_LIST_PATTERNS } from '../../../../../common/settings/model';

export type { OrgMappingCandidate, OrgMappingProposal };
export { NO_CLIENT_LIST_PATTERNS };

/** Words for the vendor's customers, normalized (lower case, letters only), with how surely each means one. */
const WORDS: ReadonlyArray<[RegExp, number, string]> = [
  [/^(customers?)$/, 3, 'customers'],
  [/^(clients?)$/, 3, 'clients'],
  [/^(compan(y|ies))$/, 3, 'companies'],
  [/^(organi[sz]ations?|orgs?)$/, 3, 'organizations'],
  [/^(tenants?)$/, 3, 'tenants'],
  [/^(sites?)$/, 2, 'sites'],
  [/^(accounts?)$/, 1, 'accounts'],
];
/** Trailing segments that name an action on the collection, not another resource: `/Companies/query`, `/account/list`. */
const VERBS = /^(query|list|all|search|find|filter)$/;
/** Paths that are never the vendor's customers: OAuth clients, the API's own users. */
const NEVER = /(^|\/)(oauth2?|auth|token|users?|members?|people|persons?)(\/|$)/i;
const SCHEMA_SUFFIX = /(model|dto|entity|resource|item|record|summary|response|object)$/;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function wordOf(name: string): [number, string] | undefined {
  const n = norm(name).replace(SCHEMA_SUFFIX, '');
  for (const [re, weight, word] of WORDS) if (re.test(n)) return [weight, word];
  return undefined;
}

/** The collection segment of a path, or undefined when the list is a sub-resource of another record. */
function collectionOf(pathKey: string): { segment: string; verb?: string } | undefined {
  const segs = pathKey.split('/').filter(Boolean);
  // A parameter after the first segment means a record's own list (`/customers/{id}/contacts`); a leading one may be a tenant or version.
  if (segs.slice(1).some((s) => s.includes('{'))) return undefined;
  const last = segs[segs.length - 1];
  if (!last || last.includes('{')) return undefined;
  if (VERBS.test(last.toLowerCase()) && segs.length > 1 && !segs[segs.length - 2].includes('{'))
    return { segment: segs[segs.length - 2], verb: last.toLowerCase() };
  return { segment: last };
}

/** The last `$ref` name on the way to the items: `#/components/schemas/Company` → Company. */
function refName(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  const ref = typeof node.$ref === 'string' ? node.$ref : undefined;
  return ref ? decodeURIComponent(ref.split('/').pop() ?? '') : undefined;
}

function itemSchemaOf(root: Obj, p: OperationPaging): { items?: Obj; name?: string } {
  const schema = p.schema;
  if (!schema || p.resultsKey === undefined) return {};
  const array =
    p.resultsKey === ''
      ? schema
      : (() => {
          const r = resolveKey(root, schema, p.resultsKey!);
          return r.ok ? r.schema : undefined;
        })();
  if (!array) return {};
  return { items: itemsOf(root, array), name: refName(array.items) };
}

/** The field names of a list's items, as the schema (or the example it was read from) gives them. */
export function itemFieldsOf(root: Obj, p: OperationPaging): string[] {
  return [...propertiesOf(root, itemSchemaOf(root, p).items).keys()];
}

const VALUE_NAMES = ['id', 'uuid', 'guid', 'key', 'identifier'];
const LABEL_NAMES = [
  'name',
  'displayname',
  'companyname',
  'customername',
  'clientname',
  'organizationname',
  'organisationname',
  'accountname',
  'sitename',
  'tenantname',
  'fullname',
  'title',
  'label',
];

/** The id and name fields among an item's properties: exact conventional names first, then `<word>Id` / `*Name`. */
export function valueAndLabel(props: ReadonlyArray<string>, word?: string): { valueKey?: string; labelKey?: string } {
  const by = (n: string) => props.find((p) => norm(p) === n);
  const stem = word ? norm(word).replace(/(ies|s)$/, '') : '';
  const valueKey =
    VALUE_NAMES.map(by).find(Boolean) ??
    props.find((p) => stem && norm(p).startsWith(stem.slice(0, 5)) && /id$/i.test(p)) ??
    props.find((p) => /(^|[a-z_])(id|Id|ID)$/.test(p));
  const labelKey = LABEL_NAMES.map(by).find(Boolean) ?? props.find((p) => /name$/i.test(p) && !/^(user|first|last|middle|file|host|domain)_?name$/i.test(p));
  return { valueKey, labelKey };
}

function candidateOf(root: Obj, p: OperationPaging): OrgMappingCandidate | undefined {
  const op: OperationModel = p.op;
  if (!op.operationId || NEVER.test(op.pathKey)) return undefined;
  const collection = collectionOf(op.pathKey);
  if (!collection) return undefined;
  const why: string[] = [];
  let score = 0;
  let word: string | undefined;
  const fromPath = wordOf(collection.segment);
  if (fromPath) {
    score += 4 * fromPath[0];
    word = fromPath[1];
    why.push(`path segment ${collection.segment}${collection.verb ? `/${collection.verb}` : ''}`);
  }
  const raw = operationObject(root, op) ?? {};
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  const tag = tags.find((t) => wordOf(t));
  if (tag) {
    score += 2 * wordOf(tag)![0];
    word ??= wordOf(tag)![1];
    why.push(`tag ${tag}`);
  }
  const { items, name } = itemSchemaOf(root, p);
  const fromSchema = name ? wordOf(name) : undefined;
  if (fromSchema) {
    score += 2 * fromSchema[0];
    word ??= fromSchema[1];
    why.push(`item schema ${name}`);
  }
  if (!fromPath && !tag && !fromSchema) return undefined; // a summary alone does not make the customers' list
  const said = `${op.summary} ${op.operationId}`.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).find((w) => wordOf(w));
  if (said) {
    score += 1;
    why.push(`summary or operationId says ${said}`);
  }
  if (collection.verb === 'search' || collection.verb === 'find' || collection.verb === 'filter') score -= 1; // the plain list is likelier
  if (p.style !== 'none') score += 1;
  const props = [...propertiesOf(root, items).keys()];
  const { valueKey, labelKey } = valueAndLabel(props, word);
  if (valueKey && labelKey) score += 2;
  else score -= 2;
  const out: OrgMappingCandidate = { operationId: op.operationId, method: op.method, path: op.pathKey, summary: op.summary, style: p.style, score, why };
  if (valueKey) out.valueKey = valueKey;
  if (labelKey) out.labelKey = labelKey;
  if (p.resultsKey !== undefined) out.resultsKey = p.resultsKey;
  return out;
}

/** The best candidate for the organization mapping among the spec's list operations (pagingOf with isList), and the runners-up. */
export function proposeOrgMapping(root: Obj, lists: ReadonlyArray<OperationPaging>): OrgMappingProposal {
  const all = lists
    .filter((p) => p.isList && p.op.method === 'get')
    .map((p) => candidateOf(root, p))
    .filter((c): c is OrgMappingCandidate => c !== undefined)
    .sort((a, b) => b.score - a.score || a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
  return { chosen: all[0], runnersUp: all.slice(1, 4) };
}

/** One line on a candidate, for notes and the sheet. */
export function describeCandidate(c: OrgMappingCandidate): string {
  return `${c.operationId} (${c.method.toUpperCase()} ${c.path}): ${c.why.join(', ')}`;
}

export interface OrgMappingPlan {
  settings?: { action: string; valueKey?: string; labelKey?: string };
  /** paginatedActions with the mapping action added when the proposal did not mark it. */
  paginatedActions: string[];
  notes: string[];
}

/**
 * The mapping the proposal writes, and what it says about it: the action is marked paginated even when it pages
 * another way than the proposed setup (Rewst shows the mapping table only when an action is paginated).
 */
export function planOrgMapping(
  mapping: OrgMappingProposal,
  paginationType: string | undefined,
  paginatedActions: string[],
  setupLabel: string,
): OrgMappingPlan {
  const c = mapping.chosen;
  if (!c)
    return {
      paginatedActions,
      notes: [
        `No list operation looks like the vendor's customers (customers, clients, companies, organizations, tenants, sites or accounts at a collection's own path), so no organization mapping is proposed. Rewst's two patterns: (1) ${NO_CLIENT_LIST_PATTERNS[0]} (2) ${NO_CLIENT_LIST_PATTERNS[1]}`,
      ],
    };
  const settings: OrgMappingPlan['settings'] = { action: c.operationId };
  if (c.valueKey) settings.valueKey = c.valueKey;
  if (c.labelKey) settings.labelKey = c.labelKey;
  const keys = `value ${c.valueKey ?? '(not found: enter the id field)'}, label ${c.labelKey ?? '(not found: enter the name field)'}`;
  const runners = mapping.runnersUp.length
    ? ` Runners-up: ${mapping.runnersUp.map((r) => `${r.operationId} (${r.method.toUpperCase()} ${r.path})`).join(', ')}.`
    : '';
  const notes = [`Organization mapping: ${describeCandidate(c)}; ${keys}.${runners}`];
  let actions = paginatedActions;
  if (!paginationType || paginationType === 'none')
    notes.push(
      `Rewst shows the organization mapping only when an action is paginated, and no pagination is proposed: choose a pagination type that fits ${c.operationId} and mark it paginated.`,
    );
  else if (!paginatedActions.includes(c.operationId)) {
    actions = [...paginatedActions, c.operationId];
    notes.push(
      `${c.operationId} is marked paginated for the organization mapping (Rewst shows the mapping table only when an action is paginated), though it ${c.style === 'none' ? `does not page by the proposed ${setupLabel} setup` : c.style === paginationType ? `does not fit the proposed ${setupLabel} setup` : `pages by ${c.style}, not by the proposed ${setupLabel} setup`}: check that the mapping lists every customer.`,
    );
  }
  return { settings, paginatedActions: actions, notes };
}
