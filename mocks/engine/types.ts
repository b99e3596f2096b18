/**
 * The tenant world: everything the billing engine reads. A world is plain JSON (it is
 * what QA writes, what the mock store keeps, what the generator makes), so every field
 * here is a string, number, boolean, array or object; dates are calendar dates.
 *
 * The engine never mutates a world. Functions that "change" something return what to
 * append (an order, a payment, an invoice) and the store applies it.
 */
import type { IsoDate, YearMonth } from './dates.js';

export type { IsoDate, YearMonth } from './dates.js';
export type { Money } from './money.js';

/**
 * How a plan turns people into a bill (see shared/billing-rules.md):
 * - `peak-daily` (B1): base fee with included users; billed users = the month's highest daily count.
 * - `per-user` (B2): every person active on at least one day of the month.
 * - `full-month` (B3): persons active on every day of the month (optionally with a qualifying activity).
 * - `invited` (B4): persons active and already invited on at least one day of the month.
 * - `prepaid-licenses` (B5): a license count bought in advance per period; users do not change the bill.
 */
export type BillingModel = 'peak-daily' | 'per-user' | 'full-month' | 'invited' | 'prepaid-licenses';

/** A plan (edition) in the tenant's price list. Prices exclude tax, in the tenant's currency. */
export interface Plan {
  id: string;
  /** Display name, e.g. "injixo Advanced". */
  name: string;
  model: BillingModel;
  /** Monthly base fee in minor units (B1; 0 or absent elsewhere). */
  baseFee?: number;
  /** Users included in the base fee (B1). */
  includedUsers?: number;
  /**
   * The per-unit price in minor units: per extra user per month (B1), per billable user
   * per month (B2–B4), per license per month (B5).
   */
  unitPrice: number;
  /** B3 only: a billable user must also have a qualifying activity in the month. */
  requiresActivity?: boolean;
  /** File storage included, in GB, where the plan has it. */
  storageGb?: number;
}

/** Where a person is listed. One person may be in several; they are billed once. */
export type DirectoryName = 'wfm-employees' | 'account-users' | 'people' | 'workplace' | 'severa' | 'm365';

/** A person's role in the host product. Only `admin` and `finance` may see billing. */
export type Role = 'admin' | 'finance' | 'member' | 'guest';

/** One person of the organisation, with the dates that decide billing. */
export interface Person {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** The directories (sections of the product) this person appears in; at least one. */
  directories: DirectoryName[];
  /**
   * The join date given when the person was created: the first day they count.
   * Later edits of the join date live in `joinDate` and never change billing (B1).
   */
  billingStart: IsoDate;
  /** The join date as shown today, if it was changed after creation. */
  joinDate?: IsoDate;
  /** First day the person is no longer active (deactivated). Absent: still active. */
  deactivatedOn?: IsoDate;
  /** The day the person was deleted: inactive from then on and hidden from lists. */
  deletedOn?: IsoDate;
  /** B3: a guest from another company of a multi-company group; never billable. */
  guest?: boolean;
  /** B4: the day the person was invited to claim their account. Absent: only provisioned. */
  invitedOn?: IsoDate;
  /** B4: the day the person claimed their account. */
  claimedOn?: IsoDate;
}

/** Kinds of activity. Only some qualify for B3's `requiresActivity`. */
export type ActivityKind =
  | 'login'
  | 'web-visit'
  | 'mobile-visit'
  | 'admin-panel'
  | 'chat'
  | 'push-notification-view'
  | 'email-notification-view';

/** Activity kinds that make a person billable under `requiresActivity`. */
export const QUALIFYING_ACTIVITY: ReadonlySet<ActivityKind> = new Set<ActivityKind>([
  'login',
  'web-visit',
  'mobile-visit',
  'admin-panel',
  'chat',
]);

/** One thing a person did on one day (the tenant's calendar date). */
export interface ActivityEvent {
  personId: string;
  on: IsoDate;
  kind: ActivityKind;
}

