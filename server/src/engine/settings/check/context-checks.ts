/** The settings checks that need what the caller read, in the order they report (after the pure ones). */
import type { ContextCheck } from './context';
import { paginatedOperations } from './cross-check';
import { hostnameAtPlaceholder } from './hostname';
import { iconFile } from './icon-file';
import { orgMappingOperation } from './org-mapping';
import { specReadable } from './spec-readable';

export const CONTEXT_CHECKS: ReadonlyArray<ContextCheck> = [iconFile, hostnameAtPlaceholder, paginatedOperations, orgMappingOperation, specReadable];
