/**
 * An apiKey security scheme with the `scheme` field of an http one (a PSA's `type: apiKey, in: header,
 * name: Authorization, scheme: bearer`). Sent in the Authorization header as bearer or basic, it is the http
 * scheme it names, which Rewst's auth settings know as such; otherwise the stray field goes.
 */
import { getAt } from '../pointer';
import type { Rule } from '../rule';
import { isObject } from '../spec-index';
import type { FixIntent, JsonPath, TextEdit } from '../types';
import { isOpenApi3 } from './parameters';

/** Fields an http scheme has and an apiKey one does not. */
const HTTP_ONLY = ['scheme', 'bearerFormat'];

/** The http scheme an apiKey scheme means (bearer, basic), or undefined when it only has stray fields. */
function httpMeant(s: Record<string, unknown>): string | undefined {
  const scheme = typeof s.scheme === 'string' ? s.scheme.toLowerCase() : undefined;
  const authorization = s.in === 'header' && typeof s.name === 'string' && s.name.toLowerCase() === 'authorization';
  return authorization && (scheme === 'bearer' || scheme === 'basic') ? scheme : undefined;
}

function stray(s: Record<string, unknown>): string[] {
  return s.type === 'apiKey' ? HTTP_ONLY.filter((k) => k in s) : [];
}

export const securitySchemeHttp: Rule = {
  id: 'security-scheme-http',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'An apiKey security scheme has no scheme or bearerFormat; one sent as "Authorization: Bearer …" or "Basic …" is an http scheme.',
  severity: 'error',
  fixAll: true,
  check({ doc, root, report }) {
    if (!isOpenApi3(doc.version)) return;
    const schemes = getAt(root, ['components', 'securitySchemes']);
    if (!isObject(schemes)) return;
    for (const [name, s] of Object.entries(schemes)) {
      if (!isObject(s)) continue;
      const keys = stray(s);
      if (!keys.length) continue;
      const meant = httpMeant(s);
      const fields = keys.join(' and ');
      report({
        path: ['components', 'securitySchemes', name, keys[0]],
        target: 'key',
        message: meant
          ? `The security scheme "${name}" is of type apiKey with ${fields}, which only an http scheme has: an importer that validates the document rejects it. Sent in the Authorization header as ${meant}, it is type: http with scheme: ${meant}.`
          : `The security scheme "${name}" is of type apiKey with ${fields}, which only an http scheme has: an importer that validates the document rejects it. It is not sent as "Authorization: Bearer" or "Basic", so the field${keys.length > 1 ? 's go' : ' goes'}.`,
        data: { schemePath: ['components', 'securitySchemes', name] },
      });
    }
  },
  fix({ data }, { root, editor }) {
    const path = data?.schemePath as JsonPath | undefined;
    const s = Array.isArray(path) ? getAt(root, path) : undefined;
    if (!isObject(s)) return undefined;
    const keys = stray(s);
    if (!keys.length) return undefined;
    const meant = httpMeant(s);
    let edits: Array<TextEdit | undefined>;
    let intent: FixIntent[];
    if (meant) {
      edits = [editor.replaceValue([...path!, 'type'], 'http'), ...(editor.removeMembers(path!, ['name', 'in']) ?? [undefined])];
      intent = [{ op: 'set', path: [...path!, 'type'], value: 'http' }, ...['name', 'in'].map((k): FixIntent => ({ op: 'delete', path: [...path!, k] }))];
      if (s.scheme !== meant) {
        edits.push(editor.replaceValue([...path!, 'scheme'], meant));
        intent.push({ op: 'set', path: [...path!, 'scheme'], value: meant });
      }
    } else {
      edits = editor.removeMembers(path!, keys) ?? [undefined];
      intent = keys.map((k) => ({ op: 'delete', path: [...path!, k] }));
    }
    if (edits.some((e) => !e)) return undefined;
    return { title: meant ? `Make it type: http with scheme: ${meant}` : `Remove ${keys.join(' and ')}`, edits: edits as TextEdit[], intent };
  },
};
