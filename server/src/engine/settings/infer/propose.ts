/**
 * The whole proposal for a spec: integration details (name without special
 * characters, hostname without scheme or path, description), authentication
 * and pagination, with notes on what the builder must still find out.
 */
import { describeVariable, specServer, startsWithPath, type SpecServer } from '../../server-url';
import { isObject } from '../../spec-index';
import type { Note, OperationSummary, Proposal } from '../../../../../common/settings/proposal';
import { inferAuth } from './auth';
import { inferPagination, whyNotMarked } from './pagination';
import { pagingOf, type OperationPaging } from './paging';
import { planOrgMapping, proposeOrgMapping } from './org-mapping';
import { PAGINATION_LABELS, type IntegrationSettings } from '../../../../../common/settings/model';
import { operationModelsOf, type Obj, type OperationModel } from '../model/spec-model';
import { cleanHostname, cleanName } from '../../../../../common/settings/validate';

export type { Note, OperationSummary, Proposal };

export interface ProposeOptions {
  /** The spec's file name, recorded as `spec` in the settings. */
  specName?: string;
}

export function proposeSettings(root: Obj, options: ProposeOptions = {}): Proposal {
  const notes: Note[] = [];
  const info = isObject(root.info) ? root.info : {};
  const title = typeof info.title === 'string' ? info.title : '';
  const host = hostnameOf(root, notes);
  const name = cleanName(title) || cleanName(host.split('.').slice(-2, -1)[0] ?? '') || 'Custom Integration';
  if (title && name !== title.trim()) notes.push({ field: 'name', message: `The spec's title "${title}" has special characters; Rewst's name should not.` });
  const description = descriptionOf(info) || (/\bapi$/i.test(name) ? `${name}.` : `${name} API.`);
  const ops = operationModelsOf(root);
  const auth = inferAuth(root, ops);
  const pagination = inferPagination(root, ops);
  const mapping = proposeOrgMapping(root, pagination.lists);
  const type = pagination.pagination.type;
  const plan = planOrgMapping(mapping, type, pagination.paginatedActions, PAGINATION_LABELS[type ?? 'none'].toLowerCase());
  const settings: IntegrationSettings = {
    ...(options.specName ? { spec: options.specName } : {}),
    name,
    description,
    ...(host ? { hostname: host } : {}),
    auth: auth.auth,
    ...(auth.extraRequestHeaders ? { extraRequestHeaders: auth.extraRequestHeaders } : {}),
    pagination: pagination.pagination,
    paginatedActions: plan.paginatedActions,
    ...(plan.settings ? { organizationMapping: plan.settings } : {}),
  };
  const logo = isObject(info['x-logo']) && typeof info['x-logo'].url === 'string' ? info['x-logo'].url : undefined;
  notes.push({
    field: 'icon',
    message: `The icon is optional: without one Rewst applies a default icon (Rewst's release note of August 21, 2026; the wizard page still asks for one). For the vendor's logo, save an SVG beside the spec and set Icon to it${logo ? ` (the spec links a logo at ${logo}, which may not be an SVG)` : ''}.`,
  });
  notes.push(...auth.notes.map((message) => ({ field: 'auth', message })));
  notes.push(...pagination.notes.map((message) => ({ field: 'pagination', message })));
  notes.push(...plan.notes.map((message) => ({ field: 'organizationMapping', message })));
  const marked = (p: OperationPaging) => !pagination.reasons.has(p) || plan.paginatedActions.includes(p.op.operationId ?? '\u0000');
  const lists = pagination.lists.map((p) => summaryOf(p, marked(p), marked(p) ? undefined : pagination.reasons.get(p)));
  return { settings, notes, authOptions: auth.options, listOperations: lists, organizationMapping: mapping };
}

function summaryOf(p: OperationPaging, marked: boolean, reason?: string): OperationSummary {
  const out: OperationSummary = {
    operationId: p.op.operationId,
    method: p.op.method,
    path: p.op.pathKey,
    summary: p.op.summary,
    style: p.style,
    resultsFrom: p.resultsFrom,
    marked,
    evidence: p.evidence,
  };
  if (p.resultsKey !== undefined) out.resultsKey = p.resultsKey;
  if (reason) out.reason = reason;
  return out;
}

