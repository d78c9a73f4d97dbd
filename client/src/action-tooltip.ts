/**
 * The Actions view's tooltip, as Markdown text (actions-view.ts wraps it in a
 * MarkdownString). No VS Code import, so tests render it with a Markdown parser.
 * MarkdownString.appendText is not used inside code spans: it turns spaces into
 * `&nbsp;` and escapes `_`, and inside a code span both show literally
 * (`GET&nbsp;/appointment\_types`).
 */
import type { ActionsResult } from '../../common/protocol';

type Action = ActionsResult['actions'][number];

/** Text as a code span: a fence of more backticks than the text's longest run, so the text shows as it is. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space each side when the text starts or ends with a backtick (CommonMark strips one space each side).
  const pad = /^`|`$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Text as Markdown that shows it literally: punctuation escaped, no indented code blocks, line breaks kept. */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&=]/g, (c) => `\\${c}`)
    .replace(/^[ \t]+/gm, '')
    .replace(/\r?\n/g, '\n\n');
}

/** `writtenIn`: the file the operation is written in, when it is not the spec shown. */
export function actionTooltip(a: Action, writtenIn?: string): string {
  const parts: string[] = [`**${mdText(a.name)}**`, '\n\n', codeSpan(`${a.method} ${a.path}`)];
  if (writtenIn) parts.push(` · written in ${mdText(writtenIn)}`);
  if (a.operationId) parts.push(` · operationId ${codeSpan(a.operationId)}`);
  if (a.paginated) parts.push(' · paginated');
  parts.push('\n\n');
  if (a.nameFrom === 'operationId') parts.push(mdText('No summary: Rewst names this action by its operationId.'), '\n\n');
  if (a.nameFrom === 'method-and-path') parts.push(mdText('No summary and no operationId: Rewst cannot name this action.'), '\n\n');
  if (a.description) parts.push(mdText(a.description.length > 600 ? a.description.slice(0, 600) + '…' : a.description));
  return parts.join('');
}
