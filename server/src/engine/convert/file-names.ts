/** The names prepare writes: their one home is common/file-names.ts, which the client imports too. */
export { preparedFileName, preparedReportName } from '../../../../common/file-names';
