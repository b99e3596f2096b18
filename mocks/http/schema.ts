/**
 * The JSON Schema keywords the contract's request side uses, interpreted: every request is
 * checked against the schemas of `openapi/billing-api.yaml` themselves (extracted into
 * `contract.ts`), compiled once per schema. Runs in the browser too (a service worker
 * mock), so it is plain code with no schema library: ajv checks the same schemas in the
 * Node tests, and the fuzz test holds the two to the same verdicts.
 *
 * - Own properties only: a key is known when the schema lists it as its own property
 *   (`Object.hasOwn`), so `constructor`, `__proto__` or `toString` in a body are unknown
 *   fields like any other, never looked up on a prototype.
 * - Compiling refuses a keyword it does not know (so the contract cannot state a rule the
 *   mock silently ignores) and recursive schemas (so checking a value recurses at most as
 *   deep as the schema, never as deep as the value).
 * - Each problem becomes a field error: the field's path (`address.city`,
 *   `recipients[2]`, a parameter's name), a stable code and a sentence. A schema may name
 *   the code and sentence for a value not of its form (`pattern`, `format`) itself
 *   (`x-error-code`, `x-error-message`).
 */
import type { FieldError } from '../store/contract.js';

export type SchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** The subset of JSON Schema 2020-12 the request side of the contract is written in. */
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
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  unevaluatedProperties?: boolean;
  allOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  'x-error-code'?: string;
  'x-error-message'?: string;
}

/** A parameter of an operation. */
export interface ParameterSpec {
  name: string;
  in: 'query' | 'header' | 'path';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema: JsonSchema;
}

/** The request side of one operation. */
export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** As the contract writes it: `/users/{userId}/deactivate`. */
  path: string;
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; maxBytes?: number; schema: JsonSchema };
}

/** What a request may be, for every operation of the contract. */
export interface RequestContract {
  limits: { maxUrlLength: number; maxBodyBytes: number; maxDepth: number };
  operations: Record<string, OperationSpec>;
  schemas: Record<string, JsonSchema>;
}

/** Keywords that only describe; ignored when checking. */
const ANNOTATIONS = new Set(['default']);
const KEYWORDS = new Set<string>([
  '$ref',
  'type',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'allOf',
  'oneOf',
  'x-error-code',
  'x-error-message',
  ...ANNOTATIONS,
]);
const FORMATS = new Set(['email', 'date']);

/** At most this many field errors in one answer (a list of twenty bad items stays readable). */
export const MAX_FIELD_ERRORS = 50;

/** What checking a value collects. */
export interface CheckContext {
  errors: FieldError[];
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
  /** True when `value` has no problem (deferred keywords included). */
  accepts(value: unknown): boolean;
  /** The types the schema admits (`undefined`: any). */
  readonly types: readonly SchemaType[] | undefined;
  readonly schema: JsonSchema;
}

const TYPE_WORDS: Record<SchemaType, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** The JSON type of a parsed value (`integer` for whole numbers). */
export function jsonType(value: unknown): SchemaType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'object':
      return 'object';
    default:
      return 'undefined';
  }
}

function admits(types: readonly SchemaType[], value: unknown): boolean {
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

function labelOf(path: string): string {
  return path === '' ? 'The body' : path;
}

/** A value for a message: quoted, short, one line. */
function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const text = JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
  return text;
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]+$/;

function formatOk(format: string, value: string): boolean {
  if (format === 'email') return EMAIL.test(value);
  // date: a real calendar date, YYYY-MM-DD.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[mo - 1] as number);
}

/**
 * Compiles the schemas of a contract once each. `ref` resolves `#/components/schemas/X`.
 */
export class SchemaCompiler {
  readonly #schemas: Record<string, JsonSchema>;
  readonly #compiled = new Map<JsonSchema, Validator>();
  readonly #compiling = new Set<JsonSchema>();

  constructor(schemas: Record<string, JsonSchema>) {
    this.#schemas = schemas;
  }

