/**
 * The fast verdict of a compiled schema: is a value valid, yes or no, with no path, no
 * context and no allocation per valid field. Each schema node is compiled once into a
 * {@link Verdict}: a simple scalar node (a string with its length, pattern or format, a
 * bounded number, an enum, a const) is a plain record that {@link passes} reads inline,
 * with no call; any other node is a closure built from its precomputed parts (its fields
 * as arrays and a map, its items' verdict). An object whose fields are scalars is thus
 * checked in one loop over its keys with no call per field, and a list of them a run of
 * items at a time by a loop of its own (`records.ts`).
 *
 * The verdict is exactly "the checker would report nothing" (deferred keywords included):
 * {@link SchemaCompiler} asks it first everywhere and walks a value again, collecting
 * paths and sentences, only when it says no. Plain code, no code generation (it runs in
 * a service worker too).
 */
import type { SchemaType } from './validate.js';
import { codePoints, formatOk, itemKey, typeTest } from './values.js';

/** A fast verdict: true when the value has no problem. */
export type Test = (value: unknown) => boolean;

/** A fast verdict on the items `list[from]` up to (not including) `list[to]`: true when none has a problem. */
export type ItemsTest = (list: readonly unknown[], from: number, to: number) => boolean;

type Obj = Record<string, unknown>;

/** The string keywords of a schema node. */
export interface StringParts {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  format?: string;
}

/** The array keywords of a schema node. */
export interface ArrayParts {
  items?: Verdict;
  minItems?: number;
  maxItems?: number;
  unique: boolean;
  /** The items can only be scalars (their schema admits no array or object). */
  scalarItems: boolean;
}

/** The object keywords of a schema node. */
export interface ObjectParts {
  /** Each listed property's verdict (`undefined`: any value). */
  properties: ReadonlyMap<string, Verdict | undefined>;
  required: readonly string[];
  /** Unknown fields are refused (`additionalProperties` or `unevaluatedProperties` false). */
  closed: boolean;
  /** The names a closed object admits (its own properties and its `allOf` branches'). */
  known: ReadonlySet<string>;
}

// The kinds of verdict: a call of `test`, or a scalar check read inline.
const CALL = 0;
const TEXT = 1;
const FORM = 2;
const INTEGER = 3;
const NUMBER = 4;
const ONE_OF = 5;
const EQUALS = 6;
const BOOLEAN = 7;
const ANY = 8;

/** The most valid strings a memo keeps before it starts again. */
const MEMO_SIZE = 10_000;

/**
 * A compiled node's verdict: a scalar check (its kind and bounds, read by {@link passes})
 * or, for any other node, a closure (`test`). All of one shape, so reading one is cheap.
 */
export class Verdict {
  /** The text's last valid value (a log repeats it run after run). */
  last: string | undefined = undefined;
  /** The verdict as a closure, for callers that hold a {@link Test}. */
  readonly test: Test;
  /** A flat record's loop over a run of at most {@link RUN} list items (`records.ts`); other nodes have none. */
  records: ItemsTest | undefined = undefined;

  constructor(
    readonly kind: number,
    /** CALL: the node's closure (a scalar's is made of {@link passes}). */
    call: Test | undefined,
    readonly min = -Infinity,
    readonly max = Infinity,
    /** TEXT: not blank (pattern `\S`); FORM: the pattern. */
    readonly pattern: RegExp | undefined = undefined,
    readonly format: string | undefined = undefined,
    /** ONE_OF: the enum; FORM: valid strings seen. */
    readonly values: Set<unknown> | undefined = undefined,
    /** EQUALS: the const. */
    readonly value: unknown = undefined,
  ) {
    this.test = call ?? ((v) => passes(this, v));
  }
}

/** Whether a string's length in code points is within `min`..`max`, cheaply. */
function lengthOk(s: string, min: number, max: number): boolean {
  // No longer in UTF-16 units than the maximum: short enough in code points; at least
  // twice the minimum in units: long enough.
  return (s.length <= max || codePoints(s) <= max) && (s.length >= 2 * min || codePoints(s) >= min);
}

/** A string of a pattern or format not yet remembered as valid. */
function formOk(d: Verdict, s: string): boolean {
  const memo = d.values as Set<unknown>;
  if (memo.has(s)) {
    d.last = s;
    return true;
  }
  if (!lengthOk(s, d.min, d.max) || (d.pattern !== undefined && !d.pattern.test(s))) return false;
  if (d.format !== undefined && !formatOk(d.format, s)) return false;
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.add(s);
  d.last = s;
  return true;
}

