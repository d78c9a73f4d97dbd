/**
 * The setup sheet: every value to enter in Rewst's wizard, in the wizard's
 * order, as Markdown. Values are shown as code spans and every string from the
 * spec or the settings is escaped, so none of it becomes markup.
 */
import { AUTH_LABELS, PAGINATION_LABELS, type IntegrationSettings } from '../../../../../common/settings/model';
import { FIELDS, fieldApplies, getField, requiredFields, type FieldSpec } from '../../../../../common/settings/fields';
import type { OperationSummary } from '../infer/propose';
import { SECRET_WHY } from '../../../../../common/settings/secrets';
import { NO_CLIENT_LIST_PATTERNS } from '../infer/org-mapping';

export interface SheetInput {
  settings: IntegrationSettings;
  settingsName: string;
  specName?: string;
  /** Operations of the spec, to show method, path and summary beside each paginated action. */
  operations?: ReadonlyArray<OperationSummary>;
  /** The spec's list operations with their own results key and, for those not marked, why (see listSummaries). */
  lists?: ReadonlyArray<OperationSummary>;
  /** Findings still open in the settings file, one line each. */
  open?: ReadonlyArray<string>;
}

/** Escapes text for Markdown (and the HTML the preview would otherwise render). */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)).replace(/\s*\n\s*/g, ' ');
}

/** A code span for a value: long enough backtick fences, pipes escaped for tables. */
export function mdCode(s: string): string {
  const flat = s.replace(/\s*\n\s*/g, ' ');
  if (flat === '') return '*(empty)*';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A value for the sheet; an empty one says "leave blank" only where Rewst does not require the field. */
function show(field: FieldSpec, v: unknown, required: boolean): string {
  if (v === undefined || v === '')
    return required || field.section === 'mapping'
      ? `*(required: enter the ${mdText(field.label)})*`
      : field.key === 'icon'
        ? '*(optional: Rewst applies a default icon)*'
        : '*(leave blank)*';
  if (field.kind === 'boolean') return v ? 'checked' : 'unchecked';
  if (field.kind === 'select') return mdText(field.options?.find((o) => o.value === v)?.label ?? String(v));
  if (field.kind === 'pairs' && v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, string>);
    return entries.length ? entries.map(([k, x]) => `${mdCode(k)}: ${x === '' ? '*(enter in Rewst)*' : mdCode(x)}`).join('<br>') : '*(none)*';
  }
  return mdCode(String(v));
}

