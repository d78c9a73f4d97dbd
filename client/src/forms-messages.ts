/**
 * Every message a form page posts is checked here, at run time, before the
 * host uses it: a page is a browser document fed with a vendor's spec, and
 * what arrives from it is data of unknown shape, whatever forms-protocol.ts
 * says it should be. A message that does not fit its type is refused whole,
 * with the reason.
 */
import type { FormKind } from '../../common/settings/form';
import type { IntegrationSettings } from '../../common/settings/model';
import type { PageMessage, PageState } from './forms-protocol';

/** A draft is a settings file's worth of JSON: far under this when written out. */
export const MAX_DRAFT_CHARS = 1 << 20;
/** Nesting a settings file never reaches (the deepest member, an OAuth parameter, is at 3). */
const MAX_DEPTH = 16;

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Only what JSON can hold (no Date, Map, typed array, NaN or Infinity a structured clone could carry), not too deep. */
function jsonProblem(v: unknown, at: string, depth: number): string | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${at} is not a finite number`;
  if (depth >= MAX_DEPTH) return `${at} is nested deeper than ${MAX_DEPTH}`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const why = jsonProblem(v[i], `${at}[${i}]`, depth + 1);
      if (why) return why;
    }
    return undefined;
  }
  if (!isPlainObject(v)) return `${at} is not JSON data`;
  for (const [k, x] of Object.entries(v)) {
    const why = jsonProblem(x, `${at}.${k}`, depth + 1);
    if (why) return why;
  }
  return undefined;
}

const STRING_MEMBERS = ['$schema', 'spec', 'name', 'description', 'hostname', 'icon'] as const;

/**
 * A draft of the settings: a JSON object within MAX_DRAFT_CHARS whose sections are objects and whose
 * paths and list are strings. Values Rewst would refuse (a page size of 5000, a name with "!") pass:
 * the forms show those beside their fields; this only keeps out what is not a settings value at all.
 */
export function checkDraft(v: unknown): Checked<IntegrationSettings> {
  if (!isPlainObject(v)) return refuse('the draft is not an object');
  const why = jsonProblem(v, 'draft', 0);
  if (why) return refuse(why);
  if (JSON.stringify(v).length > MAX_DRAFT_CHARS) return refuse(`the draft is longer than ${MAX_DRAFT_CHARS} characters`);
  for (const k of STRING_MEMBERS) if (v[k] !== undefined && typeof v[k] !== 'string') return refuse(`draft.${k} is not a string`);
  for (const k of ['auth', 'pagination', 'extraRequestHeaders'] as const)
    if (v[k] !== undefined && !isPlainObject(v[k])) return refuse(`draft.${k} is not an object`);
  const actions = v.paginatedActions;
  if (actions !== undefined && !(Array.isArray(actions) && actions.every((a) => typeof a === 'string')))
    return refuse('draft.paginatedActions is not a list of operation ids');
  return { ok: true, value: v as IntegrationSettings };
}

/** The message, if it is one a form page may send, in the shape its type says; else why not. */
export function checkPageMessage(m: unknown): Checked<PageMessage> {
  if (!isPlainObject(m) || typeof m.type !== 'string') return refuse('not a message object with a type');
  switch (m.type) {
    case 'ready':
    case 'pickIcon':
    case 'showSheet':
    case 'openFile':
      return { ok: true, value: { type: m.type } };
    case 'openForm':
      if (m.kind !== 'auth' && m.kind !== 'pagination') return refuse('openForm names no form (auth or pagination)');
      if (m.unsaved !== undefined && typeof m.unsaved !== 'boolean') return refuse('openForm.unsaved is not true or false');
      return { ok: true, value: { type: 'openForm', kind: m.kind, ...(m.unsaved !== undefined ? { unsaved: m.unsaved } : {}) } };
    case 'trySettings': {
      if (m.draft === undefined) return { ok: true, value: { type: 'trySettings' } };
      const draft = checkDraft(m.draft);
      return draft.ok ? { ok: true, value: { type: 'trySettings', draft: draft.value } } : draft;
    }
    case 'draft': {
      if (typeof m.seq !== 'number' || !Number.isSafeInteger(m.seq) || m.seq < 0) return refuse('draft.seq is not a whole number');
      const draft = checkDraft(m.draft);
      return draft.ok ? { ok: true, value: { type: 'draft', seq: m.seq, draft: draft.value } } : draft;
    }
    case 'save': {
      const draft = checkDraft(m.draft);
      return draft.ok ? { ok: true, value: { type: 'save', draft: draft.value } } : draft;
    }
    default:
      return refuse(`unknown message type ${JSON.stringify(m.type.slice(0, 40))}`);
  }
}

/**
 * The state a page kept (vscode.setState), as VS Code hands it back after a window reload: the page wrote
 * it, so it is checked like a message. The spec must be a file URI; the draft a draft.
 */
export function checkPageState(v: unknown, kind: FormKind): Checked<PageState> {
  if (!isPlainObject(v)) return refuse('no state');
  if (v.kind !== kind) return refuse(`the state is not a ${kind} form's`);
  for (const k of ['specUri', 'settingsUri'] as const) if (typeof v[k] !== 'string' || !v[k].startsWith('file:')) return refuse(`state.${k} is not a file URI`);
  if (!Array.isArray(v.dirty) || !v.dirty.every((d) => typeof d === 'string')) return refuse('state.dirty is not a list of field keys');
  const draft = checkDraft(v.draft);
  if (!draft.ok) return draft;
  return { ok: true, value: { kind, specUri: v.specUri as string, settingsUri: v.settingsUri as string, draft: draft.value, dirty: v.dirty as string[] } };
}