/** A trial before the first billed month (Workplace). */
export interface Trial {
  /** First trial day. */
  startedOn: IsoDate;
  /** Length in days, start day included. Default 30. */
  lengthDays?: number;
}

/**
 * Prepaid licenses (B5). The license count at any date is `initialCount` plus the
 * `add-licenses` orders in effect minus the `remove-licenses` orders in effect.
 */
export interface LicenseTerms {
  /** Licenses held at the subscription's start. */
  initialCount: number;
  /** Months per billing period at the start (1 monthly, 12 yearly, or 6…). */
  periodMonths: number;
}

/** Kinds of order: every change to a subscription produces one, kept as history. */
export type OrderKind = 'add-licenses' | 'remove-licenses' | 'change-plan' | 'change-period';

/** An order confirmation. Orders effective after "today" are the scheduled changes. */
export interface Order {
  id: string;
  kind: OrderKind;
  /** The day the order was placed. */
  placedOn: IsoDate;
  /** The day it takes effect: at once for additions, the next period start otherwise. */
  effectiveOn: IsoDate;
  /** Number of licenses added or removed (license orders). */
  quantity?: number;
  /** The plan from `effectiveOn` (`change-plan`). */
  planId?: string;
  /** The period length from `effectiveOn` (`change-period`). */
  periodMonths?: number;
  /** The prorated amount billed at once (`add-licenses`), in minor units. */
  amount?: number;
  /** The client's idempotency key, so a replayed request never orders twice. */
  idempotencyKey?: string;
  /** Who placed it (person id), if known. */
  placedBy?: string;
}

/** Invoice statuses, as the API reports them. */
export type InvoiceStatus = 'upcoming' | 'open' | 'paid' | 'past_due' | 'payment_failed';

/** What one invoice line stands for. */
export type InvoiceLineKind = 'base-fee' | 'user-count' | 'extra-users' | 'users' | 'licenses' | 'proration' | 'credit';

/** One line of an invoice. `amount` = round-half-up(quantity × unitPrice × factor). */
export interface InvoiceLine {
  kind: InvoiceLineKind;
  /** Plain-language description, e.g. "Extra users above 50 included (peak 53 on 2026-03-10)". */
  description: string;
  quantity: number;
  /** Minor units per unit (0 for informative lines such as the user count). */
  unitPrice: number;
  /** Minor units; negative for a credit. */
  amount: number;
  /** The service period this line covers. */
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
  /** Informative lines (the user count) carry no amount and are shown on their own line. */
  informative?: boolean;
  /** For user-count lines: the peak and the first day it was reached. */
  peak?: { count: number; on: IsoDate };
}

/** An issued invoice. Immutable once issued: later data changes never alter it. */
export interface Invoice {
  id: string;
  /** Human invoice number, e.g. "INV-2026-0003". */
  number: string;
  /** The service period billed. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  currency: string;
  lines: InvoiceLine[];
  /** Sum of the non-informative lines before credit, minor units. */
  subtotal: number;
  /** Tax rate in basis points (2100 = 21 %). */
  taxRate: number;
  tax: number;
  /** subtotal + tax. */
  total: number;
  /** Credit balance applied at issue, minor units (≥ 0). */
  creditApplied: number;
  /** total − creditApplied: what has to be paid. */
  amountDue: number;
  /** The PO number in force when it was issued. */
  poNumber?: string;
  /** The plan billed. */
  planId: string;
  /** The order this invoice bills at once (license additions), if any. */
  orderId?: string;
}

/** One payment attempt or receipt. */
export interface Payment {
  id: string;
  on: IsoDate;
  /** Minor units received (0 for a declined charge). */
  amount: number;
  outcome: 'succeeded' | 'declined';
  /** Why a charge was declined, e.g. `card_expired`, `insufficient_funds`. */
  declineReason?: string;
  /** The invoice paid or attempted; absent for a payment on account. */
  invoiceId?: string;
}

/** The payment method on file. Never a card number: only what can be shown. */
export interface PaymentMethod {
  kind: 'card' | 'sepa-debit' | 'invoice';
  brand?: string;
  last4?: string;
  /** `YYYY-MM`: the card is valid through the end of this month. */
  expires?: YearMonth;
  /** The card is known to be declined (e.g. blocked) whatever its expiry. */
  declines?: boolean;
}

