/**
 * Request validation against the contract: query parameters, headers and JSON bodies.
 * Every problem is collected with the field it is about (the parameter's name, or a
 * JSON path into the body such as `address.city`), and a request with any problem is
 * answered `400` listing them all.
 */
import { isYearMonth } from '../engine/dates.js';
import type { FieldError } from '../store/contract.js';
import { badRequest } from './problem.js';

/** Collects field errors; {@link Checks.done} throws a 400 when there are any. */
export class Checks {
  readonly errors: FieldError[] = [];

  add(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }

  /** Throws a 400 problem listing every error, if any. */
  done(): void {
    if (this.errors.length > 0) throw badRequest(this.errors);
  }
}

/** Reads query parameters of a request. */
export class Query {
  readonly params: URLSearchParams;
  readonly checks: Checks;

  constructor(request: Request, checks = new Checks()) {
    this.params = new URL(request.url).searchParams;
    this.checks = checks;
  }

  /** The parameter's value; `null` when it was given more than once (reported). */
  #raw(name: string): string | undefined | null {
    const all = this.params.getAll(name);
    if (all.length > 1) {
      this.checks.add(name, 'repeated', `Give ${name} once.`);
      return null;
    }
    return all[0];
  }

  /** A required or optional `YYYY-MM` month. */
  month(name: string, required: true): string;
  month(name: string, required?: false): string | undefined;
  month(name: string, required = false): string | undefined {
    const v = this.#raw(name);
    if (v === null) return undefined;
    if (v === undefined || v === '') {
      if (required) this.checks.add(name, 'required', `Give the month as YYYY-MM.`);
      return undefined;
    }
    if (!isYearMonth(v)) {
      this.checks.add(name, 'invalid-month', `${JSON.stringify(v)} is not a month; use YYYY-MM, e.g. 2026-03.`);
      return undefined;
    }
    return v;
  }

  /** An integer within bounds; the default when absent. */
  int(name: string, opts: { min: number; max: number; default: number; required?: boolean }): number;
  int(name: string, opts: { min: number; max: number; default?: undefined; required?: boolean }): number | undefined;
  int(name: string, opts: { min: number; max: number; default?: number; required?: boolean }): number | undefined {
    const v = this.#raw(name);
    if (v === null) return opts.default;
    if (v === undefined || v === '') {
      if (opts.required) this.checks.add(name, 'required', `Give ${name}.`);
      return opts.default;
    }
    if (!/^-?\d+$/.test(v)) {
      this.checks.add(name, 'invalid', `${name} must be a whole number.`);
      return opts.default;
    }
    const n = Number(v);
    if (n < opts.min || n > opts.max) {
      this.checks.add(name, 'out-of-range', `${name} must be from ${opts.min} to ${opts.max}.`);
      return opts.default;
    }
    return n;
  }

  /** `true` or `false`; the default when absent. */
  bool(name: string, defaultValue: boolean): boolean {
    const v = this.#raw(name);
    if (v === null || v === undefined || v === '') return defaultValue;
    if (v === 'true') return true;
    if (v === 'false') return false;
    this.checks.add(name, 'invalid', `${name} is true or false.`);
    return defaultValue;
  }

  /** One of `values`; the default when absent. */
  oneOf<T extends string>(name: string, values: readonly T[], defaultValue: T): T {
    const v = this.#raw(name);
    if (v === null || v === undefined || v === '') return defaultValue;
    if ((values as readonly string[]).includes(v)) return v as T;
    this.checks.add(name, 'invalid', `${name} is one of ${values.join(', ')}.`);
    return defaultValue;
  }

  /** A comma-separated list of values of `values` (`style: form, explode: false`). */
  list<T extends string>(name: string, values: readonly T[]): T[] | undefined {
    const v = this.#raw(name);
    if (v === null || v === undefined || v === '') return undefined;
    const items = v.split(',').map((s) => s.trim());
    const bad = items.filter((s) => !(values as readonly string[]).includes(s));
    if (bad.length > 0) {
      this.checks.add(name, 'invalid', `${bad.join(', ')}: ${name} takes ${values.join(', ')}.`);
      return undefined;
    }
    return items as T[];
  }

  /** A string of at most `maxLength` characters. */
  string(name: string, maxLength: number): string | undefined {
    const v = this.#raw(name);
    if (v === null || v === undefined) return undefined;
    if (v.length > maxLength) {
      this.checks.add(name, 'too-long', `${name} can be at most ${maxLength} characters.`);
      return undefined;
    }
    return v;
  }
}

