/**
 * The Try Action report as Markdown, for the editor's preview: the same
 * content as the CLI's text report (cli/try-output.ts). The report comes
 * masked from the engine; every string in it (the API's and the spec's) is
 * escaped here, so a response cannot add links, HTML or formatting.
 */
import { STOP_TEXT, type StopReason, type TryReport } from '../engine/try';

const FIRST_ITEM_CHARS = 2000;

/** Text as Markdown shows it literally: HTML and Markdown punctuation escaped. */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_{}[\]()#+!|~>-]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

/** A fenced block longer than any backtick run inside. */
function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

export function tryReportMarkdown(r: TryReport, settingsName: string): string {
  const api = r.requests.filter((q) => q.kind === 'api');
  const stop = STOP_TEXT[r.stoppedBecause as StopReason] ?? r.stoppedBecause;
  const out: string[] = [
    `# Try ${mdText(r.method)} ${mdText(r.operationId)}`,
    '',
    `${api.length} request(s), ${r.totalItems} result(s); stopped because ${mdText(stop)}. At most ${r.pageCap} page(s). Secrets are masked.`,
    '',
    '## Requests',
    '',
    '| # | Request | Status | Results | Time |',
    '|---|---|---|---|---|',
  ];
  r.requests.forEach((q, i) => {
    const status = q.status === undefined ? `no answer (${mdText(q.error ?? 'unknown')})` : String(q.status);
    const what = q.kind === 'api' ? (q.items === undefined ? '' : String(q.items)) : q.kind === 'token' ? 'token request' : 'token refresh';
    const headers = Object.entries(q.headers).filter(([k]) => k.toLowerCase() !== 'accept');
    const sent = headers.length ? `<br>${headers.map(([k, v]) => mdText(`${k}: ${v}`)).join('<br>')}` : '';
    out.push(`| ${i + 1} | ${mdText(q.method)} ${mdText(q.url)}${sent} | ${status} | ${what} | ${q.ms === undefined ? '' : `${q.ms} ms`} |`);
  });
  out.push('', '## Findings', '');
  if (!r.findings.length) out.push('The settings held: no findings.');
  for (const f of r.findings) {
    out.push(`- **${f.severity}** \`${f.code}\`${f.request === undefined ? '' : ` (request ${f.request + 1})`}: ${mdText(f.message)}`);
    if (f.fix) out.push(`  - fix: ${mdText(f.fix)}`);
    if (f.edit)
      out.push(`  - in ${mdText(settingsName)}: ${mdText(`${f.edit.key} = ${JSON.stringify(f.edit.value)}`)} (*Apply fix* writes it, one undoable edit)`);
  }
  if (r.notes.length) out.push('', '## Notes', '', ...r.notes.map((n) => `- ${mdText(n)}`));
  if (r.firstItems.length) {
    const text = r.firstItems
      .map((item) => JSON.stringify(item, null, 2) ?? 'undefined')
      .map((t) => (t.length > FIRST_ITEM_CHARS ? `${t.slice(0, FIRST_ITEM_CHARS)}…` : t))
      .join('\n');
    out.push(
      '',
      `## First results (${r.firstItems.length})`,
      '',
      '<details><summary>Show</summary>',
      '',
      fenced(text.replace(/</g, '\\u003c'), 'json'),
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}
