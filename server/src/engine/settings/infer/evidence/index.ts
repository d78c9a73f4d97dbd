/** Every kind of paging evidence pagingOf asks for, in the order it lists them (within each `reads`). */
import { cursorParam } from './cursor-param';
import type { PagingDetector } from './detector';
import { flagParam } from './flag-param';
import { indexParam } from './index-param';
import { linkHeader } from './link-header';
import { pageParam } from './page-param';
import { saysPaged } from './says-paged';
import { sizeParam } from './size-param';
import { xMsPageable } from './x-ms-pageable';

export const DETECTORS: ReadonlyArray<PagingDetector> = [cursorParam, pageParam, indexParam, sizeParam, flagParam, xMsPageable, linkHeader, saysPaged];

export type { DetectorCase, Evidence, EvidenceKind, PagingDetector } from './detector';
export { pagingName } from './params';
