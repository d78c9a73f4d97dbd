/** Bundling a spec split over several files into one document; file access is the caller's. */
export {
  bundleSpec,
  hasExternalRefs,
  BundleTooLarge,
  MAX_BUNDLE_NODES,
  type BundleOptions,
  type BundleOrigin,
  type BundleProblem,
  type BundleResult,
  type BundledComponent,
  type ReadFile,
} from './bundle';
export { resolveRef, isUrl, type RefTarget } from './refs';
export {
  checkReferencedFiles,
  findingsInReferencedFiles,
  foundThroughMessage,
  REF_UNRESOLVED,
  type ReferencedCheck,
  type ReferencedFinding,
} from './cross-file';
export { operationsInReferencedFiles, type ReferencedOperation } from './referenced-operations';
export { fixReferencedFiles, MAX_REFERENCED_FIXES, type ReferencedFixes } from './fix-referenced';
export { bundleWithUrls, MAX_FETCH_ROUNDS, type FetchDocuments, type FetchResult, type UrlBundleOptions, type UrlBundleResult } from './remote';
export { documentUrl, parseRefMap, routeUrl, shortUrl, urlFileName, type RefMapEntry, type UrlRefs } from './url-refs';
