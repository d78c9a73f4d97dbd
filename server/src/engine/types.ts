/** Shared vocabulary of the engine. Nothing here knows about LSP or VS Code. */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A path into the parsed document: object keys and array indices. */
export type JsonPath = ReadonlyArray<string | number>;

/** Which part of a node a finding points at: the key of a member or its value. */
export type Target = 'key' | 'value';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units (what LSP uses by default). */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A plain text edit on offsets of the original text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface RelatedLocation {
  path: JsonPath;
  target: Target;
  message: string;
  range?: Range;
}

/** What a rule reports, before positions are attached. */
export interface Report {
  path: JsonPath;
  target?: Target;
  message: string;
  severity?: Severity;
  /** Everything the fix needs, carried to the client as diagnostic data and back. */
  data?: Record<string, unknown>;
  related?: RelatedLocation[];
  /** False when the rule's fix cannot handle this finding (it needs a person); fixable otherwise, if the rule has a fix. */
  fixable?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer (RFC 6901) of the node. */
  pointer: string;
  path: JsonPath;
  target: Target;
  range: Range;
  offset: { start: number; end: number };
  data?: Record<string, unknown>;
  related?: RelatedLocation[];
  /** True when the rule can offer a fix for this finding. */
  fixable: boolean;
}

/**
 * What a fix means to do, stated on the document's structure. The edits are
 * how; the intent is what. The corpus sweep applies intents to the parsed
 * original and checks the edited text parses to exactly that.
 */
export type FixIntent =
  { op: 'set'; path: JsonPath; value: unknown } | { op: 'delete'; path: JsonPath } | { op: 'rename'; path: JsonPath; from: string; to: string };

export interface Fix {
  title: string;
  ruleId: string;
  edits: TextEdit[];
  /** Present on fixes of a spec (the Rewst rules); the sweep checks edits against it. */
  intent?: FixIntent[];
}
