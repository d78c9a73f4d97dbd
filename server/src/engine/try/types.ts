/**
 * What a try takes and gives: settings, the spec, credentials and a fetch in;
 * a report of the requests sent, where paging stopped and what the settings
 * got wrong out. No LSP, no VS Code, no environment: the CLI and (later) the
 * editor command fill the input.
 */
import type { IntegrationSettings } from '../settings';

/** Credentials as the environment or SecretStorage gives them; none is ever written into a report. */
export interface Credentials {
  apiKey?: string;
  username?: string;
  password?: string;
  clientId?: string;
  clientSecret?: string;
  /** An access token obtained elsewhere (an authorization code flow, say): used as is, no token request. */
  accessToken?: string;
}

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export interface TryInput {
  settings: IntegrationSettings;
  /** The parsed spec (OpenAPI 3.x or Swagger 2.0). */
  spec: Record<string, unknown>;
  operationId: string;
  credentials: Credentials;
  /** Path and query parameters by name (`--param NAME=VALUE`); the spec's default or example fills the rest. */
  params?: Record<string, string>;
  /** Pages to fetch at most (3 by default), never more than the settings' Default Page Limit. */
  pages?: number;
  /** The first page number for Page pagination; by default the spec's minimum or default of the page parameter when it is 0, else 1. */
  firstPage?: number;
  /** Send an operation that is not a GET. */
  allowMethod?: boolean;
  fetch?: FetchFn;
  /** Limits; the defaults suit a try from the editor or a terminal. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** The longest Retry-After honoured (seconds); a 429 asking for longer stops the try. */
  maxRetryAfterSeconds?: number;
  /** Milliseconds since the epoch; tests move it to expire a token. */
  now?: () => number;
  /** Waits (for Retry-After); tests make it instant. */
  sleep?: (ms: number) => Promise<void>;
}

export type Severity = 'error' | 'warning' | 'info';

/** A settings edit a finding proposes: `key` is a dotted path in the settings file (model.ts FIELDS keys). */
export interface SettingsEdit {
  key: string;
  value: unknown;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** The request it is about (index into `requests`). */
  request?: number;
  /** What to change, in words. */
  fix?: string;
  /** The change to the settings file that the fix is, when it is one. */
  edit?: SettingsEdit;
}

/** A request as shown: secrets masked. */
export interface SentRequest {
  kind: 'api' | 'token' | 'refresh';
  method: string;
  url: string;
  /** Header names and (masked) values as sent. */
  headers: Record<string, string>;
  status?: number;
  /** Milliseconds from sending to the whole body read. */
  ms?: number;
  /** Results found at the Results Key (API requests). */
  items?: number;
  /** Page number, offset or cursor sent (masked like the URL). */
  page?: string;
  /** Why no status: a timeout, a refused connection, a refused redirect. */
  error?: string;
}

export type StopReason =
  | 'page-limit'
  | 'last-page'
  | 'empty-page'
  | 'no-next-link'
  | 'no-cursor'
  | 'not-paginated'
  | 'repeated'
  | 'http-error'
  | 'no-response'
  | 'not-json'
  | 'no-results'
  | 'auth-failed'
  | 'refused';

export const STOP_TEXT: Record<StopReason, string> = {
  'page-limit': 'the page limit was reached',
  'last-page': 'a page held fewer results than the page size (the last page)',
  'empty-page': 'a page held no results',
  'no-next-link': 'the response had no next link',
  'no-cursor': 'the response had no cursor at the Pointer JSONPath',
  'not-paginated': 'the action is not paginated (pagination None, or not in paginatedActions): one request',
  repeated: 'a page repeated the one before it',
  'http-error': 'the API answered with an error',
  'no-response': 'the API did not answer',
  'not-json': 'the response was not JSON',
  'no-results': 'the response had no results at the Results Key',
  'auth-failed': 'no access token could be obtained',
  refused: 'the next request was refused for safety',
};

export interface TryReport {
  operationId: string;
  method: string;
  requests: SentRequest[];
  totalItems: number;
  stoppedBecause: StopReason;
  /** The page cap this try used, and why. */
  pageCap: number;
  /** Up to three results of the first page, as the API sent them. */
  firstItems: unknown[];
  findings: Finding[];
  /** How pages were counted or offset, in words (Page: the first page number and where it came from). */
  notes: string[];
}

/** Thrown for what the user must change before anything is sent (exit 2 in the CLI). */
export class TryUsageError extends Error {}