/** The `Idempotency-Key` header: 8–200 characters; `undefined` when absent and optional. */
export function idempotencyKey(request: Request, checks: Checks, required: boolean): string | undefined {
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key === '') {
    if (required) checks.add('Idempotency-Key', 'required', 'Send an Idempotency-Key header, unique per user action.');
    return undefined;
  }
  if (key.length < 8 || key.length > 200) {
    checks.add('Idempotency-Key', 'invalid', 'The Idempotency-Key must be 8 to 200 characters.');
    return undefined;
  }
  return key;
}

/**
 * The JSON body of a request. An empty body is `undefined` (a 400 when `required`);
 * anything that is not JSON is a 400.
 */
export async function jsonBody(request: Request, required: boolean): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') {
    if (required) throw badRequest([{ field: '', code: 'required', message: 'Send a JSON body.' }]);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest([{ field: '', code: 'invalid-json', message: 'The body is not valid JSON.' }]);
  }
}

/** A JSON value's expected shape: JSON Schema's few keywords the contract uses. */
export type Shape =
  | { type: 'string'; minLength?: number; maxLength?: number; enum?: readonly string[]; pattern?: RegExp }
  | { type: 'integer'; minimum?: number; maximum?: number; enum?: readonly number[] }
  | { type: 'boolean' }
  | { type: 'array'; items: Shape; minItems?: number; maxItems?: number }
  | { type: 'object'; properties: Record<string, Shape>; required?: readonly string[]; additional?: boolean }
  | { type: 'nullable'; of: Shape }
  | { type: 'any' };

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Checks `value` against `shape`, adding an error per problem (field = JSON path). */
export function checkShape(value: unknown, shape: Shape, checks: Checks, path = ''): void {
  const at = path === '' ? 'the body' : path;
  switch (shape.type) {
    case 'any':
      return;
    case 'nullable':
      if (value !== null) checkShape(value, shape.of, checks, path);
      return;
    case 'string':
      if (typeof value !== 'string') return checks.add(path, 'invalid-type', `${at} must be text.`);
      if (shape.enum && !shape.enum.includes(value)) {
        return checks.add(path, 'invalid', `${at} is one of ${shape.enum.join(', ')}.`);
      }
      if (shape.minLength !== undefined && value.length < shape.minLength) {
        return checks.add(path, 'required', `${at} must not be empty.`);
      }
      if (shape.maxLength !== undefined && value.length > shape.maxLength) {
        return checks.add(path, 'too-long', `${at} can be at most ${shape.maxLength} characters.`);
      }
      if (shape.pattern && !shape.pattern.test(value)) return checks.add(path, 'invalid', `${at} is not valid.`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        return checks.add(path, 'invalid-type', `${at} must be a whole number.`);
      }
      if (shape.enum && !shape.enum.includes(value)) {
        return checks.add(path, 'invalid', `${at} is one of ${shape.enum.join(', ')}.`);
      }
      if (
        (shape.minimum !== undefined && value < shape.minimum) ||
        (shape.maximum !== undefined && value > shape.maximum)
      ) {
        return checks.add(
          path,
          'out-of-range',
          `${at} must be from ${shape.minimum ?? '…'} to ${shape.maximum ?? '…'}.`,
        );
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') checks.add(path, 'invalid-type', `${at} must be true or false.`);
      return;
    case 'array':
      if (!Array.isArray(value)) return checks.add(path, 'invalid-type', `${at} must be a list.`);
      if (shape.minItems !== undefined && value.length < shape.minItems) {
        return checks.add(path, 'required', `${at} needs at least ${shape.minItems} item(s).`);
      }
      if (shape.maxItems !== undefined && value.length > shape.maxItems) {
        return checks.add(path, 'too-many', `${at} can hold at most ${shape.maxItems} items.`);
      }
      value.forEach((item, i) => checkShape(item, shape.items, checks, join(path, i)));
      return;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return checks.add(path, 'invalid-type', `${at} must be an object.`);
      }
      const o = value as Record<string, unknown>;
      for (const key of shape.required ?? []) {
        if (o[key] === undefined) checks.add(join(path, key), 'required', `${join(path, key)} is required.`);
      }
      for (const [key, v] of Object.entries(o)) {
        const sub = shape.properties[key];
        if (sub) {
          if (v !== undefined) checkShape(v, sub, checks, join(path, key));
        } else if (shape.additional !== true) {
          checks.add(join(path, key), 'unknown-field', `There is no field ${join(path, key)}.`);
        }
      }
      return;
    }
  }
}

/** Checks a body against a shape and returns it typed; a 400 listing every problem otherwise. */
export function shaped<T>(value: unknown, shape: Shape): T {
  const checks = new Checks();
  checkShape(value, shape, checks);
  checks.done();
  return value as T;
}
