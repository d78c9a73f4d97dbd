/** The names prepare writes, beside the original and never over it (the client names them too). */

/** `petstore.yaml` → `petstore.rewst.json`. */
export function preparedFileName(name: string): string {
  return name.replace(/\.(json|ya?ml)$/i, '') + '.rewst.json';
}

/** The report beside the upload file: `petstore.rewst.json` → `petstore.rewst.report.md` (any other name + `.rewst.report.md`). */
export function preparedReportName(output: string): string {
  return output.replace(/\.json$/i, '').replace(/\.rewst$/i, '') + '.rewst.report.md';
}
