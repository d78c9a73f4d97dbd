/**
 * The settings forms' HTML: plain HTML, a nonce content security policy with
 * `default-src 'none'`, one script (the bundled page) and one stylesheet, and
 * every string that comes from the spec or the settings escaped. No VS Code
 * imports, so tests render it directly.
 */
import { randomBytes } from 'node:crypto';
import { fieldsOf, noteFieldKey, toControl, warningsAtFields } from '../../common/settings/form';
import {
  AUTH_GUIDANCE,
  AUTH_LABELS,
  NO_CLIENT_LIST_PATTERNS,
  PAGINATION_GUIDANCE,
  PAGINATION_LABELS,
  type IntegrationSettings,
} from '../../common/settings/model';
import { fieldApplies, getField, type FieldSpec } from '../../common/settings/fields';
import { SECRET_WHY } from '../../common/settings/secrets';
import type { OperationSummary } from '../../common/settings/proposal';
import type { FormInit } from './forms-protocol';

export interface HtmlEnv {
  nonce: string;
  /** The webview's CSP source (webview.cspSource). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A nonce for the CSP: 32 characters from [A-Za-z0-9], from the platform's cryptographic random source
 * (a page must not be able to guess the next one, as it could Math.random's).
 */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  // 248 is the largest multiple of 62 under 256: bytes from 248 up are skipped, so every character is equally likely.
  while (out.length < 32) for (const b of randomBytes(32)) if (b < 248 && out.length < 32) out += chars[b % 62];
  return out;
}

export function idOf(key: string): string {
  return key.replace(/[^A-Za-z0-9]/g, '-');
}

const SECTION_TITLES = {
  details: 'Integration details',
  auth: 'Authentication',
  oauth: 'OAuth 2.0 defaults',
  pagination: 'Pagination',
  mapping: 'Organization mapping',
} as const;

function control(f: FieldSpec, value: unknown): string {
  const id = `f-${idOf(f.key)}`;
  const described = `h-${idOf(f.key)} m-${idOf(f.key)}`;
  const common = `id="${id}" name="${esc(f.key)}" data-field="${esc(f.key)}" aria-describedby="${described}"${f.required ? ' aria-required="true"' : ''}`;
  const shown = toControl(f, value);
  switch (f.kind) {
    case 'boolean':
      return `<input type="checkbox" ${common}${shown === true ? ' checked' : ''}>`;
    case 'select': {
      const blank = `<option value=""${shown === '' ? ' selected' : ''}>(not set)</option>`;
      const known = f.options!.some((o) => o.value === shown);
      const options = f.options!.map((o) => `<option value="${esc(o.value)}"${o.value === shown ? ' selected' : ''}>${esc(o.label)}</option>`).join('');
      // A value the file holds that is not a choice stays visible, so validation can say why.
      const unknown = shown !== '' && !known ? `<option value="${esc(shown)}" selected>${esc(shown)} (not a choice)</option>` : '';
      return `<select ${common}>${blank}${options}${unknown}</select>`;
    }
    case 'number':
      return `<input type="number" inputmode="numeric" step="1"${f.min !== undefined ? ` min="${f.min}"` : ''}${f.max !== undefined ? ` max="${f.max}"` : ''} ${common} value="${esc(shown)}">`;
    case 'textarea':
    case 'pairs':
      return `<textarea rows="${f.kind === 'pairs' ? 3 : 4}" spellcheck="${f.kind === 'textarea'}" ${common}>${esc(shown)}</textarea>`;
    default:
      return `<input type="text" spellcheck="false" ${common} value="${esc(shown)}">`;
  }
}

function whenAttrs(f: FieldSpec): string {
  return `${f.when?.auth ? ` data-when-auth="${esc(f.when.auth.join(' '))}"` : ''}${f.when?.pagination ? ` data-when-pagination="${esc(f.when.pagination.join(' '))}"` : ''}`;
}

/** A warning note as it shows at its field and in the notes: marked as a warning in words, not by colour alone. */
export function warningHtml(message: string): string {
  return `<p class="message warning note"><strong>Warning:</strong> ${esc(message)}</p>`;
}