/** Whether a verdict is a scalar check, read inline by {@link passes} with no call. */
export function isScalar(d: Verdict): boolean {
  return d.kind !== CALL;
}

/** Whether `v` passes the verdict `d`: a scalar's check inline, any other node's closure. */
export function passes(d: Verdict, v: unknown): boolean {
  switch (d.kind) {
    case TEXT: {
      if (typeof v !== 'string') return false;
      if (!(v.length <= d.max && d.min <= 0) && !lengthOk(v, d.min, d.max)) return false;
      if (d.pattern === undefined) return true;
      // Not blank: a printable ASCII first character is not white space; anything else asks the pattern.
      const c = v.charCodeAt(0);
      return (c > 0x20 && c < 0x7f) || d.pattern.test(v);
    }
    case FORM:
      return typeof v === 'string' && (v === d.last || formOk(d, v));
    case INTEGER:
      return Number.isInteger(v) && (v as number) >= d.min && (v as number) <= d.max;
    case NUMBER:
      return typeof v === 'number' && Number.isFinite(v) && v >= d.min && v <= d.max;
    case ONE_OF:
      return (d.values as Set<unknown>).has(v);
    case EQUALS:
      return v === d.value;
    case BOOLEAN:
      return typeof v === 'boolean';
    case ANY:
      return true;
    default:
      return d.test(v);
  }
}

/**
 * The string keywords as one test of a value: a string must meet them; any other value
 * passes unless the node admits strings only (`typed`).
 */
function stringTest(parts: StringParts, typed: boolean): Test {
  const d = stringVerdict(parts);
  return typed ? d.test : (v) => typeof v !== 'string' || passes(d, v);
}

/**
 * A string node's verdict. Strings of a pattern other than "not blank", or of a format,
 * are remembered once valid: logs repeat a value run after run (the same day's events),
 * and a year of activity has a few hundred dates.
 */
function stringVerdict(parts: StringParts): Verdict {
  const { minLength = 0, maxLength = Infinity, pattern, format } = parts;
  const notBlank = pattern !== undefined && pattern.source === '\\S' && pattern.flags === 'u';
  if (format === undefined && (pattern === undefined || notBlank)) {
    return new Verdict(TEXT, undefined, minLength, maxLength, pattern);
  }
  return new Verdict(FORM, undefined, minLength, maxLength, pattern, format, new Set());
}