function table(rows: Array<[string, string]>): string[] {
  return ['| Field | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${mdText(k)} | ${v} |`)];
}

function rowsFor(s: IntegrationSettings, keys: ReadonlyArray<string>): Array<[string, string]> {
  const required = new Set(requiredFields(s).map((f) => f.key));
  return FIELDS.filter((f) => keys.includes(f.key) && fieldApplies(f, s)).map((f) => [f.label, show(f, getField(s, f.key), required.has(f.key))]);
}

const MAX_UNMARKED = 50;

/** An operation's own results key, marked where it is unknown or differs from the settings' Results Key. */
function resultsCell(o: OperationSummary | undefined, key: string | undefined): string {
  if (!o) return '';
  if (o.resultsFrom === 'unknown' || o.resultsKey === undefined) return '*(unknown: the spec does not describe the response)*';
  const shown = o.resultsKey === '' ? '*(the response itself)*' : mdCode(o.resultsKey);
  const from = o.resultsFrom === 'example' ? ' (from an example)' : '';
  return `${shown}${from}${key !== undefined && o.resultsKey !== key ? ' **differs from Results Key**' : ''}`;
}

export function setupSheet(input: SheetInput): string {
  const s = input.settings;
  const method = s.auth?.method;
  const type = s.pagination?.type;
  const out: string[] = [`# Rewst setup sheet: ${mdText(s.name ?? input.settingsName)}`, ''];
  out.push(
    `From ${mdCode(input.settingsName)}${input.specName ? ` for the spec ${mdCode(input.specName)}` : ''}. In Rewst: **Configuration > Integrations**, add an integration, then enter these values in order.`,
    '',
  );
  if (input.open?.length) {
    out.push(
      `> **${input.open.length} problem(s) in the settings file** still need fixing before these values work in Rewst:`,
      ...input.open.map((m) => `> - ${mdText(m)}`),
      '',
    );
  }
  let step = 1;
  const heading = (title: string) => out.push(`## ${step++}. ${title}`, '');
  if (input.specName) {
    heading('Upload the spec');
    out.push(`Choose **Add OpenAPI Integration** and drop ${mdCode(input.specName)} into the upload box, then **Submit**.`, '');
  }
  heading('Integration details');
  out.push(...table(rowsFor(s, ['name', 'icon', 'description'])), '');
  if (s.icon === undefined || s.icon === '')
    out.push(
      "The icon is optional: without one Rewst applies a default icon (Rewst's release note of August 21, 2026; the wizard page this extension follows elsewhere still asks for one).",
      '',
    );
  out.push('Click **Next**.', '');
  heading('Hostname and authentication method');
  out.push(
    ...table([...rowsFor(s, ['hostname']), ['Authentication method', method ? mdText(AUTH_LABELS[method] ?? method) : '*(not chosen)*']]),
    '',
    'Click **Next**.',
    '',
  );
  heading('Authentication defaults');
  const authRows = rowsFor(
    s,
    FIELDS.filter((f) => (f.section === 'auth' || f.section === 'oauth') && f.key !== 'auth.method').map((f) => f.key),
  );
  out.push(...(authRows.length ? table(authRows) : ['No defaults for this method.']), '');
  out.push(`Secrets (the API key, password, client ID and secret) are not in this sheet. ${mdText(SECRET_WHY)}`, '', 'Click **Next**.', '');
  heading('Pagination type');
  out.push(...table([['API Pagination Type', type ? mdText(PAGINATION_LABELS[type] ?? type) : '*(not chosen)*']]), '', 'Click **Next**.', '');
  if (type && type !== 'none') {
    heading('Pagination details');
    out.push(
      ...table(
        rowsFor(
          s,
          FIELDS.filter((f) => f.section === 'pagination' && f.key !== 'pagination.type').map((f) => f.key),
        ),
      ),
      '',
      'Click **Next**.',
      '',
    );
  }
  heading('Edit Actions: mark these actions paginated');
  const actions = Array.isArray(s.paginatedActions) ? s.paginatedActions.filter((a): a is string => typeof a === 'string') : [];
  const lists = input.lists ?? [];
  const listById = new Map(lists.filter((o) => o.operationId).map((o) => [o.operationId!, o]));
  const key = s.pagination?.resultsKey;
  if (!actions.length) out.push('No action is marked paginated, so Rewst will show no organization mapping.', '');
  else {
    const byId = new Map((input.operations ?? []).filter((o) => o.operationId).map((o) => [o.operationId!, o]));
    out.push(
      `${actions.length} action(s), each with its own results key as the spec gives it (Rewst uses one Results Key for all):`,
      '',
      '| # | Action (operationId) | Method and path | Summary | Results key |',
      '| --- | --- | --- | --- | --- |',
    );
    actions.forEach((id, i) => {
      const op = byId.get(id);
      out.push(
        `| ${i + 1} | ${mdCode(id)} | ${op ? `${op.method.toUpperCase()} ${mdCode(op.path)}` : '*(not in the spec)*'} | ${op?.summary ? mdText(op.summary) : ''} | ${resultsCell(listById.get(id), key)} |`,
      );
    });
    out.push('');
  }
  const unmarked = lists.filter((o) => !o.marked);
  if (unmarked.length) {
    out.push(
      `${unmarked.length} other list operation(s) of the spec are not marked:`,
      '',
      '| Method and path | Action (operationId) | Results key | Why not |',
      '| --- | --- | --- | --- |',
    );
    for (const o of unmarked.slice(0, MAX_UNMARKED))
      out.push(
        `| ${o.method.toUpperCase()} ${mdCode(o.path)} | ${o.operationId ? mdCode(o.operationId) : '*(none)*'} | ${resultsCell(o, key)} | ${mdText(o.reason ?? '')} |`,
      );
    if (unmarked.length > MAX_UNMARKED) out.push(`| … | ${unmarked.length - MAX_UNMARKED} more | | |`);
    out.push('');
  }
  out.push('Click **Finalize**, then **Save**, and choose a status (Draft, Published or Hidden).', '');
  mappingStep(s, actions, listById, heading, out);
  return out.join('\n');
}

/** Organization mapping: after Finalize, at the bottom of the integration's page, once an action is paginated. */
function mappingStep(
  s: IntegrationSettings,
  actions: string[],
  listById: Map<string, OperationSummary>,
  heading: (title: string) => void,
  out: string[],
): void {
  heading('Organization mapping');
  const m = s.organizationMapping;
  const action = typeof m?.action === 'string' && m.action !== '' ? m.action : undefined;
  if (!action) {
    out.push(
      "No action is set as the organization mapping's list of the vendor's customers. If the API has one, set `organizationMapping` in the settings file (the Pagination form has the fields); if not, Rewst's page describes two patterns:",
      '',
      ...NO_CLIENT_LIST_PATTERNS.map((p, i) => `${i + 1}. ${mdText(p)}`),
      '',
    );
    return;
  }
  out.push(
    "After **Finalize**, at the bottom of the integration's page, Rewst shows the organization mapping (only when an action is paginated). Set it from this action, then map each child organization to one of the vendor's customers:",
    '',
    ...table(rowsFor(s, ['organizationMapping.action', 'organizationMapping.valueKey', 'organizationMapping.labelKey'])),
    '',
  );
  if (!actions.includes(action)) out.push(`> ${mdCode(action)} is not marked paginated above: mark it, or Rewst shows no mapping table.`, '');
  const own = listById.get(action);
  const key = s.pagination?.resultsKey;
  if (own?.resultsKey !== undefined && own.resultsFrom !== 'unknown' && key !== undefined && own.resultsKey !== key)
    out.push(
      `Its results are under ${own.resultsKey === '' ? '*(the response itself)*' : mdCode(own.resultsKey)}, not the Results Key ${mdCode(key)}: in Rewst's action editor, open ${mdCode(action)} and set its own Results Key under its pagination settings.`,
      '',
    );
}
