/**
 * Hover text, as Markdown: on a `$ref` (or a component's key) the target's
 * type, description, first properties and the cycle it is on; on an
 * operation's method key the Rewst action it becomes.
 */
import { actionName, tagsOf } from '../actions';
import { getAt, parseLocalRef } from '../pointer';
import { isObject } from '../spec-index';
import { whatIsAt } from './cursor';
import type { NavIndex, RefSite, Span } from './nav-index';

const MAX_PROPERTIES = 8;
const MAX_DESCRIPTION = 600;

export interface ActionContext {
  /** operationIds the settings file marks paginated. */
  paginated?: ReadonlySet<string>;
  /** The settings file's name, to say where the mark comes from. */
  settingsName?: string;
}

export type Hover = { span: Span; markdown: string } | { span: Span; file: { file: string; fragment: string }; site: RefSite };

/** Undefined when nothing under the cursor has something to show. A reference into another file is left for the caller to read. */
export function hoverAt(index: NavIndex, offset: number, context: ActionContext = {}): Hover | undefined {
  const under = whatIsAt(index, offset);
  if (!under) return undefined;
  if (under.kind === 'method') {
    const site = under.site;
    return { span: site.key, markdown: describeAction(site.op, context) };
  }
  if (under.kind === 'component') {
    const { site } = under;
    const uses = index.usages.get(site.pointer)?.length ?? 0;
    const body = describeTarget(index.root, site.pointer, getAt(index.root, [...site.section.path, site.name]), index.cycles.get(site.pointer));
    return { span: site.key, markdown: `${body}\n\n${uses === 1 ? '1 reference' : `${uses} references`} in this document.` };
  }
  if (under.kind !== 'ref') return undefined;
  const { site } = under;
  const { meaning } = site;
  if (meaning.file) return { span: site, file: meaning.file, site };
  if (!meaning.path) return { span: site, markdown: `${code(site.raw)}: not a reference in this document (URLs are never followed).` };
  const value = getAt(index.root, meaning.path);
  if (value === undefined) return { span: site, markdown: `${code(meaning.target!)}: **not found** in this document.` };
  return { span: site, markdown: describeTarget(index.root, meaning.target!, value, index.cycles.get(meaning.target!)) };
}

/** The Markdown for a reference's target. `root` resolves local references one level (properties from allOf). */
export function describeTarget(root: unknown, pointer: string, value: unknown, cycle?: ReadonlyArray<string>): string {
  const name = decodeName(pointer);
  const lines = [`**${md(name)}** · ${code(pointer)}`];
  if (!isObject(value)) {
    lines.push('', `Value: ${code(JSON.stringify(value)?.slice(0, 80) ?? String(value))}`);
    return lines.join('\n');
  }
  const kind = kindOf(value);
  if (kind) lines.push('', kind);
  const description =
    typeof value.description === 'string'
      ? value.description
      : typeof value.summary === 'string'
        ? value.summary
        : typeof value.title === 'string'
          ? value.title
          : undefined;
  if (description) lines.push('', description.length > MAX_DESCRIPTION ? description.slice(0, MAX_DESCRIPTION) + '…' : description);
  const { properties, required } = propertiesOf(root, value);
  if (properties.length) {
    const shown = properties.slice(0, MAX_PROPERTIES);
    lines.push(
      '',
      `Properties${properties.length > shown.length ? ` (first ${shown.length} of ${properties.length})` : ''}${required.size ? ', required marked \\*' : ''}:`,
      '',
    );
    for (const [key, schema] of shown) lines.push(`- ${code(key)}${required.has(key) ? ' \\*' : ''}${typeText(schema) ? `: ${typeText(schema)}` : ''}`);
  }
  if (cycle?.length) lines.push('', `**On a \`$ref\` cycle** (Rewst reports "Circular reference detected"): ${cycle.map((c) => `${code(c)}`).join(' → ')}`);
  return lines.join('\n');
}

