/**
 * The settings forms' page script (bundled by esbuild to dist/webview/forms.js).
 * The HTML arrives rendered by the host; this wires it: the draft follows the
 * controls, Rewst's limits and required fields are checked as the user types
 * (the engine's own validation, bundled here), the server's cross-checks come
 * back from the host, and the draft survives a hide or a reload (setState).
 */
// The pure modules only (not the settings index, which brings the parsers along).
import {
  FORM_SECTIONS,
  fromControl,
  mergeFileChange,
  messagesByField,
  normalizeForSave,
  parsePairs,
  toControl,
  warningsAtFields,
  withDefaults,
  type FieldMessage,
} from '../../common/settings/form';
import { FIELDS_BY_KEY, fieldApplies, getField, setField } from '../../common/settings/fields';
import { type IntegrationSettings } from '../../common/settings/model';
import type { SettingsReport } from '../../common/settings/findings';
import { validateSettings } from '../../common/settings/validate';
import type { FormInit, HostMessage, PageMessage, PageState } from '../src/forms-protocol';

declare function acquireVsCodeApi(): { postMessage(m: PageMessage): void; getState(): PageState | undefined; setState(s: PageState): void };

const vscode = acquireVsCodeApi();
const init = JSON.parse(document.body.dataset.init ?? '{}') as FormInit;
const saved = vscode.getState() ?? init.state;
const restored = saved && saved.specUri === init.specUri && saved.kind === init.kind ? saved : undefined;

const dirty = new Set<string>(restored?.dirty ?? []);
// After a reload the file may have changed: its values, except for what the user had typed and not saved.
let draft: IntegrationSettings = restored ? mergeFileChange(restored.draft, dirty, init.settings) : init.settings;
/** Findings only the server can make (the icon on disk, the spec); shown until the next answer. */
let serverReports: SettingsReport[] = [];
let seq = 0;
/** What the last save said; shown while nothing is unsaved (the checks that follow a save would otherwise blank it). */
let saveMessage = '';
let timer: ReturnType<typeof setTimeout> | undefined;

const SERVER_ONLY = new Set([
  'settings-icon',
  'settings-spec',
  'settings-operation-missing',
  'settings-results-key',
  'settings-param-not-accepted',
  'settings-pointer-path',
  'settings-next-page-key',
]);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const controls = () => [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[data-field]')];
const idOf = (key: string) => key.replace(/[^A-Za-z0-9]/g, '-');
const post = (m: PageMessage) => vscode.postMessage(m);

function rawOf(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string | boolean {
  return el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
}

function showValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string | boolean): void {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = value === true;
  else if (el instanceof HTMLSelectElement && typeof value === 'string' && value && ![...el.options].some((o) => o.value === value)) {
    el.add(new Option(`${value} (not a choice)`, value));
    el.value = value;
  } else el.value = String(value);
}

/** Puts the draft into every control (but not into the one being typed in). */
function render(): void {
  for (const el of controls()) {
    const field = FIELDS_BY_KEY.get(el.dataset.field!);
    if (!field || el === document.activeElement) continue;
    const want = toControl(field, getField(draft, field.key));
    if (rawOf(el) !== want) showValue(el, want);
  }
  const chosen = new Set(Array.isArray(draft.paginatedActions) ? draft.paginatedActions : []);
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-op]')) box.checked = chosen.has(box.dataset.op!);
  const count = $('actions-count');
  if (count) count.textContent = String(chosen.size);
  visibility();
}

function visibility(): void {
  const method = draft.auth?.method ?? '';
  const type = draft.pagination?.type ?? '';
  for (const el of document.querySelectorAll<HTMLElement>('[data-key]')) {
    const field = FIELDS_BY_KEY.get(el.dataset.key!);
    if (field) el.hidden = !fieldApplies(field, draft);
  }
  for (const el of document.querySelectorAll<HTMLElement>('section[data-when-auth]')) el.hidden = !el.dataset.whenAuth!.split(' ').includes(method);
  for (const el of document.querySelectorAll<HTMLElement>('section[data-when-pagination]')) el.hidden = !el.dataset.whenPagination!.split(' ').includes(type);
  for (const el of document.querySelectorAll<HTMLElement>('[data-guidance]')) el.hidden = el.dataset.guidance !== (init.kind === 'auth' ? method : type);
}