function fieldHtml(f: FieldSpec, s: IntegrationSettings, warnings: ReadonlyMap<string, string[]>): string {
  const id = idOf(f.key);
  const label = `<label for="f-${id}">${esc(f.label)}${f.required ? ' <span class="required">(required)</span>' : ''}</label>`;
  const range = f.min !== undefined ? ` Range ${f.min}–${f.max}.` : '';
  const help = `<p class="help" id="h-${id}">${esc(f.help)}${f.help.includes('Range') || f.help.includes('higher than') ? '' : esc(range)}${f.default !== undefined ? ` Default: ${esc(String(f.default))}.` : ''}</p>`;
  const extra = f.key === 'icon' ? '<button type="button" id="pick-icon">Choose an SVG…</button><img id="icon-preview" alt="Icon preview" hidden>' : '';
  const body =
    f.kind === 'boolean' ? `<div class="check">${control(f, getField(s, f.key))}${label}</div>` : `${label}${control(f, getField(s, f.key))}${extra}`;
  return `<div class="field" data-key="${esc(f.key)}"${whenAttrs(f)}${fieldApplies(f, s) ? '' : ' hidden'}>${body}${help}<div class="messages" id="m-${id}" aria-live="polite">${(warnings.get(f.key) ?? []).map(warningHtml).join('')}</div></div>`;
}

function guidance(kind: 'auth' | 'pagination', s: IntegrationSettings): string {
  const table = kind === 'auth' ? AUTH_GUIDANCE : PAGINATION_GUIDANCE;
  const labels: Record<string, string> = kind === 'auth' ? AUTH_LABELS : PAGINATION_LABELS;
  const chosen = kind === 'auth' ? s.auth?.method : s.pagination?.type;
  const blocks = Object.entries(table).map(
    ([k, items]) =>
      `<div class="guidance" data-guidance="${esc(k)}"${k === chosen ? '' : ' hidden'}><p>Rewst suggests <strong>${esc(labels[k])}</strong> when:</p><ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></div>`,
  );
  const all = `<details class="all-guidance"><summary>When each ${kind === 'auth' ? 'method' : 'type'} fits</summary><dl>${Object.entries(table)
    .map(([k, items]) => `<dt>${esc(labels[k])}</dt><dd>${items.map(esc).join('; ')}.</dd>`)
    .join('')}</dl></details>`;
  return `<div class="guidance-box">${blocks.join('')}${all}</div>`;
}

/** The proposal's notes about this form's fields, before the fields; warnings also show at their field. */
function notesHtml(init: FormInit): string {
  const wanted = init.kind === 'auth' ? ['name', 'hostname', 'icon', 'auth', 'description'] : ['pagination'];
  const notes = init.proposal.notes.filter((n) => wanted.includes(n.field) || noteFieldKey(n.field, init.kind) !== undefined);
  if (!notes.length) return '';
  const item = (n: FormInit['proposal']['notes'][number]) =>
    n.level === 'warning' ? `<li class="warning"><strong>Warning:</strong> ${esc(n.message)}</li>` : `<li>${esc(n.message)}</li>`;
  return `<section class="notes" aria-labelledby="notes-h"><h2 id="notes-h">What the spec says</h2><ul>${notes.map(item).join('')}</ul></section>`;
}

/** An operation's own results key, as the list shows it beside the operation. */
function resultsBadge(o: OperationSummary, key: string | undefined): string {
  const unknown = o.resultsFrom === undefined || o.resultsFrom === 'unknown' || o.resultsKey === undefined;
  const text = unknown
    ? 'results: unknown'
    : `results: ${o.resultsKey === '' ? '(the response)' : o.resultsKey}${o.resultsFrom === 'example' ? ' (example)' : ''}`;
  const differs = !unknown && key !== undefined && o.resultsKey !== key;
  const title = unknown
    ? 'The spec does not describe this response: its results key is unknown.'
    : differs
      ? 'Differs from the Results Key above: Rewst uses one for all actions.'
      : `Read from the response ${o.resultsFrom === 'schema' ? 'schema' : o.resultsFrom}.`;
  return ` <span class="badge results${differs ? ' differs' : ''}${unknown ? ' unknown' : ''}" title="${esc(title)}">${esc(text)}</span>`;
}

/** What says an operation pages (its parameters, a next link, x-ms-pageable...), as the spec shows it. */
function evidenceHtml(o: OperationSummary | undefined, id: string): string {
  if (!o) return '';
  const text = o.evidence?.length ? `Evidence: ${o.evidence.join('; ')}.` : 'No paging evidence: it returns a list, and nothing in the spec says it pages.';
  return `<p class="evidence" id="${id}">${esc(text)}</p>`;
}

