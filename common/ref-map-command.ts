/**
 * The client command that adds an entry to `rewstOpenapi.refMap`, offered by
 * the quick fix on a reference by URL (features/url-refs.ts). The server does
 * not write settings itself: only VS Code knows which settings file a
 * workspace uses (folder, workspace file, user profile, remote) and keeps its
 * comments, so the client writes it through its configuration API and the
 * change comes back to the server as any setting change does. It is
 * registered, not contributed in package.json: only the quick fix runs it.
 */
export const ADD_REF_MAP_COMMAND = 'rewstOpenapi.addRefMapEntry';
export const REF_MAP_SETTING = 'rewstOpenapi.refMap';
export const FETCH_REMOTE_REFS_SETTING = 'rewstOpenapi.fetchRemoteRefs';

export interface AddRefMapArgs {
  /** The URL prefix, ending in `/`. */
  prefix: string;
  /** The folder, relative to the spec's folder (`./`). */
  dir: string;
}

/** The command's argument checked at run time: it comes over the wire. */
export function isAddRefMapArgs(v: unknown): v is AddRefMapArgs {
  if (v === null || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return typeof a.prefix === 'string' && /^https?:\/\/[^\s]+\/$/i.test(a.prefix) && a.prefix.length < 2000 && typeof a.dir === 'string' && a.dir.length < 500;
}
