import { BillingApiError, type Problem } from './errors.js';
import { newIdempotencyKey } from './idempotency.js';
import type { components, operations, paths } from './schema.js';

export { newIdempotencyKey };

type Schemas = components['schemas'];
export type Permissions = Schemas['Permissions'];
export type SubscriptionOverview = Schemas['SubscriptionOverview'];
export type Plan = Schemas['Plan'];
export type BillingModel = Schemas['BillingModel'];
export type BillingReason = Schemas['BillingReason'];
export type BillingUser = Schemas['BillingUser'];
export type UserPage = Schemas['UserPage'];
export type UserChange = Schemas['UserChange'];
export type DailyUsage = Schemas['DailyUsage'];
export type MonthUsage = Schemas['MonthUsage'];
export type Invoice = Schemas['Invoice'];
export type InvoiceSummary = Schemas['InvoiceSummary'];
export type InvoiceStatus = Schemas['InvoiceStatus'];
export type InvoicePage = Schemas['InvoicePage'];
export type Balance = Schemas['Balance'];
export type SettleResult = Schemas['SettleResult'];
export type LicenseSummary = Schemas['LicenseSummary'];
export type LicenseQuote = Schemas['LicenseQuote'];
export type LicenseOrderResult = Schemas['LicenseOrderResult'];
export type Order = Schemas['Order'];
export type ChangeRequest = Schemas['ChangeRequest'];
export type BillingDetails = Schemas['BillingDetails'];
export type BillingDetailsInput = Schemas['BillingDetailsInput'];
export type PersonRef = Schemas['PersonRef'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type Role = Schemas['Role'];
export type PersonTimeline = Schemas['PersonTimeline'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type DeactivationPreview = Schemas['DeactivationPreview'];
export type CreditLedger = Schemas['CreditLedger'];
export type CreditEntry = Schemas['CreditEntry'];

export type ListUsersQuery = NonNullable<operations['listUsers']['parameters']['query']>;
export type ListInvoicesQuery = NonNullable<operations['listInvoices']['parameters']['query']>;

/** Options for {@link BillingClient}. */
export interface BillingClientOptions {
  /** Where the API lives, e.g. `/api/billing` or `https://app.example.com/api/billing`. */
  baseUrl: string;
  /** The host's own fetch (to add auth, tracing, retries…). Defaults to `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /** Headers sent with every request (e.g. `Authorization`). */
  headers?: Record<string, string>;
  /**
   * How long a request may take, in milliseconds, by kind, before it is aborted and
   * rejects with kind `timeout` (defaults: {@link DEFAULT_DEADLINES}). `0` waits forever.
   */
  deadlines?: Partial<Deadlines>;
}

/** How long each kind of request may take (ms): reads, writes, and files (PDF, CSV). */
export interface Deadlines {
  read: number;
  write: number;
  file: number;
}

/**
 * The deadlines a client has unless told otherwise: long enough for a slow backend on a
 * slow line, short enough that a request that will never answer is said to be one.
 */
export const DEFAULT_DEADLINES: Readonly<Deadlines> = Object.freeze({ read: 20_000, write: 30_000, file: 60_000 });

/** The billing details and the ETag to send back when saving them. */
export interface VersionedDetails {
  details: BillingDetails;
  etag: string;
}

/**
 * Per-call options: an `AbortSignal` to cancel the call, and its own deadline (ms, `0`:
 * none). Both are the caller's own: when the call shares a GET in flight with other
 * callers (see {@link BillingClient}), the request is aborted once none of them waits.
 */
export interface CallOptions {
  signal?: AbortSignal;
  deadline?: number;
  /**
   * The reader's language (BCP 47), sent as `Accept-Language`: documents (the PDF, the
   * CSV) and the host's own words (`companyManagedAt`) come back in it.
   */
  lang?: string;
}

/** The `Idempotency-Key` header of a write: the caller's key (a retry of one action) or a new one. */
const idempotent = (o: { idempotencyKey?: string }): { 'Idempotency-Key': string } => ({
  'Idempotency-Key': o.idempotencyKey ?? newIdempotencyKey(),
});

type Method = 'get' | 'post' | 'put';
/** The contract's operation at `path` and `method` (schema.ts, generated from the OpenAPI file). */
type Operation<P extends keyof paths, M extends Method> = Extract<paths[P][M], { responses: unknown }>;
type Params<O> = O extends { parameters: infer X } ? X : never;
type Query<O> = Params<O> extends { query?: infer Q } ? NonNullable<Q> : never;
type Path<O> = Params<O> extends { path?: infer Q } ? NonNullable<Q> : never;
type Header<O> = Params<O> extends { header?: infer Q } ? NonNullable<Q> : never;
type Body<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The JSON body of the operation's 200 or 201 response. */
type Ok<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201
        ? R[S] extends { content: { 'application/json': infer J } }
          ? J
          : never
        : never;
    }[keyof R]
  : never;

/** A request as the contract types it: the path's parameters, the query, headers and body the operation takes. */
type RequestInit<O> = {
  signal?: AbortSignal | undefined;
  deadline?: number | undefined;
  lang?: string | undefined;
  /** How to read a successful body: JSON (the default), text or a blob. */
  as?: 'json' | 'text' | 'blob';
} & ([Path<O>] extends [never] ? unknown : { path: Path<O> }) &
  ([Query<O>] extends [never] ? unknown : { query?: Query<O> }) &
  ([Header<O>] extends [never] ? unknown : { header?: Header<O> }) &
  ([Body<O>] extends [never] ? unknown : { body?: Body<O> });

interface Sent {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  header?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  deadline?: number | undefined;
  lang?: string | undefined;
  as?: 'json' | 'text' | 'blob';
}

/**
 * The file name of a `Content-Disposition` (RFC 6266): the exact UTF-8 name of
 * `filename*=UTF-8''…` (RFC 5987) when present and readable, else `filename`'s fallback.
 */
function dispositionFileName(disposition: string): string | undefined {
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // Malformed %-encoding: use the plain name.
    }
  }
  return /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i
    .exec(disposition)
    ?.slice(1)
    .find((x) => x !== undefined);
}

