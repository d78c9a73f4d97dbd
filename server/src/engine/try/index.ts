/** Try an action: the requests Rewst would send with the integration's settings, and a report of what came back. */
export { tryAction, pagingParamsOf, TRY_DEFAULTS } from './run';
export { baseUrlOf, isLoopback, refusedUrl, Masker, MASK } from './safety';
export { linkWithRel } from './paging';
export { valueAtKey, firstAtJsonPath } from './values';
export { findOperation, paramsToFill } from './request';
export {
  STOP_TEXT,
  TryUsageError,
  type Credentials,
  type FetchFn,
  type Finding,
  type SentRequest,
  type SettingsEdit,
  type StopReason,
  type TryInput,
  type TryReport,
} from './types';
export { settingsFixEdits } from './fix';
export { CREDENTIAL_ENV, credentialsNeeded, type CredentialNeed } from './credentials';
