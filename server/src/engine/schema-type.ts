/**
 * The one home for "the JSON Schema type a written type means": `int` is integer, `Int64` integer with
 * format int64, `List<int>` an array of integers, `Dictionary<string,int>` an object whose values are
 * integers. The type-name rule fixes with it, and the settings inference reads types through it, so a
 * parameter the rules would call an integer is an integer to the pagination evidence too.
 */

/** JSON Schema's six types (OpenAPI 3.0's; 3.1 adds null). */
export const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);

export interface TypeMeaning {
  type: string;
  format?: string;
  /** For an array: what its items mean (absent when the written type does not say). */
  items?: TypeMeaning;
  /** For an object of name→value (a dictionary): what its values mean. */
  values?: TypeMeaning;
  /** For a container whose argument is no type name (`List<Customer>`): the argument, a schema's name perhaps. */
  named?: string;
}

/** Type names people write that mean one JSON Schema type (and format) without doubt; keys are lower case. */
const NAMES: Readonly<Record<string, TypeMeaning>> = {
  int: { type: 'integer' },
  int16: { type: 'integer' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  long: { type: 'integer', format: 'int64' },
  short: { type: 'integer' },
  byte: { type: 'integer' },
  float: { type: 'number', format: 'float' },
  double: { type: 'number', format: 'double' },
  decimal: { type: 'number' },
  bool: { type: 'boolean' },
  str: { type: 'string' },
  text: { type: 'string' },
  char: { type: 'string' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  datetimeoffset: { type: 'string', format: 'date-time' },
  'date-time': { type: 'string', format: 'date-time' },
  timestamp: { type: 'string', format: 'date-time' },
  uuid: { type: 'string', format: 'uuid' },
  guid: { type: 'string', format: 'uuid' },
  email: { type: 'string', format: 'email' },
  uri: { type: 'string', format: 'uri' },
  url: { type: 'string', format: 'uri' },
  binary: { type: 'string', format: 'binary' },
  list: { type: 'array' },
  dict: { type: 'object' },
  map: { type: 'object' },
  // Right names in the wrong case (String, Integer, OBJECT).
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  array: { type: 'array' },
  object: { type: 'object' },
};

/** Generic containers of the languages vendors generate from (C#, Java, TypeScript), lower case, without namespace. */
const LISTS = new Set([
  'list',
  'ilist',
  'ienumerable',
  'icollection',
  'ireadonlylist',
  'ireadonlycollection',
  'collection',
  'array',
  'arraylist',
  'set',
  'hashset',
  'iset',
  'sequence',
  'seq',
]);
const DICTIONARIES = new Set(['dictionary', 'idictionary', 'ireadonlydictionary', 'map', 'hashmap', 'sorteddictionary', 'record']);
const NULLABLE = new Set(['nullable', 'optional']);

/** Longer names than this are not read (a type is a word or two, never a paragraph). */
const MAX_LENGTH = 200;

/** Splits `a, List<b, c>` at its top-level commas; undefined when the brackets do not balance. */
function splitArgs(s: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<') depth++;
    else if (c === '>' && --depth < 0) return undefined;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(last, i).trim());
      last = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  out.push(s.slice(last).trim());
  return out;
}

const identifier = (s: string) => (/^[A-Za-z_][\w.]*$/.test(s) ? s : undefined);

function read(written: string, depth: number): TypeMeaning | undefined {
  if (depth > 8) return undefined;
  let s = written.trim();
  // `int?` (C# nullable), `System.Int32`, `java.lang.String`.
  if (s.endsWith('?')) s = s.slice(0, -1).trim();
  if (s.endsWith('[]')) {
    const inner = s.slice(0, -2).trim();
    const items = read(inner, depth + 1);
    return items ? { type: 'array', items } : identifier(inner) ? { type: 'array', named: inner } : undefined;
  }
  const open = s.indexOf('<');
  if (open < 0) return NAMES[s.replace(/^(system|java\.lang|java\.util)\./i, '').toLowerCase()];
  if (!s.endsWith('>')) return undefined;
  const name = s
    .slice(0, open)
    .trim()
    .replace(/^(system\.collections\.generic|system|java\.util)\./i, '')
    .toLowerCase();
  const args = splitArgs(s.slice(open + 1, -1));
  if (!args || args.some((a) => a === '')) return undefined;
  if (NULLABLE.has(name) && args.length === 1) return read(args[0], depth + 1);
  if (LISTS.has(name) && args.length === 1) {
    const items = read(args[0], depth + 1);
    return items ? { type: 'array', items } : { type: 'array', named: identifier(args[0]) };
  }
  if (DICTIONARIES.has(name) && args.length === 2) {
    // Keys of a JSON object are strings whatever the code says; the values say what the object holds.
    const values = read(args[1], depth + 1);
    return values ? { type: 'object', values } : { type: 'object', named: identifier(args[1]) };
  }
  return undefined;
}

/** What a written type means, when it means one JSON Schema type without doubt; undefined otherwise (`null`, `file`, `Customer`). */
export function typeMeaning(written: string): TypeMeaning | undefined {
  return written.length > MAX_LENGTH ? undefined : read(written, 0);
}

/** The JSON Schema type a written type stands for: itself when it is one, its meaning when it has one, else undefined. */
export function jsonTypeOf(written: string): string | undefined {
  if (JSON_TYPES.has(written) || written === 'null') return written;
  return typeMeaning(written)?.type;
}

/**
 * The schema a meaning stands for, as a fix writes it (`{type: integer, format: int64}`, `{type: array, items: {...}}`).
 * A container's `named` argument becomes what `refFor` makes of it (a `$ref` to the schema of that name); undefined
 * when it names nothing `refFor` knows.
 */
export function schemaOf(meaning: TypeMeaning, refFor: (name: string) => string | undefined = () => undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { type: meaning.type };
  if (meaning.format) out.format = meaning.format;
  const inner = meaning.items ?? meaning.values;
  let sub: Record<string, unknown> | undefined;
  if (inner) sub = schemaOf(inner, refFor);
  else if (meaning.named !== undefined) {
    const ref = refFor(meaning.named);
    sub = ref === undefined ? undefined : { $ref: ref };
  } else return out;
  if (!sub) return undefined;
  out[meaning.type === 'array' ? 'items' : 'additionalProperties'] = sub;
  return out;
}