function showMessages(): void {
  const local = validateSettings(draft);
  const seen = new Set(local.map((r) => `${r.code} ${r.path.join('/')}`));
  const all = [...local, ...serverReports.filter((r) => SERVER_ONLY.has(r.code) && !seen.has(`${r.code} ${r.path.join('/')}`))];
  const byField = messagesByField(all, init.kind);
  // The spec's warnings about a value it proposed, at their field while the field holds that value.
  const warnings = warningsAtFields(init.proposal.notes, init.kind, draft, init.proposal.settings);
  const write = (box: HTMLElement | null, list: FieldMessage[] | undefined, notes: string[] = []) => {
    if (!box) return;
    box.replaceChildren(
      ...(list ?? []).map((m) => {
        const p = document.createElement('p');
        p.className = `message ${m.severity}`;
        p.textContent = m.message;
        return p;
      }),
      ...notes.map((text) => {
        // As forms-html.ts's warningHtml writes it: a warning in words, not by colour alone.
        const p = document.createElement('p');
        p.className = 'message warning note';
        const label = document.createElement('strong');
        label.textContent = 'Warning:';
        p.append(label, ` ${text}`);
        return p;
      }),
    );
  };
  for (const el of controls()) {
    const key = el.dataset.field!;
    const list = byField.get(key);
    write($(`m-${idOf(key)}`), list, warnings.get(key));
    el.setAttribute('aria-invalid', String(Boolean(list?.some((m) => m.severity === 'error'))));
  }
  // Pairs are also checked for lines that are not "Name: value".
  for (const el of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-field]')) {
    if (FIELDS_BY_KEY.get(el.dataset.field!)?.kind !== 'pairs') continue;
    const { errors } = parsePairs(el.value);
    if (errors.length)
      write(
        $(`m-${idOf(el.dataset.field!)}`),
        [...(byField.get(el.dataset.field!) ?? []), ...errors.map((message) => ({ severity: 'error' as const, message }))],
        warnings.get(el.dataset.field!),
      );
  }
  write(
    $('m-paginatedActions'),
    all.filter((r) => r.path[0] === 'paginatedActions' && r.path.length === 1).map((r) => ({ severity: r.severity, message: r.message })),
  );
  // Findings about one action go beside it.
  const perAction = all.filter((r) => r.path[0] === 'paginatedActions' && typeof r.path[1] === 'number');
  for (const li of document.querySelectorAll<HTMLElement>('li[data-op]')) {
    const index = (draft.paginatedActions ?? []).indexOf(li.dataset.op!);
    write(
      li.querySelector<HTMLElement>('.messages'),
      perAction.filter((r) => r.path[1] === index).map((r) => ({ severity: r.severity, message: r.message })),
    );
  }
  write($('m-'), byField.get(''));
  const errors = all.filter((r) => r.severity === 'error').length;
  status(errors ? `${errors} problem(s) to fix before Rewst accepts these values` : dirty.size ? 'Unsaved changes' : saveMessage);
}

function status(text: string): void {
  const el = $('status');
  if (el) el.textContent = text;
}

function keep(): void {
  vscode.setState({ kind: init.kind, specUri: init.specUri, settingsUri: init.settingsUri, draft, dirty: [...dirty] });
}

function changed(key: string): void {
  dirty.add(key);
  keep();
  showMessages();
  clearTimeout(timer);
  timer = setTimeout(() => post({ type: 'draft', seq: ++seq, draft }), 250);
}

function onControl(e: Event): void {
  const el = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const key = el.dataset?.field;
  const field = key ? FIELDS_BY_KEY.get(key) : undefined;
  if (field) {
    draft = setField(draft, field.key, fromControl(field, rawOf(el)));
    // A newly chosen method or type brings its fields' defaults (token request POST, a page limit of 20, and for
    // the type the spec proposes its values), into empty fields only: what was typed or is in the file stays.
    if (field.key === 'auth.method' || field.key === 'pagination.type') {
      const before = draft;
      draft = withDefaults(draft, { proposal: init.proposal.settings, sections: field.key === 'auth.method' ? FORM_SECTIONS.auth : FORM_SECTIONS.pagination });
      for (const f of FIELDS_BY_KEY.values()) if (getField(before, f.key) !== getField(draft, f.key)) dirty.add(f.key);
      render();
    } else visibility();
    changed(field.key);
  } else if (el instanceof HTMLInputElement && el.dataset.op) {
    const id = el.dataset.op;
    const list = (Array.isArray(draft.paginatedActions) ? draft.paginatedActions : []).filter((x) => x !== id);
    if (el.checked) list.push(id);
    draft = setField(draft, 'paginatedActions', list);
    const count = $('actions-count');
    if (count) count.textContent = String(list.length);
    changed('paginatedActions');
  }
}

