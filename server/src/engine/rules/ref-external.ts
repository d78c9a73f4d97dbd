import type { Rule } from '../rule';

/** What a reference points at, in words, without ever resolving it. */
function kindOf(ref: string): string {
  if (/^https?:/i.test(ref)) return 'a URL';
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) return 'an address';
  return 'another file';
}

export const refExternal: Rule = {
  id: 'ref-external',
  rewstError: 'Imported Swagger file throws red error messages',
  description: 'A $ref must point inside the document: Rewst imports one self-contained file.',
  severity: 'warning',
  fixAll: false,
  check({ index, report }) {
    for (const { path, ref } of index.refs) {
      if (ref.startsWith('#')) continue;
      const shown = ref.length > 120 ? ref.slice(0, 120) + '…' : ref;
      const kind = kindOf(ref);
      report({
        path: [...path, '$ref'],
        target: 'value',
        message:
          kind === 'another file'
            ? `External reference to another file ("${shown}"): Rewst imports one self-contained file and will not follow it. Prepare for Rewst Upload (or rewst-openapi bundle) bundles the files of the spec's folder into one document.`
            : `External reference to ${kind} ("${shown}"): Rewst imports one self-contained file and will not follow it. It is never fetched or read here; copy what it points at into this document.`,
      });
    }
  },
};