/** `?a=1&list=x,y`: arrays comma-separated (OpenAPI `form`, `explode: false`), empty values left out. */
function queryString(query: Sent['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    search.append(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The typed client of the billing API, derived from the OpenAPI contract
 * (`openapi/billing-api.yaml` → `schema.ts`), so a contract change breaks compilation
 * where it matters. Every method resolves with the response body or rejects with a
 * {@link BillingApiError}.
 *
 * Reads asked at once are asked once: a GET whose URL (path and query) and headers (the
 * client's own, `Accept`, `Accept-Language`) are those of a GET still in flight waits for
 * that request's answer instead of sending its own (elements that ask for `/subscription`
 * at the same time send one request). Only while in flight: a GET asked after the answer,
 * after a caller's deadline passed on it, or after a write of this client settled, sends
 * a new request. Each caller still has its own signal and deadline: leaving rejects it
 * alone (`aborted`, `timeout`), and the request is aborted only when every caller has
 * left. Each caller gets its own copy of the body (JSON parsed for each) and its own
 * error. Writes (POST, PUT) are never shared. Headers a host's `fetch` adds are not part
 * of the match: one client's calls are taken to be one session's.
 */
export class BillingClient {
  readonly baseUrl: string;
  readonly #fetch: (input: Request) => Promise<Response>;
  readonly #headers: Record<string, string>;
  /** The GETs in flight that a new identical GET joins, by URL and headers. */
  readonly #inFlight = new Map<string, Flight>();
  /** The deadlines in force (the defaults, with the options' own). */
  readonly deadlines: Readonly<Deadlines>;

  constructor(options: BillingClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // Looked up at each call, not at construction: a mock (MSW) or the host may patch
    // globalThis.fetch after the client was made.
    this.#fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.#headers = options.headers ?? {};
    this.deadlines = Object.freeze({ ...DEFAULT_DEADLINES, ...options.deadlines });
  }

  /** The caller's role and what it may do. */
  getMe(o: CallOptions = {}): Promise<Permissions> {
    return this.#data('get', '/me', o);
  }

  getSubscription(o: CallOptions = {}): Promise<SubscriptionOverview> {
    return this.#data('get', '/subscription', o);
  }

  /** Schedules an edition or billing-frequency change for the next period boundary. */
  scheduleChange(change: ChangeRequest, o: CallOptions & { idempotencyKey?: string } = {}): Promise<Order> {
    return this.#data('post', '/subscription/changes', {
      body: change,
      header: idempotent(o),
      ...o,
    });
  }

  /**
   * Cancels a scheduled change (an order of `scheduledChanges`, not yet in effect);
   * answers the cancelled order. Rejects with kind `not-found` (`unknown-order`) or
   * `conflict` (`already-effective`, `order-invoiced`).
   */
  cancelScheduledChange(orderId: string, o: CallOptions & { idempotencyKey?: string } = {}): Promise<Order> {
    return this.#data('post', '/subscription/changes/{orderId}/cancel', {
      path: { orderId },
      header: idempotent(o),
      ...o,
    });
  }

  listPlans(o: CallOptions = {}): Promise<{ currency: string; items: Plan[] }> {
    return this.#data('get', '/plans', o);
  }

  listUsers(query: ListUsersQuery, o: CallOptions = {}): Promise<UserPage> {
    return this.#data('get', '/users', { query, ...o });
  }

  /** The CSV export of a month's billed (or not billed) users, as text. */
  async exportUsersCsv(month: string, billed = true, o: CallOptions = {}): Promise<string> {
    const { data } = await this.#call('get', '/users/export', { query: { month, billed }, as: 'text', ...o });
    return data as unknown as string;
  }

  /** One person's month explained: the verdict and the dated facts behind it. */
  getUserTimeline(userId: string, month: string, o: CallOptions = {}): Promise<PersonTimeline> {
    return this.#data('get', '/users/{userId}/timeline', { path: { userId }, query: { month }, ...o });
  }

  /** What deactivating a person today would do to this bill and the next; changes nothing. */
  previewDeactivation(userId: string, removeLicense = false, o: CallOptions = {}): Promise<DeactivationPreview> {
    return this.#data('get', '/users/{userId}/deactivate/preview', {
      path: { userId },
      query: { removeLicense },
      ...o,
    });
  }

  deactivateUser(
    userId: string,
    body: { removeLicense?: boolean } = {},
    o: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<UserChange> {
    return this.#data('post', '/users/{userId}/deactivate', {
      path: { userId },
      header: idempotent(o),
      body,
      ...o,
    });
  }

  reactivateUser(
    userId: string,
    body: { buyLicense?: boolean } = {},
    o: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<UserChange> {
    return this.#data('post', '/users/{userId}/reactivate', {
      path: { userId },
      header: idempotent(o),
      body,
      ...o,
    });
  }

  getDailyUsage(month: string, o: CallOptions = {}): Promise<DailyUsage> {
    return this.#data('get', '/usage/daily', { query: { month }, ...o });
  }

  getMonthlyUsage(year: number, o: CallOptions = {}): Promise<{ year: number; months: MonthUsage[] }> {
    return this.#data('get', '/usage/monthly', { query: { year }, ...o });
  }

  listInvoices(query: ListInvoicesQuery = {}, o: CallOptions = {}): Promise<InvoicePage> {
    return this.#data('get', '/invoices', { query, ...o });
  }

  /** The credit ledger, newest first. */
  listCredit(query: { offset?: number; limit?: number } = {}, o: CallOptions = {}): Promise<CreditLedger> {
    return this.#data('get', '/credits', { query, ...o });
  }

  getUpcomingInvoice(o: CallOptions = {}): Promise<Invoice> {
    return this.#data('get', '/invoices/upcoming', o);
  }

  getInvoice(invoiceId: string, o: CallOptions = {}): Promise<Invoice> {
    return this.#data('get', '/invoices/{invoiceId}', { path: { invoiceId }, ...o });
  }

  /** The invoice's PDF and the file name the server suggests. */
  async getInvoicePdf(invoiceId: string, o: CallOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    const { data, response } = await this.#call('get', '/invoices/{invoiceId}/pdf', {
      path: { invoiceId },
      as: 'blob',
      ...o,
    });
    const fileName =
      dispositionFileName(response.headers.get('Content-Disposition') ?? '') ?? `invoice-${invoiceId}.pdf`;
    return { blob: data as unknown as Blob, fileName };
  }

  settleBalance(o: CallOptions & { idempotencyKey?: string } = {}): Promise<SettleResult> {
    return this.#data('post', '/invoices/settle', {
      header: idempotent(o),
      ...o,
    });
  }

  getLicenses(o: CallOptions = {}): Promise<LicenseSummary> {
    return this.#data('get', '/licenses', o);
  }

  quoteLicenses(quantity: number, o: CallOptions = {}): Promise<LicenseQuote> {
    return this.#data('post', '/licenses/quote', { body: { quantity }, ...o });
  }

  listOrders(o: CallOptions = {}): Promise<{ items: Order[] }> {
    return this.#data('get', '/licenses/orders', o);
  }

  /**
   * Adds licenses now or removes them from the next period. Pass the same
   * `idempotencyKey` when retrying one user action: the server orders once.
   */
  orderLicenses(
    kind: 'add' | 'remove',
    quantity: number,
    o: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<LicenseOrderResult> {
    return this.#data('post', '/licenses/orders', {
      body: { kind, quantity },
      header: idempotent(o),
      ...o,
    });
  }

  async getBillingDetails(o: CallOptions = {}): Promise<VersionedDetails> {
    const { data: details, response } = await this.#call('get', '/billing-details', o);
    return { details, etag: response.headers.get('ETag') || details.version };
  }

  /** Saves billing details; rejects with kind `stale` (412) when someone saved first. */
  async putBillingDetails(input: BillingDetailsInput, etag: string, o: CallOptions = {}): Promise<VersionedDetails> {
    const { data: details, response } = await this.#call('put', '/billing-details', {
      body: input,
      header: { 'If-Match': etag },
      ...o,
    });
    return { details, etag: response.headers.get('ETag') || details.version };
  }

  searchPeople(q: string, limit = 20, o: CallOptions = {}): Promise<{ items: PersonRef[] }> {
    return this.#data('get', '/people', { query: { q, limit }, ...o });
  }

  getPaymentMethod(o: CallOptions = {}): Promise<PaymentMethod | null> {
    return this.#data('get', '/payment-method', o);
  }

  async #data<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    init: RequestInit<Operation<P, M>>,
  ): Promise<Ok<Operation<P, M>>> {
    return (await this.#call(method, path, init)).data;
  }

  /**
   * Sends one request of the contract and reads its answer, body included, within the
   * caller's deadline. Resolves with the body (parsed JSON, or the text or blob `as`
   * asks for) and the response; rejects with a {@link BillingApiError}: `aborted` (the
   * caller's signal), `timeout` (the deadline passed), `network`, or the status's kind
   * with the RFC 9457 problem the server sent.
   *
   * A GET joins an identical GET in flight (same URL, same headers: see {@link BillingClient});
   * a caller that leaves (its signal, its deadline) rejects at once, and the request is
   * aborted when no caller waits for it any more. A write (any other method) is never
   * shared, and once it has settled no GET joins one asked before it.
   */
  async #call<P extends keyof paths, M extends Method>(
    method: M,
    path: P,
    init: RequestInit<Operation<P, M>>,
  ): Promise<{ data: Ok<Operation<P, M>>; response: Response }> {
    const sent = init as Sent;
    const as = sent.as ?? 'json';
    const url =
      this.baseUrl +
      path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(sent.path?.[name]))) +
      queryString(sent.query);
    const request = { method: method.toUpperCase(), url };
    const headers = new Headers(this.#headers);
    for (const [name, value] of Object.entries(sent.header ?? {})) headers.set(name, value);
    headers.set('Accept', as === 'text' ? 'text/csv' : as === 'blob' ? 'application/pdf' : 'application/json');
    if (sent.lang) headers.set('Accept-Language', sent.lang);
    let body: string | undefined;
    if (sent.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(sent.body);
    }
    const ms = sent.deadline ?? this.deadlines[as !== 'json' ? 'file' : method === 'get' ? 'read' : 'write'];
    if (sent.signal?.aborted) throw aborted(sent.signal);
    // Every header the client sends is part of the key (Headers iterate sorted, names lower-cased).
    const key =
      method === 'get' ? [url, ...Array.from(headers, ([name, value]) => `${name}: ${value}`)].join('\n') : undefined;
    let flight = key === undefined ? undefined : this.#inFlight.get(key);
    if (!flight) {
      flight = this.#send(url, { method: request.method, headers, body }, as === 'blob');
      if (key !== undefined) this.#inFlight.set(key, flight);
    }
    try {
      const outcome = await this.#wait(flight, key, sent.signal, ms, request);
      if ('cause' in outcome) {
        throw new BillingApiError({
          kind: 'network',
          status: outcome.status,
          request,
          message: outcome.status ? 'The answer was cut off' : 'The billing service could not be reached',
          cause: outcome.cause,
        });
      }
      const { response, body: answer } = outcome;
      if (!response.ok) {
        const problem = parse(answer as string);
        const retryAfter = Number(response.headers.get('Retry-After'));
        throw new BillingApiError({
          status: response.status,
          request,
          ...(isProblem(problem) ? { problem } : {}),
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
        });
      }
      let data: unknown;
      if (as !== 'json') data = answer;
      else if (response.status !== 204) {
        // Parsed for each caller: callers of a shared GET never hold the same object.
        try {
          data = answer ? (JSON.parse(answer as string) as unknown) : null;
        } catch (cause) {
          // A body cut off by a dropped connection is a failure of the request.
          throw new BillingApiError({
            kind: 'network',
            status: response.status,
            request,
            message: 'The answer was cut off',
            cause,
          });
        }
      }
      return { data: data as Ok<Operation<P, M>>, response };
    } finally {
      // A GET asked after a write has settled must see it: none joins a GET asked before.
      if (key === undefined) this.#inFlight.clear();
    }
  }

  /**
   * Fetches one request and reads its body to the end: a blob for a successful file, else
   * the text (a failure's problem document too). The request carries none of the callers'
   * signals but the flight's own, aborted when its last caller leaves. Never rejects: a
   * failure is an outcome, which each caller turns into its own error.
   */
  #send(url: string, init: globalThis.RequestInit, blob: boolean): Flight {
    const abort = new AbortController();
    const outcome = (async (): Promise<Outcome> => {
      let response: Response;
      try {
        response = await this.#fetch(new Request(url, { ...init, signal: abort.signal }));
      } catch (cause) {
        return { status: 0, cause };
      }
      try {
        return { response, body: blob && response.ok ? await response.blob() : await response.text() };
      } catch (cause) {
        // A failure's body is only its problem document: without it the status still tells.
        return response.ok ? { status: response.status, cause } : { response, body: '' };
      }
    })();
    return { outcome, abort, waiting: 0 };
  }

  /**
   * One caller's wait for a flight: it settles with the flight's outcome, or rejects as
   * soon as the caller's signal aborts (`aborted`) or its deadline passes (`timeout`).
   * The caller then leaves; the last to leave aborts the request. A flight that has
   * settled, that a caller's deadline passed, or that every caller left is no longer
   * offered to new callers.
   */
  #wait(
    flight: Flight,
    key: string | undefined,
    signal: AbortSignal | undefined,
    ms: number,
    request: { method: string; url: string },
  ): Promise<Outcome> {
    const forget = () => {
      if (key !== undefined && this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
    };
    flight.waiting += 1;
    return new Promise<Outcome>((resolve, reject) => {
      let done = false;
      const end = () => {
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
      };
      const leave = (error: BillingApiError) => {
        if (done) return;
        end();
        reject(error);
        if (--flight.waiting === 0) {
          forget();
          flight.abort.abort();
        }
      };
      const cancel = () => leave(aborted(signal!));
      const late = () => {
        // A request past a caller's deadline may hang: a GET asked from now on (a retry) asks again.
        forget();
        leave(new BillingApiError({ kind: 'timeout', status: 0, request, message: `No answer within ${ms} ms` }));
      };
      const timer = ms > 0 ? setTimeout(late, ms) : undefined;
      signal?.addEventListener('abort', cancel, { once: true });
      void flight.outcome.then((outcome) => {
        forget(); // before any caller goes on: a GET asked after the answer asks again
        if (done) return;
        end();
        resolve(outcome);
      });
    });
  }
}

/** What a request came to: the response and its body read to the end, or why there is none. */
type Outcome = { response: Response; body: string | Blob } | { status: number; cause: unknown };

/** A request in flight: its outcome, how to abort it, and how many callers still wait for it. */
interface Flight {
  readonly outcome: Promise<Outcome>;
  readonly abort: AbortController;
  waiting: number;
}

/** The error of a call its caller's signal cancelled. */
function aborted(signal: AbortSignal): BillingApiError {
  return new BillingApiError({ kind: 'aborted', status: 0, message: 'Request cancelled', cause: signal.reason });
}

/** The JSON of a failure's body, or `undefined` when it is none (an HTML error page). */
function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'status' in x && 'title' in x;
}