/** The tenant: who is billed, where, and on what terms. */
export interface Tenant {
  id: string;
  /** Company name, shown read-only on billing pages. */
  name: string;
  vatNumber?: string;
  /** IANA time zone; every date in the world is a calendar date in it. */
  timeZone: string;
  /** ISO 4217 currency of every price and invoice. */
  currency: string;
  /** Payment term in days: due date = issue date + this. */
  paymentTermDays: number;
  /** Tax rate in basis points (2100 = 21 %). */
  taxRate: number;
  /** BCP 47 locale of the tenant's documents, e.g. `nl-NL`. */
  locale: string;
}

/** The subscription and its price list. */
export interface Subscription {
  /** The plan at the start; `change-plan` orders move it later. */
  planId: string;
  /** Every plan the tenant can be on (editions to change to). */
  plans: Plan[];
  /** First day of the subscription (first period start for B5). */
  startedOn: IsoDate;
  trial?: Trial;
  /** B5 only. */
  licenses?: LicenseTerms;
  /** File storage used, in GB, where the plan has storage. */
  storageUsedGb?: number;
  /** PO number printed on invoices issued from now on. */
  poNumber?: string;
}

/** A postal address. */
export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. `NL`. */
  country: string;
}

/**
 * Who receives invoices and where they are sent. Company name and VAT number live on the
 * tenant (read-only here); the PO number on the subscription.
 */
export interface BillingDetailsRecord {
  /** E-mail addresses that receive invoices and payment reminders (at least one, unique ignoring case). */
  recipients: string[];
  /** The billing contact: a person of the organisation, or an e-mail typed in. */
  contact?: { personId?: string; email?: string; name?: string };
  /** Required, even when invoices go out electronically. */
  address: PostalAddress;
  /** When enabled, the e-invoice address and the operator code are required. */
  eInvoicing: { enabled: boolean; address?: string; operatorCode?: string };
  /** Bumped on every save: the ETag of the details. */
  version: number;
  /** Where company name and VAT number are changed, e.g. "Account › Company profile". */
  companyManagedAt?: string;
}

/** The whole world of one tenant. */
export interface World {
  schemaVersion: 1;
  /** "Today" for every rule: the injected clock. */
  today: IsoDate;
  tenant: Tenant;
  subscription: Subscription;
  people: Person[];
  activity: ActivityEvent[];
  orders: Order[];
  /** Issued invoices, oldest first. */
  invoices: Invoice[];
  payments: Payment[];
  paymentMethod?: PaymentMethod;
  /** Invoice recipients, contact, address, e-invoicing. */
  billingDetails?: BillingDetailsRecord;
}

/** Why a person is or is not billed in a month (the UI turns codes into sentences). */
export type BillingReason =
  // billed
  | 'active-on-peak-day' // B1: active on the day the month's peak was first reached
  | 'active-in-month' // B2: active on at least one day
  | 'active-full-month' // B3: active every day (and, if required, a qualifying activity)
  | 'invited-and-active' // B4: active and invited on at least one day
  | 'holds-license' // B5: active, using one of the prepaid licenses
  // not billed
  | 'deactivated' // inactive for the whole month (or, B1, from before the peak day); date = deactivatedOn
  | 'not-yet-started' // starts after the month (or, B1, after the peak day); date = billingStart
  | 'created-mid-month' // B3: created after the 1st; date = billingStart
  | 'ended-mid-month' // B3: ended before the last day; date = deactivatedOn
  | 'guest' // B3: guest from another company
  | 'not-invited' // B4: never invited while active in the month
  | 'no-qualifying-activity'; // B3 with requiresActivity

/** One person's verdict for one month, with the date that explains it. */
export interface PersonBilling {
  personId: string;
  billable: boolean;
  reason: BillingReason;
  /** The date behind the reason (deactivation, creation, peak day…), if any. */
  reasonDate?: IsoDate;
}
