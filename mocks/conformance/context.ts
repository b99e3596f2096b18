/**
 * What every group of checks shares: the HTTP side, the contract, the results, the roles,
 * the month under test, what the first reads found out about the tenant (an invoice to
 * open, whether it has licenses, strings that are billing data), the endpoints found
 * missing, and the log of writes made.
 */
import { randomUUID } from 'node:crypto';
import type { Contract } from './contract.js';
import { describeAnswer, isProblem, problemCode } from './http.js';
import type { Answer, Http } from './http.js';
import { fail } from './results.js';
import type { Results, WriteRecord } from './results.js';

/** Roles that may read and change billing (the contract's conventions). */
export const BILLING_ROLES: readonly string[] = ['admin', 'finance'];

/** What the first reads found out about the tenant. */
export interface Facts {
  /** The first read of each operation the check makes, as the default role. */
  reads: Map<string, Answer>;
  invoiceId?: string;
  /** A person of the users list (its first row), for the reads about one person. */
  userId?: string;
  /** An active person of the users list, for the deactivation preview. */
  activeUserId?: string;
  /** The account's outstanding balance (minor units), from `GET /invoices`. */
  outstanding?: number;
  /** `GET /licenses` answered 200 (true) or 409 (false). */
  licensed?: boolean;
  /** `GET /subscription` answered 404 `no-subscription`. */
  noSubscription?: boolean;
  /** Strings that are billing data (company, recipients, invoice numbers, e-mails): never in a 403. */
  sensitive: Set<string>;
}

export interface Context {
  http: Http;
  contract: Contract;
  results: Results;
  writes: boolean;
  /** The role of requests that name none: admin if given, else finance if given, else admin without credentials. */
  defaultRole: string;
  /** Every role to check, with credentials or the default one. */
  roles: string[];
  today: string;
  /** The month the users list and the daily usage are read for (`YYYY-MM`). */
  month: string;
  year: number;
  /** Operations found missing (404/405/501), with the answer that said so. */
  missing: Map<string, Answer>;
  facts: Facts;
  writeLog: WriteRecord[];
}

/** `GET /users`: the method and the contract's path of an operation. */
export function endpoint(ctx: Context, operationId: string): string {
  const op = ctx.contract.operation(operationId);
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  return `conformance-${randomUUID()}`;
}

/** The answer, in the words of a report: `404 text/html: Cannot GET /plans`. */
export function got(answer: Answer): string {
  return describeAnswer(answer, true);
}

/** Fails unless the answer's status is one of `statuses`. */
export function expectStatus(answer: Answer, statuses: readonly number[], expected: string, hint?: string): void {
  if (statuses.includes(answer.status)) return;
  fail({ expected, got: got(answer), ...(hint ? { hint } : {}) });
}

/** Fails unless the answer is a problem document with the status. */
export function expectProblem(answer: Answer, statuses: readonly number[], expected: string, hint?: string): void {
  expectStatus(answer, statuses, expected, hint);
  if (!isProblem(answer)) {
    fail({
      expected,
      got: `${got(answer)} (not a problem document)`,
      hint: 'Every error is an RFC 9457 problem document: Content-Type application/problem+json with type, title and status.',
    });
  }
}

/**
 * Why an answer says the endpoint is not there, or `undefined`: as the contract and the
 * elements read it, a `405`, a `501`, or a `404` that is not a problem document with a
 * `code` (a `404` with one, such as `no-subscription` or `unknown-user`, is the endpoint
 * answering about a resource). The kit's mock answers a path it does not serve with the
 * code `no-such-endpoint`: missing too.
 */
export function missingBecause(answer: Answer): string | undefined {
  if (answer.status === 405 || answer.status === 501) return `answered ${got(answer)}`;
  if (answer.status !== 404) return undefined;
  const code = isProblem(answer) ? problemCode(answer) : undefined;
  if (code !== undefined && code !== '' && code !== 'no-such-endpoint') return undefined;
  return `answered ${got(answer)}`;
}

/** A string of billing data found in `text`, if any. */
export function sensitiveIn(ctx: Context, text: string): string | undefined {
  for (const s of ctx.facts.sensitive) if (text.includes(s)) return s;
  return undefined;
}

/** Records strings of billing data from an answer (for the 403 checks). */
export function collectSensitive(ctx: Context, values: unknown[]): void {
  for (const v of values) {
    if (typeof v === 'string' && v.trim().length >= 5) ctx.facts.sensitive.add(v);
  }
}

/** Whether the role may use billing (admin, finance). */
export function isBillingRole(role: string): boolean {
  return BILLING_ROLES.includes(role);
}

/** The role's name for a report: `member`, or `admin (no credentials given)`. */
export function roleLabel(ctx: Context, role: string | null): string {
  if (role === null) return 'no credentials';
  return ctx.http.hasCredentials(role) ? role : `${role} (no credentials given)`;
}

/** The billing details as they are now (as the default role): ETag and body, or why not. */
export async function currentDetails(
  ctx: Context,
): Promise<{ etag: string | null; body: Record<string, unknown>; answer: Answer }> {
  const answer = await ctx.http.call('getBillingDetails');
  if (answer.status !== 200 || answer.json === null || typeof answer.json !== 'object') {
    fail({ expected: '200 application/json from GET /billing-details', got: got(answer) });
  }
  return { etag: answer.headers.get('ETag'), body: answer.json as Record<string, unknown>, answer };
}

/** The ids of the orders listed now (as the default role). */
export async function orderIds(ctx: Context): Promise<string[]> {
  const answer = await ctx.http.call('listOrders');
  const items = (answer.json as { items?: unknown } | undefined)?.items;
  if (answer.status !== 200 || !Array.isArray(items)) {
    fail({ expected: '200 application/json from GET /licenses/orders', got: got(answer) });
  }
  return items.map((o) => String((o as { id?: unknown } | null)?.id));
}