/** The spec's list operations against settings as they are (the setup sheet's view): marked or not, and why not. */
export function listSummaries(root: Obj, settings: IntegrationSettings, ops: OperationModel[] = operationModelsOf(root)): OperationSummary[] {
  const marked = new Set(Array.isArray(settings.paginatedActions) ? settings.paginatedActions : []);
  const pagination = settings.pagination ?? {};
  return ops
    .filter((op) => op.method === 'get')
    .map((op) => pagingOf(root, op))
    .filter((p) => p.isList)
    .map((p) => {
      const on = p.op.operationId !== undefined && marked.has(p.op.operationId);
      return summaryOf(p, on, on ? undefined : whyNotMarked(root, p, pagination));
    });
}

/**
 * The hostname from the spec's server (variables at their defaults), or Swagger 2.0's `host`, with
 * warnings at the field for what the builder must act on: a host variable's default is a placeholder
 * for the tenant's own, and a base path is not called by Rewst unless prepare folds it into the paths.
 */
export function hostnameOf(root: Obj, notes: Note[]): string {
  const server = specServer(root);
  if (!server) {
    notes.push({ field: 'hostname', message: "The spec names no server: enter the API hostname from the vendor's documentation." });
    return '';
  }
  if (!server.host) {
    const base = server.basePath ? ` ${basePathNote(root, server, 'HOSTNAME')}` : '';
    notes.push({
      field: 'hostname',
      level: 'warning',
      message: `${server.where.startsWith('Swagger') ? 'The spec has no host' : `The spec's server URL "${server.raw}" has no host`}: enter the API hostname from the vendor's documentation.${base}`,
    });
    return '';
  }
  const host = cleanHostname(server.host);
  if (server.hostVariables.length) {
    const vars = server.hostVariables;
    const parts = vars.map((v) =>
      v.default !== undefined ? `"${v.default}" is the default of ${describeVariable(v)}` : `${describeVariable(v)} has no default`,
    );
    notes.push({
      field: 'hostname',
      level: 'warning',
      message: `The hostname ${host} is a placeholder from the server URL ${server.raw}: ${parts.join('; ')}. Replace ${vars.length > 1 ? 'them' : 'it'} with your tenant's own.`,
    });
  }
  if (server.basePath) {
    const all = pathKeys(root);
    const carried = all.length > 0 && all.every((k) => startsWithPath(k, server.basePath));
    notes.push({ field: 'hostname', ...(carried ? {} : { level: 'warning' as const }), message: basePathNote(root, server, host) });
  }
  return host;
}

/** What becomes of the base path: Rewst calls the hostname and the path, nothing between. */
function basePathNote(root: Obj, server: SpecServer, host: string): string {
  const base = server.basePath;
  const what = server.where.startsWith('Swagger')
    ? `The spec's basePath is ${base}`
    : server.host
      ? `The server URL ${server.raw} has the base path ${base}`
      : `Its base path is ${base}`;
  const keys = pathKeys(root);
  const example = keys.find((k) => !startsWithPath(k, base));
  if (!example && keys.length)
    return `${what}; Rewst's hostname takes no path, but every path already starts with ${base}, so Rewst calls https://${host}${keys[0]} as it is written.`;
  const path = example ?? '/…';
  return (
    `${what}, and Rewst's hostname takes no path: each action would call https://${host}${path}, not https://${host}${base}${path}, unless the paths carry ${base}. ` +
    `Prepare for Rewst Upload writes ${base} in front of every path of the upload file (unless told to keep the paths: CLI prepare --keep-base-path, setting rewstOpenapi.foldBasePath off).`
  );
}

function pathKeys(root: Obj): string[] {
  return isObject(root.paths) ? Object.keys(root.paths).filter((k) => k.startsWith('/')) : [];
}

/** The first paragraph of info.description (or info.summary) as plain text, at most about 300 characters. */
function descriptionOf(info: Obj): string {
  const raw = typeof info.description === 'string' && info.description.trim() ? info.description : typeof info.summary === 'string' ? info.summary : '';
  const paragraph =
    raw
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^#/.test(p)) ?? '';
  const plain = paragraph
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= 300) return plain;
  const cut = plain.slice(0, 300);
  const sentence = cut.lastIndexOf('. ');
  return sentence > 80 ? cut.slice(0, sentence + 1) : cut.replace(/\s+\S*$/, '') + '…';
}