function actionsHtml(init: FormInit, s: IntegrationSettings): string {
  const chosen = new Set(Array.isArray(s.paginatedActions) ? s.paginatedActions : []);
  const proposed = new Set(init.proposal.settings.paginatedActions ?? []);
  const key = s.pagination?.resultsKey;
  const all = init.proposal.listOperations;
  const ops = all.filter((o) => o.operationId);
  const listed = new Set(ops.map((o) => o.operationId));
  const missing = [...chosen].filter((id) => !listed.has(id));
  const label = (o: OperationSummary) => `${o.method.toUpperCase()} ${o.path}`;
  const rows = [
    ...ops.map((o, i) => ({ id: o.operationId!, o, label: label(o), n: i })),
    ...missing.map((id, i) => ({ id, o: undefined, label: '(not a list operation in the spec)', n: ops.length + i })),
  ];
  const detail = (o: OperationSummary | undefined) =>
    o
      ? `${o.summary ? ` <span class="summary">${esc(o.summary)}</span>` : ''}${o.style && o.style !== 'none' ? ` <span class="badge">${esc(o.style)}</span>` : ''}${resultsBadge(o, key)}`
      : '';
  const why = (o: OperationSummary | undefined) => (o?.reason && !o.marked ? `<p class="reason">Not proposed: ${esc(o.reason)}</p>` : '');
  // One row per operation: the checkbox and its label on one line, what says it pages in small text below.
  const items = rows.map(
    (r) =>
      `<li data-op="${esc(r.id)}"><div class="row"><input type="checkbox" id="op-${r.n}" data-op="${esc(r.id)}"${chosen.has(r.id) ? ' checked' : ''} aria-describedby="${r.o ? `eo-${r.n} ` : ''}mo-${r.n}"><label for="op-${r.n}"><code>${esc(r.id)}</code> <span class="op">${esc(r.label)}</span>${detail(r.o)}${proposed.has(r.id) ? ' <span class="badge proposed">proposed</span>' : ''}</label></div>${evidenceHtml(r.o, `eo-${r.n}`)}${why(r.o)}<div class="messages" id="mo-${r.n}" aria-live="polite"></div></li>`,
  );
  // Operations without an operationId cannot be actions yet: shown, not tickable, with how to fix it.
  const noId = all.filter((o) => !o.operationId);
  const noIdItems = noId.map(
    (o, i) =>
      `<li data-op="${esc(label(o))}" class="no-id"><div class="row"><input type="checkbox" id="op-x${i}" disabled aria-describedby="eo-x${i} ro-x${i}"><label for="op-x${i}"><span class="op">${esc(label(o))}</span>${detail(o)}</label></div>${evidenceHtml(o, `eo-x${i}`)}<p class="reason" id="ro-x${i}">No operationId, so Rewst makes no action of it: <code>rewst-openapi prepare</code> (or Fix all in the editor) adds one.</p></li>`,
  );
  return `<section aria-labelledby="actions-h" class="actions-section" data-when-pagination="index page link pointer"${s.pagination?.type && s.pagination.type !== 'none' ? '' : ' hidden'}>
<h2 id="actions-h">Paginated actions</h2>
<p>Rewst shows organization mapping only when an action is paginated. ${all.length} operation(s) of the spec return a list${noId.length ? ` (${noId.length} without an operationId)` : ''}; <span id="actions-count">${chosen.size}</span> ticked. Each shows its own results key: Rewst uses the one Results Key above for all.</p>
<div class="toolbar"><button type="button" id="tick-proposed">Tick the proposed ${proposed.size}</button> <button type="button" id="untick-all">Untick all</button> <label for="actions-filter">Filter</label> <input type="search" id="actions-filter" spellcheck="false"></div>
<div class="messages" id="m-paginatedActions" aria-live="polite"></div>
<fieldset><legend>Mark these actions paginated</legend><ul class="actions">${items.join('')}${noIdItems.join('')}</ul></fieldset>
</section>`;
}

