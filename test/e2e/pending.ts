/**
 * Scenarios the suite still has to gain, each waiting for its feature. They
 * show as TODO in every run, so none is skipped silently. When a feature
 * lands, add its scenario file under scenarios/ and remove its line here.
 */
export const PENDING: Array<{ title: string; waitsFor: string }> = [];
