/**
 * RFC 9457 problem responses (`application/problem+json`): a stable `code`, a URI `type`
 * derived from it, a title, a plain-language English `detail`, the `params` the code is
 * worded with, per-field `errors` (each with its code, params and English message) where
 * a request was invalid, and extra members (`current` on 412, `quote` on a license refusal).
 */
import { RuleError, WorldError } from '../engine/errors.js';
import { fromRuleError, StoreError } from '../store/errors.js';
import type { StoreErrorKind } from '../store/errors.js';
import type { FieldError, Problem, TextParams } from '../store/contract.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Sign in to see billing',
  403: 'Ask your administrator',
  404: 'Not found',
  409: 'This does not fit the subscription',
  412: 'Someone saved a newer version',
  413: 'The request is too large',
  414: 'The address is too long',
  415: 'The body is not JSON',
  422: 'The billing rules refuse this',
  428: 'The version being edited is missing',
  429: 'Too many requests',
  500: 'The billing service failed',
};

const STATUS_OF: Record<StoreErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  stale: 412,
  rule: 422,
};

/** Store codes the API names otherwise: a stale version is a stale ETag on the wire. */
const WIRE_CODES: Readonly<Record<string, string>> = { 'stale-version': 'stale-etag' };

/** Fields the store names by their domain name and the API by a header. */
const WIRE_FIELDS: Readonly<Record<string, string>> = { idempotencyKey: 'Idempotency-Key' };

/** The problem of a store refusal: its kind's status, the API's code and field names. */
function storeProblem(e: StoreError, instance?: string): Response {
  const errors = e.errors.map((f) => {
    const field = WIRE_FIELDS[f.field];
    return field === undefined ? f : { ...f, field };
  });
  const code = WIRE_CODES[e.code] ?? e.code;
  const init: ProblemInit = { code, detail: e.message, errors, extra: e.extra };
  if (e.params !== undefined) init.params = e.params;
  return problem(STATUS_OF[e.kind], init, instance);
}

/** What a problem response carries besides its status. */
export interface ProblemInit {
  code: string;
  title?: string;
  detail?: string;
  /** The values `code` is worded with (e.g. `seconds` of `rate-limited`). */
  params?: TextParams;
  errors?: FieldError[];
  /** Extra members of the document (`current`, `quote`). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A problem to answer with, thrown from anywhere below a handler. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly status: number;
  readonly init: ProblemInit;

  constructor(status: number, init: ProblemInit) {
    super(init.detail ?? init.code);
    this.status = status;
    this.init = init;
  }
}

/** The problem document of a status and init. */
export function problemBody(status: number, init: ProblemInit, instance?: string): Problem {
  const body: Problem = {
    type: `urn:billing:problem:${init.code}`,
    title: init.title ?? TITLES[status] ?? 'Error',
    status,
    code: init.code,
  };
  if (init.detail !== undefined) body.detail = init.detail;
  if (init.params !== undefined) body.params = { ...init.params };
  if (instance !== undefined) body.instance = instance;
  if (init.errors && init.errors.length > 0) body.errors = init.errors;
  return { ...body, ...(init.extra ?? {}) } as Problem;
}

/** A `Response` carrying a problem document. */
export function problem(status: number, init: ProblemInit, instance?: string): Response {
  return new Response(JSON.stringify(problemBody(status, init, instance)), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...(init.headers ?? {}) },
  });
}

/** 400 with per-field errors. */
export function badRequest(errors: FieldError[], detail = 'Some parameters or fields are not valid.'): ProblemError {
  return new ProblemError(400, { code: 'invalid-request', detail, errors });
}

/** 404 for a missing resource. */
export function notFound(detail: string, code = 'not-found'): ProblemError {
  return new ProblemError(404, { code, detail });
}

/** What a `500` says: that the service failed, never why (no error text, no stack). */
export const INTERNAL_DETAIL = 'The billing service failed unexpectedly. Try again later.';

/**
 * The problem for anything thrown below a handler: a `ProblemError` as it is, the
 * store's `StoreError` and the engine's `RuleError` by their kind (in the API's codes and
 * field names), anything else a 500
 * with a generic detail (the error itself is logged, never answered: it is a bug of the
 * mock or a world the engine cannot read).
 */
export function problemFromError(e: unknown, instance?: string): Response {
  if (e instanceof ProblemError) return problem(e.status, e.init, instance);
  if (e instanceof StoreError) return storeProblem(e, instance);
  if (e instanceof RuleError) return storeProblem(fromRuleError(e), instance);
  // A world the engine cannot bill at this state (its validator lets through what only a
  // later date shows): the caller's world is at fault, and the field is named.
  if (e instanceof WorldError) {
    return problem(
      422,
      {
        code: 'invalid-world',
        detail: `The world cannot be billed: ${e.field}: ${e.reason}`,
        errors: [{ field: e.field, code: 'invalid-world', message: e.reason }],
      },
      instance,
    );
  }
  console.error('[billing mock] a handler failed:', e);
  return problem(500, { code: 'internal', detail: INTERNAL_DETAIL }, instance);
}
