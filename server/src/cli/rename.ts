import path from 'node:path';
import { applyEdits, renameIn, specOperationsOfText, type RenameChange, type RenameField } from '../engine';
import { operationsInReferencedFiles } from '../engine/bundle';
import { bundlingFor } from '../read-within';
import { parseArgs, UsageError } from './args';
import { formatOf, readText, writeText } from './io';

export const renameUsage = 'rewst-openapi rename FILE --field name|description --match REGEX --replace TEXT [--flags FLAGS] [--write] [--allow-collisions]';

/**
 * Renames actions with a regex, preview first: every change is printed, and the
 * file is written only with --write. In a spec split over files, the actions
 * written in path-item files of its folder are renamed there (written too). Exit 0 when there are changes (listed or
 * written), 1 when nothing would change or a collision stops the write, 2 for
 * a usage error (an invalid regex included) or a file that is not a spec.
 */
export function renameCommand(rest: string[]): number {
  const { files, flags } = parseArgs(rest, {
    booleans: ['write', 'allow-collisions'],
    values: { field: ['name', 'description'], match: undefined, replace: undefined, flags: undefined },
  });
  if (files.length !== 1) throw new UsageError(files.length ? 'rename takes one file' : 'no file given');
  if (typeof flags.match !== 'string') throw new UsageError('--match REGEX is required');
  if (typeof flags.replace !== 'string') throw new UsageError('--replace TEXT is required (use --replace "" to delete what matches)');
  const file = files[0];
  const field = (flags.field ?? 'name') as RenameField;
  const text = readText(file);
  const spec = specOperationsOfText(text, formatOf(file));
  const elsewhere = spec.root ? operationsInReferencedFiles(spec.root, bundlingFor(path.resolve(file))) : [];
  const preview = renameIn(
    { ...spec, elsewhere },
    {
      field,
      match: flags.match,
      flags: typeof flags.flags === 'string' ? flags.flags : '',
      replace: flags.replace,
    },
  );
  if (!preview.ok) {
    process.stderr.write(`rewst-openapi: ${file}: ${preview.reason}\n`);
    return 2;
  }
  const what = field === 'name' ? 'action name' : 'action description';
  const shown = `/${flags.match}/${typeof flags.flags === 'string' ? flags.flags : ''}`;
  if (!preview.changes.length) {
    const why = preview.matched
      ? `matches ${preview.matched} ${what}(s) but the replacement leaves them as they are`
      : `matches none of the ${preview.total} ${what}s`;
    process.stderr.write(`${file}: ${shown} ${why}; nothing to rename\n`);
    return 1;
  }
  for (const c of preview.changes) {
    const note = c.added ? '  (adds a summary: the name was its operationId)' : '';
    process.stdout.write(
      `${c.method} ${c.path}${c.operationId ? ` (${c.operationId})` : ''}${c.file ? ` in ${c.file}` : ''}\n  - ${JSON.stringify(c.old)}\n  + ${JSON.stringify(c.new)}${note}\n`,
    );
  }
  for (const s of preview.skipped) process.stderr.write(`${file}: ${s.method} ${s.path} not renamed: ${s.reason}\n`);
  for (const c of preview.collisions) {
    const who = c.actions.map((a) => `${a.method} ${a.path}${a.changed ? '' : ' (unchanged)'}`).join(', ');
    process.stderr.write(`${file}: collision: ${c.actions.length} actions would be named ${JSON.stringify(c.name)}: ${who}\n`);
  }
  for (const c of preview.emptyNames) process.stderr.write(`${file}: ${c.method} ${c.path} would have an empty name\n`);
  const blocked = preview.collisions.length + preview.emptyNames.length > 0;
  const summary = `${preview.changes.length} of ${preview.total} ${what}s change`;
  if (!flags.write) {
    process.stderr.write(`${file}: ${summary} (preview: nothing written; add --write to save)\n`);
    return 0;
  }
  if (blocked && !flags['allow-collisions']) {
    process.stderr.write(`${file}: ${summary}, but some actions would share a name or have none; nothing written (fix the regex, or add --allow-collisions)\n`);
    return 1;
  }
  writeText(file, applyEdits(text, preview.edits));
  // The other files' edits are on the texts their operations were read from: applied to those, not to a second read.
  const texts = new Map(elsewhere.map((op) => [op.file, op.doc.text]));
  const others = new Map<string, RenameChange[]>();
  for (const c of preview.changes) if (c.file !== undefined) others.set(c.file, [...(others.get(c.file) ?? []), c]);
  for (const [other, changes] of others)
    writeText(
      path.join(path.dirname(file), ...other.split('/')),
      applyEdits(
        texts.get(other)!,
        changes.map((c) => c.edit),
      ),
    );
  process.stderr.write(`${file}: ${summary}; written${others.size ? ` (and in ${[...others.keys()].join(', ')})` : ''}\n`);
  return 0;
}
