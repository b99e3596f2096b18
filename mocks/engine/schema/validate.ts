/**
 * The kit's one JSON Schema checker: the subset of JSON Schema 2020-12 the contract's
 * request side (`openapi/billing-api.yaml`) and the world format (`mocks/world.schema.json`)
 * are written in, interpreted, each schema compiled once. It runs in the browser too (a
 * service worker mock), so it is plain code with no schema library: ajv checks the same
 * schemas in the Node tests, which hold the two to the same verdicts.
 *
 * - Own properties only: a key is known when the schema lists it as its own property
 *   (`Object.hasOwn`), so `constructor`, `__proto__` or `toString` in a value are unknown
 *   fields like any other, never looked up on a prototype.
 * - Compiling refuses a keyword it does not know (so a schema cannot state a rule the
 *   checker silently ignores) and recursive schemas (so checking a value recurses at most
 *   as deep as the schema, never as deep as the value).
 * - Each problem becomes a field error: the field's path (`address.city`, `people[3]`),
 *   a stable code and a sentence of the compiler's {@link Wording}. A schema may name the
 *   code and sentence for a value not of its form (`pattern`, `format`) itself
 *   (`x-error-code`, `x-error-message`).
 * - Fast on big values: each schema is compiled once into a tree of verdicts (`verdict.ts`:
 *   `$ref`s resolved, fields as arrays and a map, enums as sets, a scalar node read inline
 *   with no call; a long list of flat records by a loop of its own, `records.ts`), so a
 *   valid value costs no path string and no allocation per field; only a failing part is
 *   walked again, by the checks below, to say where and why. Strings of an expensive form
 *   (a date) are remembered once valid.
 */
import { admits, codePoints, formatOk, itemKey, joinPath, TYPE_WORDS } from './values.js';
import { recordVerdict } from './records.js';
import { entry, itemsEntry, verdict, type Verdict, type VerdictParts } from './verdict.js';
import { SENTENCES, type Wording } from './wording.js';

export { codePoints, joinPath, jsonType } from './values.js';

export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** The subset of JSON Schema 2020-12 the kit's schemas are written in. */
export interface JsonSchema {
  $ref?: string;
  type?: SchemaType | SchemaType[];
  enum?: readonly unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  unevaluatedProperties?: boolean;
  allOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  $defs?: Record<string, JsonSchema>;
  'x-error-code'?: string;
  'x-error-message'?: string;
}

/** A problem found: the field's path, a stable code and a sentence. */
export interface SchemaError {
  field: string;
  code: string;
  message: string;
}

