import { single, type Rule } from '../rule';
import { isObject } from '../spec-index';

export const infoDescription: Rule = {
  id: 'info-description',
  rewstError: 'Description missing',
  description: 'info.description must be present and not blank.',
  severity: 'error',
  fixAll: true,
  check({ root, report }) {
    const info = root.info;
    if (!isObject(info)) {
      const versionKey = 'openapi' in root ? 'openapi' : 'swagger';
      report({
        path: [versionKey],
        target: 'key',
        fixable: false,
        message: 'Rewst will report "Description missing": the document has no info object, so no info.description.',
      });
      return;
    }
    const description = info.description;
    if (typeof description === 'string' && description.trim() !== '') return;
    const blank = typeof description === 'string';
    report({
      path: blank ? ['info', 'description'] : ['info'],
      target: blank ? 'value' : 'key',
      message: `Rewst will report "Description missing": info.description is ${blank ? 'blank' : 'missing'}. Rewst needs a description of the API.`,
      data: { title: typeof info.title === 'string' ? info.title : undefined, blank },
    });
  },
  fix({ data }, { editor, root }) {
    if (!isObject(root.info)) return undefined;
    const title = typeof data?.title === 'string' && data.title.trim() ? data.title.trim() : 'API';
    const text = `${title} API`.replace(/ API API$/i, ' API');
    const title2 = `Add info.description "${text}"`;
    const intent = { op: 'set', path: ['info', 'description'], value: text } as const;
    if (data?.blank) return single(title2, editor.replaceValue(['info', 'description'], text), intent);
    return single(title2, editor.insertMember(['info'], 'description', text, 'title' in root.info ? { after: 'title' } : 'start'), intent);
  },
};
