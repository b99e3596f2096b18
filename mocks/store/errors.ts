/**
 * What the store refuses, in terms the HTTP layer maps to a status without guessing:
 * the store knows nothing of HTTP, but it knows *why* a request cannot be done.
 */
import type { FieldError } from './contract.js';

/**
 * - `invalid`: the request is malformed (400).
 * - `not-found`: no such user, invoice, scenario (404).
 * - `conflict`: the request does not fit the subscription, e.g. a license action without licenses (409).
 * - `rule`: the billing rules refuse it (422).
 * - `stale`: the details were saved by someone else since (412).
 * - `precondition-required`: `If-Match` is missing (428).
 */
export type MockErrorKind = 'invalid' | 'not-found' | 'conflict' | 'rule' | 'stale' | 'precondition-required';

/** A refusal by the mock store. Nothing was changed. */
export class MockError extends Error {
  override name = 'MockError';
  readonly kind: MockErrorKind;
  /** A stable problem code, e.g. `not-licensed`, `license-required`, `stale-etag`. */
  readonly code: string;
  /** Per-field errors, when the refusal is about fields. */
  readonly errors: FieldError[];
  /** Extra members for the problem document (`current`, `quote`). */
  readonly extra: Record<string, unknown>;

  constructor(
    kind: MockErrorKind,
    code: string,
    message: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
  }
}