/** Keywords that only describe; ignored when checking. */
const ANNOTATIONS = ['default', 'description', 'title', 'examples', '$schema', '$id', '$comment', '$defs'];
const KEYWORDS = new Set<string>([
  ...['$ref', 'type', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum'],
  ...['minItems', 'maxItems', 'uniqueItems', 'items', 'properties', 'required', 'additionalProperties'],
  ...['unevaluatedProperties', 'allOf', 'oneOf', 'anyOf', 'if', 'then', 'else', 'x-error-code', 'x-error-message'],
  ...ANNOTATIONS,
]);
const FORMATS = new Set(['email', 'date']);
/** `$ref` prefixes: the OpenAPI document's components and a schema's own `$defs`. */
const REF_PREFIXES = ['#/components/schemas/', '#/$defs/'];

/** At most this many field errors by default (a list of twenty bad items stays readable). */
export const MAX_FIELD_ERRORS = 50;

/** What checking a value collects. */
export interface CheckContext {
  errors: SchemaError[];
  /** At most this many errors are kept (default {@link MAX_FIELD_ERRORS}). */
  max?: number;
  /**
   * Keywords left to rules further on (their own codes and messages), e.g. the billing
   * details rules that answer `422`: a failure of one of these is not reported here.
   */
  defer?: ReadonlySet<string>;
}

/** A compiled schema. */
export interface Validator {
  /** Adds an error per problem of `value` at `path` to `ctx`. */
  check(value: unknown, path: string, ctx: CheckContext): void;
  /** True when `value` has no problem (deferred keywords included); collects nothing. */
  accepts(value: unknown): boolean;
  /** True when none of the items `list[from]` up to (not including) `list[to]` has a problem, as {@link accepts}. */
  acceptsEach(list: readonly unknown[], from: number, to: number): boolean;
  /** The types the schema admits (`undefined`: any). */
  readonly types: readonly SchemaType[] | undefined;
  readonly schema: JsonSchema;
}

/** The fields one of which a value needs, when every branch of an `anyOf` only requires fields. */
function requiredAlternatives(branches: readonly JsonSchema[]): string[] | undefined {
  const needs: string[] = [];
  for (const b of branches) {
    const keys = Object.keys(b);
    if (keys.length !== 1 || keys[0] !== 'required' || b.required?.length !== 1) return undefined;
    needs.push(b.required[0] as string);
  }
  return needs;
}

type Obj = Record<string, unknown>;

/** Whether a schema admits scalars only (no list, no object): by its type or its enum. */
function scalarsOnly(v: Validator): boolean {
  if (v.types !== undefined) return !v.types.some((t) => t === 'array' || t === 'object');
  return v.schema.enum?.every((e) => e === null || typeof e !== 'object') ?? false;
}

/** One check of a compiled schema: {@link OK}, {@link FAILED} (later checks still run) or {@link STOP}. */
type Step = (value: unknown, path: string, ctx?: CheckContext) => number;
const OK = 0;
const FAILED = 1;
const STOP = 2;
/** A failure that ends the checks of the schema (a value of the wrong type, say). */
const stop = (_: false): number => STOP;

/** Keys a schema may have beside `$ref` and still be the schema it names. */
const ONLY_REF = new Set(['$ref', ...ANNOTATIONS]);

/** Options of a {@link SchemaCompiler}. */
export interface CompilerOptions {
  /** How problems are worded (default: the HTTP mock's {@link SENTENCES}). */
  wording?: Wording;
  /** The label of the value itself, at the empty path (default `The body`). */
  rootLabel?: string;
}

/**
 * Compiles schemas once each. A `$ref` names `#/components/schemas/X` or `#/$defs/X`, both
 * looked up in the `schemas` given.
 */
export class SchemaCompiler {
  readonly #schemas: Record<string, JsonSchema>;
  readonly #wording: Wording;
  readonly #rootLabel: string;
  readonly #compiled = new Map<JsonSchema, Validator>();
  readonly #compiling = new Set<JsonSchema>();
  /** Each validator's verdict as its parent calls it (`accepts` is the entry of a whole check). */
  readonly #verdicts = new Map<Validator, Verdict>();

  constructor(schemas: Record<string, JsonSchema>, options: CompilerOptions = {}) {
    this.#schemas = schemas;
    this.#wording = options.wording ?? SENTENCES;
    this.#rootLabel = options.rootLabel ?? 'The body';
  }

  /** The schema a `$ref` names. */
  resolve(ref: string): JsonSchema {
    const prefix = REF_PREFIXES.find((p) => ref.startsWith(p));
    const name = prefix === undefined ? undefined : ref.slice(prefix.length);
    const target = name !== undefined && Object.hasOwn(this.#schemas, name) ? this.#schemas[name] : undefined;
    if (!target) throw new Error(`The contract has no schema ${ref}.`);
    return target;
  }

  /** The validator of `schema` (compiled on first use). */
  compile(schema: JsonSchema): Validator {
    const done = this.#compiled.get(schema);
    if (done) return done;
    // A `$ref` with nothing beside it but annotations is the schema it names.
    if (schema.$ref !== undefined && Object.keys(schema).every((k) => ONLY_REF.has(k))) {
      const target = this.compile(this.resolve(schema.$ref));
      this.#compiled.set(schema, target);
      return target;
    }
    if (this.#compiling.has(schema)) throw new Error('Recursive schemas are not supported.');
    this.#compiling.add(schema);
    try {
      const [v, test] = this.#build(schema);
      this.#compiled.set(schema, v);
      this.#verdicts.set(v, test);
      return v;
    } finally {
      this.#compiling.delete(schema);
    }
  }

  /** The property names an object schema evaluates (its own and its `allOf` branches'). */
  #evaluated(schema: JsonSchema, into = new Set<string>()): Set<string> {
    const s = schema.$ref !== undefined ? this.resolve(schema.$ref) : schema;
    for (const k of Object.keys(s.properties ?? {})) into.add(k);
    for (const b of s.allOf ?? []) this.#evaluated(b, into);
    return into;
  }

  /** The verdict of a compiled validator, as a parent node reads it. */
  #verdict(v: Validator): Verdict {
    const d = this.#verdicts.get(v);
    if (!d) throw new Error('A schema is compiled before its parts.');
    return d;
  }

  #build(schema: JsonSchema): [Validator, Verdict] {
    for (const key of Object.keys(schema)) {
      if (!KEYWORDS.has(key)) throw new Error(`The schemas use ${key}, which the checker does not check.`);
    }
    if (schema.format !== undefined && !FORMATS.has(schema.format)) {
      throw new Error(`Unknown format ${schema.format}.`);
    }
    if (schema.unevaluatedProperties !== undefined && (schema.oneOf !== undefined || schema.anyOf !== undefined)) {
      throw new Error('unevaluatedProperties with oneOf or anyOf is not supported.');
    }
    const words = this.#wording;
    const rootLabel = this.#rootLabel;
    const sub = (s: JsonSchema | undefined): Validator | undefined => (s ? this.compile(s) : undefined);
    const ref = schema.$ref !== undefined ? this.compile(this.resolve(schema.$ref)) : undefined;
    const types: SchemaType[] | undefined =
      schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
    const pattern = schema.pattern !== undefined ? new RegExp(schema.pattern, 'u') : undefined;
    const { format, minLength, maxLength, minimum, maximum, minItems, maxItems } = schema;
    const items = sub(schema.items);
    const props = new Map<string, Validator>();
    for (const [k, s] of Object.entries(schema.properties ?? {})) props.set(k, this.compile(s));
    const required = schema.required ?? [];
    const allOf = (schema.allOf ?? []).map((s) => this.compile(s));
    const oneOf = (schema.oneOf ?? []).map((s) => this.compile(s));
    const anyOf = (schema.anyOf ?? []).map((s) => this.compile(s));
    const anyNeeds = schema.anyOf ? requiredAlternatives(schema.anyOf) : undefined;
    const [ifV, thenV, elseV] = [sub(schema.if), sub(schema.then), sub(schema.else)];
    const closed = schema.additionalProperties === false || schema.unevaluatedProperties === false;
    const known = schema.unevaluatedProperties === false ? this.#evaluated(schema) : new Set(props.keys());
    const code = schema['x-error-code'];
    const message = schema['x-error-message'];
    const enumValues = schema.enum;
    const enumSet = enumValues ? new Set(enumValues) : undefined;
    // Strings of an expensive form, once valid (a year of activity repeats ~365 dates).
    const memo = format !== undefined ? new Set<string>() : undefined;
    const label = (path: string): string => (path === '' ? rootLabel : path);

    /** Reports a problem; false, so `return fail(…)` ends a check. Without `ctx`, only false. */
    const fail = (ctx: CheckContext | undefined, keyword: string, path: string, c: string, m: () => string): false => {
      if (!ctx || ctx.defer?.has(keyword) || ctx.errors.length >= (ctx.max ?? MAX_FIELD_ERRORS)) return false;
      // A schema's own code says what its form (pattern, format) is.
      const own = keyword === 'pattern' || keyword === 'format';
      ctx.errors.push({ field: path, code: (own ? code : undefined) ?? c, message: m() });
      return false;
    };
    /** Checks a part: fast first; walked again with its path only when it fails. */
    const part = (v: Validator, value: unknown, path: string, key: string | number, ctx?: CheckContext): boolean => {
      if (v.accepts(value)) return true;
      if (ctx) v.check(value, joinPath(path, key), ctx);
      return false;
    };

    let lastGood: string | undefined;
    const checkString = (value: string, path: string, ctx?: CheckContext): boolean => {
      // Logs repeat a value run after run (the same person's events, the same day's).
      if (value === lastGood || memo?.has(value)) return true;
      // Lengths in code points; a string no longer in UTF-16 units is short enough.
      const n =
        (maxLength !== undefined && value.length > maxLength) || minLength !== undefined ? codePoints(value) : 0;
      if (maxLength !== undefined && n > maxLength) {
        return fail(ctx, 'maxLength', path, 'too-long', () => words.maxLength(label(path), maxLength, n));
      }
      if (minLength !== undefined && n < minLength) {
        const c = minLength === 1 ? 'required' : 'too-short';
        return fail(ctx, 'minLength', path, c, () => words.minLength(label(path), minLength, n));
      }
      if (pattern && !pattern.test(value)) {
        return fail(ctx, 'pattern', path, 'invalid', () => words.form(label(path), value, undefined, message));
      }
      if (format !== undefined) {
        if (!formatOk(format, value)) {
          const c = format === 'email' ? 'invalid-email' : 'invalid-date';
          return fail(ctx, 'format', path, c, () => words.form(label(path), value, format, message));
        }
        if (memo && memo.size > 10_000) memo.clear();
        memo?.add(value);
      }
      lastGood = value;
      return true;
    };

    const checkArray = (value: unknown[], path: string, ctx?: CheckContext): boolean => {
      if (maxItems !== undefined && value.length > maxItems) {
        return fail(ctx, 'maxItems', path, 'too-many', () => words.maxItems(label(path), maxItems, value.length));
      }
      let ok = true;
      if (minItems !== undefined && value.length < minItems) {
        const c = minItems === 1 ? 'required' : 'too-few';
        ok = fail(ctx, 'minItems', path, c, () => words.minItems(label(path), minItems, value.length));
        if (!ctx) return false;
      }
      if (items) {
        for (let i = 0; i < value.length; i++) {
          if (!part(items, value[i], path, i, ctx)) {
            ok = false;
            if (!ctx) return false;
          }
        }
      }
      if (schema.uniqueItems === true && value.length > 1) {
        const seen = new Set<unknown>();
        for (let i = 0; i < value.length; i++) {
          const key = itemKey(value[i]);
          if (seen.has(key)) {
            const at = joinPath(path, i);
            ok = fail(ctx, 'uniqueItems', at, 'duplicate', () => words.repeated(at, value[i]));
            if (!ctx) return false;
          } else seen.add(key);
        }
      }
      return ok;
    };

    const checkObject = (o: Obj, path: string, ctx?: CheckContext): boolean => {
      let ok = true;
      for (const key of required) {
        if (!Object.hasOwn(o, key)) {
          const at = joinPath(path, key);
          ok = fail(ctx, 'required', at, 'required', () => words.required(at));
          if (!ctx) return false;
        }
      }
      for (const key in o) {
        if (!Object.hasOwn(o, key)) continue;
        const v = props.get(key);
        if (v) {
          if (!part(v, o[key], path, key, ctx)) {
            ok = false;
            if (!ctx) return false;
          }
        } else if (closed && !known.has(key)) {
          const at = joinPath(path, key);
          ok = fail(ctx, 'additionalProperties', at, 'unknown-field', () => words.unknownField(at));
          if (!ctx) return false;
        }
      }
      return ok;
    };
    // The checks this schema has, in order; each says OK, FAILED (go on) or STOP.
    const steps: Step[] = [];
    if (ref) {
      steps.push((value, path, ctx) => {
        if (ref.accepts(value)) return OK;
        if (ctx) ref.check(value, path, ctx);
        return FAILED;
      });
    }
    if (types) {
      const expected = types.map((t) => TYPE_WORDS[t]).join(' or ');
      steps.push((value, path, ctx) =>
        admits(types, value)
          ? OK
          : stop(fail(ctx, 'type', path, 'invalid-type', () => words.type(label(path), expected))),
      );
    }
    if (enumSet) {
      steps.push((value, path, ctx) =>
        enumSet.has(value)
          ? OK
          : stop(fail(ctx, 'enum', path, 'invalid', () => words.enum(label(path), enumValues ?? [], value))),
      );
    }
    if (schema.const !== undefined) {
      const expected = schema.const;
      steps.push((value, path, ctx) =>
        value === expected
          ? OK
          : stop(fail(ctx, 'const', path, 'invalid', () => words.const(label(path), expected, value))),
      );
    }
    if (maxLength !== undefined || minLength !== undefined || pattern || format !== undefined) {
      steps.push((value, path, ctx) => (typeof value !== 'string' || checkString(value, path, ctx) ? OK : STOP));
    }
    if (minimum !== undefined || maximum !== undefined) {
      steps.push((value, path, ctx) => {
        if (typeof value !== 'number') return OK;
        if ((minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum)) return OK;
        const keyword = value < (minimum ?? -Infinity) ? 'minimum' : 'maximum';
        return stop(fail(ctx, keyword, path, 'out-of-range', () => words.range(label(path), minimum, maximum, value)));
      });
    }
    if (items || minItems !== undefined || maxItems !== undefined || schema.uniqueItems === true) {
      steps.push((value, path, ctx) => (!Array.isArray(value) || checkArray(value, path, ctx) ? OK : STOP));
    }
    if (required.length > 0 || props.size > 0 || closed) {
      steps.push((value, path, ctx) =>
        value === null || typeof value !== 'object' || Array.isArray(value) || checkObject(value as Obj, path, ctx)
          ? OK
          : FAILED,
      );
    }
    // Combinations of schemas: the same step for both verdicts.
    const combined = steps.length;
    for (const v of allOf) {
      steps.push((value, path, ctx) => {
        if (v.accepts(value)) return OK;
        if (ctx) v.check(value, path, ctx);
        return FAILED;
      });
    }
    if (ifV) {
      steps.push((value, path, ctx) => {
        const branch = ifV.accepts(value) ? thenV : elseV;
        if (!branch || branch.accepts(value)) return OK;
        if (ctx) branch.check(value, path, ctx);
        return FAILED;
      });
    }
    if (anyOf.length > 0) {
      steps.push((value, path, ctx) =>
        anyOf.some((v) => v.accepts(value))
          ? OK
          : stop(fail(ctx, 'anyOf', path, 'invalid', () => words.noBranch(label(path), anyNeeds))),
      );
    }
    if (oneOf.length > 0) {
      steps.push((value, path, ctx) => {
        const passing = oneOf.filter((v) => v.accepts(value));
        if (passing.length === 1) return OK;
        if (passing.length > 1) return stop(fail(ctx, 'oneOf', path, 'invalid', () => words.ambiguous(label(path))));
        if (!ctx) return STOP;
        // Report the branch meant by the value's type, if exactly one admits it.
        const meant = oneOf.filter((v) => v.types === undefined || admits(v.types, value));
        if (meant.length === 1) {
          (meant[0] as Validator).check(value, path, ctx);
          return STOP;
        }
        const expected = [...new Set(oneOf.flatMap((v) => (v.types ?? []).map((t) => TYPE_WORDS[t])))].join(' or ');
        return stop(fail(ctx, 'oneOf', path, 'invalid-type', () => words.type(label(path), expected)));
      });
    }

    /** The whole check: with `ctx`, collects every problem; without, stops at the first. */
    const walk = (value: unknown, path: string, ctx?: CheckContext): boolean => {
      let ok = true;
      for (let i = 0; i < steps.length; i++) {
        const r = (steps[i] as Step)(value, path, ctx);
        if (r === OK) continue;
        if (!ctx || r === STOP) return false;
        ok = false;
      }
      return ok;
    };

    // The fast verdict (no path, no context): one closure of the node's precomputed parts.
    const parts: VerdictParts = {
      ref: ref && this.#verdict(ref),
      types,
      enumValues: enumSet,
      constant: schema.const !== undefined ? { value: schema.const } : undefined,
      string:
        maxLength !== undefined || minLength !== undefined || pattern || format !== undefined
          ? { minLength, maxLength, pattern, format }
          : undefined,
      range: minimum !== undefined || maximum !== undefined ? { minimum, maximum } : undefined,
      array:
        items || minItems !== undefined || maxItems !== undefined || schema.uniqueItems === true
          ? {
              items: items && this.#verdict(items),
              minItems,
              maxItems,
              unique: schema.uniqueItems === true,
              scalarItems: items !== undefined && scalarsOnly(items),
            }
          : undefined,
      object:
        required.length > 0 || props.size > 0 || closed
          ? { properties: new Map([...props].map(([k, v]) => [k, this.#verdict(v)])), required, closed, known }
          : undefined,
      rest: steps.slice(combined).map((step) => (value: unknown) => step(value, '') === OK),
    };
    const test = recordVerdict(parts) ?? verdict(parts);
    const accepts = entry(test);

    const validator: Validator = {
      check: (value, path, ctx) => void walk(value, path, ctx),
      accepts,
      acceptsEach: itemsEntry(test),
      types: types ?? ref?.types,
      schema,
    };
    return [validator, test];
  }
}
