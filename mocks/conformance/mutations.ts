/**
 * Invalid requests, generated from the contract's request schemas: a valid request with
 * one thing wrong, and the field a backend must name in its problem's `errors`:
 *
 * - `required`: a required field (or query parameter, or header) left out;
 * - `type`: a field of the wrong JSON type (`12345` for text, `"conformance"` for a number);
 * - `limit`: a value past a limit the schema states (`maxLength` + 1 characters,
 *   `maximum` + 1, `maxItems` + 1 items, not one of an `enum`, not of a `pattern` or
 *   `format`, empty where `minLength`/`minItems` say otherwise);
 * - `unknown`: a field the object does not list (`additionalProperties: false`).
 */
import type { Contract } from './contract.js';
import type { ContractOperation, JsonValue, Schema } from './document.js';

export type MutationKind = 'required' | 'type' | 'limit' | 'unknown';

export const MUTATION_TITLES: Record<MutationKind, string> = {
  required: 'a missing required field is refused, naming the field',
  type: 'a value of the wrong type is refused, naming the field',
  limit: 'a value past a limit of the contract (length, range, list, pattern) is refused, naming the field',
  unknown: 'an unknown field is refused, naming the field',
};

/** One invalid request: what differs from the valid one, and the field to be named. */
export interface Mutation {
  kind: MutationKind;
  /** The field the problem's `errors` must name: `address.city`, `recipients[0]`, `month`, `Idempotency-Key`. */
  field: string;
  /** What is wrong, for the report: `address.city left out`. */
  what: string;
  /** Where the defect is (a header's name is matched in any case). */
  in: 'body' | 'query' | 'header';
  /** The whole body, query or headers to send instead of the valid request's. */
  body?: unknown;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
}

/** The name of the unknown field sent. */
export const UNKNOWN_FIELD = 'conformanceUnknownField';

type Key = string | number;