/** Whether a list holds two equal JSON values (`uniqueItems`). */
function repeats(list: readonly unknown[], scalars: boolean): boolean {
  if (scalars && list.length <= 16) {
    for (let i = 1; i < list.length; i++) {
      for (let j = 0; j < i; j++) if (list[i] === list[j]) return true;
    }
    return false;
  }
  const seen = new Set<unknown>();
  for (const item of list) {
    const key = itemKey(item);
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** The most items a flat record's loop takes at once (see `records.ts`). */
export const RUN = 256;

/** Whether the items `list[from]` up to `list[to]` pass `items`: one by one, or a run at a time by a flat record's loop. */
function itemsPass(items: Verdict, list: readonly unknown[], from: number, to: number): boolean {
  const records = items.records;
  if (records === undefined) {
    for (let i = from; i < to; i++) if (!passes(items, list[i])) return false;
    return true;
  }
  for (let start = from; start < to; start += RUN) {
    if (!records(list, start, Math.min(to, start + RUN))) return false;
  }
  return true;
}

/** The array keywords as one test of a value (see {@link stringTest} for `typed`). */
function arrayTest(parts: ArrayParts, typed: boolean): Test {
  const { items, minItems = 0, maxItems = Infinity, unique, scalarItems } = parts;
  return (v) => {
    if (!Array.isArray(v)) return !typed;
    const list = v as readonly unknown[];
    const n = list.length;
    if (n > maxItems || n < minItems) return false;
    if (items && !itemsPass(items, list, 0, n)) return false;
    return !unique || n < 2 || !repeats(list, scalarItems);
  };
}

/** `Object.prototype`, whose accessor `__proto__` is the cheapest test of an object's prototype. */
const OBJECT_PROTOTYPE: unknown = Object.prototype;

/**
 * Whether `Object.prototype` has no enumerable key, so that `for…in` on a plain object
 * gives its own keys only. Asked once per value checked ({@link entry}), not per object.
 */
let plainKeysOnly = true;

function learnPlainKeys(): void {
  plainKeysOnly = true;
  for (const _ in Object.prototype) {
    plainKeysOnly = false;
    break;
  }
}

/**
 * Whether `o` is a plain object, whose `for…in` keys are its own enumerable keys (see
 * {@link plainKeysOnly}): the cheapest prototype test; an own `__proto__` key fails it too.
 */
export function isPlain(o: object): boolean {
  return plainKeysOnly && (o as { __proto__?: unknown }).__proto__ === OBJECT_PROTOTYPE;
}

/** A node's verdict as the entry of a whole check: learns {@link plainKeysOnly} first. */
export function entry(d: Verdict): Test {
  return (value) => {
    learnPlainKeys();
    return passes(d, value);
  };
}

/** A node's verdict on some items of a list, as the entry of a check (see {@link entry}). */
export function itemsEntry(d: Verdict): ItemsTest {
  return (list, from, to) => {
    learnPlainKeys();
    return itemsPass(d, list, Math.max(0, from), Math.min(list.length, to));
  };
}

/** A verdict that passes any value (a field a node does not describe). */
export const ANYTHING = new Verdict(ANY, () => true);

/**
 * An object node's fields by index, each listed or required field once: its verdict
 * ({@link ANYTHING} when required but not described) and whether it is required.
 */
export interface FieldIndex {
  index: ReadonlyMap<string, number>;
  verdicts: readonly Verdict[];
  isRequired: readonly boolean[];
  requiredCount: number;
}

export function fieldIndex({ properties, required }: ObjectParts): FieldIndex {
  const index = new Map<string, number>();
  const verdicts: Verdict[] = [];
  const isRequired: boolean[] = [];
  const field = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = verdicts.length;
      index.set(key, i);
      verdicts.push(properties.get(key) ?? ANYTHING);
      isRequired.push(false);
    }
    return i;
  };
  for (const key of properties.keys()) field(key);
  for (const key of required) isRequired[field(key)] = true;
  return { index, verdicts, isRequired, requiredCount: isRequired.filter(Boolean).length };
}

/**
 * The object keywords as one test of a value (see {@link stringTest} for `typed`). A plain
 * object (one of `Object.prototype`, while that has no enumerable key) takes one `for…in`
 * pass, each key matched against the key at the same place in the last object seen (a
 * million records have a handful of layouts) before it is looked up in the node's field
 * map; any other object is read by `Object.keys`. Both read own enumerable keys only, as
 * the checker does. A scalar field is checked inline.
 */
function objectTest(parts: ObjectParts, typed: boolean): Test {
  const { required, closed, known } = parts;
  const { index, verdicts: fields, isRequired, requiredCount } = fieldIndex(parts);
  // The keys of the last objects, by place, and their fields (-1: not listed).
  const places = fields.length;
  const lastKeys: (string | undefined)[] = new Array<string | undefined>(places).fill(undefined);
  const lastFields: number[] = new Array<number>(places).fill(-1);
  /** The field of key `k` at place `place` of an object (-1: not listed). */
  const lookUp = (k: string, place: number): number => {
    const i = index.get(k) ?? -1;
    if (place < places) {
      lastKeys[place] = k;
      lastFields[place] = i;
    }
    return i;
  };
  /** Own enumerable keys read by `Object.keys` (an object not plain). */
  const slow = (o: Obj): number => {
    let seen = 0;
    const keys = Object.keys(o);
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n] as string;
      const i = lookUp(k, n);
      if (i < 0) {
        if (closed && !known.has(k)) return -1;
      } else {
        if (!passes(fields[i] as Verdict, o[k])) return -1;
        if (isRequired[i] === true) seen++;
      }
    }
    return seen;
  };

  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return !typed;
    const o = v as Obj;
    let seen = 0;
    // The cheapest prototype test; an own `__proto__` key fails it too. (isPlain, written out:
    // this read meets every kind of object, the records' loops' one kind, and each is tuned apart.)
    if (plainKeysOnly && (o as { __proto__?: unknown }).__proto__ === OBJECT_PROTOTYPE) {
      let place = 0;
      for (const k in o) {
        const i = place < places && lastKeys[place] === k ? (lastFields[place] as number) : lookUp(k, place);
        place++;
        if (i < 0) {
          if (closed && !known.has(k)) return false;
          continue;
        }
        if (!passes(fields[i] as Verdict, o[k])) return false;
        if (isRequired[i] === true) seen++;
      }
    } else {
      seen = slow(o);
      if (seen < 0) return false;
    }
    // A required field not enumerable is still there (Object.hasOwn), as the checker reads it.
    return seen === requiredCount || required.every((k) => Object.hasOwn(o, k));
  };
}

