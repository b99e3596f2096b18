/**
 * What the schema checker asks of a JSON value: its type (and the fastest test of one),
 * the length of a string in code points, whether it has a format, a path into it, its
 * key for `uniqueItems`. Plain functions, no schema.
 */
import type { SchemaType } from './validate.js';

/** A type as a message says it. */
export const TYPE_WORDS: Record<SchemaType, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** The JSON type of a value (`integer` for whole numbers; NaN and ±Infinity are no JSON). */
export function jsonType(value: unknown): SchemaType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : 'undefined';
    case 'object':
      return 'object';
    default:
      return 'undefined';
  }
}

/** The fastest test of a value's type. */
export function typeTest(types: readonly SchemaType[]): (value: unknown) => boolean {
  if (types.length !== 1) return (value) => admits(types, value);
  switch (types[0]) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'integer':
      return (value) => Number.isInteger(value);
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'array':
      return (value) => Array.isArray(value);
    case 'object':
      return (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return (value) => value === null;
  }
}

/** Whether `value` is of one of `types` (a whole number is a number too). */
export function admits(types: readonly SchemaType[], value: unknown): boolean {
  const t = jsonType(value);
  if (t === 'undefined') return false;
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** The number of code points of `s` (what JSON Schema's lengths count). */
export function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A JSON path one step further: `a.b`, `a[2]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]+$/;

/** Whether `value` is of the `format` (`email`, `date`: a real calendar date). */
export function formatOk(format: string, value: string): boolean {
  if (format === 'email') return EMAIL.test(value);
  // date: a real calendar date, YYYY-MM-DD.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] as number);
}

/** A key for `uniqueItems`: equal JSON values, equal keys. */
export function itemKey(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}