function joinPath(path: readonly Key[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out;
}

/** A copy of `base` with the value at `path` replaced (`undefined`: removed). */
function setAt(base: unknown, path: readonly Key[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Key, ...Key[]];
  const copy: Record<Key, unknown> | unknown[] = Array.isArray(base)
    ? [...(base as unknown[])]
    : { ...((base ?? {}) as Record<string, unknown>) };
  const next = setAt((copy as Record<Key, unknown>)[head], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<Key, unknown>)[head];
  else (copy as Record<Key, unknown>)[head] = next;
  return copy;
}

function typesOf(schema: Schema): string[] | undefined {
  const t = schema['type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.map(String);
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value of a JSON type the schema does not admit, if the schema says its type. */
function wrongTypeValue(schema: Schema): { value: unknown; words: string } | undefined {
  const types = typesOf(schema);
  if (!types) return undefined;
  const candidates: [unknown, string][] = [
    ['conformance', 'text'],
    [12345, 'a number'],
    [true, 'true'],
  ];
  for (const [value, words] of candidates) {
    const t = jsonType(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return { value, words };
  }
  return undefined;
}

/** `n` characters, shaped as an e-mail address when the schema wants one. */
function longText(n: number, format: JsonValue | undefined): string {
  const domain = '@example.com';
  if (format === 'email' && n > domain.length) return `${'x'.repeat(n - domain.length)}${domain}`;
  return 'x'.repeat(n);
}

/** Text the pattern refuses (and the length allows), if one of a few candidates is. */
function offPattern(pattern: string, maxLength: number | undefined): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  for (const c of ['2026-13', 'x\u0001', '!', 'x', '0']) {
    if ((maxLength === undefined || c.length <= maxLength) && !re.test(c)) return c;
  }
  return undefined;
}

/** Values past the schema's limits: `[what, value]` (`what` completes "<field> …"). */
function limitValues(schema: Schema): [string, unknown][] {
  const out: [string, unknown][] = [];
  const types = typesOf(schema) ?? [];
  const num = (k: string): number | undefined => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  const enumValues = Array.isArray(schema['enum']) ? (schema['enum'] as JsonValue[]) : undefined;
  if (types.includes('string')) {
    const max = num('maxLength');
    const min = num('minLength');
    if (max !== undefined) out.push([`of ${max + 1} characters (at most ${max})`, longText(max + 1, schema['format'])]);
    if (min !== undefined && min >= 1) out.push([`empty (at least ${min} character${min === 1 ? '' : 's'})`, '']);
    if (enumValues) out.push(['not one of the listed values', 'conformance-not-listed']);
    else if (typeof schema['pattern'] === 'string') {
      const value = offPattern(schema['pattern'], max);
      if (value !== undefined) out.push([`${JSON.stringify(value)} (not of the pattern)`, value]);
    }
    if (schema['format'] === 'email') out.push(['not an e-mail address', 'not-an-e-mail']);
    if (schema['format'] === 'date') out.push(['not a calendar date (2026-02-30)', '2026-02-30']);
  }
  if (types.includes('integer') || types.includes('number')) {
    const max = num('maximum');
    const min = num('minimum');
    if (max !== undefined) out.push([`${max + 1} (at most ${max})`, max + 1]);
    if (min !== undefined) out.push([`${min - 1} (at least ${min})`, min - 1]);
    if (enumValues) {
      const numbers = enumValues.filter((v): v is number => typeof v === 'number');
      if (numbers.length > 0)
        out.push([`${Math.max(...numbers) + 1} (not one of the listed values)`, Math.max(...numbers) + 1]);
    }
  }
  return out;
}

/** `n` valid, distinct items for an array of `items`, if the check can make them. */
function itemsOf(items: Schema, n: number): unknown[] | undefined {
  const types = typesOf(items) ?? [];
  if (!types.includes('string')) return undefined;
  if (items['format'] === 'email') return Array.from({ length: n }, (_, i) => `conformance-${i}@example.com`);
  if (Array.isArray(items['enum']))
    return Array.from(
      { length: n },
      (_, i) => (items['enum'] as JsonValue[])[i % (items['enum'] as JsonValue[]).length],
    );
  return Array.from({ length: n }, (_, i) => `conformance-${i}`);
}

/** Array-level limits: too many items, none where some are needed. */
function arrayLimits(contract: Contract, schema: Schema): [string, unknown][] {
  const out: [string, unknown][] = [];
  const items = contract.resolve(schema['items'] as Schema | undefined);
  const max = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : undefined;
  const min = typeof schema['minItems'] === 'number' ? schema['minItems'] : undefined;
  if (max !== undefined) {
    const list = itemsOf(items, max + 1);
    if (list) out.push([`with ${max + 1} items (at most ${max})`, list]);
  }
  if (min !== undefined && min >= 1) out.push([`with no items (at least ${min})`, []]);
  return out;
}

/** Every invalid body one mutation away from `base` (valid), by `schema`. */
export function bodyMutations(contract: Contract, schema: Schema, base: unknown): Mutation[] {
  const out: Mutation[] = [];
  const walk = (s: Schema, value: unknown, path: Key[]): void => {
    const resolved = contract.resolve(s);
    const props = resolved['properties'] as Record<string, Schema> | undefined;
    if (!props || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const obj = value as Record<string, unknown>;
    for (const name of (resolved['required'] ?? []) as string[]) {
      if (!Object.hasOwn(obj, name)) continue;
      const field = joinPath([...path, name]);
      out.push({
        kind: 'required',
        field,
        what: `${field} left out`,
        in: 'body',
        body: setAt(base, [...path, name], undefined),
      });
    }
    for (const [name, sub] of Object.entries(props)) {
      const at = [...path, name];
      const field = joinPath(at);
      const r = contract.resolve(sub);
      const wrong = wrongTypeValue(r);
      if (wrong)
        out.push({
          kind: 'type',
          field,
          what: `${field} as ${wrong.words}`,
          in: 'body',
          body: setAt(base, at, wrong.value),
        });
      for (const [what, v] of limitValues(r))
        out.push({ kind: 'limit', field, what: `${field} ${what}`, in: 'body', body: setAt(base, at, v) });
      const types = typesOf(r) ?? [];
      if (types.includes('array')) {
        for (const [what, v] of arrayLimits(contract, r)) {
          out.push({ kind: 'limit', field, what: `${field} ${what}`, in: 'body', body: setAt(base, at, v) });
        }
        const current = obj[name];
        if (Array.isArray(current) && current.length > 0) {
          const item = contract.resolve(r['items'] as Schema | undefined);
          const itemField = joinPath([...at, 0]);
          const wrongItem = wrongTypeValue(item);
          if (wrongItem) {
            out.push({
              kind: 'type',
              field: itemField,
              what: `${itemField} as ${wrongItem.words}`,
              in: 'body',
              body: setAt(base, [...at, 0], wrongItem.value),
            });
          }
          for (const [what, v] of limitValues(item)) {
            out.push({
              kind: 'limit',
              field: itemField,
              what: `${itemField} ${what}`,
              in: 'body',
              body: setAt(base, [...at, 0], v),
            });
          }
        }
      }
      if (types.includes('object') && Object.hasOwn(obj, name)) walk(r, obj[name], at);
    }
    if (resolved['additionalProperties'] === false || resolved['unevaluatedProperties'] === false) {
      const field = joinPath([...path, UNKNOWN_FIELD]);
      out.push({
        kind: 'unknown',
        field,
        what: `an unknown field ${field}`,
        in: 'body',
        body: setAt(base, [...path, UNKNOWN_FIELD], true),
      });
    }
  };
  walk(schema, base, []);
  return out;
}

/**
 * Every invalid query or header one mutation away from `query`/`headers` (valid), by the
 * operation's parameters (`skip`: parameters checked elsewhere, e.g. `If-Match`).
 */
export function parameterMutations(
  contract: Contract,
  op: ContractOperation,
  query: Record<string, string>,
  headers: Record<string, string> = {},
  skipNames: readonly string[] = ['If-Match'],
): Mutation[] {
  const out: Mutation[] = [];
  for (const p of op.parameters) {
    if (p.in === 'path' || skipNames.includes(p.name)) continue;
    if (p.in === 'header' && !p.required) continue;
    const s = contract.resolve(p.schema);
    const types = typesOf(s) ?? [];
    const place = (value: string | undefined): Pick<Mutation, 'in' | 'query' | 'headers'> => {
      if (p.in === 'query') return { in: 'query', query: { ...query, [p.name]: value } };
      const h = { ...headers };
      if (value === undefined) delete h[p.name];
      else h[p.name] = value;
      return { in: 'header', headers: h };
    };
    const label = p.in === 'header' ? `header ${p.name}` : p.name;
    if (p.required) out.push({ kind: 'required', field: p.name, what: `${label} left out`, ...place(undefined) });
    if (types.includes('integer') || types.includes('number')) {
      out.push({ kind: 'type', field: p.name, what: `${label}=abc (not a number)`, ...place('abc') });
    }
    if (types.includes('boolean')) {
      out.push({ kind: 'type', field: p.name, what: `${label}=maybe (not true or false)`, ...place('maybe') });
    }
    for (const [what, v] of limitValues(s)) {
      out.push({ kind: 'limit', field: p.name, what: `${label} ${what}`, ...place(String(v)) });
    }
    if (types.includes('array')) {
      const items = contract.resolve(s['items'] as Schema | undefined);
      if (Array.isArray(items['enum'])) {
        out.push({
          kind: 'limit',
          field: p.name,
          what: `${label}=conformance-not-listed`,
          ...place('conformance-not-listed'),
        });
      }
      for (const [what, v] of arrayLimits(contract, s)) {
        if (Array.isArray(v) && v.length > 0) {
          out.push({ kind: 'limit', field: p.name, what: `${label} ${what}`, ...place(v.join(',')) });
        }
      }
    }
  }
  return out;
}