function describeAction(
  op: { method: string; pathKey: string; operation: Record<string, unknown>; path: ReadonlyArray<string | number> },
  context: ActionContext,
): string {
  const { name, nameFrom } = actionName(op as Parameters<typeof actionName>[0]);
  const tags = tagsOf(op as Parameters<typeof tagsOf>[0]);
  const operationId = typeof op.operation.operationId === 'string' ? op.operation.operationId : undefined;
  const paginated = operationId !== undefined && Boolean(context.paginated?.has(operationId));
  const from =
    nameFrom === 'summary' ? 'its summary' : nameFrom === 'operationId' ? 'its operationId (no summary)' : 'nothing: it has neither summary nor operationId';
  return [
    `**Rewst action:** ${md(name)}`,
    '',
    `${code(`${op.method.toUpperCase()} ${op.pathKey}`)}${operationId ? ` · operationId ${code(operationId)}` : ''}`,
    '',
    `- Name from ${from}`,
    `- Tag: ${tags.length ? tags.map((t) => `${code(t)}`).join(', ') : 'none (listed as untagged)'}`,
    `- Paginated: ${paginated ? `yes (in \`paginatedActions\` of ${md(context.settingsName ?? 'the settings file')})` : context.settingsName ? `no (not in \`paginatedActions\` of ${md(context.settingsName)})` : 'no (no settings file beside the spec)'}`,
  ].join('\n');
}

function kindOf(value: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  if (typeof value.in === 'string')
    parts.push(`parameter ${code(String(value.name ?? ''))} in ${md(String(value.in))}${value.required === true ? ', required' : ''}`);
  const t = typeText(value);
  if (t) parts.push(t);
  for (const k of ['allOf', 'oneOf', 'anyOf'])
    if (Array.isArray(value[k]))
      parts.push(
        `${k} of ${(value[k] as unknown[]).map((m) => (isObject(m) && typeof m.$ref === 'string' ? `${code(decodeName(m.$ref))}` : 'an inline schema')).join(', ')}`,
      );
  return parts.length ? parts.join(' · ') : undefined;
}

function typeText(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema.$ref === 'string') return `→ ${code(decodeName(schema.$ref))}`;
  const t = Array.isArray(schema.type) ? schema.type.join(' | ') : typeof schema.type === 'string' ? schema.type : undefined;
  if (t === 'array' && isObject(schema.items)) return `array of ${typeText(schema.items) ?? 'items'}`;
  if (t) return typeof schema.format === 'string' ? `${t} (${schema.format})` : t;
  if (isObject(schema.schema)) return typeText(schema.schema); // a parameter's or header's schema
  return undefined;
}

/** Own properties, then those of allOf members (a local `$ref` followed one level). */
function propertiesOf(root: unknown, value: Record<string, unknown>): { properties: Array<[string, unknown]>; required: Set<string> } {
  const properties: Array<[string, unknown]> = [];
  const required = new Set<string>();
  const seen = new Set<string>();
  const take = (schema: unknown) => {
    if (!isObject(schema)) return;
    if (isObject(schema.properties)) {
      for (const [k, v] of Object.entries(schema.properties)) {
        if (seen.has(k)) continue;
        seen.add(k);
        properties.push([k, v]);
      }
    }
    if (Array.isArray(schema.required)) for (const r of schema.required) if (typeof r === 'string') required.add(r);
  };
  take(value);
  if (Array.isArray(value.allOf)) {
    for (const member of value.allOf) {
      const path = isObject(member) && typeof member.$ref === 'string' ? parseLocalRef(member.$ref) : undefined;
      take(path ? getAt(root, path) : member);
    }
  }
  return { properties, required };
}

function decodeName(pointer: string): string {
  const path = parseLocalRef(pointer.includes('#') ? pointer.slice(pointer.indexOf('#')) : pointer);
  return path && path.length ? path[path.length - 1] : pointer;
}

/** Inline code; a longer fence when the text holds backticks. */
function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s.startsWith('`') || s.endsWith('`') ? ` ${s} ` : s}${fence}`;
}

/** Markdown-safe inline text. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => '\\' + c);
}
