/**
 * Every Rewst error class, as `vscode.languages.getDiagnostics` holds it: the
 * rule id as the code, on the line and over exactly the text the rule names.
 * The tables were read off the fixture files by hand.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, open, waitForRewst, workspaceUri } from './helpers';

type Severity = keyof typeof vscode.DiagnosticSeverity;
/** A diagnostic: its code, line (0-based), the text its range covers, and its severity when it is not Error. */
type Expected = [code: string, line: number, text: string, severity?: Severity];

const FILES: Record<string, Expected[]> = {
  'diagnostics/photo-records.yaml': [
    ['info-description', 2, 'info'],
    ['path-trailing-slash', 8, '/photo-records/'],
    ['operation-id-missing', 9, 'get'],
    ['pattern-invalid', 16, "'^[0-9]{4}-[12-0][0-9]-[0-3][0-9]$'"],
    ['operation-id-duplicate', 26, 'createPhotoRecord'],
    ['operation-id-duplicate', 37, 'createPhotoRecord'],
    ['required-undefined', 55, 'album'],
    ['circular-ref', 66, "'#/components/schemas/Tags'"],
  ],
  'diagnostics/legacy-swagger.json': [
    ['swagger-2', 1, '"swagger"', 'Information'],
    ['info-description', 2, '"info"'],
    ['path-trailing-slash', 9, '"/tickets/"'],
    ['operation-id-missing', 10, '"get"'],
    ['operation-id-missing', 30, '"get"'],
    ['pattern-invalid', 37, '"^TCK-[0-9]+/[a-z]+$"', 'Warning'],
    ['required-undefined', 54, '"subject"'],
    ['circular-ref', 57, '"#/definitions/Thread"'],
    ['circular-ref', 63, '"#/definitions/Ticket"'],
  ],
  'diagnostics/external-ref.json': [['ref-external', 11, '"https://schemas.example.com/ticket.json#/Ticket"', 'Warning']],
  // Cut mid-way through a pattern string: the parse error sits where the text stops making sense.
  'diagnostics/cut-short.json': [['parse-error', 37, '"^TCK-[']],
};

const byLine = (a: Expected, b: Expected) => a[1] - b[1] || a[0].localeCompare(b[0]);

describe('diagnostics of every Rewst error class', () => {
  after(closeAll);

  for (const [file, expected] of Object.entries(FILES)) {
    it(`${file}: ${[...new Set(expected.map((e) => e[0]))].join(', ')}`, async () => {
      const uri = workspaceUri(file);
      const { document } = await open(file);
      const ds = await waitForRewst(uri, `${expected.length} Rewst diagnostic(s)`, (d) => d.length >= expected.length);
      const seen = ds.map((d): Expected => [codeOf(d), d.range.start.line, document.getText(d.range), vscode.DiagnosticSeverity[d.severity] as Severity]);
      assert.deepEqual(seen.sort(byLine), expected.map(([code, line, text, severity = 'Error']): Expected => [code, line, text, severity]).sort(byLine));
    });
  }
});
