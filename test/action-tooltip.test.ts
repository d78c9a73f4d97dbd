/**
 * The Actions view's tooltip (client/src/action-tooltip.ts), rendered by a real
 * CommonMark parser (markdown-it): method and path read as text in a code span
 * (not `GET&nbsp;/appointment\_types`), whatever backticks or Markdown the spec
 * puts in a path, an operationId or a description.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionTooltip, codeSpan, mdText } from '../client/src/action-tooltip';
import type { ActionsResult } from '../common/protocol';

// markdown-it has no types here; the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const markdownIt = require('markdown-it') as (options?: { html?: boolean }) => { render(md: string): string; renderInline(md: string): string };
const md = markdownIt({ html: false });

type Action = ActionsResult['actions'][number];
const action = (over: Partial<Action>): Action =>
  ({ name: 'List appointment types', method: 'GET', path: '/appointment_types', pointer: '/paths/~1appointment_types/get', ...over }) as Action;

/** The text of each <code> element, entities decoded. */
const codes = (html: string) =>
  [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) =>
    m[1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

describe('actions view tooltip', () => {
  it('shows method and path as plain text in a code span: spaces and underscores as they are', () => {
    const html = md.render(actionTooltip(action({ operationId: 'list_appointment_types', paginated: true })));
    assert.deepEqual(codes(html), ['GET /appointment_types', 'list_appointment_types']);
    assert.doesNotMatch(html, /nbsp|\\_/);
    assert.match(html, /<strong>List appointment types<\/strong>/);
    assert.match(html, /· paginated/);
  });

  it('a path or operationId with backticks, Markdown or HTML still shows literally', () => {
    for (const text of ['/a`b`/c', '`/start', '/end`', '/x``y', '/<b>bold</b>/*em*/_u_/[l](javascript:x)', '/line\nbreak']) {
      const html = md.renderInline(codeSpan(`GET ${text}`));
      assert.deepEqual(codes(html), [`GET ${text.replace(/\n/g, ' ')}`], `${JSON.stringify(text)} → ${html}`);
    }
  });

  it('text outside code spans is escaped: a name or description shows as written, with no markup, link or heading', () => {
    const name = '*Get* <img src=x> [link](https://x) # not_a_heading';
    const description = '# Heading?\n    indented\n1. item & `code` \\ done';
    const html = md.render(actionTooltip(action({ name, description, nameFrom: 'operationId', uri: 'file:///w/other.yaml' }), 'other_file.yaml'));
    assert.doesNotMatch(html, /<(em|img|a|h1|pre|ol)\b/);
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    assert.ok(text.includes(name), text);
    assert.ok(text.includes('written in other_file.yaml'));
    assert.ok(text.includes('# Heading?') && text.includes('indented') && text.includes('1. item & `code` \\ done'), text);
    assert.ok(text.includes('Rewst names this action by its operationId.'));
    assert.equal(mdText('a_b'), 'a\\_b');
  });
});
