/**
 * What the server proposes for a spec, as it travels to the forms and the
 * setup sheet: the settings, notes, the spec's auth schemes and its list
 * operations. The engine (engine/settings/infer/propose.ts, infer/auth.ts) builds
 * these shapes; the protocol and the webview read them.
 */
import type { AuthSettings, IntegrationSettings } from './model';

export interface AuthOption {
  /** The scheme's name in the spec (and the flow, for OAuth). */
  scheme: string;
  /** What the spec says, in a few words: "apiKey in header X-API-Key". */
  kind: string;
  auth: AuthSettings;
  supported: boolean;
  rank: number;
  notes: string[];
}

export interface OperationSummary {
  operationId?: string;
  method: string;
  path: string;
  summary: string;
  /** How it pages ('none' for a list without paging), or undefined when it returns no list. */
  style?: string;
  /** Its own results key ('' when the response is the array itself); undefined when unknown. */
  resultsKey?: string;
  /** Where the results key was read: 'schema', 'example', 'x-ms-pageable', or 'unknown' when the spec does not describe the response. */
  resultsFrom?: string;
  /** Marked paginated (in the proposal, or for the sheet in the settings). */
  marked?: boolean;
  /** Why it is not marked. */
  reason?: string;
  /** What says it pages, a few words each. */
  evidence?: string[];
}

/** A list operation that may feed Rewst's organization mapping (engine/settings/infer/org-mapping.ts). */
export interface OrgMappingCandidate {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** The item field holding the id (the drop-down's value). */
  valueKey?: string;
  /** The item field holding a name (the drop-down's label). */
  labelKey?: string;
  /** The list's results key, as the paging inference read it. */
  resultsKey?: string;
  /** How it pages ('none' when it does not). */
  style: string;
  score: number;
  /** Why it was chosen, a few words each: "path segment Companies", "item schema Customer". */
  why: string[];
}

export interface OrgMappingProposal {
  chosen?: OrgMappingCandidate;
  /** The next best, best first (at most 3). */
  runnersUp: OrgMappingCandidate[];
}

export interface Note {
  /** The settings field the note is about ("auth", "pagination", "hostname"...). */
  field: string;
  message: string;
  /** 'warning': something the builder must change before Rewst can use the value (shown at the field, not only in the notes). */
  level?: 'warning';
}

export interface Proposal {
  settings: IntegrationSettings;
  notes: Note[];
  authOptions: AuthOption[];
  /** Operations that return a list: the ones the pagination form offers to tick. */
  listOperations: OperationSummary[];
  /** The action proposed for the organization mapping, and the runners-up. */
  organizationMapping?: OrgMappingProposal;
}
