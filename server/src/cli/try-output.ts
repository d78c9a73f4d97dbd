/** The text report of `rewst-openapi try`: each request, where paging stopped and why, the first results, the findings with their fix. */
import { STOP_TEXT, type TryReport } from '../engine/try';

const FIRST_ITEM_CHARS = 200;

export function tryReportText(r: TryReport, settingsFile: string): string {
  const lines: string[] = [];
  const api = r.requests.filter((q) => q.kind === 'api');
  lines.push(`${r.method} ${r.operationId}: ${api.length} request(s), ${r.totalItems} result(s); stopped because ${STOP_TEXT[r.stoppedBecause]}.`);
  lines.push('');
  r.requests.forEach((q, i) => {
    const status = q.status === undefined ? `no answer (${q.error ?? 'unknown'})` : String(q.status);
    const what = q.kind === 'api' ? (q.items === undefined ? '' : `${q.items} result(s)`) : q.kind === 'token' ? 'token request' : 'token refresh';
    lines.push(`  ${i + 1}. ${q.method} ${q.url}  ${status}  ${what}${q.ms === undefined ? '' : `  ${q.ms} ms`}`);
    const headers = Object.entries(q.headers).filter(([k]) => k.toLowerCase() !== 'accept');
    if (headers.length) lines.push(`     ${headers.map(([k, v]) => `${k}: ${v}`).join('; ')}`);
  });
  if (r.firstItems.length) {
    lines.push('', 'First results:');
    for (const item of r.firstItems) {
      const text = JSON.stringify(item);
      lines.push(`  ${text.length > FIRST_ITEM_CHARS ? `${text.slice(0, FIRST_ITEM_CHARS)}…` : text}`);
    }
  }
  if (r.notes.length) lines.push('', 'Notes:', ...r.notes.map((n) => `  ${n}`));
  lines.push('');
  if (!r.findings.length) lines.push('The settings held: no findings.');
  else {
    lines.push('Findings:');
    for (const f of r.findings) {
      lines.push(`  ${f.severity} ${f.code}${f.request === undefined ? '' : ` (request ${f.request + 1})`}: ${f.message}`);
      if (f.fix) lines.push(`    fix: ${f.fix}`);
      if (f.edit) lines.push(`    in ${settingsFile}: ${f.edit.key} = ${JSON.stringify(f.edit.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
