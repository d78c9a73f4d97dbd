/**
 * The forms' model, shared by the webview page and the tests: raw control
 * values to settings and back, the defaults a newly chosen method or type
 * brings, what a save writes, how a hand edit of the file merges with what the
 * user is typing, and which messages go beside which field.
 */
import { FALLBACK_PAGE_SIZE, type IntegrationSettings } from './model';
import { FIELDS, FIELDS_BY_KEY, fieldApplies, getField, setField, type FieldSpec, type Section } from './fields';
import type { SettingsReport } from './findings';

export type FormKind = 'auth' | 'pagination';

export const FORM_SECTIONS: Record<FormKind, ReadonlyArray<Section>> = { auth: ['details', 'auth', 'oauth'], pagination: ['pagination', 'mapping'] };

/** Keys the pagination form edits besides its FIELDS. */
export const ACTIONS_KEY = 'paginatedActions';

export function fieldsOf(kind: FormKind): FieldSpec[] {
  return FIELDS.filter((f) => FORM_SECTIONS[kind].includes(f.section));
}

/** "Name: value" lines, as the pairs controls hold them. */
export function pairsToText(pairs: unknown): string {
  if (pairs === null || typeof pairs !== 'object') return '';
  return Object.entries(pairs as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${String(v ?? '')}`)
    .join('\n');
}

export function parsePairs(text: string): { value: Record<string, string>; errors: string[] } {
  const value: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const colon = line.indexOf(':');
    if (colon <= 0) return void errors.push(`Line ${i + 1}: write "Name: value".`);
    value[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  return { value, errors };
}

/** A control's raw value (text, or checked for a checkbox) as the settings value; undefined for empty. */
export function fromControl(field: FieldSpec, raw: string | boolean): unknown {
  if (field.kind === 'boolean') return raw === true;
  const text = String(raw);
  if (field.kind === 'pairs') {
    const { value } = parsePairs(text);
    return Object.keys(value).length ? value : undefined;
  }
  if (text.trim() === '') return undefined;
  if (field.kind === 'number') return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text; // not a number: validation says so
  return field.kind === 'textarea' ? text : text.trim();
}

/** The settings value as a control shows it. */
export function toControl(field: FieldSpec, value: unknown): string | boolean {
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'pairs') return pairsToText(value);
  return value === undefined || value === null ? '' : String(value);
}

export interface DefaultsOptions {
  /** The spec's proposal (its settings). */
  proposal?: IntegrationSettings;
  /** Only the fields of these sections (the form's own, or the one whose choice changed); all when absent. */
  sections?: ReadonlyArray<Section>;
}

/**
 * Fills the empty fields that now apply with their defaults (when a method or type is newly chosen); a value
 * already there, typed or from the file, stays. With the spec's proposal: when it chose the same pagination
 * type, its values for that type (parameters, results key, a page size within the API's maximum) come first;
 * for another type, the page size is the fallback within the proposal's size (which the API's maximum bounds).
 */
export function withDefaults(s: IntegrationSettings, options: DefaultsOptions = {}): IntegrationSettings {
  const { proposal, sections } = options;
  let out = s;
  const fill = (key: string, value: unknown) => {
    const f = FIELDS_BY_KEY.get(key);
    if (value === undefined || !f || (sections && !sections.includes(f.section))) return;
    if (fieldApplies(f, out) && getField(out, key) === undefined) out = setField(out, key, value);
  };
  const type = s.pagination?.type;
  if (type !== undefined && type !== 'none' && proposal?.pagination?.type === type)
    for (const f of FIELDS) if (f.section === 'pagination' && f.key !== 'pagination.type') fill(f.key, getField(proposal, f.key));
  const proposedSize = proposal?.pagination?.defaultPageSize;
  fill('pagination.defaultPageSize', typeof proposedSize === 'number' && proposedSize > 0 ? Math.min(FALLBACK_PAGE_SIZE, proposedSize) : FALLBACK_PAGE_SIZE);
  for (const f of FIELDS) if (f.default !== undefined) fill(f.key, f.default);
  return out;
}

/** What a save writes: fields the chosen method and type do not use are dropped, unknown keys kept. */
export function normalizeForSave(s: IntegrationSettings): IntegrationSettings {
  let out = s;
  for (const f of FIELDS) {
    const v = getField(out, f.key);
    if (v === undefined) continue;
    if (!fieldApplies(f, out) || v === '' || (f.kind === 'pairs' && typeof v === 'object' && v && Object.keys(v).length === 0))
      out = setField(out, f.key, undefined);
  }
  if (!out.pagination?.type || out.pagination.type === 'none') out = setField(out, ACTIONS_KEY, undefined);
  return out;
}

/**
 * A hand edit of the file arrived while the form has a draft: the file's
 * values win, except for the fields the user changed since the last save or load.
 */
export function mergeFileChange(draft: IntegrationSettings, dirty: ReadonlySet<string>, file: IntegrationSettings): IntegrationSettings {
  let out = file;
  for (const key of dirty) out = setField(out, key, getField(draft, key));
  return out;
}

export interface FieldMessage {
  severity: SettingsReport['severity'];
  message: string;
}

/** Messages by field key (or ACTIONS_KEY, or '' for the form as a whole), for the fields of one form. */
export function messagesByField(reports: ReadonlyArray<Pick<SettingsReport, 'path' | 'severity' | 'message'>>, kind: FormKind): Map<string, FieldMessage[]> {
  const keys = new Set(fieldsOf(kind).map((f) => f.key));
  const out = new Map<string, FieldMessage[]>();
  for (const r of reports) {
    const segments = r.path.map(String);
    let key: string | undefined;
    if (segments[0] === ACTIONS_KEY) key = kind === 'pagination' ? ACTIONS_KEY : undefined;
    else {
      for (let n = segments.length; n > 0 && key === undefined; n--) {
        const k = segments.slice(0, n).join('.');
        if (keys.has(k)) key = k;
        else if (FIELDS_BY_KEY.has(k)) break; // another form's field
      }
      if (key === undefined && segments.length > 0 && FORM_SECTIONS[kind].includes(sectionOfTop(segments[0]))) key = '';
      if (key === undefined && segments.length === 0) key = '';
    }
    if (key === undefined) continue;
    const list = out.get(key) ?? [];
    list.push({ severity: r.severity, message: r.message });
    out.set(key, list);
  }
  return out;
}

function sectionOfTop(top: string): Section {
  if (top === 'organizationMapping') return 'mapping';
  return top === 'pagination' ? 'pagination' : top === 'auth' || top === 'extraRequestHeaders' ? 'auth' : 'details';
}

/** A proposal note, as the forms read it (propose.ts's Note). */
export interface FormNote {
  field: string;
  message: string;
  level?: string;
}

/** The field of `kind`'s form a note is about: its own key, or the section's choice ("auth" → auth.method); undefined when none. */
export function noteFieldKey(field: string, kind: FormKind): string | undefined {
  const key =
    field === 'auth' ? 'auth.method' : field === 'pagination' ? 'pagination.type' : field === 'organizationMapping' ? 'organizationMapping.action' : field;
  return fieldsOf(kind).some((f) => f.key === key) ? key : undefined;
}

/**
 * The warning notes to show at their fields, by field key: a warning is about the value the proposal gave
 * (a placeholder hostname, say), so it shows while the field holds that value and goes once it is replaced.
 */
export function warningsAtFields(
  notes: ReadonlyArray<FormNote>,
  kind: FormKind,
  settings: IntegrationSettings,
  proposal: IntegrationSettings,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of notes) {
    const key = n.level === 'warning' ? noteFieldKey(n.field, kind) : undefined;
    if (key === undefined || JSON.stringify(getField(settings, key)) !== JSON.stringify(getField(proposal, key))) continue;
    out.set(key, [...(out.get(key) ?? []), n.message]);
  }
  return out;
}