/** What the spec proposes for the organization mapping, or Rewst's two patterns when no list fits. */
function mappingHtml(init: FormInit): string {
  const m = init.proposal.organizationMapping;
  const c = m?.chosen;
  const intro =
    "<p>After Finalize, at the bottom of the integration's page, Rewst maps each child organization to one of the vendor's customers, read from a paginated list action.</p>";
  if (!c)
    return `${intro}<p>No list operation of the spec looks like the vendor's customers. Rewst's page describes two patterns:</p><ul>${NO_CLIENT_LIST_PATTERNS.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`;
  const runners = m!.runnersUp.length
    ? ` Runners-up: ${m!.runnersUp.map((r) => `<code>${esc(r.operationId)}</code> (${esc(`${r.method.toUpperCase()} ${r.path}`)})`).join(', ')}.`
    : '';
  return `${intro}<p class="proposal">Proposed: <code>${esc(c.operationId)}</code> (${esc(`${c.method.toUpperCase()} ${c.path}`)}), for its ${esc(c.why.join(', '))}.${runners}</p>`;
}

export function renderForm(init: FormInit, env: HtmlEnv): string {
  const s = init.settings;
  const fields = fieldsOf(init.kind);
  const warnings = warningsAtFields(init.proposal.notes, init.kind, s, init.proposal.settings);
  const rendered = [...new Set(fields.map((f) => f.section))].map((section) => {
    const own = fields.filter((f) => f.section === section);
    const guide = section === 'auth' ? guidance('auth', s) : section === 'pagination' ? guidance('pagination', s) : '';
    const when = section === 'oauth' ? ' data-when-auth="oauth2 oauth2-authorization-code oauth2-client-credentials"' : '';
    const hidden = section === 'oauth' && !own.some((f) => fieldApplies(f, s)) ? ' hidden' : '';
    const body = (section === 'mapping' ? mappingHtml(init) : '') + own.map((f, i) => (i === 1 && guide ? guide : '') + fieldHtml(f, s, warnings)).join('');
    return [
      section,
      `<section aria-labelledby="s-${section}"${when}${hidden}><h2 id="s-${section}">${esc(SECTION_TITLES[section])}</h2>${body}</section>`,
    ] as const;
  });
  // Rewst's order: the organization mapping comes after the paginated actions (after Finalize, at the bottom of the integration's page).
  const sections = rendered.filter(([k]) => k !== 'mapping').map(([, html]) => html);
  const mapping = rendered.filter(([k]) => k === 'mapping').map(([, html]) => html);
  const heading = init.kind === 'auth' ? 'Integration and authentication' : 'Pagination';
  const secrets =
    init.kind === 'auth'
      ? `<section class="secrets" aria-labelledby="secrets-h"><h2 id="secrets-h">Secrets stay out of this file</h2><p>The API key, the password, the client ID and secret are not asked for here and never written. ${esc(SECRET_WHY)}</p></section>`
      : '';
  const csp = `default-src 'none'; style-src ${env.cspSource}; img-src ${env.cspSource}; script-src 'nonce-${env.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(env.styleUri)}">
<title>${esc(heading)}: ${esc(init.title)}</title>
</head>
<body data-init="${esc(JSON.stringify(init))}">
<header>
<h1>${esc(heading)}: ${esc(init.title)}</h1>
<p class="file">Settings file <code>${esc(init.settingsName)}</code><span id="file-state">${init.settingsExists ? '' : ' (not created yet: Save creates it)'}</span> for the spec <code>${esc(init.specName)}</code>.</p>
<div class="toolbar" role="toolbar" aria-label="Form actions">
<button type="button" id="save" class="primary">Save</button>
<button type="button" id="use-proposal">Use the spec's proposal</button>
<button type="button" id="open-other">${init.kind === 'auth' ? 'Pagination form' : 'Auth form'}</button>
<button type="button" id="show-sheet">Setup sheet</button>
<button type="button" id="open-file">Open settings file</button>
${init.kind === 'pagination' ? '<button type="button" id="try-settings" title="Send a paginated action as Rewst would, with the saved settings file, and see where paging stops">Try these settings</button>' : ''}
<span id="status" role="status" aria-live="polite"></span>
</div>
<div class="messages form-messages" id="m-" aria-live="polite"></div>
</header>
<main>
<form id="form" novalidate>
${notesHtml(init)}
${sections.join('\n')}
${init.kind === 'pagination' ? actionsHtml(init, s) : ''}
${mapping.join('\n')}
${secrets}
</form>
</main>
<script nonce="${env.nonce}" src="${esc(env.scriptUri)}"></script>
</body>
</html>`;
}
