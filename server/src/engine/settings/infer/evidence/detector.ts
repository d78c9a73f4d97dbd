/**
 * One kind of evidence that an operation pages: a query parameter by its name
 * and type, a response header, an extension, the operation's own words. Each
 * kind is a module of its own with a `detect` and a table of cases beside it
 * (`NAME.cases.ts`, read by test/paging-evidence.test.ts only); paging.ts's
 * pagingOf asks every detector in DETECTORS (index.ts) and composes what they
 * found with what the response shows. A new kind: one module, one line there.
 */
import type { Obj, OperationModel, QueryParam } from '../../model/spec-model';

export interface Evidence {
  /** What it is, a few words, as the form and the notes show it: "page parameter options.page". */
  says: string;
  /** The query parameter it is, when it is one. */
  param?: QueryParam;
  /** What the detector read, when pagingOf needs more than the words (x-ms-pageable's object). */
  value?: Obj;
}

export interface PagingDetector {
  kind: EvidenceKind;
  /**
   * Where it looks, which orders the evidence as pagingOf lists it: the request's parameters first, then the
   * response (headers, extensions; the next link the response reading finds comes last among these), then hints.
   */
  reads: 'request' | 'response' | 'hint';
  detect(op: OperationModel, root: Obj): Evidence | undefined;
}

export type EvidenceKind = 'cursor-param' | 'page-param' | 'index-param' | 'size-param' | 'flag-param' | 'x-ms-pageable' | 'link-header' | 'says-paged';

/** One row of a detector's table: an operation (the GET of a one-path spec) and the words it must give, or none. */
export interface DetectorCase {
  name: string;
  /** The GET operation object of `/things` (OpenAPI 3). */
  get: Obj;
  /** Components, for `$ref`s. */
  components?: Obj;
  /** The path, when not `/things`. */
  path?: string;
  expect: string | undefined;
}
