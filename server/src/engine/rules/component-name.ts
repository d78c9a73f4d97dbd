import type { Analysis } from '../engine';
import { toPath } from '../bundle/kinds';
import { schemasOf } from '../convert/spec-walk';
import { navIndexOf } from '../navigation/nav-index';
import { renameAt } from '../navigation/rename';
import { componentPointer, encodeSegment, sectionsOf, type Section } from '../navigation/sections';
import { displayPointer, parseLocalRef } from '../pointer';
import type { FixContext, Rule } from '../rule';
import { isObject } from '../spec-index';
import type { Fix, FixIntent } from '../types';

/** OpenAPI 3's rule for the keys of every components map. */
const NAME = /^[a-zA-Z0-9._-]+$/;
const NOT_NAME = /[^a-zA-Z0-9._-]+/g;

/** A readable name the rule allows: accents dropped, runs of other characters one `_`, none at the ends they made (`Foo<Bar>` → `Foo_Bar`). */
export function cleanComponentName(name: string): string {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const out = plain.replace(/^[^a-zA-Z0-9._-]+|[^a-zA-Z0-9._-]+$/g, '').replace(NOT_NAME, '_');
  return out || 'Component';
}

function sectionOf(version: Parameters<typeof sectionsOf>[0], path: ReadonlyArray<unknown>): Section | undefined {
  return sectionsOf(version).find((s) => s.path.length === path.length && s.path.every((p, i) => p === path[i]));
}

/** The first of `Foo_Bar`, `Foo_Bar_2`, … that the section does not hold and no other fix of the batch took. */
function freeName(ctx: FixContext, section: Section, base: string): string | undefined {
  const map = section.path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), ctx.root);
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? base : `${base}_${n}`;
    if (isObject(map) && name in map) continue;
    if (ctx.claim(`component:${section.path.join('/')}/${name}`)) return name;
  }
  return undefined;
}

function rename(ctx: FixContext, sectionPath: string[], name: string): Omit<Fix, 'ruleId'> | undefined {
  const { doc, root, index } = ctx;
  const section = sectionOf(doc.version, sectionPath);
  if (!section || section.namedByKey) return undefined;
  const to = freeName(ctx, section, cleanComponentName(name));
  if (!to) return undefined;
  // The navigation's rename (F2) finds the key and every $ref and discriminator mapping that names it.
  const nav = navIndexOf({ doc, isSpec: true, root, index, findings: [] } as Analysis);
  const component = nav?.byPointer.get(componentPointer(section, name));
  if (!nav || !component) return undefined;
  const done = renameAt(nav, component.key.start, to);
  if (!done.ok) return undefined;
  // The $refs first: those inside the component name it by its old name until the key is renamed.
  const intent: FixIntent[] = [];
  const depth = section.path.length;
  const names = (ref: string) => {
    const target = parseLocalRef(ref);
    return target !== undefined && target.length > depth && target[depth] === name && section.path.every((p, i) => target[i] === p);
  };
  for (const { path, ref } of index.refs) {
    if (!names(ref)) continue;
    const segments = ref.slice(1).split('/');
    segments[depth + 1] = encodeSegment(to);
    intent.push({ op: 'set', path: [...path, '$ref'], value: '#' + segments.join('/') });
  }
  for (const { schema, at } of section.path[1] === 'schemas' ? schemasOf(root) : []) {
    const mapping = isObject(schema.discriminator) ? schema.discriminator.mapping : undefined;
    if (!isObject(mapping)) continue;
    for (const [key, value] of Object.entries(mapping)) {
      if (typeof value !== 'string') continue;
      // A mapping value is a schema's name or a reference to one.
      const bare = !value.startsWith('#') && !value.includes('/');
      if (bare ? value !== name : !names(value)) continue;
      const segments = value.slice(1).split('/');
      segments[depth + 1] = encodeSegment(to);
      intent.push({ op: 'set', path: [...toPath(at), 'discriminator', 'mapping', key], value: bare ? to : '#' + segments.join('/') });
    }
  }
  intent.push({ op: 'rename', path: section.path, from: name, to });
  // Every edit but the key's must be a $ref or mapping value this intent states.
  if (done.edits.length !== intent.length) return undefined;
  const refs = intent.length - 1;
  return { title: `Rename ${name} to ${to}${refs ? ` and the ${refs} $ref${refs > 1 ? 's' : ''} to it` : ''}`, edits: done.edits, intent };
}

export const componentName: Rule = {
  id: 'component-name',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'The keys of every components map must match ^[a-zA-Z0-9._-]+$ (OpenAPI 3): another name is renamed readably, with every $ref to it.',
  severity: 'error',
  fixAll: true,
  check({ doc, root, report }) {
    if (doc.version !== 'openapi-3.0' && doc.version !== 'openapi-3.1') return;
    for (const section of sectionsOf(doc.version)) {
      const map = section.path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), root);
      if (!isObject(map)) continue;
      for (const name of Object.keys(map)) {
        if (NAME.test(name) || (section.path[1] === 'pathItems' && doc.version !== 'openapi-3.1')) continue;
        const shown = name.length > 80 ? name.slice(0, 80) + '…' : name;
        report({
          path: [...section.path, name],
          target: 'key',
          message: `The component name "${shown}" in ${displayPointer(section.path)} has characters OpenAPI 3 does not allow in one (it must match ^[a-zA-Z0-9._-]+$): an importer that validates the document rejects it. ${
            section.namedByKey
              ? 'Security schemes are named by key in every security requirement: rename it there too, by hand (no automatic fix).'
              : `Rename it ${cleanComponentName(name)}, with every $ref to it.`
          }`,
          data: { section: section.path, name },
          fixable: !section.namedByKey,
        });
      }
    }
  },
  fix({ data }, ctx) {
    const section = data?.section;
    const name = data?.name;
    if (!Array.isArray(section) || typeof name !== 'string') return undefined;
    return rename(ctx, section as string[], name);
  },
};