function useProposal(): void {
  const p = init.proposal.settings;
  const keys =
    init.kind === 'auth' ? ['name', 'description', 'hostname', 'auth', 'extraRequestHeaders'] : ['pagination', 'paginatedActions', 'organizationMapping'];
  for (const key of keys) draft = setField(draft, key, getField(p, key));
  for (const f of FIELDS_BY_KEY.values()) if (keys.includes(f.key.split('.')[0])) dirty.add(f.key);
  render();
  for (const key of keys) changed(key);
}

function onHost(e: MessageEvent<HostMessage>): void {
  const m = e.data;
  if (m.type === 'file') {
    const state = $('file-state');
    if (state) state.textContent = m.exists ? '' : ' (not created yet: Save creates it)';
    draft = mergeFileChange(draft, dirty, m.settings);
    keep();
    render();
    showMessages();
    post({ type: 'draft', seq: ++seq, draft });
  } else if (m.type === 'fileBroken') {
    status(m.message);
  } else if (m.type === 'reports') {
    if (m.seq !== seq) return; // an answer about an older draft
    serverReports = m.reports;
    const img = $<HTMLImageElement>('icon-preview');
    if (img) {
      img.hidden = !m.iconSrc;
      if (m.iconSrc) img.src = m.iconSrc;
    }
    showMessages();
  } else if (m.type === 'iconPicked') {
    draft = setField(draft, 'icon', m.path);
    render();
    changed('icon');
  } else if (m.type === 'saved') {
    if (m.ok) dirty.clear();
    saveMessage = m.ok ? m.message : '';
    keep();
    showMessages();
    status(m.message);
  }
}

function filterActions(text: string): void {
  const needle = text.trim().toLowerCase();
  for (const li of document.querySelectorAll<HTMLElement>('li[data-op]')) li.hidden = needle !== '' && !li.textContent!.toLowerCase().includes(needle);
}

const form = $<HTMLFormElement>('form')!;
form.addEventListener('input', onControl);
form.addEventListener('change', onControl); // both events: each handler is idempotent
form.addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('message', onHost);
$('save')?.addEventListener('click', () => post({ type: 'save', draft: normalizeForSave(draft) }));
$('use-proposal')?.addEventListener('click', useProposal);
$('show-sheet')?.addEventListener('click', () => post({ type: 'showSheet' }));
$('open-file')?.addEventListener('click', () => post({ type: 'openFile' }));
$('try-settings')?.addEventListener('click', () => post(dirty.size > 0 ? { type: 'trySettings', draft: normalizeForSave(draft) } : { type: 'trySettings' }));
$('open-other')?.addEventListener('click', () => post({ type: 'openForm', kind: init.kind === 'auth' ? 'pagination' : 'auth', unsaved: dirty.size > 0 }));
$('pick-icon')?.addEventListener('click', () => post({ type: 'pickIcon' }));
$('actions-filter')?.addEventListener('input', (e) => filterActions((e.target as HTMLInputElement).value));
$('tick-proposed')?.addEventListener('click', () => {
  draft = setField(draft, 'paginatedActions', [...(init.proposal.settings.paginatedActions ?? [])]);
  render();
  changed('paginatedActions');
});
$('untick-all')?.addEventListener('click', () => {
  draft = setField(draft, 'paginatedActions', []);
  render();
  changed('paginatedActions');
});
// Ctrl/Cmd+S saves from anywhere in the form.
window.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
    e.preventDefault();
    post({ type: 'save', draft: normalizeForSave(draft) });
  }
});

keep();
render();
showMessages();
post({ type: 'ready' });
post({ type: 'draft', seq: ++seq, draft });
// Marks the page as wired (its controls are listened to): what is typed before this is not seen, so automation waits for it.
document.body.dataset.ready = 'true';
