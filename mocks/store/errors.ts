/**
 * What the store refuses, in the domain's terms: a kind (why it cannot be done), a stable
 * code, the fields at fault and, for some refusals, what the caller needs next (the
 * current details of a stale save, the quote of a license to buy). The store knows
 * nothing of HTTP; `mocks/http/problem.ts` maps each kind to a status and a problem
 * document.
 */
import type { WorldError } from '../engine/errors.js';
import { RuleError } from '../engine/errors.js';
import type { FieldError, TextParams } from './contract.js';

/**
 * - `invalid`: the request is malformed (a role, a date, a quantity out of range).
 * - `not-found`: no such user, invoice or scenario.
 * - `conflict`: the request does not fit the subscription, e.g. a license action without
 *   prepaid licenses, or deactivating someone already deactivated.
 * - `rule`: the billing rules refuse it (every field at fault listed).
 * - `stale`: the edit was based on a version that is no longer the current one.
 */
export type StoreErrorKind = 'invalid' | 'not-found' | 'conflict' | 'rule' | 'stale';

/** A refusal by the mock store. Nothing was changed. */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly kind: StoreErrorKind;
  /** A stable code, e.g. `not-licensed`, `license-required`, `stale-version`. */
  readonly code: string;
  /** Per-field errors, when the refusal is about fields (named as the domain names them). */
  readonly errors: FieldError[];
  /** What the caller needs next: `current` (the details now, on `stale`), `quote` (the license to buy). */
  readonly extra: Record<string, unknown>;
  /** The values `code` is worded with (the problem's `params`), if any. */
  readonly params: TextParams | undefined;

  constructor(
    kind: StoreErrorKind,
    code: string,
    message: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; params?: TextParams } = {},
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
    this.params = options.params;
  }
}

/** The former name of {@link StoreError} (`billing-elements/mocks` exported it): the same class. */
export { StoreError as MockError };
/** The former name of {@link StoreErrorKind}. */
export type MockErrorKind = StoreErrorKind;

/** One field's error, with its params when it has some. */
export function fieldError(field: string, code: string, message: string, params?: TextParams): FieldError {
  return params === undefined ? { field, code, message } : { field, code, params: { ...params }, message };
}

/** An `invalid` refusal of one field. */
export function invalid(field: string, code: string, message: string, params?: TextParams): StoreError {
  return new StoreError('invalid', code, message, {
    errors: [fieldError(field, code, message, params)],
    ...(params ? { params } : {}),
  });
}

/** The engine's refusal as a store refusal (prepaid-license actions on a subscription without them: `conflict`). */
export function fromRuleError(e: RuleError): StoreError {
  if (e.code === 'not-prepaid-licenses') {
    return new StoreError('conflict', 'not-licensed', e.reason, {
      errors: [fieldError(e.field, 'not-licensed', e.reason, e.params)],
    });
  }
  return new StoreError('rule', e.code, e.reason, {
    errors: [fieldError(e.field, e.code, e.reason, e.params)],
    ...(e.params ? { params: e.params } : {}),
  });
}

/** Runs `fn`, turning the engine's RuleError into a StoreError. */
export function rules<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RuleError) throw fromRuleError(e);
    throw e;
  }
}

/** A world the engine cannot read, every problem listed (`rule`, code `invalid-world`). */
export function worldErrors(problems: readonly WorldError[]): StoreError {
  const errors: FieldError[] = problems.map((p) => ({ field: p.field, code: 'invalid-world', message: p.reason }));
  return new StoreError('rule', 'invalid-world', `The world has ${errors.length} problem(s).`, { errors });
}
