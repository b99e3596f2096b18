import createClient, { type Client } from 'openapi-fetch';
import { BillingApiError, type Problem } from './errors.js';
import type { components, operations, paths } from './schema.js';

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
}

/** The billing details and the ETag to send back when saving them. */
export interface VersionedDetails {
  details: BillingDetails;
  etag: string;
}

/** A per-call option: an `AbortSignal` to cancel the request. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** A random idempotency key, also outside secure contexts. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface RawResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The typed client of the billing API, derived from the OpenAPI contract
 * (`openapi/billing-api.yaml` → `schema.d.ts`), so a contract change breaks compilation
 * where it matters. Every method resolves with the response body or rejects with a
 * {@link BillingApiError}.
 */
export class BillingClient {
  readonly baseUrl: string;
  readonly #api: Client<paths>;

  constructor(options: BillingClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#api = createClient<paths>({
      baseUrl: this.baseUrl,
      // Looked up at each call, not at construction: a mock (MSW) or the host may patch
      // globalThis.fetch after the client was made.
      fetch: options.fetch ?? ((request: Request) => globalThis.fetch(request)),
      ...(options.headers ? { headers: options.headers } : {}),
      querySerializer: { array: { style: 'form', explode: false } },
    });
  }

  /** The caller's role and what it may do. */
  getMe(o: CallOptions = {}): Promise<Permissions> {
    return this.#run(() => this.#api.GET('/me', { signal: o.signal }));
  }

  getSubscription(o: CallOptions = {}): Promise<SubscriptionOverview> {
    return this.#run(() => this.#api.GET('/subscription', { signal: o.signal }));
  }

  /** Schedules an edition or billing-frequency change for the next period boundary. */
  scheduleChange(change: ChangeRequest, o: CallOptions & { idempotencyKey?: string } = {}): Promise<Order> {
    return this.#run(() =>
      this.#api.POST('/subscription/changes', {
        body: change,
        params: { header: { 'Idempotency-Key': o.idempotencyKey ?? newIdempotencyKey() } },
        signal: o.signal,
      }),
    );
  }

  listPlans(o: CallOptions = {}): Promise<{ currency: string; items: Plan[] }> {
    return this.#run(() => this.#api.GET('/plans', { signal: o.signal }));
  }

  listUsers(query: ListUsersQuery, o: CallOptions = {}): Promise<UserPage> {
    return this.#run(() => this.#api.GET('/users', { params: { query }, signal: o.signal }));
  }

  /** The CSV export of a month's billed (or not billed) users, as text. */
  exportUsersCsv(month: string, billed = true, o: CallOptions = {}): Promise<string> {
    return this.#run(() =>
      this.#api.GET('/users/export', { params: { query: { month, billed } }, parseAs: 'text', signal: o.signal }),
    );
  }

  deactivateUser(
    userId: string,
    body: { removeLicense?: boolean } = {},
    o: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<UserChange> {
    return this.#run(() =>
      this.#api.POST('/users/{userId}/deactivate', {
        params: { path: { userId }, header: { 'Idempotency-Key': o.idempotencyKey ?? newIdempotencyKey() } },
        body,
        signal: o.signal,
      }),
    );
  }

  reactivateUser(
    userId: string,
    body: { buyLicense?: boolean } = {},
    o: CallOptions & { idempotencyKey?: string } = {},
  ): Promise<UserChange> {
    return this.#run(() =>
      this.#api.POST('/users/{userId}/reactivate', {
        params: { path: { userId }, header: { 'Idempotency-Key': o.idempotencyKey ?? newIdempotencyKey() } },
        body,
        signal: o.signal,
      }),
    );
  }

  getDailyUsage(month: string, o: CallOptions = {}): Promise<DailyUsage> {
    return this.#run(() => this.#api.GET('/usage/daily', { params: { query: { month } }, signal: o.signal }));
  }

  getMonthlyUsage(year: number, o: CallOptions = {}): Promise<{ year: number; months: MonthUsage[] }> {
    return this.#run(() => this.#api.GET('/usage/monthly', { params: { query: { year } }, signal: o.signal }));
  }

  listInvoices(query: ListInvoicesQuery = {}, o: CallOptions = {}): Promise<InvoicePage> {
    return this.#run(() => this.#api.GET('/invoices', { params: { query }, signal: o.signal }));
  }

  getUpcomingInvoice(o: CallOptions = {}): Promise<Invoice> {
    return this.#run(() => this.#api.GET('/invoices/upcoming', { signal: o.signal }));
  }

  getInvoice(invoiceId: string, o: CallOptions = {}): Promise<Invoice> {
    return this.#run(() =>
      this.#api.GET('/invoices/{invoiceId}', { params: { path: { invoiceId } }, signal: o.signal }),
    );
  }

  /** The invoice's PDF and the file name the server suggests. */
  async getInvoicePdf(invoiceId: string, o: CallOptions = {}): Promise<{ blob: Blob; fileName: string }> {
    let response: Response | undefined;
    const blob = await this.#run(async () => {
      const r = await this.#api.GET('/invoices/{invoiceId}/pdf', {
        params: { path: { invoiceId } },
        parseAs: 'blob',
        signal: o.signal,
      });
      response = r.response;
      return r;
    });
    const disposition = response?.headers.get('Content-Disposition') ?? '';
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `invoice-${invoiceId}.pdf`;
    return { blob, fileName };
  }

  settleBalance(o: CallOptions & { idempotencyKey?: string } = {}): Promise<SettleResult> {
    return this.#run(() =>
      this.#api.POST('/invoices/settle', {
        params: { header: { 'Idempotency-Key': o.idempotencyKey ?? newIdempotencyKey() } },
        signal: o.signal,
      }),
    );
  }

  getLicenses(o: CallOptions = {}): Promise<LicenseSummary> {
    return this.#run(() => this.#api.GET('/licenses', { signal: o.signal }));
  }

  quoteLicenses(quantity: number, o: CallOptions = {}): Promise<LicenseQuote> {
    return this.#run(() => this.#api.POST('/licenses/quote', { body: { quantity }, signal: o.signal }));
  }

  listOrders(o: CallOptions = {}): Promise<{ items: Order[] }> {
    return this.#run(() => this.#api.GET('/licenses/orders', { signal: o.signal }));
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
    return this.#run(() =>
      this.#api.POST('/licenses/orders', {
        body: { kind, quantity },
        params: { header: { 'Idempotency-Key': o.idempotencyKey ?? newIdempotencyKey() } },
        signal: o.signal,
      }),
    );
  }

  async getBillingDetails(o: CallOptions = {}): Promise<VersionedDetails> {
    let etag = '';
    const details = await this.#run(async () => {
      const r = await this.#api.GET('/billing-details', { signal: o.signal });
      etag = r.response.headers.get('ETag') ?? '';
      return r;
    });
    return { details, etag: etag || details.version };
  }

  /** Saves billing details; rejects with kind `stale` (412) when someone saved first. */
  async putBillingDetails(input: BillingDetailsInput, etag: string, o: CallOptions = {}): Promise<VersionedDetails> {
    let newTag = '';
    const details = await this.#run(async () => {
      const r = await this.#api.PUT('/billing-details', {
        body: input,
        params: { header: { 'If-Match': etag } },
        signal: o.signal,
      });
      newTag = r.response.headers.get('ETag') ?? '';
      return r;
    });
    return { details, etag: newTag || details.version };
  }

  searchPeople(q: string, limit = 20, o: CallOptions = {}): Promise<{ items: PersonRef[] }> {
    return this.#run(() => this.#api.GET('/people', { params: { query: { q, limit } }, signal: o.signal }));
  }

  getPaymentMethod(o: CallOptions = {}): Promise<PaymentMethod | null> {
    return this.#run(() => this.#api.GET('/payment-method', { signal: o.signal }));
  }

  async #run<T>(call: () => Promise<RawResult<T>>): Promise<T> {
    let result: RawResult<T>;
    try {
      result = await call();
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') {
        throw new BillingApiError({ kind: 'aborted', status: 0, message: 'Request cancelled', cause });
      }
      throw new BillingApiError({
        kind: 'network',
        status: 0,
        message: 'The billing service could not be reached',
        cause,
      });
    }
    const { response } = result;
    if (response.ok) return result.data as T;
    const problem = isProblem(result.error) ? result.error : undefined;
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new BillingApiError({
      status: response.status,
      ...(problem ? { problem } : {}),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
    });
  }
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'status' in x && 'title' in x;
}