  /** The schema a `$ref` names. */
  resolve(ref: string): JsonSchema {
    const prefix = '#/components/schemas/';
    const name = ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
    const target = name !== undefined && Object.hasOwn(this.#schemas, name) ? this.#schemas[name] : undefined;
    if (!target) throw new Error(`The contract has no schema ${ref}.`);
    return target;
  }

  /** The validator of `schema` (compiled on first use). */
  compile(schema: JsonSchema): Validator {
    const done = this.#compiled.get(schema);
    if (done) return done;
    if (this.#compiling.has(schema)) throw new Error('Recursive schemas are not supported.');
    this.#compiling.add(schema);
    try {
      const v = this.#build(schema);
      this.#compiled.set(schema, v);
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

  #build(schema: JsonSchema): Validator {
    for (const key of Object.keys(schema)) {
      if (!KEYWORDS.has(key)) throw new Error(`The request schemas use ${key}, which the mock does not check.`);
    }
    if (schema.format !== undefined && !FORMATS.has(schema.format)) {
      throw new Error(`Unknown format ${schema.format}.`);
    }
    if (schema.unevaluatedProperties !== undefined && schema.oneOf !== undefined) {
      throw new Error('unevaluatedProperties with oneOf is not supported.');
    }
    const ref = schema.$ref !== undefined ? this.compile(this.resolve(schema.$ref)) : undefined;
    const types: SchemaType[] | undefined =
      schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
    const pattern = schema.pattern !== undefined ? new RegExp(schema.pattern, 'u') : undefined;
    const items = schema.items ? this.compile(schema.items) : undefined;
    const props = new Map<string, Validator>();
    for (const [k, sub] of Object.entries(schema.properties ?? {})) props.set(k, this.compile(sub));
    const allOf = (schema.allOf ?? []).map((s) => this.compile(s));
    const oneOf = (schema.oneOf ?? []).map((s) => this.compile(s));
    const closed = schema.additionalProperties === false || schema.unevaluatedProperties === false;
    const known = schema.unevaluatedProperties === false ? this.#evaluated(schema) : new Set(props.keys());
    const code = schema['x-error-code'];
    const message = schema['x-error-message'];
    const enumValues = schema.enum;

    const fail = (ctx: CheckContext, keyword: string, path: string, c: string, m: string): void => {
      if (ctx.defer?.has(keyword)) return;
      if (ctx.errors.length >= MAX_FIELD_ERRORS) return;
      // A schema's own code and sentence say what its form (pattern, format) is.
      const own = keyword === 'pattern' || keyword === 'format';
      ctx.errors.push({ field: path, code: (own ? code : undefined) ?? c, message: (own ? message : undefined) ?? m });
    };

    const check = (value: unknown, path: string, ctx: CheckContext): void => {
      const label = labelOf(path);
      if (ref) ref.check(value, path, ctx);
      if (types && !admits(types, value)) {
        const words = types.map((t) => TYPE_WORDS[t]).join(' or ');
        fail(ctx, 'type', path, 'invalid-type', `${label} must be ${words}.`);
        return;
      }
      if (enumValues && !enumValues.includes(value)) {
        const listed = enumValues.map(String).join(', ');
        fail(ctx, 'enum', path, 'invalid', `${label} is one of ${listed}.`);
        return;
      }
      if (schema.const !== undefined && value !== schema.const) {
        fail(ctx, 'const', path, 'invalid', `${label} can only be ${String(schema.const)}.`);
        return;
      }
      if (typeof value === 'string') {
        const max = schema.maxLength;
        const min = schema.minLength;
        // Lengths in code points; a string no longer in UTF-16 units is short enough.
        const n = (max !== undefined && value.length > max) || min !== undefined ? codePoints(value) : 0;
        if (max !== undefined && n > max) {
          return fail(ctx, 'maxLength', path, 'too-long', `${label} can be at most ${max} characters.`);
        }
        if (min !== undefined && n < min) {
          return min === 1
            ? fail(ctx, 'minLength', path, 'required', `${label} must not be empty.`)
            : fail(ctx, 'minLength', path, 'too-short', `${label} needs at least ${min} characters.`);
        }
        if (pattern && !pattern.test(value)) {
          return fail(ctx, 'pattern', path, 'invalid', `${label} is not valid: ${shown(value)}.`);
        }
        if (schema.format !== undefined && !formatOk(schema.format, value)) {
          return schema.format === 'email'
            ? fail(ctx, 'format', path, 'invalid-email', `${shown(value)} is not a valid e-mail address.`)
            : fail(ctx, 'format', path, 'invalid-date', `${label} must be a calendar date, YYYY-MM-DD.`);
        }
      }
      if (typeof value === 'number') {
        if (
          (schema.minimum !== undefined && value < schema.minimum) ||
          (schema.maximum !== undefined && value > schema.maximum)
        ) {
          return fail(
            ctx,
            value < (schema.minimum ?? -Infinity) ? 'minimum' : 'maximum',
            path,
            'out-of-range',
            `${label} must be from ${schema.minimum ?? '…'} to ${schema.maximum ?? '…'}.`,
          );
        }
      }
      if (Array.isArray(value)) {
        if (schema.maxItems !== undefined && value.length > schema.maxItems) {
          return fail(ctx, 'maxItems', path, 'too-many', `${label} can hold at most ${schema.maxItems} items.`);
        }
        if (schema.minItems !== undefined && value.length < schema.minItems) {
          fail(
            ctx,
            'minItems',
            path,
            schema.minItems === 1 ? 'required' : 'too-few',
            `${label} needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}.`,
          );
        }
        if (items) for (let i = 0; i < value.length; i++) items.check(value[i], joinPath(path, i), ctx);
      }
      if (jsonType(value) === 'object') {
        const o = value as Record<string, unknown>;
        for (const key of schema.required ?? []) {
          if (!Object.hasOwn(o, key)) {
            const at = joinPath(path, key);
            fail(ctx, 'required', at, 'required', `${at} is required.`);
          }
        }
        for (const key of Object.keys(o)) {
          const sub = props.get(key);
          if (sub) sub.check(o[key], joinPath(path, key), ctx);
          else if (closed && !known.has(key)) {
            const at = joinPath(path, key);
            fail(ctx, 'additionalProperties', at, 'unknown-field', `There is no field ${at}.`);
          }
        }
      }
      for (const v of allOf) v.check(value, path, ctx);
      if (oneOf.length > 0) {
        const passing = oneOf.filter((v) => v.accepts(value));
        if (passing.length === 1) return;
        if (passing.length > 1) {
          return fail(ctx, 'oneOf', path, 'invalid', `${label} fits more than one form.`);
        }
        // Report the branch meant by the value's type, if exactly one admits it.
        const meant = oneOf.filter((v) => v.types === undefined || admits(v.types, value));
        if (meant.length === 1) return (meant[0] as Validator).check(value, path, ctx);
        const words = oneOf.flatMap((v) => (v.types ?? []).map((t) => TYPE_WORDS[t]));
        fail(ctx, 'oneOf', path, 'invalid-type', `${label} must be ${[...new Set(words)].join(' or ')}.`);
      }
    };

    const refTypes = ref?.types;
    return {
      check,
      accepts(value: unknown): boolean {
        const ctx: CheckContext = { errors: [] };
        check(value, '', ctx);
        return ctx.errors.length === 0;
      },
      types: types ?? refTypes,
      schema,
    };
  }
}
