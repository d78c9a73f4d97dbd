/**
 * Writing settings back: the file as it is, the settings as the form has
 * them, and one minimal text edit between the two. Members are inserted,
 * removed and replaced with the engine's format-preserving editor, so keys the
 * form does not know, their order and the file's indentation all stay.
 */
import { editorFor } from '../../structural-editor';
import { parseSpec } from '../../parse';
import { applyEdits } from '../../edit-ops';
import type { JsonPath, TextEdit } from '../../types';
import { FIELDS } from '../../../../../common/settings/fields';
import { type IntegrationSettings } from '../../../../../common/settings/model';

/** Key order for new files and new members: the wizard's order. */
const ORDER = [
  '$schema',
  'spec',
  'name',
  'description',
  'hostname',
  'icon',
  'auth',
  'method',
  'apiKeyHeaderName',
  'apiKeyPreamble',
  'oauth',
  ...FIELDS.filter((f) => f.key.startsWith('auth.oauth.')).map((f) => f.key.split('.').pop()!),
  'extraRequestHeaders',
  'pagination',
  ...FIELDS.filter((f) => f.key.startsWith('pagination.')).map((f) => f.key.split('.').pop()!),
  'paginatedActions',
  'organizationMapping',
  'action',
  'valueKey',
  'labelKey',
];

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  return i < 0 ? ORDER.length : i;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Only the pairs maps hold names the user chose; everything else is sorted into the wizard's order. */
function ordered(value: unknown, path: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, path));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const free = path[path.length - 1] === 'extraRequestHeaders' || path[path.length - 1] === 'authorizationExtraParams';
  if (!free) keys.sort((a, b) => rank(a) - rank(b));
  const out: Record<string, unknown> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = ordered(value[k], [...path, k]);
  return out;
}

export function serializeSettings(s: IntegrationSettings): string {
  return JSON.stringify(ordered(s), null, 2) + '\n';
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The edit that turns `text` into a file holding `next`. When `text` is empty
 * or does not parse, the whole file is written afresh. Returns [] when nothing changes.
 */
export function settingsEdits(text: string, next: IntegrationSettings): TextEdit[] {
  const doc = parseSpec(text, 'json');
  if (!text.trim() || doc.problems.length || !isPlainObject(doc.value)) return [{ start: 0, end: text.length, newText: serializeSettings(next) }];
  let current = text;
  const steps = planEdits(doc.value, ordered(next) as Record<string, unknown>, []);
  for (const step of steps) {
    const d = parseSpec(current, 'json');
    const editor = editorFor(d);
    let edit: TextEdit | undefined;
    if (step.op === 'remove') edit = editor.removeMember(step.path.slice(0, -1), String(step.path[step.path.length - 1]));
    else if (step.op === 'replace') edit = editor.replaceValue(step.path, step.value);
    else edit = editor.insertMember(step.path.slice(0, -1), String(step.path[step.path.length - 1]), step.value, step.after ? { after: step.after } : 'start');
    if (!edit) return [{ start: 0, end: text.length, newText: serializeSettings(next) }];
    current = applyEdits(current, [edit]);
  }
  return current === text ? [] : [minimalEdit(text, current)];
}

type Step =
  { op: 'remove'; path: JsonPath } | { op: 'replace'; path: JsonPath; value: unknown } | { op: 'insert'; path: JsonPath; value: unknown; after?: string };

function planEdits(old: Record<string, unknown>, next: Record<string, unknown>, path: string[]): Step[] {
  const steps: Step[] = [];
  for (const k of Object.keys(old)) if (!(k in next)) steps.push({ op: 'remove', path: [...path, k] });
  const kept = Object.keys(old).filter((k) => k in next);
  for (const k of Object.keys(next)) {
    if (k in old) {
      if (equal(old[k], next[k])) continue;
      if (isPlainObject(old[k]) && isPlainObject(next[k]) && Object.keys(old[k] as object).length > 0)
        steps.push(...planEdits(old[k] as Record<string, unknown>, next[k] as Record<string, unknown>, [...path, k]));
      else steps.push({ op: 'replace', path: [...path, k], value: next[k] });
    } else {
      // After the last existing key that comes before it in the wizard's order.
      const before = kept.filter((o) => rank(o) <= rank(k) && o !== k);
      const after = before.length ? before.reduce((a, b) => (rank(b) >= rank(a) ? b : a)) : undefined;
      steps.push({ op: 'insert', path: [...path, k], value: next[k], after });
      kept.push(k);
    }
  }
  return steps;
}

/** One edit covering only what differs between the two texts. */
function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
