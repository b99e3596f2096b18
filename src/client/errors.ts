import type { components } from './schema.js';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

/** What went wrong, in the terms a component shows. */
export type BillingErrorKind =
  | 'network' // no answer (offline, DNS, CORS, connection reset)
  | 'aborted' // the caller cancelled the request
  | 'timeout' // no answer within the request's deadline (the request was aborted)
  | 'unauthorized' // 401: no session
  | 'forbidden' // 403: the role may not see billing
  | 'not-found' // 404 with a problem document and its code: the resource does not exist
  | 'not-implemented' // 501, or a 404/405 that is no problem document with a code: the backend lacks the endpoint
  | 'invalid' // 400/422: per-field errors
  | 'conflict' // 409: does not fit the subscription
  | 'stale' // 412: someone saved a newer version
  | 'rate-limited' // 429
  | 'server'; // 5xx or anything unexpected

/**
 * The kind of a failed answer. A 404 of the contract is a problem document with a stable
 * `code` (`no-subscription`, `unknown-user`…); any other 404, a 405 or a 501 means the
 * backend does not serve that endpoint (a framework's own "Not Found" page), which an
 * element shows as such instead of guessing "nothing there".
 */
function kindOf(status: number, problem: Problem | undefined): BillingErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return problem?.code ? 'not-found' : 'not-implemented';
  if (status === 405 || status === 501) return 'not-implemented';
  if (status === 400 || status === 422 || status === 428) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 412) return 'stale';
  if (status === 429) return 'rate-limited';
  return 'server';
}

/**
 * Every failed call of {@link BillingClient} rejects with this: the HTTP status (0 when
 * there was no answer), a kind to branch on, the RFC 9457 problem when the server sent
 * one, and the per-field errors ready to show next to their fields.
 */
export class BillingApiError extends Error {
  override name = 'BillingApiError';
  readonly kind: BillingErrorKind;
  /** HTTP status; 0 for a network failure, a timeout or an abort. */
  readonly status: number;
  readonly problem: Problem | undefined;
  /** Seconds to wait, from a 429's `Retry-After`. */
  readonly retryAfter: number | undefined;
  /** The request that failed (method and URL), for the technical details an element shows. */
  readonly request: { method: string; url: string } | undefined;

  constructor(init: {
    kind?: BillingErrorKind;
    status: number;
    problem?: Problem;
    message?: string;
    retryAfter?: number;
    request?: { method: string; url: string };
    cause?: unknown;
  }) {
    super(init.message ?? init.problem?.detail ?? init.problem?.title ?? `Request failed (${init.status})`, {
      cause: init.cause,
    });
    this.status = init.status;
    this.kind = init.kind ?? kindOf(init.status, init.problem);
    this.problem = init.problem;
    this.retryAfter = init.retryAfter;
    this.request = init.request;
  }

  /** The stable problem code, e.g. `below-active-users`, `stale-etag`. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Per-field errors, keyed by field path (`recipients[1]`, `address.city`). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) out[e.field] ??= e.message;
    return out;
  }

  /** True when trying again may help (network, timeout, 429, 5xx). */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate-limited' || this.kind === 'server';
  }
}