/** The parts of a schema node its verdict is made of. */
export interface VerdictParts {
  /** The verdict of the schema a `$ref` beside other keywords names. */
  ref?: Verdict;
  types?: readonly SchemaType[];
  enumValues?: Set<unknown>;
  /** `const`, when the node has one. */
  constant?: { value: unknown };
  string?: StringParts;
  range?: { minimum?: number; maximum?: number };
  array?: ArrayParts;
  object?: ObjectParts;
  /** Combinations (allOf, if/then/else, anyOf, oneOf), each as a verdict. */
  rest: readonly Test[];
}

/** All of `tests` as one. */
function all(tests: readonly Test[]): Test {
  const [a, b, c] = tests;
  switch (tests.length) {
    case 0:
      return () => true;
    case 1:
      return a as Test;
    case 2:
      return (value) => (a as Test)(value) && (b as Test)(value);
    case 3:
      return (value) => (a as Test)(value) && (b as Test)(value) && (c as Test)(value);
    default:
      return (value) => {
        for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(value)) return false;
        return true;
      };
  }
}

/** A node of one scalar check only (a typed string, a bounded number, an enum, …): its verdict. */
function scalarVerdict(parts: VerdictParts): Verdict | undefined {
  const { ref, types, enumValues, constant, string, range, array, object, rest } = parts;
  if (ref || array || object || rest.length > 0) return undefined;
  const only = types?.length === 1 ? types[0] : undefined;
  const checks = (types ? 1 : 0) + (enumValues ? 1 : 0) + (constant ? 1 : 0);
  if (checks === 0 && !string && !range) return new Verdict(ANY, () => true);
  if (checks !== 1) return undefined;
  if (only === 'string' && !range) return stringVerdict(string ?? {});
  if ((only === 'integer' || only === 'number') && !string) {
    const kind = only === 'integer' ? INTEGER : NUMBER;
    return new Verdict(kind, undefined, range?.minimum ?? -Infinity, range?.maximum ?? Infinity);
  }
  if (string || range) return undefined;
  if (only === 'boolean') return new Verdict(BOOLEAN, undefined);
  if (enumValues) return new Verdict(ONE_OF, undefined, -Infinity, Infinity, undefined, undefined, enumValues);
  if (constant) {
    const { value } = constant;
    return new Verdict(EQUALS, undefined, -Infinity, Infinity, undefined, undefined, undefined, value);
  }
  return undefined;
}

/**
 * One node's verdict. A node of one scalar check is read inline ({@link passes}); a node
 * of one type and that type's keywords (an object with fields, a list of items) is a
 * single closure that tests the type and the keywords together.
 */
export function verdict(parts: VerdictParts): Verdict {
  const simple = scalarVerdict(parts);
  if (simple) return simple;
  const { ref, types, enumValues, constant, string, range, array, object, rest } = parts;
  const only = types?.length === 1 ? types[0] : undefined;
  const tests: Test[] = [];
  if (ref) tests.push(ref.test);
  let typed = true;
  if (only === 'object' && object) tests.push(objectTest(object, true));
  else if (only === 'string' && string) tests.push(stringTest(string, true));
  else if (only === 'array' && array) tests.push(arrayTest(array, true));
  else if ((only === 'integer' || only === 'number') && range) {
    const min = range.minimum ?? -Infinity;
    const max = range.maximum ?? Infinity;
    tests.push(
      only === 'integer'
        ? (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max
        : (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max,
    );
  } else {
    typed = false;
    if (types) tests.push(typeTest(types));
  }
  if (enumValues) tests.push((v) => enumValues.has(v));
  if (constant) tests.push((v) => v === constant.value);
  if (!typed) {
    if (string) tests.push(stringTest(string, false));
    if (range) {
      const min = range.minimum ?? -Infinity;
      const max = range.maximum ?? Infinity;
      tests.push((v) => typeof v !== 'number' || (v >= min && v <= max));
    }
    if (array) tests.push(arrayTest(array, false));
    if (object) tests.push(objectTest(object, false));
  }
  return new Verdict(CALL, all([...tests, ...rest]));
}
